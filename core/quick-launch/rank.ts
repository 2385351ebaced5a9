import type { CatalogItem, ItemKind } from '../model';
import { buildSearchPack } from '../search/build';
import { createSearcher } from '../search';
import type { SearchHit, Searcher } from '../search/types';

/**
 * Quick-launch ranking, shared by the popup's search box and the omnibox (`sn …`): the seller's bookmarks
 * first, then the catalog, both through the one search module (pinyin included). Bookmarked catalog items are
 * shown once, as bookmarks.
 */

/** The fields of a bookmark quick-launch reads (a BookmarkRecord fits). */
export interface LaunchBookmark {
  id: string;
  itemId: string | null;
  url: string;
  title: string;
  note: string;
}

/** The fields of a catalog item quick-launch shows. */
export interface LaunchItem {
  id: string;
  kind: ItemKind;
  title: string;
  url: string | null;
}

export interface QuickLaunchHit {
  source: 'bookmark' | 'catalog';
  /** Bookmark id for bookmarks, item id for catalog items. */
  id: string;
  kind: ItemKind | 'bookmark';
  /** The catalog item behind it, or null for a custom tool. */
  itemId: string | null;
  title: string;
  /** http(s) address to open, or null for a guide read in the sidebar. */
  url: string | null;
  /** [start, end) ranges in `title` that matched. */
  titleRanges: [number, number][];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A searcher over the seller's bookmarks: title, note and the site's host are searched (titles in pinyin). */
export function createBookmarkSearcher(bookmarks: readonly LaunchBookmark[]): Searcher {
  const items: CatalogItem[] = bookmarks.map((b) => ({
    id: b.id,
    kind: 'tool',
    title: b.title,
    url: b.url || null,
    summary: b.note || null,
    content_html: null,
    date_published: null,
    date_modified: null,
    tags: b.url ? [hostOf(b.url).replace(/^www\./, '')] : [],
    category: null,
    views: null,
    match: null,
    image: null,
  }));
  return createSearcher(buildSearchPack(items));
}

/**
 * What quick-launch derives from the bookmark list, built once per change of the list and reused at every
 * keystroke: the searcher (pinyin-pro runs here), bookmarks by id, and the catalog items already bookmarked.
 */
export interface BookmarkIndex {
  bookmarks: readonly LaunchBookmark[];
  searcher: Searcher;
  byId: ReadonlyMap<string, LaunchBookmark>;
  bookmarkedItems: ReadonlySet<string>;
}

export function createBookmarkIndex(bookmarks: readonly LaunchBookmark[]): BookmarkIndex {
  const kept = bookmarks.map((b) => ({ ...b }));
  return {
    bookmarks: kept,
    searcher: createBookmarkSearcher(kept),
    byId: new Map(kept.map((b) => [b.id, b])),
    bookmarkedItems: new Set(kept.flatMap((b) => (b.itemId ? [b.itemId] : []))),
  };
}

/**
 * True when `bookmarks` still say what the index was built from (same order, ids, items, titles, notes and
 * addresses). Compares field by field: no allocation, as it runs at every keystroke on a freshly read list.
 */
export function bookmarkIndexFits(index: BookmarkIndex, bookmarks: readonly LaunchBookmark[]): boolean {
  const kept = index.bookmarks;
  if (kept === bookmarks) return true;
  if (kept.length !== bookmarks.length) return false;
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i]!;
    const b = bookmarks[i]!;
    if (a.id !== b.id || a.itemId !== b.itemId || a.title !== b.title || a.note !== b.note || a.url !== b.url)
      return false;
  }
  return true;
}

const titleRangesOf = (hit: SearchHit) =>
  hit.highlights.filter((h) => h.field === 'title').flatMap((h) => h.ranges);

/**
 * Bookmarks that match, best first, then catalog hits that are not bookmarked, up to `limit`. With an empty
 * query the bookmarks come in the seller's own order. `catalogItems` resolves catalog hits (a hit whose item is
 * unknown, e.g. mid-sync, is skipped).
 */
export function mergeQuickLaunch(
  query: string,
  input: {
    bookmarks: BookmarkIndex;
    catalogHits: readonly SearchHit[];
    catalogItems: ReadonlyMap<string, LaunchItem>;
  },
  limit: number,
): QuickLaunchHit[] {
  const { byId, bookmarkedItems, searcher } = input.bookmarks;
  const out: QuickLaunchHit[] = [];
  const addBookmark = (b: LaunchBookmark, titleRanges: [number, number][]) =>
    out.push({
      source: 'bookmark',
      id: b.id,
      kind: 'bookmark',
      itemId: b.itemId,
      title: b.title,
      url: b.url || null,
      titleRanges,
    });
  if (query.trim() === '') {
    for (const b of input.bookmarks.bookmarks) {
      if (out.length >= limit) break;
      addBookmark(b, []);
    }
  } else {
    for (const hit of searcher.search(query, { limit })) {
      const b = byId.get(hit.id);
      if (b) addBookmark(b, titleRangesOf(hit));
    }
  }
  for (const hit of input.catalogHits) {
    if (out.length >= limit) break;
    if (bookmarkedItems.has(hit.id)) continue;
    const item = input.catalogItems.get(hit.id);
    if (!item) continue;
    out.push({
      source: 'catalog',
      id: item.id,
      kind: item.kind,
      itemId: item.id,
      title: item.title,
      url: item.url,
      titleRanges: titleRangesOf(hit),
    });
  }
  return out;
}
