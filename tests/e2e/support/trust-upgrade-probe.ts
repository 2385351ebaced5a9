/**
 * Bundled by tests/e2e/trust-durability.e2e.ts into a page of a copy of the built extension: the project's own
 * database class (storage/database.ts, with every version it declares today) plus one further version whose
 * upgrade throws, as a faulty future release would. Opening it in real Chromium must fail and leave the
 * database at its old version with its data.
 */
import { SellerNavDB } from '../../../storage/database';

export const FAILING_UPGRADE_MESSAGE = 'trust: this upgrade fails on purpose';

class SellerNavDBWithFailingUpgrade extends SellerNavDB {
  constructor() {
    super();
    const next = this.verno + 1;
    this.version(next)
      .stores({})
      .upgrade(async (tx) => {
        // Change a seller record first, so a rollback that kept partial work would show.
        await tx.table('bookmarks').toCollection().modify({ title: 'changed by a failed upgrade' });
        throw new Error(FAILING_UPGRADE_MESSAGE);
      });
  }
}

/** Opens the database with the failing upgrade; resolves with what the open reported. */
async function openWithFailingUpgrade(): Promise<{ opened: boolean; error: string }> {
  const db = new SellerNavDBWithFailingUpgrade();
  try {
    await db.open();
    return { opened: true, error: '' };
  } catch (error) {
    return {
      opened: false,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    db.close();
  }
}

(globalThis as { trustOpenWithFailingUpgrade?: typeof openWithFailingUpgrade }).trustOpenWithFailingUpgrade =
  openWithFailingUpgrade;
