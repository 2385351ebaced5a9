import { create } from 'zustand';
import type { ItemKind } from '@/core/model';
import { createSearcher } from '@/core/search';
import type { SearchHit, SearchPack, Searcher } from '@/core/search/types';
import { getSearchPack, listAllItems } from '@/storage/catalog';
import { toListRow, type ListRow } from './catalog-rows';

/**
 * Search as you type, shared by the sidebar and the popup. The index (the search pack built at sync, plus one
 * light display row per item) loads once, after the first paint; each keystroke then runs the in-memory
 * searcher synchronously, so results never wait on IndexedDB.
 */
export interface SearchResult {
  row: ListRow;
  score: number;
  /** [start, end) ranges in the title to mark. */
  titleRanges: [number, number][];
}

export type IndexState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** The loaded index; kept outside React state because it is large and never rendered directly. */
export interface SearchIndex {
  searcher: Searcher;
  rows: Map<string, ListRow>;
}

export const RESULT_LIMIT = 50;

/** Hits → rows to show; a hit whose item is unknown (index and rows out of step mid-sync) is skipped. */
export function toResults(hits: readonly SearchHit[], rows: ReadonlyMap<string, ListRow>): SearchResult[] {
  const out: SearchResult[] = [];
  for (const hit of hits) {
    const row = rows.get(hit.id);
    if (!row) continue;
    const titleRanges = hit.highlights.filter((h) => h.field === 'title').flatMap((h) => h.ranges);
    out.push({ row, score: hit.score, titleRanges });
  }
  return out;
}

interface SearchState {
  query: string;
  kind: ItemKind | null;
  results: SearchResult[];
  /** Index of the keyboard-selected result, -1 for none. */
  activeIndex: number;
  indexState: IndexState;
  index: SearchIndex | null;
  error: string | null;

  /** Loads the index once (later calls share the same load). */
  ensureIndex(): Promise<void>;
  /** Drops the index so the next search reloads it (after a sync). */
  invalidate(): void;
  setQuery(query: string): void;
  setKind(kind: ItemKind | null): void;
  /** Moves the keyboard selection by `delta`, wrapping at both ends. */
  move(delta: number): void;
  setActive(index: number): void;
  clear(): void;
  /** The selected result, else the first; null when there are none. */
  current(): SearchResult | null;
}

let pendingLoad: Promise<void> | null = null;

async function loadIndex(): Promise<SearchIndex | null> {
  const [pack, items] = await Promise.all([getSearchPack(), listAllItems()]);
  if (!pack || items.length === 0) return null;
  const rows = new Map<string, ListRow>();
  for (const item of items) rows.set(item.id, toListRow(item));
  return { searcher: createSearcher(pack as SearchPack), rows };
}

/** Runs the query; a searcher that throws (a damaged pack) becomes an error to show, never a dead page. */
function run(state: Pick<SearchState, 'query' | 'kind' | 'index'>): Pick<SearchState, 'results' | 'error'> {
  const query = state.query.trim();
  if (!query || !state.index) return { results: [], error: null };
  try {
    const hits = state.index.searcher.search(query, {
      limit: RESULT_LIMIT,
      ...(state.kind ? { kind: state.kind } : {}),
    });
    return { results: toResults(hits, state.index.rows), error: null };
  } catch (error) {
    return { results: [], error: error instanceof Error ? error.message : String(error) };
  }
}

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  kind: null,
  results: [],
  activeIndex: -1,
  indexState: 'idle',
  index: null,
  error: null,

  ensureIndex() {
    if (get().index || get().indexState === 'empty') return Promise.resolve();
    pendingLoad ??= (async () => {
      set({ indexState: 'loading' });
      try {
        const index = await loadIndex();
        set({ index, indexState: index ? 'ready' : 'empty' });
        set({ ...run(get()), activeIndex: -1 });
      } catch (error) {
        set({ indexState: 'error', error: error instanceof Error ? error.message : String(error) });
      } finally {
        pendingLoad = null;
      }
    })();
    return pendingLoad;
  },

  invalidate() {
    set({ index: null, indexState: 'idle' });
    if (get().query.trim()) void get().ensureIndex();
  },

  setQuery(query) {
    set({ query, ...run({ ...get(), query }), activeIndex: -1 });
    if (!get().index && query.trim()) void get().ensureIndex();
  },

  setKind(kind) {
    set({ kind, ...run({ ...get(), kind }), activeIndex: -1 });
  },

  move(delta) {
    const n = get().results.length;
    if (n === 0) return;
    const from = get().activeIndex;
    const next = from < 0 ? (delta > 0 ? 0 : n - 1) : (((from + delta) % n) + n) % n;
    set({ activeIndex: next });
  },

  setActive(index) {
    set({ activeIndex: index });
  },

  clear() {
    set({ query: '', results: [], activeIndex: -1 });
  },

  current() {
    const { results, activeIndex } = get();
    return results[activeIndex] ?? results[0] ?? null;
  },
}));
