/**
 * The seller's bookmarks and folders: every write the popup, sidebar and settings make. Each function takes an
 * optional database (tests); the default is the shared `db`. Orders are dense (0, 1, 2…) within a folder after
 * any move, so "the order persists" means exactly what the seller last saw.
 */
import type { CatalogItem } from '@/core/model';
import { parseHttpUrl, urlKey } from '@/core/backup/urls';
import { toHttpUrl } from '@/core/urls';
import { BACKUP_LIMITS } from '@/core/backup/schema';
import { db as sharedDb } from './db';
import type { SellerNavDB } from './database';
import type { BookmarkRecord, FolderRecord } from './types';

export type { BookmarkRecord, FolderRecord } from './types';

export type BookmarkErrorCode =
  | 'url-invalid'
  | 'url-scheme'
  | 'duplicate'
  | 'title-empty'
  | 'folder-name-empty'
  | 'folder-exists'
  | 'not-found';

/** A refused bookmark edit; `code` picks the seller-facing sentence (locale key `popup_error_<code>`). */
export class BookmarkError extends Error {
  constructor(
    readonly code: BookmarkErrorCode,
    message: string,
    /** What the sentence names: the refused scheme, or the title already holding that address. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'BookmarkError';
  }
}

const byOrder = <T extends { order: number; createdAt: number }>(a: T, b: T) =>
  a.order - b.order || a.createdAt - b.createdAt;

export async function listFolders(database: SellerNavDB = sharedDb): Promise<FolderRecord[]> {
  return (await database.folders.toArray()).sort(byOrder);
}

/** All bookmarks, each folder's in the seller's order (filter by folderId to get one folder's list). */
export async function listBookmarks(database: SellerNavDB = sharedDb): Promise<BookmarkRecord[]> {
  return (await database.bookmarks.toArray()).sort(byOrder);
}

/** The bookmark that already stands for this catalog item (same item, or the same address), if any. */
export function findBookmarkFor(
  bookmarks: readonly BookmarkRecord[],
  item: Pick<CatalogItem, 'id' | 'url'>,
): BookmarkRecord | undefined {
  const key = item.url ? urlKey(item.url) : null;
  return bookmarks.find(
    (b) => b.itemId === item.id || (key !== null && b.url !== '' && urlKey(b.url) === key),
  );
}

async function nextOrderIn(database: SellerNavDB, folderId: string | null): Promise<number> {
  return (await bookmarksIn(database, folderId)).reduce((max, b) => Math.max(max, b.order + 1), 0);
}

function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim().slice(0, BACKUP_LIMITS.title);
  if (title === '') throw new BookmarkError('title-empty', 'A bookmark needs a title.');
  return title;
}

const cleanNote = (raw: string) => raw.trim().slice(0, BACKUP_LIMITS.note);

async function requireFolder(database: SellerNavDB, folderId: string | null): Promise<void> {
  if (folderId !== null && !(await database.folders.get(folderId))) {
    throw new BookmarkError('not-found', `Folder ${folderId} does not exist.`);
  }
}

/**
 * Writes a new bookmark at the end of its folder, with its title and note cleaned as every bookmark's are. Runs
 * inside the caller's transaction over bookmarks and folders; a missing folder is a BookmarkError.
 */
async function addBookmarkAtEnd(
  database: SellerNavDB,
  fields: { itemId: string | null; url: string; title: string; note: string; folderId: string | null },
): Promise<BookmarkRecord> {
  await requireFolder(database, fields.folderId);
  const now = Date.now();
  const record: BookmarkRecord = {
    id: crypto.randomUUID(),
    itemId: fields.itemId,
    url: fields.url,
    title: cleanTitle(fields.title),
    note: cleanNote(fields.note),
    folderId: fields.folderId,
    order: await nextOrderIn(database, fields.folderId),
    createdAt: now,
    updatedAt: now,
  };
  await database.bookmarks.add(record);
  return record;
}

/** Bookmarks a catalog item (a guide or a tool). Already bookmarked: returns that bookmark unchanged. */
export async function bookmarkItem(
  item: Pick<CatalogItem, 'id' | 'url' | 'title'>,
  options: { note?: string; folderId?: string | null } = {},
  database: SellerNavDB = sharedDb,
): Promise<BookmarkRecord> {
  return database.transaction('rw!', database.bookmarks, database.folders, async () => {
    const existing = findBookmarkFor(await database.bookmarks.toArray(), item);
    if (existing) return existing;
    const url = item.url ? parseHttpUrl(item.url)?.href : undefined;
    return addBookmarkAtEnd(database, {
      itemId: item.id,
      url: url ?? '',
      title: item.title || url || item.id,
      note: options.note ?? '',
      folderId: options.folderId ?? null,
    });
  });
}

/** Checks a URL the seller typed: an absolute http(s) address, else a BookmarkError saying why not. */
export function checkToolUrl(raw: string): URL {
  const result = toHttpUrl(raw);
  if (result.ok) return new URL(result.url);
  if (result.scheme) {
    throw new BookmarkError(
      'url-scheme',
      `Only http and https addresses can be added, not ${result.scheme}:.`,
      result.scheme,
    );
  }
  throw new BookmarkError(
    'url-invalid',
    'That is not a web address (it must start with http:// or https://).',
  );
}

/** Adds a tool that is not in the catalog, by its address. The same address twice is refused. */
export async function addCustomTool(
  input: { url: string; title?: string; note?: string; folderId?: string | null },
  database: SellerNavDB = sharedDb,
): Promise<BookmarkRecord> {
  const url = checkToolUrl(input.url);
  return database.transaction('rw!', database.bookmarks, database.folders, async () => {
    const key = urlKey(url.href);
    const all = await database.bookmarks.toArray();
    const twin = all.find((b) => b.url !== '' && urlKey(b.url) === key);
    if (twin) {
      throw new BookmarkError(
        'duplicate',
        `${url.href} is already bookmarked as "${twin.title}".`,
        twin.title,
      );
    }
    return addBookmarkAtEnd(database, {
      itemId: null,
      url: url.href,
      title: input.title?.trim() ? input.title : url.host,
      note: input.note ?? '',
      folderId: input.folderId ?? null,
    });
  });
}

export async function removeBookmark(id: string, database: SellerNavDB = sharedDb): Promise<void> {
  await database.transaction('rw!', database.bookmarks, async () => {
    const bookmark = await database.bookmarks.get(id);
    if (!bookmark) return;
    await database.bookmarks.delete(id);
    await renumber(database, bookmark.folderId);
  });
}

export async function updateBookmark(
  id: string,
  changes: { title?: string; note?: string },
  database: SellerNavDB = sharedDb,
): Promise<BookmarkRecord> {
  return database.transaction('rw!', database.bookmarks, async () => {
    const bookmark = await database.bookmarks.get(id);
    if (!bookmark) throw new BookmarkError('not-found', `Bookmark ${id} does not exist.`);
    const updated: BookmarkRecord = {
      ...bookmark,
      title: changes.title === undefined ? bookmark.title : cleanTitle(changes.title),
      note: changes.note === undefined ? bookmark.note : cleanNote(changes.note),
      updatedAt: Date.now(),
    };
    await database.bookmarks.put(updated);
    return updated;
  });
}

/** Bookmarks of one folder (null = unfiled: IndexedDB does not index null, so those are filtered), in order. */
async function bookmarksIn(database: SellerNavDB, folderId: string | null): Promise<BookmarkRecord[]> {
  const rows =
    folderId === null
      ? (await database.bookmarks.toArray()).filter((b) => b.folderId === null)
      : await database.bookmarks.where('folderId').equals(folderId).toArray();
  return rows.sort(byOrder);
}

/** Rewrites a folder's orders as 0, 1, 2… in their current sequence (only rows whose order changes). */
async function renumber(database: SellerNavDB, folderId: string | null, sequence?: BookmarkRecord[]) {
  const rows = sequence ?? (await bookmarksIn(database, folderId));
  const changed = rows.flatMap((b, order) =>
    b.order === order && b.folderId === folderId ? [] : [{ ...b, order, folderId }],
  );
  if (changed.length > 0) await database.bookmarks.bulkPut(changed);
}

/**
 * Moves a bookmark to position `index` of a folder (null = unfiled); within the same folder this reorders.
 * Both folders are renumbered in one transaction.
 */
export async function moveBookmark(
  id: string,
  toFolderId: string | null,
  index: number,
  database: SellerNavDB = sharedDb,
): Promise<void> {
  await database.transaction('rw!', database.bookmarks, database.folders, async () => {
    const bookmark = await database.bookmarks.get(id);
    if (!bookmark) throw new BookmarkError('not-found', `Bookmark ${id} does not exist.`);
    await requireFolder(database, toFolderId);
    const target = (await bookmarksIn(database, toFolderId)).filter((b) => b.id !== id);
    const at = Math.max(0, Math.min(Math.trunc(index), target.length));
    // The moved row keeps its old folderId here, so renumber sees it changed and writes it.
    target.splice(at, 0, bookmark);
    await renumber(database, toFolderId, target);
    if (bookmark.folderId !== toFolderId) await renumber(database, bookmark.folderId);
  });
}

export async function createFolder(name: string, database: SellerNavDB = sharedDb): Promise<FolderRecord> {
  const clean = cleanFolderName(name);
  return database.transaction('rw!', database.folders, async () => {
    const folders = await database.folders.toArray();
    assertNameFree(folders, clean, null);
    const record: FolderRecord = {
      id: crypto.randomUUID(),
      name: clean,
      order: folders.reduce((max, f) => Math.max(max, f.order + 1), 0),
      createdAt: Date.now(),
    };
    await database.folders.add(record);
    return record;
  });
}

function cleanFolderName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, BACKUP_LIMITS.title);
  if (name === '') throw new BookmarkError('folder-name-empty', 'A folder needs a name.');
  return name;
}

