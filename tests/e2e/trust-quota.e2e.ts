import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFeedServer, type FeedServer } from '../../cli/commands/serve';
import { recordTrustCounts } from '../unit/trust/record';
import { launchExtension, type ExtensionSession } from './fixtures';
import { OptionsPage } from './pages/options';
import { extensionCopyGranting } from './pages/sidebar';

/**
 * A full disk, in real Chromium: the extension origin's quota is forced small through the DevTools protocol
 * (Storage.overrideQuotaForOrigin), then a sync brings a feed far larger than what is left. The settings page
 * must say so in plain words, the cached catalog must stay as it was, and the seller's data — read back through
 * the settings page's own JSON export and raw from IndexedDB — must be byte-identical before and after.
 */

const SELLER_TABLES = ['bookmarks', 'folders', 'notes', 'dismissedTips', 'settings'] as const;
const SMALL_ITEMS = 40;
const LARGE_ITEMS = 12_000;
/** Room left above what the origin already uses: enough for the small feed, far less than the large one. */
const HEADROOM_BYTES = 1024 * 1024;

/** Text that does not compress (Chromium compresses IndexedDB values): the feed's size is what it costs. */
function incompressible(seed: string, hexChars: number): string {
  let text = '';
  for (let round = 0; text.length < hexChars; round++) {
    text += createHash('sha256').update(`${seed}/${round}`).digest('hex');
  }
  return text.slice(0, hexChars);
}

function catalogFeed(count: number, label: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `Quota ${label}`,
    _sellernav: { categories: [{ id: 'wiki', name: { en: 'Wiki' }, parent: null }] },
    items: Array.from({ length: count }, (_, i) => ({
      id: `${label}-${i}`,
      url: `https://nav.example.cn/${label}/${i}`,
      title: `${label} 指南 ${i}`,
      summary: `跨境卖家指南 ${i}：发货、收款与账户安全`,
      content_html: `<p>${label} 第 ${i} 篇：${incompressible(`${label}-${i}`, 400)}</p>`,
      _sellernav: { kind: 'guide', category: 'wiki' },
    })),
  });
}

let server: FeedServer;
let feedDir: string;
let extension: { dir: string; remove(): void };
let session: ExtensionSession;

beforeAll(async () => {
  feedDir = mkdtempSync(join(tmpdir(), 'sellernav-trust-quota-'));
  server = await startFeedServer({ dir: feedDir });
  extension = extensionCopyGranting(['http://127.0.0.1/*'], { withoutStarterCatalog: true });
  session = await launchExtension({ extensionDir: extension.dir });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  extension?.remove();
  if (feedDir) rmSync(feedDir, { recursive: true, force: true });
});

