import { create } from 'zustand';
import { liveQuery, type Subscription } from 'dexie';
import * as v from 'valibot';
import type { CatalogItem, Category, ItemKind } from '@/core/model';
import type { UiLanguage } from '@/stores/locale';
import { useSearch } from '@/stores/search';
import { browseOrder, toListRow, type ListRow } from './catalog-rows';
import { db } from '@/storage/db';
import { updateBookmark } from '@/storage/bookmarks';
import type { FeedRecord } from '@/storage/types';
import {
  getCatalogItem,
  getCategories,
  listItems,
  listNewItems,
  listRecentItems,
  markNewSeen,
  type CategorySummary,
  type ItemSummary,
  type StoredItem,
} from '@/storage/catalog';

/**
 * What the sidebar shows of the cached catalog. Components read this store; only the store talks to storage/
 * (and through it to IndexedDB).
 */
export type { ListRow } from './catalog-rows';
export { toListRow } from './catalog-rows';

export interface CategoryNode {
  category: CategorySummary;
  children: CategoryNode[];
  /** Guides and tools in this category and every category below it. */
  total: number;
}

/**
 * Nests categories by `parent`. A parent that does not exist, or a loop of parents, makes the category a root
 * rather than losing it; order is the feed's.
 */
export function buildCategoryTree(categories: readonly CategorySummary[]): CategoryNode[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const reachesItself = (start: CategorySummary): boolean => {
    const seen = new Set<string>([start.id]);
    let parent = start.parent;
    while (parent !== null && byId.has(parent)) {
      if (seen.has(parent)) return true;
      seen.add(parent);
      parent = byId.get(parent)!.parent;
    }
    return false;
  };
  const nodes = new Map<string, CategoryNode>(
    categories.map((c) => [c.id, { category: c, children: [], total: c.guides + c.tools }]),
  );
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id)!;
    const parentNode =
      c.parent !== null && c.parent !== c.id && !reachesItself(c) ? nodes.get(c.parent) : undefined;
    if (parentNode) parentNode.children.push(node);
    else roots.push(node);
  }
  const sum = (node: CategoryNode): number =>
    (node.total = node.category.guides + node.category.tools + node.children.reduce((n, c) => n + sum(c), 0));
  roots.forEach(sum);
  return roots;
}

/** Ids of a category and all categories below it. */
export function descendantIds(categories: readonly Category[], rootId: string): string[] {
  const out = [rootId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const c of categories) {
      if (c.parent === out[i] && !seen.has(c.id)) {
        seen.add(c.id);
        out.push(c.id);
      }
    }
  }
  return out;
}

/**
 * The category's name in the UI language: exact tag, then the same language with another region
 * (`zh`, `zh-Hans`, `en-US`), then Chinese, then whatever the feed gave, then the id.
 */
export function categoryName(category: Pick<Category, 'id' | 'name'>, language: UiLanguage): string {
  const names = category.name ?? {};
  const entries = Object.entries(names).filter(([, n]) => typeof n === 'string' && n.trim() !== '');
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const pick = (lang: string) =>
    entries.find(([tag]) => tag.toLowerCase() === lang.toLowerCase()) ??
    entries.find(([tag]) => primary(tag) === primary(lang));
  return (pick(language) ?? pick('zh-CN') ?? entries[0])?.[1] ?? category.id;
}

