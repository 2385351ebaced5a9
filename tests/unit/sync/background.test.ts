import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AddFeedResult, SyncFeedReport } from '@/messaging/sync';
import { db } from '@/storage/db';
import { newFeedRecord } from '@/storage/feed-record';
import { getCatalogItem, getCatalogStatus, getSearchPack, listAllItems } from '@/storage/catalog';
import { createSearcher, isCurrentSearchPack, type SearchPack } from '@/core/search';
import { readMatchIndex } from '@/storage/match-index';
import { feedRoute, jsonFeed, republishedFeed, startTestServer, toolItem, type TestServer } from './server';

/**
 * The background side of sync with WXT's fake browser: the schedule, the starter catalog at install, the
 * re-run of a cut-off sync, and the messages the settings page sends. Feeds come from a real loopback server.
 */
type Handler = (message: { data: unknown }) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('@/messaging/protocol', () => ({
  onMessage: vi.fn((name: string, handler: Handler) => void handlers.set(name, handler)),
  sendMessage: vi.fn(),
}));

const starterBytes = readFileSync(join(process.cwd(), 'public/catalog/starter-feed.json'));
let server: TestServer;
let granted: Set<string>;

beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  await db.delete();
  await db.open();
  server = await startTestServer();
  granted = new Set([`${server.origin}/*`]);
  fakeBrowser.permissions.contains = async (p) => (p.origins ?? []).every((o) => granted.has(o));
  // The extension's own file, as the browser serves it (the starter catalog needs no network).
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/catalog/starter-feed.json') && url.startsWith('chrome-extension://')) {
      return new Response(starterBytes, { headers: { 'content-type': 'application/json' } });
    }
    return globalFetch(input, init);
  });
});
const globalFetch = globalThis.fetch;
afterEach(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

async function start() {
  const { registerSync } = await import('@/entrypoints/background/sync');
  registerSync();
}

/** Fires the install event and waits until the bundled starter catalog is in the database. */
async function installWithStarterCatalog(): Promise<void> {
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  await vi.waitFor(async () => expect((await db.feeds.get('starter'))?.itemCount).toBeGreaterThan(100), {
    timeout: 10_000,
  });
}

function send<T>(name: string, data: unknown): Promise<T> {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ data }) as Promise<T>;
}

test('install: the schedule is set and the bundled starter catalog is there, not counted as new', async () => {
  await start();
  await installWithStarterCatalog();
  const alarm = await fakeBrowser.alarms.get('sellernav-sync');
  expect(alarm?.periodInMinutes).toBe(60);
  const status = await getCatalogStatus(db);
  expect(status.itemCount).toBeGreaterThan(100);
  expect(status.newCount).toEqual({ popup: 0, sidebar: 0 });
  expect((await readMatchIndex())?.guides.length).toBeGreaterThan(10);
});

test('add by message, the alarm syncs it again, remove leaves bookmarks alone', async () => {
  const feed = republishedFeed([toolItem('a'), toolItem('b')], '"1"');
  server.routes.set('/feed.json', feed.route);
  await start();

  expect(await send<AddFeedResult>('syncAddFeed', { url: 'ftp://x' })).toEqual({
    ok: false,
    error: 'invalid_url',
  });
  const added = await send<AddFeedResult>('syncAddFeed', { url: server.url('/feed.json') });
  expect(added.ok).toBe(true);
  if (!added.ok) return;
  expect(await send<AddFeedResult>('syncAddFeed', { url: server.url('/feed.json') })).toEqual({
    ok: false,
    error: 'duplicate',
  });
  // A feed that fails on its first sync is not kept; the seller sees why.
  expect(await send<AddFeedResult>('syncAddFeed', { url: server.url('/nothing.json') })).toEqual({
    ok: false,
    error: 'not_found|404',
  });

  feed.publish([toolItem('a'), toolItem('c')], '"2"');
  const alarm = await fakeBrowser.alarms.get('sellernav-sync');
  expect(alarm).toBeDefined();
  await fakeBrowser.alarms.onAlarm.trigger(alarm!);
  await vi.waitFor(async () => expect(await getCatalogItem('c', db)).toBeDefined());
  expect(await getCatalogItem('b', db)).toBeUndefined();

  await send<void>('syncSetPaused', { feedId: added.feedId, paused: true });
  const reports = await send<SyncFeedReport[]>('syncNow', {});
  expect(reports.map((r) => r.feedId)).not.toContain(added.feedId);

  await db.bookmarks.put({
    id: 'bm',
    itemId: 'a',
    url: 'https://tools.example.com/a',
    title: 'A',
    note: '',
    folderId: null,
    order: 0,
    createdAt: 1,
    updatedAt: 1,
  });
  await send<void>('syncRemoveFeed', { feedId: added.feedId });
  expect(await db.feeds.get(added.feedId)).toBeUndefined();
  expect(await getCatalogItem('a', db)).toBeUndefined();
  expect(await db.bookmarks.get('bm')).toBeDefined();
});