function assertNameFree(folders: FolderRecord[], name: string, exceptId: string | null) {
  const key = name.toLowerCase();
  if (folders.some((f) => f.id !== exceptId && f.name.toLowerCase() === key)) {
    throw new BookmarkError('folder-exists', `There is already a folder named "${name}".`);
  }
}

export async function renameFolder(
  id: string,
  name: string,
  database: SellerNavDB = sharedDb,
): Promise<void> {
  const clean = cleanFolderName(name);
  await database.transaction('rw!', database.folders, async () => {
    const folders = await database.folders.toArray();
    const folder = folders.find((f) => f.id === id);
    if (!folder) throw new BookmarkError('not-found', `Folder ${id} does not exist.`);
    assertNameFree(folders, clean, id);
    await database.folders.put({ ...folder, name: clean });
  });
}

/** Deletes a folder; its bookmarks are kept, moved to the end of the unfiled list. */
export async function deleteFolder(id: string, database: SellerNavDB = sharedDb): Promise<void> {
  await database.transaction('rw!', database.bookmarks, database.folders, async () => {
    const orphans = await bookmarksIn(database, id);
    const unfiled = await bookmarksIn(database, null);
    await renumber(database, null, [...unfiled, ...orphans]);
    await database.folders.delete(id);
    await renumberFolders(database, (await database.folders.toArray()).sort(byOrder));
  });
}

async function renumberFolders(database: SellerNavDB, sequence: FolderRecord[]) {
  const changed = sequence.flatMap((f, order) => (f.order === order ? [] : [{ ...f, order }]));
  if (changed.length > 0) await database.folders.bulkPut(changed);
}

/** Moves a folder to position `index` among folders. */
export async function moveFolder(id: string, index: number, database: SellerNavDB = sharedDb): Promise<void> {
  await database.transaction('rw!', database.folders, async () => {
    const folders = (await database.folders.toArray()).sort(byOrder);
    const folder = folders.find((f) => f.id === id);
    if (!folder) throw new BookmarkError('not-found', `Folder ${id} does not exist.`);
    const rest = folders.filter((f) => f.id !== id);
    rest.splice(Math.max(0, Math.min(Math.trunc(index), rest.length)), 0, folder);
    await renumberFolders(database, rest);
  });
}