/** Guides worth reading next: most shared tags first, then the same category, then the newest. */
export function rankRelated(
  item: Pick<StoredItem, 'id' | 'tags' | 'category'>,
  candidates: readonly ListRow[],
  limit = 5,
): ListRow[] {
  const tags = new Set(item.tags.map((t) => t.toLowerCase()));
  return candidates
    .filter((c) => c.id !== item.id && c.kind === 'guide')
    .map((c) => ({
      row: c,
      score:
        c.tags.reduce((n, t) => n + (tags.has(t.toLowerCase()) ? 2 : 0), 0) +
        (c.category === item.category ? 1 : 0),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || browseOrder(a.row, b.row))
    .slice(0, limit)
    .map((s) => s.row);
}

const OPENED_TOOLS_KEY = 'sidebar.openedTools';
const OPENED_TOOLS_LIMIT = 2000;
const OpenedToolsSchema = v.array(v.string());
const DISCOVER_SIZE = 6;

async function readOpenedTools(): Promise<string[]> {
  const record = await db.settings.get(OPENED_TOOLS_KEY);
  const parsed = v.safeParse(OpenedToolsSchema, record?.value);
  return parsed.success ? parsed.output : [];
}

function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    const i = Math.floor(random() * pool.length);
    out.push(pool[i]!);
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
  }
  return out;
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What the status line says: built from the feed records alone, which are a handful of small rows. */
export interface SidebarStatus {
  /** Last successful sync of any feed (epoch ms), or null. */
  lastSyncAt: number | null;
  /** Subscriptions in the order they were added. */
  feeds: FeedRecord[];
  failingFeedIds: string[];
  /** Items the feeds hold (an item two feeds share counts twice: close enough for a status line). */
  itemCount: number;
}

/**
 * Reads the status from `feeds` only. (storage's getCatalogStatus also counts the merged catalog exactly, by
 * reading the whole item locator: at 20,000 items that read alone costs more than the panel's open budget.)
 */
export async function readSidebarStatus(): Promise<SidebarStatus> {
  const feeds = (await db.feeds.toArray()).sort((a, b) => a.addedAt - b.addedAt);
  const successes = feeds.map((f) => f.lastSuccessAt).filter((t): t is number => t !== null);
  return {
    lastSyncAt: successes.length > 0 ? Math.max(...successes) : null,
    feeds,
    failingFeedIds: feeds.filter((f) => f.lastError !== null).map((f) => f.id),
    itemCount: feeds.reduce((n, f) => n + f.itemCount, 0),
  };
}

export interface BrowseState {
  categoryId: string;
  state: LoadState;
  rows: ListRow[];
}

export interface ReaderState {
  itemId: string;
  state: LoadState;
  /** null when the item is not (or no longer) in the catalog. */
  item: StoredItem | null;
  related: ListRow[];
}

interface CatalogState {
  homeState: LoadState;
  error: string | null;
  categories: CategorySummary[];
  latest: ItemSummary[];
  /** Items that arrived since the seller last looked at the sidebar (kept marked for this session). */
  newIds: string[];
  status: SidebarStatus | null;
  discover: ListRow[];
  openedTools: string[];
  browse: BrowseState | null;
  reader: ReaderState | null;

  loadHome(): Promise<void>;
  openCategory(categoryId: string): Promise<void>;
  openItem(itemId: string): Promise<void>;
  shuffleDiscover(): Promise<void>;
  /** The seller opened a tool's site: it leaves the discover row. */
  markToolOpened(itemId: string): Promise<void>;
}

const LATEST_COUNT = 8;

/**
 * Rows of the catalog that pass `keep`. The search index (loaded once per page, after home has painted) holds a
 * light row of every item, so lists are filtered in memory and share those rows; before it is ready, or when
 * it could not load, the rows come from storage (`fallback` says which chunks to read).
 */
async function catalogRows(
  keep: (row: ListRow) => boolean,
  fallback: { category?: string[]; kind?: ItemKind },
): Promise<ListRow[]> {
  await useSearch.getState().ensureIndex();
  const index = useSearch.getState().index;
  if (index) {
    const rows: ListRow[] = [];
    for (const row of index.rows.values()) if (keep(row)) rows.push(row);
    return rows;
  }
  const { category, kind } = fallback;
  const lists = category
    ? await Promise.all(category.map((c) => listItems(kind ? { category: c, kind } : { category: c })))
    : [await listItems(kind ? { kind } : {})];
  const seen = new Set<string>();
  const rows: ListRow[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      const row = toListRow(item);
      if (keep(row)) rows.push(row);
    }
  }
  return rows;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useCatalog = create<CatalogState>((set, get) => ({
  homeState: 'idle',
  error: null,
  categories: [],
  latest: [],
  newIds: [],
  status: null,
  discover: [],
  openedTools: [],
  browse: null,
  reader: null,

  async loadHome() {
    if (get().homeState === 'idle') set({ homeState: 'loading' });
    try {
      const [categories, recent, fresh, status] = await Promise.all([
        getCategories(),
        listRecentItems(LATEST_COUNT * 4),
        listNewItems('sidebar', 500),
        readSidebarStatus(),
      ]);
      const latest = recent.filter((i) => i.kind === 'guide').slice(0, LATEST_COUNT);
      const newIds = [...new Set([...get().newIds, ...fresh.map((i) => i.id)])];
      set({ categories, latest, newIds, status, homeState: 'ready', error: null });
      if (fresh.length > 0) await markNewSeen('sidebar');
    } catch (error) {
      set({ homeState: 'error', error: message(error) });
    }
  },

  async openCategory(categoryId) {
    set({ browse: { categoryId, state: 'loading', rows: [] } });
    try {
      const categories = get().categories.length > 0 ? get().categories : await getCategories();
      const ids = new Set(descendantIds(categories, categoryId));
      const rows = await catalogRows((row) => row.category !== null && ids.has(row.category), {
        category: [...ids],
      });
      rows.sort(browseOrder);
      if (get().browse?.categoryId === categoryId) set({ browse: { categoryId, state: 'ready', rows } });
    } catch (error) {
      if (get().browse?.categoryId === categoryId) {
        set({ browse: { categoryId, state: 'error', rows: [] }, error: message(error) });
      }
    }
  },

  async openItem(itemId) {
    set({ reader: { itemId, state: 'loading', item: null, related: [] } });
    try {
      const item = (await getCatalogItem(itemId)) ?? null;
      if (get().reader?.itemId !== itemId) return;
      set({ reader: { itemId, state: 'ready', item, related: [] } });
      if (!item) return;
      const tags = new Set(item.tags.map((t) => t.toLowerCase()));
      const candidates = await catalogRows(
        (row) =>
          row.kind === 'guide' &&
          (row.category === item.category || row.tags.some((t) => tags.has(t.toLowerCase()))),
        item.category !== null ? { category: [item.category], kind: 'guide' } : { kind: 'guide' },
      );
      const related = rankRelated(item, candidates);
      if (get().reader?.itemId === itemId) set({ reader: { itemId, state: 'ready', item, related } });
    } catch (error) {
      if (get().reader?.itemId === itemId) {
        set({ reader: { itemId, state: 'error', item: null, related: [] }, error: message(error) });
      }
    }
  },

  async shuffleDiscover() {
    try {
      const openedTools = await readOpenedTools();
      const opened = new Set(openedTools);
      const tools = await catalogRows(
        (row) => row.kind === 'tool' && row.url !== null && !opened.has(row.id),
        {
          kind: 'tool',
        },
      );
      set({ openedTools, discover: sample(tools, DISCOVER_SIZE, Math.random) });
    } catch (error) {
      set({ error: message(error) });
    }
  },

  async markToolOpened(itemId) {
    set({ discover: get().discover.filter((t) => t.id !== itemId) });
    try {
      // Read what is stored rather than trust memory: another sidebar or popup may have added to it.
      const stored = await readOpenedTools();
      const openedTools = [itemId, ...stored.filter((id) => id !== itemId)].slice(0, OPENED_TOOLS_LIMIT);
      await db.settings.put({ key: OPENED_TOOLS_KEY, value: openedTools });
      set({ openedTools });
    } catch (error) {
      set({ error: message(error) });
    }
  },
}));

/**
 * Re-reads home whenever a sync commits (Dexie's liveQuery observes the tables the status read touches, in
 * every extension page). Returns the unsubscribe.
 */
export function followCatalogChanges(onCatalogChanged?: () => void): () => void {
  let lastSeen: string | null = null;
  const subscription: Subscription = liveQuery(() =>
    Promise.all([readSidebarStatus(), db.catalogBlobs.get('categories')]),
  ).subscribe({
    next: ([status, categoriesRecord]) => {
      // The derived records are rewritten only when a sync writes the catalog; a 304 or a retry only touches
      // `feeds`. Only a new catalog (or a feed starting or stopping to fail) is worth re-reading home and the
      // search index for; the status line itself follows every change.
      const fingerprint = JSON.stringify([categoriesRecord?.updatedAt ?? null, status.failingFeedIds]);
      const changed = lastSeen !== null && fingerprint !== lastSeen;
      lastSeen = fingerprint;
      useCatalog.setState({ status });
      if (!changed) return;
      void useCatalog.getState().loadHome();
      onCatalogChanged?.();
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** A list row in the shape the bookmark store takes (it reads only id, url and title). */
export function asCatalogItem(
  row: Pick<ListRow, 'id' | 'kind' | 'title' | 'url'> & Partial<ListRow>,
): CatalogItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    summary: row.summary ?? null,
    content_html: null,
    date_published: row.date_published ?? null,
    date_modified: null,
    tags: row.tags ?? [],
    category: row.category ?? null,
    views: row.views ?? null,
    match: null,
    image: null,
  };
}

/** Saves the seller's note on a bookmark (trimmed and length-checked by storage). */
export function saveBookmarkNote(bookmarkId: string, note: string): Promise<unknown> {
  return updateBookmark(bookmarkId, { note });
}