/** Writes the seller's own records the way the app stores them (raw IndexedDB, from an extension page). */
async function writeSellerData(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sellernav');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = ['bookmarks', 'folders', 'notes', 'dismissedTips', 'settings'];
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      const at = 1_750_000_000_000;
      tx.objectStore('folders').put({ id: 'folder-logistics', name: '物流工具', order: 0, createdAt: at });
      for (let i = 0; i < 25; i++) {
        tx.objectStore('bookmarks').put({
          id: `bm-${i}`,
          itemId: i % 2 ? `small-${i}` : null,
          url: `https://tools.example.cn/${i}`,
          title: `常用工具 ${i}`,
          note: `备注 ${i}：每周一对账`,
          folderId: i % 3 ? 'folder-logistics' : null,
          order: i,
          createdAt: at + i,
          updatedAt: at + i,
        });
      }
      tx.objectStore('notes').put({ itemId: 'small-1', text: '先查邮箱', updatedAt: at });
      tx.objectStore('dismissedTips').put({
        id: 'never:small-2',
        guideId: 'small-2',
        scope: 'never',
        pageKey: null,
        until: null,
        createdAt: at,
      });
      tx.objectStore('settings').put({ key: 'ui.language', value: 'zh-CN' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** The seller tables and the cached catalog's size, read raw (no app code involved). */
async function readRaw(page: Page): Promise<{ seller: string; sellerRecords: number; catalogItems: number }> {
  return page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sellernav');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const seller: Record<string, unknown[]> = {};
    for (const table of tables) seller[table] = await all(table);
    const chunks = (await all('catalogChunks')) as { items: unknown[] }[];
    db.close();
    return {
      seller: JSON.stringify(seller),
      sellerRecords: Object.values(seller).reduce((n, rows) => n + rows.length, 0),
      catalogItems: chunks.reduce((n, c) => n + c.items.length, 0),
    };
  }, SELLER_TABLES);
}

/** Clicks "export full backup" on the settings page and returns the downloaded file's text. */
async function exportBackup(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出完整备份|Export full backup/ }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt":\s*"[^"]*"/, '"exportedAt":""');

test('with the quota forced small, a large sync fails visibly and the seller data is byte-identical', async () => {
  writeFileSync(join(feedDir, 'catalog.json'), catalogFeed(SMALL_ITEMS, 'small'));
  const url = `${server.url}catalog.json`;
  const options = await OptionsPage.open(session);
  // Force the extension origin's quota to just above what it uses now, before anything is written: Chromium's
  // IndexedDB caches the room it has left, so an override made after large writes may be seen too late.
  const origin = `chrome-extension://${session.extensionId}`;
  const cdp = await session.context.newCDPSession(options.page);
  // The background's install work writes too: measure once the origin's usage has settled.
  let usage = -1;
  for (let stable = 0; stable < 3;) {
    await options.page.waitForTimeout(500);
    const now = (await cdp.send('Storage.getUsageAndQuota', { origin })).usage;
    stable = now === usage ? stable + 1 : 0;
    usage = now;
  }
  const quotaSize = usage + HEADROOM_BYTES;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });

  await options.addFeed(url);
  await expect.poll(() => options.itemCount(url)).toBe(SMALL_ITEMS);
  await writeSellerData(options.page);
  await options.page.reload();
  await options.feeds.waitFor();

  const exportBefore = await exportBackup(options.page);
  const rawBefore = await readRaw(options.page);
  expect(rawBefore.catalogItems).toBe(SMALL_ITEMS);
  expect((JSON.parse(exportBefore) as { data: { bookmarks: unknown[] } }).data.bookmarks).toHaveLength(25);

  // A feed far larger than the room left.
  const largeFeed = catalogFeed(LARGE_ITEMS, 'large');
  expect(largeFeed.length).toBeGreaterThan(5 * HEADROOM_BYTES);
  writeFileSync(join(feedDir, 'catalog.json'), largeFeed);

  // The seller presses "sync now"; the row says the disk is full, in the page's language.
  await options
    .row(url)
    .getByRole('button', { name: /立即同步|Sync now/ })
    .click();
  const error = options.row(url).getByTestId('feed-error');
  await error.waitFor({ timeout: 90_000 });
  const messages = ['zh_CN', 'en'].map(
    (locale) =>
      (
        JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
          string,
          { message: string }
        >
      ).sync_error_storage_full!.message,
  );
  const shown = await error.innerText();
  expect(messages.some((message) => shown.includes(message))).toBe(true);

  // Nothing of the seller's moved, and the old catalog is still the one cached.
  await options.page.reload();
  await options.feeds.waitFor();
  const exportAfter = await exportBackup(options.page);
  const rawAfter = await readRaw(options.page);
  expect(rawAfter.seller).toBe(rawBefore.seller);
  expect(withoutExportTime(exportAfter)).toBe(withoutExportTime(exportBefore));
  expect(rawAfter.catalogItems).toBe(SMALL_ITEMS);
  expect(await options.itemCount(url)).toBe(SMALL_ITEMS);

  // With the quota back, the same sync succeeds: the failure above was the quota, not the feed.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await options
    .row(url)
    .getByRole('button', { name: /立即同步|Sync now/ })
    .click();
  await expect.poll(() => options.itemCount(url), { timeout: 90_000 }).toBe(LARGE_ITEMS);
  expect((await readRaw(options.page)).seller).toBe(rawBefore.seller);

  recordTrustCounts('quota', {
    'quota bytes': quotaSize,
    'feed bytes': largeFeed.length,
    'message shown': shown,
    'seller records before': rawBefore.sellerRecords,
    'seller records after': rawAfter.sellerRecords,
    'seller bytes compared': rawBefore.seller.length,
    'export bytes compared': exportBefore.length,
  });
});
