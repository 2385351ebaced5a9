/**
 * The measurement behind docs/storage.md: how long writing (and reading back) a 20,000-item catalog takes in
 * real Chromium IndexedDB for each candidate layout — one row per item with the indexes the UI would need, or
 * chunks of N items of one feed/category/kind. Raw IndexedDB in an extension page of the built extension,
 * relaxed and strict durability. Run by `npm run bench:sync -- --layouts` (build first).
 */
import type { Page } from 'playwright-core';

export interface LayoutRow {
  layout: string;
  durability: string;
  writeMs: number;
  readCategoryMs: number;
  readOneMs: number;
}

/** Runs in the page: every function it needs is inside. */
async function measureInPage(args: { count: number; layouts: (number | 'rows')[] }): Promise<LayoutRow[]> {
  const categories = [
    'wiki',
    'logistics',
    'payments',
    'erp',
    'keywords',
    'vat',
    'trademark',
    'sites',
    'markets',
    'vpn',
  ];
  const items = Array.from({ length: args.count }, (_, i) => ({
    id: `item-${i}`,
    feedId: 'bench',
    kind: i % 3 === 0 ? 'guide' : 'tool',
    title: `亚马逊物流指南 ${i} Amazon logistics guide`,
    url: `https://nav.example.cn/guides/${i}`,
    summary: '跨境卖家常见问题与做法，适合参考。'.repeat(3),
    content_html:
      i % 3 === 0 ? `<p>${'第一步：登录卖家平台，进入页面，按提示填写信息。'.repeat(18)}</p>` : null,
    date_published: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
    date_modified: null,
    tags: ['物流', '选品', 'guide'],
    category: categories[i % categories.length]!,
    views: i,
    match: null,
    image: null,
    firstSeenAt: 0,
  }));
  const open = (name: string, setup: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => setup(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const drop = (name: string) =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  const result = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  const rows: LayoutRow[] = [];
  for (const durability of ['relaxed', 'strict'] as const) {
    for (const layout of args.layouts) {
      const name = `layout-bench-${layout}-${durability}`;
      await drop(name);
      const db = await open(name, (d) => {
        if (layout === 'rows') {
          const store = d.createObjectStore('items', { keyPath: 'id' });
          store.createIndex('category', 'category');
          store.createIndex('kind', 'kind');
          store.createIndex('feedId', 'feedId');
          store.createIndex('date', 'date_published');
        } else {
          const store = d.createObjectStore('chunks', { keyPath: 'id' });
          store.createIndex('category', 'category');
          store.createIndex('feedId', 'feedId');
        }
      });
      const t0 = performance.now();
      if (layout === 'rows') {
        const tx = db.transaction('items', 'readwrite', { durability });
        const store = tx.objectStore('items');
        for (const item of items) store.put(item);
        await done(tx);
      } else {
        const tx = db.transaction('chunks', 'readwrite', { durability });
        const store = tx.objectStore('chunks');
        const groups = new Map<string, typeof items>();
        for (const item of items) {
          const key = `${item.category}|${item.kind}`;
          (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
        }
        const locator: Record<string, string> = {};
        for (const [key, list] of groups) {
          for (let i = 0; i < list.length; i += layout) {
            const id = `bench|${key}|${i / layout}`;
            const part = list.slice(i, i + layout);
            for (const item of part) locator[item.id] = id;
            store.put({ id, feedId: 'bench', category: part[0]!.category, items: part });
          }
        }
        store.put({ id: 'locator', feedId: '', category: '', items: [], locator });
        await done(tx);
      }
      const writeMs = performance.now() - t0;
      db.close();
      // Read back in a fresh connection: one category (what the sidebar lists) and one item by id.
      const again = await open(name, () => undefined);
      const t1 = performance.now();
      if (layout === 'rows') {
        await result(again.transaction('items').objectStore('items').index('category').getAll('logistics'));
      } else {
        await result(again.transaction('chunks').objectStore('chunks').index('category').getAll('logistics'));
      }
      const readCategoryMs = performance.now() - t1;
      const t2 = performance.now();
      if (layout === 'rows') {
        await result(again.transaction('items').objectStore('items').get('item-12345'));
      } else {
        const store = again.transaction('chunks').objectStore('chunks');
        const loc = (await result(store.get('locator'))) as { locator: Record<string, string> };
        await result(store.get(loc.locator['item-12345']!));
      }
      const readOneMs = performance.now() - t2;
      again.close();
      await drop(name);
      rows.push({
        layout: layout === 'rows' ? 'one row per item, 4 indexes' : `chunks of ${layout}`,
        durability,
        writeMs,
        readCategoryMs,
        readOneMs,
      });
    }
  }
  return rows;
}

export async function measureLayouts(page: Page, count: number): Promise<LayoutRow[]> {
  // tsx (esbuild) names inner functions through a `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  const layouts: (number | 'rows')[] = ['rows', 100, 500, 2000];
  return page.evaluate(measureInPage, { count, layouts });
}
