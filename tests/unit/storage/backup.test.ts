import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyImport,
  BackupError,
  detectImportKind,
  exportBackupJson,
  exportBookmarksHtml,
  previewImport,
  readSellerData,
  type SellerData,
} from '@/storage/backup';
import { addCustomTool, bookmarkItem, createFolder, moveBookmark, updateBookmark } from '@/storage/bookmarks';
import type { SellerNavDB } from '@/storage/database';
import { BAD_IMPORT_FILES } from '../core/backup/bad-files';
import { catalogItem, freshBookmarksDb } from './bookmarks.helpers';

/** A seller with something in every table. */
async function seedSeller(db: SellerNavDB): Promise<void> {
  const daily = await createFolder('每日', db);
  await createFolder('Logistics 物流', db);
  await bookmarkItem(catalogItem('tool-a', { title: '卖家精灵' }), { note: '选品', folderId: daily.id }, db);
  const b = await addCustomTool(
    { url: 'https://www.payoneer.com/', title: 'Payoneer', folderId: daily.id },
    db,
  );
  await moveBookmark(b.id, daily.id, 0, db);
  const loose = await addCustomTool({ url: 'https://sellercentral.amazon.de/home' }, db);
  await updateBookmark(loose.id, { note: 'EU 站\n第二行' }, db);
  await bookmarkItem(catalogItem('guide-no-url', { kind: 'guide', url: null, title: '密码找回' }), {}, db);
  await db.notes.put({ itemId: 'guide-x', text: '我的笔记', updatedAt: 5 });
  await db.dismissedTips.bulkPut([
    { id: 't1', guideId: 'guide-x', scope: 'never', pageKey: null, until: null, createdAt: 10 },
    { id: 't2', guideId: 'guide-y', scope: 'snooze', pageKey: null, until: 99_999, createdAt: 11 },
    {
      id: 't3',
      guideId: 'guide-z',
      scope: 'page',
      pageKey: 'sellercentral.amazon.com/home',
      until: null,
      createdAt: 12,
    },
  ]);
  await db.settings.bulkPut([
    { key: 'ui.language', value: 'en' },
    { key: 'tips.enabled', value: { everywhere: false, hosts: ['sellercentral.amazon.de'] } },
  ]);
  // The catalog bundled with the extension is a feed too (not http(s)): it must round-trip like the rest.
  await db.feeds.put({
    id: 'starter',
    url: 'bundled:catalog/starter-feed.json',
    title: '内置',
    paused: false,
    addedAt: 1,
    lastAttemptAt: 2,
    lastSuccessAt: 2,
    lastError: null,
    itemCount: 231,
    etag: null,
    lastModified: null,
  });
  await db.feeds.put({
    id: 'feed-1',
    url: 'https://nav.example.cn/sellernav.json',
    title: '跨境导航',
    paused: true,
    addedAt: 7,
    lastAttemptAt: 8,
    lastSuccessAt: 8,
    lastError: null,
    itemCount: 120,
    etag: '"abc"',
    lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT',
  });
}

async function wipe(db: SellerNavDB): Promise<void> {
  await Promise.all(
    [db.bookmarks, db.folders, db.notes, db.dismissedTips, db.settings, db.feeds].map((t) => t.clear()),
  );
}

const fixture = (name: string) => readFileSync(join('tests/fixtures/import', name), 'utf8');

describe('JSON backup', () => {
  test('export → wipe → import gives back identical data', async () => {
    const db = freshBookmarksDb();
    await seedSeller(db);
    const before = await readSellerData(db);
    const file = await exportBackupJson(db);
    await wipe(db);
    const preview = await previewImport(file, detectImportKind('sellernav-backup.json', file), db);
    expect(preview.plan.add.bookmarks).toHaveLength(4);
    expect(await readSellerData(db)).toEqual({
      ...before,
      bookmarks: [],
      folders: [],
      notes: [],
      dismissedTips: [],
      settings: [],
      feeds: [],
    });
    await applyImport(preview.incoming, db);
    expect(await readSellerData(db)).toEqual(before);
    // The subscription comes back; its sync bookkeeping starts afresh so the catalog is fetched again.
    expect(await db.feeds.get('feed-1')).toMatchObject({
      paused: true,
      etag: null,
      lastModified: null,
      itemCount: 0,
    });
  });

  test('importing a file into the data it came from adds nothing (no duplicates)', async () => {
    const db = freshBookmarksDb();
    await seedSeller(db);
    const before = await readSellerData(db);
    const file = await exportBackupJson(db);
    const preview = await previewImport(file, 'json', db);
    expect(preview.plan.skipped).toMatchObject({
      bookmarks: 4,
      folders: 2,
      notes: 1,
      dismissedTips: 3,
      feeds: 2,
    });
    await applyImport(preview.incoming, db);
    expect(await readSellerData(db)).toEqual(before);
  });

  test.each(BAD_IMPORT_FILES)('%s: clear error, nothing changed', async (file, code) => {
    const db = freshBookmarksDb();
    await seedSeller(db);
    const before = await readSellerData(db);
    const text = fixture(file);
    const error = await previewImport(text, detectImportKind(file, text), db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe(code);
    expect(await readSellerData(db)).toEqual(before);
  });

  test('a write that fails part-way leaves nothing behind (one transaction)', async () => {
    const db = freshBookmarksDb();
    await seedSeller(db);
    const before = await readSellerData(db);
    const incoming: SellerData = {
      folders: [{ id: 'nf', name: 'New folder', order: 0, createdAt: 1 }],
      bookmarks: [
        {
          id: 'nb',
          itemId: null,
          url: 'https://new.example/',
          title: 'n',
          note: '',
          folderId: 'nf',
          order: 0,
          createdAt: 1,
          updatedAt: 1,
        },
      ],
      // An object is not a valid IndexedDB key: this row fails after the folder and bookmark were written.
      notes: [{ itemId: {} as unknown as string, text: 'x', updatedAt: 1 }],
      dismissedTips: [],
      settings: [],
      feeds: [],
    };
    await expect(applyImport(incoming, db)).rejects.toThrow();
    expect(await readSellerData(db)).toEqual(before);
  });
});

describe('Netscape bookmark HTML through storage', () => {
  test('export → wipe → import gives back folders, order, titles, addresses and notes', async () => {
    const db = freshBookmarksDb();
    await seedSeller(db);
    const shape = async () => {
      const { bookmarks, folders } = await readSellerData(db);
      const name = new Map(folders.map((f) => [f.id, f.name]));
      return bookmarks
        .filter((b) => b.url !== '')
        .map((b) => [
          b.folderId === null ? null : name.get(b.folderId),
          b.order,
          b.title,
          b.url,
          b.note,
          b.itemId,
        ])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };
    const before = await shape();
    const html = await exportBookmarksHtml(db);
    await wipe(db);
    const preview = await previewImport(html, detectImportKind('bookmarks.html', html), db);
    await applyImport(preview.incoming, db);
    expect(await shape()).toEqual(before);
    // A second import of the same file adds nothing.
    const again = await previewImport(html, 'html', db);
    expect(again.plan.add.bookmarks).toEqual([]);
    expect(again.plan.skipped.bookmarks).toBe(3);
  });
});
