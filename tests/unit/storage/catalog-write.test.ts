import {
  applyFeed,
  hashItem,
  prepareFeed,
  removeFeedData,
  StorageFullError,
  CHUNK_SIZE,
} from '@/storage/catalog-write';
import {
  getCatalogItem,
  getCatalogStatus,
  getCategories,
  getSearchPack,
  listItems,
  listNewItems,
  markNewSeen,
} from '@/storage/catalog';
import { feedRecord, freshDb, makeFeed, makeItem } from './helpers';

describe('replacing a feed in the cache', () => {
  test('first write stores every item, readable by id, category and kind', async () => {
    const db = freshDb();
    await db.feeds.put(feedRecord('a'));
    const items = [
      makeItem('t1'),
      makeItem('g1', { kind: 'guide', category: 'wiki' }),
      makeItem('g2', { kind: 'guide', category: null }),
    ];
    const result = await applyFeed(db, 'a', prepareFeed(makeFeed(items)), { now: 1000 });
    expect(result).toMatchObject({ inserted: 3, updated: 0, deleted: 0, itemCount: 3 });
    expect(await getCatalogItem('g1', db)).toMatchObject({ id: 'g1', feedId: 'a', firstSeenAt: 1000 });
    expect((await listItems({ category: 'wiki', kind: 'guide' }, db)).map((i) => i.id)).toEqual(['g1']);
    expect((await listItems({ kind: 'guide' }, db)).map((i) => i.id).sort()).toEqual(['g1', 'g2']);
    expect((await listItems({ category: '' }, db)).map((i) => i.id)).toEqual(['g2']);
    const categories = await getCategories(db);
    expect(categories.find((c) => c.id === 'logistics')).toMatchObject({ tools: 1, guides: 0 });
    expect((await db.feeds.get('a'))?.lastSuccessAt).toBe(1000);
  });

  test('a second write inserts, updates and deletes vanished and tombstoned items; unchanged chunks stay', async () => {
    const db = freshDb();
    await db.feeds.put(feedRecord('a'));
    const many = Array.from({ length: CHUNK_SIZE * 3 }, (_, i) => makeItem(`t${i}`));
    await applyFeed(db, 'a', prepareFeed(makeFeed(many)), { now: 1000 });
    const next = many
      .filter((i) => i.id !== 't5' && i.id !== 't6')
      .map((i) => (i.id === 't7' ? { ...i, title: 'Renamed' } : i));
    next.push(makeItem('fresh'));
    const result = await applyFeed(db, 'a', prepareFeed(makeFeed(next, ['t6'])), { now: 2000 });
    expect(result).toMatchObject({ inserted: 1, updated: 1, deleted: 2 });
    expect(result.chunksWritten).toBeLessThan(4);
    expect(await getCatalogItem('t5', db)).toBeUndefined();
    expect(await getCatalogItem('t6', db)).toBeUndefined();
    expect((await getCatalogItem('t7', db))?.title).toBe('Renamed');
    expect((await getCatalogItem('t7', db))?.firstSeenAt).toBe(1000);
    expect((await getCatalogItem('fresh', db))?.firstSeenAt).toBe(2000);
    expect((await listItems({}, db)).length).toBe(CHUNK_SIZE * 3 - 1);
  });

  test('a tombstoned id stays hidden even if the feed lists it again later', async () => {
    const db = freshDb();
    await db.feeds.put(feedRecord('a'));
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('x'), makeItem('y')], ['x'])));
    expect(await getCatalogItem('x', db)).toBeUndefined();
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('x'), makeItem('y')])));
    expect(await getCatalogItem('x', db)).toBeUndefined();
    expect(await getCatalogItem('y', db)).toBeDefined();
  });

  test('several feeds merge; each item remembers its feed; the earlier feed wins a shared id', async () => {
    const db = freshDb();
    await db.feeds.bulkPut([feedRecord('a', 1), feedRecord('b', 2)]);
    await applyFeed(
      db,
      'b',
      prepareFeed(makeFeed([makeItem('shared', { title: 'from b' }), makeItem('b1')])),
    );
    await applyFeed(
      db,
      'a',
      prepareFeed(makeFeed([makeItem('shared', { title: 'from a' }), makeItem('a1')])),
    );
    expect(await getCatalogItem('shared', db)).toMatchObject({ feedId: 'a', title: 'from a' });
    expect(await getCatalogItem('b1', db)).toMatchObject({ feedId: 'b' });
    expect((await listItems({}, db)).map((i) => i.id).sort()).toEqual(['a1', 'b1', 'shared']);
    await removeFeedData(db, 'a');
    expect(await getCatalogItem('shared', db)).toMatchObject({ feedId: 'b', title: 'from b' });
    expect(await getCatalogItem('a1', db)).toBeUndefined();
    expect(await db.feeds.get('a')).toBeUndefined();
  });

  test('new items are counted per surface until the seller has seen them; the starter is never new', async () => {
    const db = freshDb();
    await db.feeds.bulkPut([feedRecord('starter', 0), feedRecord('a', 1)]);
    await applyFeed(db, 'starter', prepareFeed(makeFeed([makeItem('s1')])), { quiet: true, now: 10 });
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('a1')])), { now: 100 });
    expect((await getCatalogStatus(db)).newCount).toEqual({ popup: 1, sidebar: 1 });
    await markNewSeen('popup', 150, db);
    expect((await getCatalogStatus(db)).newCount).toEqual({ popup: 0, sidebar: 1 });
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('a1'), makeItem('a2')])), { now: 200 });
    expect((await listNewItems('popup', 50, db)).map((i) => i.id)).toEqual(['a2']);
    expect((await listNewItems('sidebar', 50, db)).map((i) => i.id)).toEqual(['a2', 'a1']);
  });

  test('the search pack is built from the merged catalog and stored as one record', async () => {
    const db = freshDb();
    await db.feeds.put(feedRecord('a'));
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('p'), makeItem('q')])), {
      buildSearchPack: (items) => ({ ids: items.map((i) => i.id).sort() }),
    });
    expect(await getSearchPack(db)).toEqual({ ids: ['p', 'q'] });
  });

  test('a quota error fails with a clear message and changes nothing', async () => {
    const db = freshDb();
    let diskFull = false;
    // Middleware is installed before the database opens; it starts failing once `diskFull` is set.
    db.use({
      stack: 'dbcore',
      name: 'quota-full',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              diskFull && name === 'catalogBlobs'
                ? Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))
                : table.mutate(req),
          };
        },
      }),
    });
    await db.feeds.put(feedRecord('a'));
    await applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('old')])), { now: 1 });
    await db.bookmarks.put({
      id: 'b1',
      itemId: 'old',
      url: 'https://example.com/old',
      title: 'Old',
      note: '',
      folderId: null,
      order: 0,
      createdAt: 1,
      updatedAt: 1,
    });
    diskFull = true;
    await expect(
      applyFeed(db, 'a', prepareFeed(makeFeed([makeItem('new')])), { now: 2 }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await getCatalogItem('old', db)).toBeDefined();
    expect(await getCatalogItem('new', db)).toBeUndefined();
    expect((await db.feeds.get('a'))?.lastSuccessAt).toBe(1);
    expect(await db.bookmarks.count()).toBe(1);
  });
});

describe('the item hash the diff relies on', () => {
  test('changes when any field a seller sees changes, and only then', () => {
    const base = makeItem('h', { kind: 'guide', content_html: '<p>a</p>', tags: ['x', 'y'] });
    const same = hashItem({ ...base, tags: [...base.tags] });
    expect(hashItem(base)).toBe(same);
    const edits: Partial<typeof base>[] = [
      { title: 'other' },
      { summary: null },
      { content_html: '<p>b</p>' },
      { tags: ['xy'] },
      { tags: ['x', 'y', ''] },
      { category: 'wiki' },
      { views: 3 },
      { match: { hosts: null, paths: ['/home'], keywords: [] } },
      { url: null },
      { date_modified: '2024-01-02T00:00:00.000Z' },
      { kind: 'tool' },
    ];
    for (const edit of edits) expect(hashItem({ ...base, ...edit }), JSON.stringify(edit)).not.toBe(same);
  });
});
