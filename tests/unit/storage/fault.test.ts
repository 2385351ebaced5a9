import type { DBCore, DBCoreTable, DBCoreTransaction } from 'dexie';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { listAllItems, getCategories, getCatalogStatus } from '@/storage/catalog';
import type { SellerNavDB } from '@/storage/database';
import { feedRecord, freshDb, makeFeed, makeItem } from './helpers';

/**
 * Aborts the catalog write transaction at a random database call (≥ 100 runs) and checks, after each, that
 * the seller's data and the previous catalog are exactly as they were — or, when the fault comes after the
 * last call, that the new catalog is there whole.
 */

interface FaultPlan {
  /** Abort at this call of a read-write transaction (1-based); 0 = never. */
  abortAt: number;
  /** Abort before the call reaches IndexedDB, or once its result came back. */
  when: 'before' | 'after';
  calls: number;
}

function withFaults(db: SellerNavDB, plan: FaultPlan): SellerNavDB {
  const wrapTable = (table: DBCoreTable): DBCoreTable => {
    const guard =
      <Req extends { trans: DBCoreTransaction }, Res>(call: (req: Req) => Promise<Res>) =>
      (req: Req): Promise<Res> => {
        const native = req.trans as unknown as IDBTransaction;
        if (native.mode === 'readwrite') {
          plan.calls += 1;
          if (plan.calls === plan.abortAt && plan.when === 'before') {
            native.abort();
            return Promise.reject(new Error('injected fault'));
          }
          if (plan.calls === plan.abortAt) {
            return call(req).then(() => {
              native.abort();
              throw new Error('injected fault');
            });
          }
        }
        return call(req);
      };
    return {
      ...table,
      get: guard(table.get.bind(table)),
      getMany: guard(table.getMany.bind(table)),
      query: guard(table.query.bind(table)),
      count: guard(table.count.bind(table)),
      openCursor: guard(table.openCursor.bind(table)),
      mutate: guard(table.mutate.bind(table)),
    };
  };
  db.use({
    stack: 'dbcore',
    name: 'fault-injection',
    create: (down: DBCore): DBCore => ({ ...down, table: (name) => wrapTable(down.table(name)) }),
  });
  return db;
}

const CATEGORIES = ['logistics', 'wiki', 'payments', null] as const;

function version(n: number, size: number) {
  const items = [];
  for (let i = 0; i < size; i++) {
    if (n === 2 && i % 7 === 0) continue; // vanished
    const category = CATEGORIES[i % CATEGORIES.length]!;
    items.push(
      makeItem(`item-${i}`, {
        category,
        kind: i % 3 === 0 ? 'guide' : 'tool',
        title: n === 2 && i % 5 === 0 ? `Updated ${i}` : `Item ${i}`,
      }),
    );
  }
  if (n === 2) for (let i = size; i < size + 50; i++) items.push(makeItem(`item-${i}`));
  return makeFeed(items, n === 2 ? ['item-1'] : []);
}

async function snapshot(db: SellerNavDB) {
  const items = (await listAllItems(db)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    items: items.map((i) => `${i.id}:${i.title}:${i.feedId}`),
    categories: await getCategories(db),
    status: await getCatalogStatus(db),
    manifest: await db.feedManifests.get('a'),
    chunks: (await db.catalogChunks.toArray()).map((c) => `${c.id}:${c.hash}`).sort(),
  };
}

async function sellerData(db: SellerNavDB) {
  return {
    bookmarks: await db.bookmarks.toArray(),
    folders: await db.folders.toArray(),
    settings: await db.settings.toArray(),
    dismissedTips: await db.dismissedTips.toArray(),
    notes: await db.notes.toArray(),
  };
}

async function seedSellerData(db: SellerNavDB) {
  await db.folders.put({ id: 'f1', name: '物流', order: 0, createdAt: 1 });
  await db.bookmarks.bulkPut(
    Array.from({ length: 20 }, (_, i) => ({
      id: `bm-${i}`,
      itemId: `item-${i}`,
      url: `https://example.com/item-${i}`,
      title: `Bookmark ${i}`,
      note: i % 2 ? '常用' : '',
      folderId: i % 3 ? 'f1' : null,
      order: i,
      createdAt: i,
      updatedAt: i,
    })),
  );
  await db.settings.bulkPut([
    { key: 'ui.language', value: 'zh-CN' },
    { key: 'catalog.newSeenAt.popup', value: 5 },
  ]);
  await db.dismissedTips.put({
    id: 'd1',
    guideId: 'item-3',
    scope: 'never',
    pageKey: null,
    until: null,
    createdAt: 1,
  });
  await db.notes.put({ itemId: 'item-4', text: '记得先做', updatedAt: 1 });
}

const RUNS = 120;
const SIZE = 1200;

test(`aborting the catalog write at random points (${RUNS} runs) never loses seller data or half-writes the catalog`, async () => {
  // Dry run: how many database calls one write transaction makes.
  const probePlan: FaultPlan = { abortAt: 0, when: 'before', calls: 0 };
  const probe = withFaults(freshDb(), probePlan);
  await probe.feeds.put(feedRecord('a'));
  await applyFeed(probe, 'a', prepareFeed(version(1, SIZE)), { now: 1 });
  probePlan.calls = 0;
  await applyFeed(probe, 'a', prepareFeed(version(2, SIZE)), { now: 2 });
  const callsPerWrite = probePlan.calls;
  const whollyNew = await snapshot(probe);
  probe.close();
  expect(callsPerWrite).toBeGreaterThan(5);

  const prepared1 = prepareFeed(version(1, SIZE));
  const prepared2 = prepareFeed(version(2, SIZE));
  let aborted = 0;
  let committed = 0;
  let losses = 0;
  for (let run = 0; run < RUNS; run++) {
    const plan: FaultPlan = { abortAt: 0, when: 'before', calls: 0 };
    const db = withFaults(freshDb(), plan);
    await seedSellerData(db);
    await db.feeds.put(feedRecord('a'));
    await applyFeed(db, 'a', prepared1, { now: 1 });
    const before = await snapshot(db);
    const seller = await sellerData(db);

    // Uniform over every call of the transaction, plus "no fault" (the write commits).
    plan.calls = 0;
    plan.abortAt = 1 + Math.floor(Math.random() * (callsPerWrite + 1));
    plan.when = Math.random() < 0.5 ? 'before' : 'after';
    const outcome = await applyFeed(db, 'a', prepared2, { now: 2 }).then(
      () => 'committed' as const,
      () => 'aborted' as const,
    );
    plan.abortAt = 0;
    const after = await snapshot(db);
    const sellerAfter = await sellerData(db);
    const expected = outcome === 'committed' ? whollyNew : before;
    if (outcome === 'committed') committed++;
    else aborted++;
    const intact =
      JSON.stringify(sellerAfter) === JSON.stringify(seller) &&
      JSON.stringify(after.items) === JSON.stringify(expected.items) &&
      JSON.stringify(after.chunks) === JSON.stringify(expected.chunks) &&
      JSON.stringify(after.categories) === JSON.stringify(expected.categories) &&
      after.status.itemCount === expected.status.itemCount;
    if (!intact) losses++;
    db.close();
  }
  console.log(
    `fault test: ${RUNS} runs (${aborted} aborted at a random call of ${callsPerWrite}, ${committed} committed), losses: ${losses}`,
  );
  expect(aborted).toBeGreaterThan(RUNS / 2);
  expect(losses).toBe(0);
}, 120_000);
