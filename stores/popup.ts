import { create } from 'zustand';
import type { QuickLaunchHit } from '@/core/quick-launch/rank';
import { sendMessage } from '@/messaging/protocol';
import { listNewItems, markNewSeen, type ItemSummary } from '@/storage/catalog';

/**
 * The toolbar popup's own state: the search box (asked of the background, which ranks bookmarks then the
 * catalog exactly as the omnibox does) and "what's new" since the popup was last opened.
 */
export const POPUP_RESULTS = 8;
const WHATS_NEW_SHOWN = 10;

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
  setQuery(query: string): Promise<void>;
  moveActive(delta: number): void;
  loadWhatsNew(): Promise<void>;
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
}));
