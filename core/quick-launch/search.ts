import { createSearcher } from '../search';
import type { SearchHit, SearchPack, Searcher } from '../search/types';
import {
  createBookmarkSearcher,
  mergeQuickLaunch,
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
 */
export function createQuickLaunchSearch(sources: QuickLaunchSources): QuickLaunchSearch {
  let catalogCache: Promise<CatalogIndex | null> | null = null;
  let bookmarkCache: { signature: string; searcher: Searcher } | null = null;

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

  function bookmarkSearcher(bookmarks: readonly LaunchBookmark[]): Searcher {
    const signature = JSON.stringify(bookmarks.map((b) => [b.id, b.title, b.note, b.url]));
    if (bookmarkCache?.signature !== signature) {
      bookmarkCache = { signature, searcher: createBookmarkSearcher(bookmarks) };
    }
    return bookmarkCache.searcher;
  }

  return {
    async search(query, limit) {
      const [bookmarks, index] = await Promise.all([sources.bookmarks(), catalog()]);
      let catalogHits: SearchHit[] = [];
      if (index && query.trim() !== '') {
        // Bookmarked items are listed as bookmarks, not again as catalog hits: ask for a few more than the
        // list needs, and more again only when bookmarked items took their places (hits cost per hit).
        const bookmarked = new Set(bookmarks.flatMap((b) => (b.itemId ? [b.itemId] : [])));
        for (let wanted = limit * 2; ; wanted *= 4) {
          catalogHits = index.searcher.search(query, { limit: wanted });
          const fresh = catalogHits.filter((h) => !bookmarked.has(h.id)).length;
          if (fresh >= limit || catalogHits.length < wanted || wanted >= limit + bookmarked.size) break;
        }
      }
      return mergeQuickLaunch(
        query,
        {
          bookmarks,
          bookmarkSearcher: bookmarkSearcher(bookmarks),
          catalogHits,
          catalogItems: index?.items ?? new Map<string, LaunchItem>(),
        },
        limit,
      );
    },
    dropCatalog() {
      catalogCache = null;
    },
  };
}