test('a revoked origin is a per-feed error at the next sync, not a crash', async () => {
  server.routes.set(
    '/feed.json',
    feedRoute(
      () => jsonFeed([toolItem('a')]),
      () => '"1"',
    ),
  );
  await start();
  const added = await send<AddFeedResult>('syncAddFeed', { url: server.url('/feed.json') });
  expect(added.ok).toBe(true);
  granted.clear();
  const [report] = await send<SyncFeedReport[]>('syncNow', {});
  expect(report?.error).toBe(`permission|${server.origin}`);
  expect(await getCatalogItem('a', db)).toBeDefined();
});

test('a sync cut off by the end of a previous service worker runs again at the next start', async () => {
  server.routes.set(
    '/feed.json',
    feedRoute(
      () => jsonFeed([toolItem('late')]),
      () => '"1"',
    ),
  );
  await db.feeds.put(
    newFeedRecord({ id: 'f', url: server.url('/feed.json'), title: '', paused: false, addedAt: 1 }),
  );
  // The marker a worker leaves while it syncs, dated before this worker started.
  await fakeBrowser.storage.local.set({ 'sync.inProgress': { startedAt: performance.timeOrigin - 1000 } });
  await start();
  await vi.waitFor(async () => expect(await getCatalogItem('late', db)).toBeDefined(), { timeout: 10_000 });
  await vi.waitFor(async () =>
    expect((await fakeBrowser.storage.local.get('sync.inProgress'))['sync.inProgress']).toBeUndefined(),
  );
  expect((await listAllItems(db)).some((i) => i.feedId === 'starter')).toBe(true);
});

test('a full disk while adding a feed is the storage-full sentence, and no subscription is left behind', async () => {
  server.routes.set(
    '/feed.json',
    feedRoute(
      () => jsonFeed([toolItem('a')]),
      () => '"1"',
    ),
  );
  await start();
  // The starter catalog is in place first, so the only write the refusal below meets is the subscription's.
  await installWithStarterCatalog();
  // Whatever database instance the background opens, its first write of the subscription row is refused as
  // IndexedDB refuses it when the origin's quota is used up.
  // Each Dexie database derives its tables from one shared Table prototype, which holds `add`.
  const tablePrototype = Object.getPrototypeOf(Object.getPrototypeOf(db.feeds)) as typeof db.feeds;
  const add = vi.spyOn(tablePrototype, 'add').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  try {
    expect(await send<AddFeedResult>('syncAddFeed', { url: server.url('/feed.json') })).toEqual({
      ok: false,
      error: 'storage_full',
    });
  } finally {
    add.mockRestore();
  }
  expect(await db.feeds.where('url').equals(server.url('/feed.json')).count()).toBe(0);
});

test('an update that changes the search pack format rebuilds the stored pack from the cached catalog', async () => {
  await start();
  await installWithStarterCatalog();
  // The pack as the previous release wrote it: version 1, no pinyin for tags.
  const current = (await getSearchPack(db)) as { version: number; tagPinyin?: unknown };
  const { tagPinyin: _dropped, ...previous } = current;
  await db.catalogBlobs.put({ key: 'searchPack', value: { ...previous, version: 1 }, updatedAt: Date.now() });
  expect(isCurrentSearchPack(await getSearchPack(db))).toBe(false);

  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
  await vi.waitFor(async () => expect(isCurrentSearchPack(await getSearchPack(db))).toBe(true), {
    timeout: 10_000,
  });
  // Tag pinyin is back: `wuliu` finds tools tagged 物流 whose titles do not say it.
  const hits = createSearcher((await getSearchPack(db)) as SearchPack).search('wuliu', { limit: 50 });
  const titles = await Promise.all(hits.map(async (hit) => (await getCatalogItem(hit.id, db))?.title ?? ''));
  expect(titles.some((title) => !title.includes('物流'))).toBe(true);
});
