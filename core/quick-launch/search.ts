import { createSearcher } from '../search';
import type { SearchHit, SearchPack, Searcher } from '../search/types';
import {
  bookmarkIndexFits,
  createBookmarkIndex,
  mergeQuickLaunch,
  type BookmarkIndex,
  type LaunchBookmark,
  type LaunchItem,
  type QuickLaunchHit,
} from './rank';

/** Where quick-launch reads from (the background passes IndexedDB readers; tests and benchmarks their own). */
export interface QuickLaunchSources {
  /** The seller's bookmarks in their order (read at every query: a small table, and always current). */
  bookmarks(): Promise<readonly LaunchBookmark[]>;
  /** The stored search pack and the catalog's items, or null before the first sync. */
  catalog(): Promise<{ pack: unknown; items: Iterable<LaunchItem> } | null>;
}

export interface QuickLaunchSearch {
  search(query: string, limit: number): Promise<QuickLaunchHit[]>;
  /** Forget the catalog index (a sync committed); the next query rebuilds it. */
  dropCatalog(): void;
}

interface CatalogIndex {
  searcher: Searcher;
  /** What a hit shows (kind, title, address), so a keystroke never reads the catalog's storage. */
  items: Map<string, LaunchItem>;
}

/**
 * Quick-launch search with its indexes kept between keystrokes. They are a cache, not state: dropped at any
 * time (the MV3 worker stops), they are rebuilt from the sources at the next query.
 *
 * Per keystroke it does only what the keystroke changes: the bookmark index (searcher, lookups) is rebuilt
 * when the bookmark list changes, not per query, and checking that the list is unchanged allocates nothing.
 * Measured (`npm run bench:quick-launch`): rebuilding the bookmark lookups and a JSON signature of the list
 * at every keystroke cost more time and garbage than the catalog search itself.
 */
export function createQuickLaunchSearch(sources: QuickLaunchSources): QuickLaunchSearch {
  let catalogCache: Promise<CatalogIndex | null> | null = null;
  let bookmarkCache: BookmarkIndex | null = null;
  /** The last answer, so the same words asked again (the omnibox's Enter after its suggestions) cost nothing. */
  let lastAnswer: {
    query: string;
    limit: number;
    bookmarks: BookmarkIndex;
    catalog: CatalogIndex | null;
    hits: QuickLaunchHit[];
  } | null = null;

  async function loadCatalog(): Promise<CatalogIndex | null> {
    const stored = await sources.catalog();
    if (!stored) return null;
    let searcher: Searcher;
    try {
      searcher = createSearcher(stored.pack as SearchPack);
    } catch {
      // A pack of another version (mid-upgrade): bookmarks still work; the next sync writes a fresh pack.
      return null;
    }
    const items = new Map<string, LaunchItem>();
    for (const { id, kind, title, url } of stored.items) items.set(id, { id, kind, title, url });
    return { searcher, items };
  }

  function catalog(): Promise<CatalogIndex | null> {
    catalogCache ??= loadCatalog().catch((error: unknown) => {
      catalogCache = null;
      throw error;
    });
    return catalogCache;
  }

  function bookmarkIndex(bookmarks: readonly LaunchBookmark[]): BookmarkIndex {
    if (!bookmarkCache || !bookmarkIndexFits(bookmarkCache, bookmarks))
      bookmarkCache = createBookmarkIndex(bookmarks);
    return bookmarkCache;
  }

  const noItems: ReadonlyMap<string, LaunchItem> = new Map();

  return {
    async search(query, limit) {
      const [bookmarkList, index] = await Promise.all([sources.bookmarks(), catalog()]);
      const bookmarks = bookmarkIndex(bookmarkList);
      const last = lastAnswer;
      // A shorter list of the same words is the head of the longer one (both rankings are stable).
      if (
        last &&
        last.query === query &&
        last.limit >= limit &&
        last.bookmarks === bookmarks &&
        last.catalog === index
      )
        return last.hits.slice(0, limit);
      let catalogHits: SearchHit[] = [];
      if (index && query.trim() !== '') {
        // Bookmarked items are listed as bookmarks, not again as catalog hits: ask for a few more than the
        // list needs, and more again only when bookmarked items took their places (hits cost per hit).
        const bookmarked = bookmarks.bookmarkedItems;
        for (let wanted = limit * 2; ; wanted *= 4) {
          catalogHits = index.searcher.search(query, { limit: wanted });
          let fresh = 0;
          for (const hit of catalogHits) if (!bookmarked.has(hit.id)) fresh++;
          if (fresh >= limit || catalogHits.length < wanted || wanted >= limit + bookmarked.size) break;
        }
      }
      const hits = mergeQuickLaunch(
        query,
        { bookmarks, catalogHits, catalogItems: index?.items ?? noItems },
        limit,
      );
      lastAnswer = { query, limit, bookmarks, catalog: index, hits };
      return hits.slice();
    },
    dropCatalog() {
      catalogCache = null;
      lastAnswer = null;
    },
  };
}
