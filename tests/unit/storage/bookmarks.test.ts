import {
  addCustomTool,
  bookmarkItem,
  BookmarkError,
  createFolder,
  deleteFolder,
  listBookmarks,
  listFolders,
  moveBookmark,
  moveFolder,
  removeBookmark,
  renameFolder,
  updateBookmark,
} from '@/storage/bookmarks';
import { catalogItem, freshBookmarksDb } from './bookmarks.helpers';
import type { SellerNavDB } from '@/storage/database';

async function titlesIn(db: SellerNavDB, folderId: string | null): Promise<string[]> {
  return (await listBookmarks(db)).filter((b) => b.folderId === folderId).map((b) => b.title);
}

describe('bookmarking catalog items and custom tools', () => {
  test('an item is bookmarked once; a second call returns the same bookmark', async () => {
    const db = freshBookmarksDb();
    const first = await bookmarkItem(catalogItem('a', { title: '积加ERP' }), { note: '每天用' }, db);
    const second = await bookmarkItem(catalogItem('a'), {}, db);
    expect(second.id).toBe(first.id);
    expect(await listBookmarks(db)).toHaveLength(1);
    expect(first).toMatchObject({ itemId: 'a', title: '积加ERP', note: '每天用', folderId: null, order: 0 });
  });

  test('a custom tool needs an http(s) address; other schemes and junk are refused with a reason', async () => {
    const db = freshBookmarksDb();
    const tool = await addCustomTool({ url: '  https://www.sellersprite.com/cn/  ' }, db);
    expect(tool).toMatchObject({
      url: 'https://www.sellersprite.com/cn/',
      title: 'www.sellersprite.com',
      itemId: null,
    });
    for (const [url, code] of [
      ['javascript:alert(1)', 'url-scheme'],
      ['ftp://files.example.com/', 'url-scheme'],
      ['data:text/html,<b>x</b>', 'url-scheme'],
      ['chrome://settings', 'url-scheme'],
      ['www.example.com', 'url-invalid'],
      ['', 'url-invalid'],
      ['https://www.sellersprite.com/cn', 'duplicate'],
    ] as const) {
      await expect(addCustomTool({ url }, db), url).rejects.toMatchObject({ code });
    }
    expect(await listBookmarks(db)).toHaveLength(1);
  });

  test('title and note can be edited; an empty title is refused and changes nothing', async () => {
    const db = freshBookmarksDb();
    const b = await addCustomTool({ url: 'https://a.example/', title: 'A' }, db);
    await updateBookmark(b.id, { title: '  New   name ', note: ' note ' }, db);
    expect((await listBookmarks(db))[0]).toMatchObject({ title: 'New name', note: 'note' });
    await expect(updateBookmark(b.id, { title: '   ' }, db)).rejects.toBeInstanceOf(BookmarkError);
    expect((await listBookmarks(db))[0]?.title).toBe('New name');
  });
});

describe('folders and ordering', () => {
  async function seed(db: SellerNavDB) {
    const tools = await createFolder('工具', db);
    const logistics = await createFolder('物流', db);
    for (const name of ['a', 'b', 'c'])
      await addCustomTool({ url: `https://${name}.example/`, title: name, folderId: tools.id }, db);
    for (const name of ['x', 'y'])
      await addCustomTool({ url: `https://${name}.example/`, title: name, folderId: logistics.id }, db);
    await addCustomTool({ url: 'https://loose.example/', title: 'loose' }, db);
    return { tools, logistics };
  }

  test('reordering within a folder persists as dense positions', async () => {
    const db = freshBookmarksDb();
    const { tools } = await seed(db);
    const c = (await listBookmarks(db)).find((b) => b.title === 'c')!;
    await moveBookmark(c.id, tools.id, 0, db);
    expect(await titlesIn(db, tools.id)).toEqual(['c', 'a', 'b']);
    expect((await listBookmarks(db)).filter((b) => b.folderId === tools.id).map((b) => b.order)).toEqual([
      0, 1, 2,
    ]);
    const a = (await listBookmarks(db)).find((b) => b.title === 'a')!;
    await moveBookmark(a.id, tools.id, 99, db);
    expect(await titlesIn(db, tools.id)).toEqual(['c', 'b', 'a']);
  });

  test('moving between folders closes the gap in the source and opens one in the target', async () => {
    const db = freshBookmarksDb();
    const { tools, logistics } = await seed(db);
    const b = (await listBookmarks(db)).find((x) => x.title === 'b')!;
    await moveBookmark(b.id, logistics.id, 1, db);
    expect(await titlesIn(db, tools.id)).toEqual(['a', 'c']);
    expect(await titlesIn(db, logistics.id)).toEqual(['x', 'b', 'y']);
    const loose = (await listBookmarks(db)).find((x) => x.title === 'loose')!;
    await moveBookmark(loose.id, tools.id, 1, db);
    expect(await titlesIn(db, tools.id)).toEqual(['a', 'loose', 'c']);
    expect(await titlesIn(db, null)).toEqual([]);
    await moveBookmark(b.id, null, 0, db);
    expect(await titlesIn(db, null)).toEqual(['b']);
    await expect(moveBookmark(b.id, 'no-such-folder', 0, db)).rejects.toMatchObject({ code: 'not-found' });
    expect(await titlesIn(db, null)).toEqual(['b']);
  });

  test('folders are created, renamed, reordered; a name is unique; deleting one keeps its bookmarks', async () => {
    const db = freshBookmarksDb();
    const { tools, logistics } = await seed(db);
    await expect(createFolder('  ', db)).rejects.toMatchObject({ code: 'folder-name-empty' });
    await expect(renameFolder(logistics.id, '工具', db)).rejects.toMatchObject({ code: 'folder-exists' });
    await renameFolder(logistics.id, '物流 Logistics', db);
    await moveFolder(logistics.id, 0, db);
    expect((await listFolders(db)).map((f) => f.name)).toEqual(['物流 Logistics', '工具']);
    await deleteFolder(tools.id, db);
    expect((await listFolders(db)).map((f) => [f.name, f.order])).toEqual([['物流 Logistics', 0]]);
    expect(await titlesIn(db, null)).toEqual(['loose', 'a', 'b', 'c']);
    expect(await listBookmarks(db)).toHaveLength(6);
  });

  test('removing a bookmark renumbers its folder', async () => {
    const db = freshBookmarksDb();
    const { tools } = await seed(db);
    const a = (await listBookmarks(db)).find((x) => x.title === 'a')!;
    await removeBookmark(a.id, db);
    expect(
      (await listBookmarks(db)).filter((b) => b.folderId === tools.id).map((b) => [b.title, b.order]),
    ).toEqual([
      ['b', 0],
      ['c', 1],
    ]);
  });
});
