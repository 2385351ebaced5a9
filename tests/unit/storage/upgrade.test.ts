import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { SellerNavDB } from '@/storage/database';
import { getCatalogItem, getCategories, listAllItems } from '@/storage/catalog';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { makeFeed, makeItem } from './helpers';

/**
 * Every schema version has a frozen fixture (tests/fixtures/db/v<N>.json, written once by generate.ts beside
 * it): the database is recreated at that old version with its old schema, then opened with today's code,
 * which runs the upgrades. The seller's data must come through unchanged and the catalog stay readable.
 */
interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = join(process.cwd(), 'tests/fixtures/db');
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

const SELLER_TABLES = ['bookmarks', 'folders', 'notes', 'dismissedTips', 'settings'] as const;

async function recreate(name: string, fixture: Fixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

test('there is a frozen fixture for the current schema version', () => {
  const current = new SellerNavDB({ name: 'verno-probe' });
  expect(fixtures.map((f) => f.version)).toContain(current.verno);
});

describe.each(fixtures.map((f) => [f.version, f] as const))(
  'a database at version %i',
  (version, fixture) => {
    test('opens with the current code; seller data unchanged; catalog readable and writable', async () => {
      const name = `upgrade-v${version}-${Math.random().toString(36).slice(2)}`;
      await recreate(name, fixture);
      const db = new SellerNavDB({ name });
      await db.open();
      for (const table of SELLER_TABLES) {
        const expected = fixture.tables[table] ?? [];
        const actual = await db.table(table).toArray();
        expect(actual, table).toEqual(expect.arrayContaining(expected));
        expect(actual.length, table).toBe(expected.length);
      }
      const items = await listAllItems(db);
      expect(items.length).toBeGreaterThan(0);
      const first = items[0]!;
      expect(await getCatalogItem(first.id, db)).toEqual(first);
      expect((await getCategories(db)).length).toBeGreaterThan(0);
      const feed = (await db.feeds.toArray())[0]!;
      // The next sync works on the upgraded cache, and still leaves the seller's data alone.
      await applyFeed(db, feed.id, prepareFeed(makeFeed([makeItem('after-upgrade')])));
      expect(await getCatalogItem('after-upgrade', db)).toBeDefined();
      expect(await db.bookmarks.count()).toBe((fixture.tables.bookmarks ?? []).length);
      db.close();
    });
  },
);
