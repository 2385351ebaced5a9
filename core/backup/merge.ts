import type { SellerData, SellerDataKind, BackupBookmark, BackupFolder } from './schema';
import { emptySellerData, SELLER_DATA_KINDS } from './schema';
import { urlKey } from './urls';

/**
 * Import planning: given what the seller has and what a file brings, what to add so that nothing already there
 * is duplicated or overwritten. The same plan is shown as the preview and then written, recomputed inside the
 * write transaction so a change made in between cannot slip a duplicate in.
 *
 * - A folder is already there when one has its id or its name (ignoring case and surrounding space); its
 *   bookmarks then go into that folder.
 * - A bookmark is already there when one has its id, or points at the same catalog item, or opens the same
 *   address (urlKey). Within the file the first one wins.
 * - Notes, dismissed tips and settings already there keep the seller's current value; feeds are the same
 *   subscription when the id or the address matches.
 * - Into an empty folder (or an empty list of folders) rows keep the order and ids they had, so
 *   export → wipe → import gives back exactly what was exported. Otherwise they go after what is there.
 */
export interface ImportPlan {
  add: SellerData;
  /** Rows of the file left out because the seller already has them. */
  skipped: Record<SellerDataKind, number>;
}

export function planImport(existing: SellerData, incoming: SellerData, newId: () => string): ImportPlan {
  const add = emptySellerData();
  const skipped = Object.fromEntries(SELLER_DATA_KINDS.map((k) => [k, 0])) as Record<SellerDataKind, number>;
  const freshId = (taken: Set<string>, id: string) => {
    let next = id;
    while (taken.has(next)) next = newId();
    taken.add(next);
    return next;
  };

  // Folders.
  const folderName = (name: string) => name.normalize('NFKC').trim().toLowerCase();
  const folderIds = new Set(existing.folders.map((f) => f.id));
  const folderByName = new Map(existing.folders.map((f) => [folderName(f.name), f.id]));
  const folderByExistingId = new Map(existing.folders.map((f) => [f.id, f]));
  const folderIdMap = new Map<string, string>();
  const folderOrderBase =
    existing.folders.length === 0 ? null : Math.max(...existing.folders.map((f) => f.order)) + 1;
  const sortedFolders = [...incoming.folders].sort((a, b) => a.order - b.order);
  sortedFolders.forEach((folder) => {
    const sameId = folderByExistingId.get(folder.id);
    const target =
      sameId && folderName(sameId.name) === folderName(folder.name)
        ? sameId.id
        : folderByName.get(folderName(folder.name));
    if (target !== undefined) {
      folderIdMap.set(folder.id, target);
      skipped.folders++;
      return;
    }
    const id = freshId(folderIds, folder.id);
    const order = folderOrderBase === null ? folder.order : folderOrderBase + add.folders.length;
    const added: BackupFolder = { ...folder, id, order };
    add.folders.push(added);
    folderIdMap.set(folder.id, id);
    folderByName.set(folderName(folder.name), id);
  });

  // Bookmarks.
  const bookmarkIds = new Set(existing.bookmarks.map((b) => b.id));
  const itemIds = new Set(existing.bookmarks.flatMap((b) => (b.itemId === null ? [] : [b.itemId])));
  const urls = new Set(existing.bookmarks.flatMap((b) => (b.url === '' ? [] : [urlKey(b.url)])));
  const maxOrderIn = new Map<string | null, number>();
  for (const b of existing.bookmarks)
    maxOrderIn.set(b.folderId, Math.max(maxOrderIn.get(b.folderId) ?? -Infinity, b.order));
  const appendedIn = new Map<string | null, number>();
  const sortedBookmarks = [...incoming.bookmarks].sort((a, b) => a.order - b.order);
  for (const bookmark of sortedBookmarks) {
    const key = bookmark.url === '' ? null : urlKey(bookmark.url);
    const known =
      bookmarkIds.has(bookmark.id) ||
      (bookmark.itemId !== null && itemIds.has(bookmark.itemId)) ||
      (key !== null && urls.has(key));
    if (known) {
      skipped.bookmarks++;
      continue;
    }
    const folderId = bookmark.folderId === null ? null : (folderIdMap.get(bookmark.folderId) ?? null);
    const base = maxOrderIn.get(folderId);
    let order = bookmark.order;
    if (base !== undefined) {
      const n = appendedIn.get(folderId) ?? 0;
      appendedIn.set(folderId, n + 1);
      order = base + 1 + n;
    }
    const added: BackupBookmark = { ...bookmark, id: freshId(bookmarkIds, bookmark.id), folderId, order };
    add.bookmarks.push(added);
    if (bookmark.itemId !== null) itemIds.add(bookmark.itemId);
    if (key !== null) urls.add(key);
  }

  // Notes, dismissed tips, settings: keyed rows; what the seller has stays.
  const noteItems = new Set(existing.notes.map((n) => n.itemId));
  for (const note of incoming.notes) {
    if (noteItems.has(note.itemId)) skipped.notes++;
    else add.notes.push(note);
  }
  const tipIds = new Set(existing.dismissedTips.map((t) => t.id));
  const tipKey = (t: SellerData['dismissedTips'][number]) => JSON.stringify([t.guideId, t.scope, t.pageKey]);
  const tipKeys = new Set(existing.dismissedTips.map(tipKey));
  for (const tip of incoming.dismissedTips) {
    if (tipIds.has(tip.id) || tipKeys.has(tipKey(tip))) skipped.dismissedTips++;
    else {
      add.dismissedTips.push(tip);
      tipKeys.add(tipKey(tip));
    }
  }
  const settingKeys = new Set(existing.settings.map((s) => s.key));
  for (const setting of incoming.settings) {
    if (settingKeys.has(setting.key)) skipped.settings++;
    else add.settings.push(setting);
  }

  // Feed subscriptions.
  const feedIds = new Set(existing.feeds.map((f) => f.id));
  const feedUrls = new Set(existing.feeds.map((f) => urlKey(f.url)));
  for (const feed of incoming.feeds) {
    if (feedIds.has(feed.id) || feedUrls.has(urlKey(feed.url))) skipped.feeds++;
    else {
      add.feeds.push(feed);
      feedIds.add(feed.id);
      feedUrls.add(urlKey(feed.url));
    }
  }
  return { add, skipped };
}

/** How many rows a plan adds, all kinds together (0 = the import would change nothing). */
export function countAdded(plan: ImportPlan): number {
  return SELLER_DATA_KINDS.reduce((sum, kind) => sum + plan.add[kind].length, 0);
}
