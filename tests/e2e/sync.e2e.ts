import { readStoresRaw } from './support/raw-idb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { freshProfileDir, launchExtension, type ExtensionSession } from './fixtures';
import { loopbackExtensionCopy, sendFromPage } from './sync-extension';
import { OptionsPage } from './pages/options';

/**
 * Sync in real Chromium with the built extension and a feed server on 127.0.0.1: the catalog and the
 * seller's bookmark survive a browser restart with the same profile; and stopping the service worker (through
 * the DevTools protocol) in the middle of a large sync, again and again, always leaves the catalog wholly old
 * or wholly new, with the bookmark neither lost nor duplicated — and the cut-off sync runs again by itself.
 */

interface Version {
  tag: string;
  body: Buffer;
}
const feeds = new Map<string, Version>();
let server: Server;
let origin: string;
let extension: { dir: string; remove(): void };
let profile: string;
let session: ExtensionSession | undefined;

function feedBody(count: number, label: string): Buffer {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    url: `https://nav.example.cn/tools/${i}`,
    title: `${label} 工具 ${i}`,
    summary: `${label}：跨境卖家常用工具 ${i}`,
    ...(i % 4 === 0 ? { content_html: `<p>${label} 第 ${i} 篇指南的正文，包含步骤与注意事项。</p>` } : {}),
    tags: ['物流', label],
    _sellernav: { kind: i % 4 === 0 ? 'guide' : 'tool', category: ['logistics', 'payments', 'erp'][i % 3] },
  }));
  return Buffer.from(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: `Loopback ${label}`,
      _sellernav: {
        categories: ['logistics', 'payments', 'erp'].map((id) => ({ id, name: { en: id }, parent: null })),
      },
      items,
    }),
  );
}

function publish(path: string, count: number, label: string) {
  feeds.set(path, { tag: `"${label}-${count}"`, body: feedBody(count, label) });
}

/** What the real IndexedDB holds, read raw from an extension page (no app code involved). */
async function snapshot(page: Page) {
  const raw = await readStoresRaw(page, ['catalogChunks', 'feeds', 'bookmarks']);
  type Chunk = { feedId: string; items: { id: string; title: string }[] };
  const chunks = raw['catalogChunks'] as Chunk[];
  const feedRows = raw['feeds'] as { id: string; url: string; itemCount: number; lastError: string | null }[];
  const bookmarks = raw['bookmarks'] as { id: string; url: string }[];
  return {
    feeds: feedRows,
    bookmarks,
    byFeed: Object.fromEntries(
      feedRows.map((f) => {
        const items = chunks.filter((c) => c.feedId === f.id).flatMap((c) => c.items);
        return [
          f.url,
          { count: items.length, labels: [...new Set(items.map((i) => i.title.split(' ')[0]))] },
        ];
      }),
    ),
  };
}

async function addBookmarkRaw(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sellernav');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('bookmarks', 'readwrite');
      tx.objectStore('bookmarks').put({
        id: 'bm-e2e',
        itemId: 'item-1',
        url: 'https://nav.example.cn/tools/1',
        title: '常用工具',
        note: '每天用',
        folderId: null,
        order: 0,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/moved') return void res.writeHead(301, { location: '/redirected.json' }).end();
    const feed = feeds.get(path);
    if (!feed) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === feed.tag) return void res.writeHead(304, { etag: feed.tag }).end();
    res.writeHead(200, { 'content-type': 'application/feed+json', etag: feed.tag });
    res.end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  extension = loopbackExtensionCopy();
  profile = freshProfileDir();
});

afterAll(async () => {
  await session?.close();
  server?.close();
  extension?.remove();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('sync from a local server, restart the browser with the same profile: catalog and bookmark still there', async () => {
  publish('/small.json', 300, 'A');
  session = await launchExtension({ userDataDir: profile, extensionDir: extension.dir });
  const options = await OptionsPage.open(session);
  await options.addFeed(`${origin}/small.json`);
  await expect.poll(() => options.itemCount(`${origin}/small.json`)).toBe(300);
  await addBookmarkRaw(options.page);
  // A page that is not a feed is refused in plain words and not kept.
  expect(await options.addFeedExpectingError(`${origin}/missing.json`)).toMatch(/404/);
  // A redirect (followed by the browser itself in a service worker) to another http URL is fine.
  publish('/redirected.json', 20, 'R');
  await options.addFeed(`${origin}/moved`);
  await expect.poll(() => options.itemCount(`${origin}/moved`)).toBe(20);

  await session.close();
  session = await launchExtension({ userDataDir: profile, extensionDir: extension.dir });
  const again = await OptionsPage.open(session);
  await expect.poll(() => again.itemCount(`${origin}/small.json`)).toBe(300);
  const state = await snapshot(again.page);
  expect(state.byFeed[`${origin}/small.json`]).toEqual({ count: 300, labels: ['A'] });
  expect(state.byFeed[`${origin}/moved`]).toEqual({ count: 20, labels: ['R'] });
  expect(state.bookmarks.map((b) => b.id)).toEqual(['bm-e2e']);
  await again.page.close();
});

test('stopping the service worker mid-sync, repeatedly: the catalog is wholly old or wholly new', async () => {
  const url = `${origin}/large.json`;
  const SIZE = 8000;
  publish('/large.json', SIZE, 'V0');
  const options = await OptionsPage.open(session!);
  await options.addFeed(url);
  await expect.poll(() => options.itemCount(url), { timeout: 60_000 }).toBe(SIZE);
  const cdp = await session!.context.newCDPSession(options.page);
  // How long one full sync of this feed takes here: the stops are spread over that span.
  const feedId0 = (await snapshot(options.page)).feeds.find((f) => f.url === url)!.id;
  publish('/large.json', SIZE, 'W0');
  const timed = Date.now();
  await sendFromPage(options.page, 'syncNow', { feedId: feedId0 });
  const fullSyncMs = Date.now() - timed;

  const outcomes: string[] = [];
  for (let round = 1; round <= 6; round++) {
    const label = `V${round}`;
    const previous = (await snapshot(options.page)).byFeed[url]!.labels;
    publish('/large.json', SIZE + round, label);
    const feedId = (await snapshot(options.page)).feeds.find((f) => f.url === url)!.id;
    // Start a sync and stop the worker at a random moment of it.
    void sendFromPage(options.page, 'syncNow', { feedId }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, fullSyncMs * (0.3 + Math.random() * 1.3)));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const state = await snapshot(options.page);
    const entry = state.byFeed[url]!;
    const feedRow = state.feeds.find((f) => f.url === url)!;
    expect(entry.labels.length, `round ${round}: one version only`).toBe(1);
    const isNew = entry.labels[0] === label;
    if (!isNew) expect(entry.labels).toEqual(previous);
    expect(entry.count).toBe(feedRow.itemCount);
    expect(state.bookmarks.map((b) => b.id)).toEqual(['bm-e2e']);
    outcomes.push(isNew ? 'new' : 'old');

    // The next start of the worker runs the cut-off sync again; wake it with any message.
    await expect
      .poll(
        async () => {
          await sendFromPage(options.page, 'syncNow', { feedId: 'wake-up' }).catch(() => undefined);
          return (await snapshot(options.page)).byFeed[url]!.labels.join();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(label);
  }
  console.log(
    `service worker stopped 6 times during a ${fullSyncMs} ms sync: catalog found ${outcomes.join(', ')}; never mixed`,
  );
  expect((await snapshot(options.page)).byFeed[url]!.count).toBe(SIZE + 6);
});
