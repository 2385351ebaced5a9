import { liveQuery } from 'dexie';
import { create } from 'zustand';
import type { CatalogItem } from '@/core/model';
import type { QuickLaunchHit } from '@/core/quick-launch/rank';
import { sendMessage } from '@/messaging/protocol';
import { bookmarkItem, type BookmarkRecord } from '@/storage/bookmarks';
import { getCategories, listItems, listNewItems, markNewSeen, type ItemSummary } from '@/storage/catalog';
import { db } from '@/storage/db';
import {
  parseToolOpens,
  rankPopularTools,
  TOOL_OPENS_KEY,
  withOpen,
  type PopularTool,
} from './popup-popular';

/**
 * The toolbar popup's own state: the search box (asked of the background, which ranks bookmarks then the
 * catalog exactly as the omnibox does), "what's new" since the popup was last opened, and the popular tools
 * offered while the quick-launch grid is nearly empty (stores/popup-popular.ts ranks them).
 */
export const POPUP_RESULTS = 8;
const WHATS_NEW_SHOWN = 10;
/** Popular tools shown at once (two rows of the grid). */
export const POPULAR_SHOWN = 8;
/** The popular tools give way once the seller has this many bookmarks: the grid is theirs by then. */
export const POPULAR_UNTIL_BOOKMARKS = 8;
/** Ranked offers kept in memory, so a pinned one is replaced by the next without reading the catalog again. */
const POPULAR_CANDIDATES = 48;
/** Settings row: true when the seller hid the offers. */
const POPULAR_HIDDEN_KEY = 'popup.hidePopular';

export type PopularState = 'idle' | 'loading' | 'ready' | 'error';

interface PopupState {
  query: string;
  results: QuickLaunchHit[];
  /** Keyboard-selected result; Enter opens it (the top hit unless the seller moved). */
  activeIndex: number;
  searching: boolean;
  searchError: string | null;
  /** Items that arrived since the popup was last opened, newest first (loaded once per opening). */
  whatsNew: ItemSummary[];
  whatsNewTotal: number;
  /** Popular tools, best first, bookmarked ones included (the view leaves those out: see offersToShow). */
  popular: PopularTool[];
  popularState: PopularState;
  /** The seller hid the offers (kept in settings; "organize" offers to show them again). */
  popularHidden: boolean;
  /** When the catalog the offers were ranked from was written (its categories record), once known. */
  catalogVersion: number | null | undefined;
  setQuery(query: string): Promise<void>;
  moveActive(delta: number): void;
  loadWhatsNew(): Promise<void>;
  /** Reads the catalog's tools and the seller's use of them, and ranks the offers. */
  loadPopular(): Promise<void>;
  /** Hides or shows the offers, for this and every later opening. */
  setPopularHidden(hidden: boolean): Promise<void>;
  /** Bookmarks an offered tool (into the unfiled tools); it leaves the offers as the grid shows it. */
  pinTool(item: CatalogItem): Promise<BookmarkRecord>;
  /**
   * Counts one open of a catalog tool from the popup, so the tools the seller keeps opening are offered first.
   * Never throws: a launcher must open the tool even when this cannot be written.
   */
  recordToolOpen(itemId: string): Promise<void>;
}

// Answers can arrive out of order; only the answer to the latest keystroke is shown.
let latestRequest = 0;

export const usePopup = create<PopupState>((set, get) => ({
  query: '',
  results: [],
  activeIndex: 0,
  searching: false,
  searchError: null,
  whatsNew: [],
  whatsNewTotal: 0,
  popular: [],
  popularState: 'idle',
  popularHidden: false,
  catalogVersion: undefined,

  async setQuery(query) {
    const request = ++latestRequest;
    set({ query, activeIndex: 0 });
    if (query.trim() === '') {
      set({ results: [], searching: false, searchError: null });
      return;
    }
    set({ searching: true });
    try {
      const results = await sendMessage('quickLaunchSearch', { query, limit: POPUP_RESULTS });
      if (request === latestRequest) set({ results, searching: false, searchError: null });
    } catch (error) {
      if (request === latestRequest) set({ results: [], searching: false, searchError: String(error) });
    }
  },

  moveActive(delta) {
    const { results, activeIndex } = get();
    if (results.length === 0) return;
    set({ activeIndex: (activeIndex + delta + results.length) % results.length });
  },

  async loadWhatsNew() {
    const fresh = await listNewItems('popup', Number.POSITIVE_INFINITY);
    set({ whatsNew: fresh.slice(0, WHATS_NEW_SHOWN), whatsNewTotal: fresh.length });
    // Shown now: mark it seen, then let the background clear the badge.
    if (fresh.length > 0) {
      await markNewSeen('popup', Math.max(Date.now(), ...fresh.map((i) => i.firstSeenAt)));
      await sendMessage('quickLaunchSeen', undefined).catch(() => undefined);
    }
  },

  async loadPopular() {
    if (get().popularState === 'idle') set({ popularState: 'loading' });
    try {
      // Hidden: the catalog is not read at all.
      const popularHidden = (await db.settings.get(POPULAR_HIDDEN_KEY))?.value === true;
      if (popularHidden) {
        set({ popular: [], popularHidden, popularState: 'ready' });
        return;
      }
      const [tools, categories, opens] = await Promise.all([
        listItems({ kind: 'tool' }),
        getCategories(),
        db.settings.get(TOOL_OPENS_KEY).then((row) => parseToolOpens(row?.value)),
      ]);
      const popular = rankPopularTools({ tools, categories, opens, limit: POPULAR_CANDIDATES });
      set({ popular, popularHidden, popularState: 'ready' });
    } catch {
      // The offers are a convenience: without them the grid shows its plain empty state.
      set({ popular: [], popularState: 'error' });
    }
  },

  async setPopularHidden(hidden) {
    await db.settings.put({ key: POPULAR_HIDDEN_KEY, value: hidden });
    set({ popularHidden: hidden });
    // Shown again: rank them now (they were never read while hidden).
    if (!hidden && get().popular.length === 0) set({ popularState: 'idle' });
  },

  pinTool(item) {
    return bookmarkItem(item);
  },

  async recordToolOpen(itemId) {
    try {
      await db.transaction('rw', db.settings, async () => {
        const opens = parseToolOpens((await db.settings.get(TOOL_OPENS_KEY))?.value);
        await db.settings.put({ key: TOOL_OPENS_KEY, value: withOpen(opens, itemId, Date.now()) });
      });
    } catch {
      // Not counted this time; the tool still opens.
    }
  },
}));

/**
 * Ranks the offers again when a sync writes a new catalog while the popup is open (on day one the bundled
 * catalog may still be being written as the seller first opens the popup). Returns the unsubscribe.
 */
export function followCatalogForPopular(): () => void {
  const subscription = liveQuery(
    async () => (await db.catalogBlobs.get('categories'))?.updatedAt ?? null,
  ).subscribe({
    next: (version) => {
      const { catalogVersion, popularState } = usePopup.getState();
      // The first answer is the catalog as the popup opened on; only a later write is news.
      const changed = catalogVersion !== undefined && version !== catalogVersion;
      usePopup.setState({ catalogVersion: version });
      if (changed && popularState !== 'idle' && popularState !== 'loading') {
        usePopup.setState({ popularState: 'idle' });
      }
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
