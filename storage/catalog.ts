/**
 * Read API of the cached catalog, for extension pages (sidebar, popup, options) and the background.
 * STABLE SIGNATURES — other areas code against these; the storage/sync area adds functions, never changes them:
 *   getCatalogItem(id): Promise<StoredItem | undefined>
 *   getCatalogItems(ids): Promise<(StoredItem | undefined)[]>
 *   listItems({ category?, kind?, feedId? }): Promise<StoredItem[]>     (newest first)
 *   listAllItems(): Promise<StoredItem[]>
 *   getCategories(): Promise<CategorySummary[]>
 *   getSearchPack(): Promise<unknown | null>                              (what core/search buildSearchPack made)
 *   listNewItems(surface, limit?): Promise<ItemSummary[]>
 *   listRecentItems(limit?): Promise<ItemSummary[]>
 *   getCatalogStatus(): Promise<CatalogStatus>
 *   markNewSeen(surface): Promise<void>
 * The catalog is stored in chunks (docs/storage.md); never read catalogChunks directly. Each function takes an
 * optional database (tests); default is the shared `db`. Dexie's liveQuery over these functions re-runs when a
 * sync commits, in every extension page.
 */
import type { ItemKind } from '@/core/model';
import { db as sharedDb } from './db';
import type { SellerNavDB } from './database';
import type {
  CatalogChunkRecord,
  CatalogStats,
  CategorySummary,
  FeedRecord,
  ItemLocator,
  ItemSummary,
  NewItemsSurface,
  StoredItem,
} from './types';

export type { CategorySummary, ItemSummary, NewItemsSurface, StoredItem } from './types';

export interface CatalogStatus {
  /** Last successful sync of any feed (epoch ms), or null when none ever succeeded. */
  lastSyncAt: number | null;
  feeds: FeedRecord[];
  /** Feeds whose last attempt failed. */
  failingFeedIds: string[];
  /** Live items in the merged catalog. */
  itemCount: number;
  /** Items that appeared since the seller last looked, per surface. */
  newCount: Record<NewItemsSurface, number>;
}

const NEW_SEEN_KEY: Record<NewItemsSurface, string> = {
  popup: 'catalog.newSeenAt.popup',
  sidebar: 'catalog.newSeenAt.sidebar',
};

async function readLocator(database: SellerNavDB): Promise<ItemLocator> {
  const record = await database.catalogBlobs.get('locator');
  return (record?.value as ItemLocator | undefined) ?? {};
}

/** Items of these chunks that are the shown copy of their id (a duplicate id in a later feed is hidden). */
function visibleItems(chunks: CatalogChunkRecord[], locator: ItemLocator): StoredItem[] {
  const out: StoredItem[] = [];
  for (const chunk of chunks) {
    for (const item of chunk.items) if (locator[item.id] === chunk.id) out.push(item);
  }
  return out;
}

function newestFirst(a: StoredItem, b: StoredItem): number {
  const da = a.date_published ?? '';
  const dbb = b.date_published ?? '';
  return da < dbb ? 1 : da > dbb ? -1 : 0;
}

export async function getCatalogItem(
  id: string,
  database: SellerNavDB = sharedDb,
): Promise<StoredItem | undefined> {
  return (await getCatalogItems([id], database))[0];
}

export async function getCatalogItems(
  ids: readonly string[],
  database: SellerNavDB = sharedDb,
): Promise<(StoredItem | undefined)[]> {
  return database.transaction('r', database.catalogBlobs, database.catalogChunks, async () => {
    const locator = await readLocator(database);
    const chunkIds = [...new Set(ids.map((id) => locator[id]).filter((c): c is string => c !== undefined))];
    const chunks = await database.catalogChunks.bulkGet(chunkIds);
    const byId = new Map<string, StoredItem>();
    for (const chunk of chunks) {
      if (!chunk) continue;
      for (const item of chunk.items) if (locator[item.id] === chunk.id) byId.set(item.id, item);
    }
    return ids.map((id) => byId.get(id));
  });
}

export interface ListItemsQuery {
  category?: string;
  kind?: ItemKind;
  feedId?: string;
}

/** Live items, newest first; filters combine. `category: ''` lists items without a category. */
export async function listItems(
  query: ListItemsQuery = {},
  database: SellerNavDB = sharedDb,
): Promise<StoredItem[]> {
  return database.transaction('r', database.catalogBlobs, database.catalogChunks, async () => {
    const locator = await readLocator(database);
    const { category, kind, feedId } = query;
    let chunks: CatalogChunkRecord[];
    if (category !== undefined && kind !== undefined) {
      chunks = await database.catalogChunks.where('[category+kind]').equals([category, kind]).toArray();
    } else if (category !== undefined) {
      chunks = await database.catalogChunks.where('category').equals(category).toArray();
    } else if (feedId !== undefined) {
      chunks = await database.catalogChunks.where('feedId').equals(feedId).toArray();
    } else if (kind !== undefined) {
      chunks = await database.catalogChunks.where('kind').equals(kind).toArray();
    } else {
      chunks = await database.catalogChunks.toArray();
    }
    chunks = chunks.filter(
      (c) => (feedId === undefined || c.feedId === feedId) && (kind === undefined || c.kind === kind),
    );
    return visibleItems(chunks, locator).sort(newestFirst);
  });
}

export function listAllItems(database: SellerNavDB = sharedDb): Promise<StoredItem[]> {
  return listItems({}, database);
}

/** Categories of the merged catalog, in feed order, with item counts. */
export async function getCategories(database: SellerNavDB = sharedDb): Promise<CategorySummary[]> {
  const record = await database.catalogBlobs.get('categories');
  return (record?.value as CategorySummary[] | undefined) ?? [];
}

/** The search pack built at the last sync (one record, read whole), or null before the first sync. */
export async function getSearchPack(database: SellerNavDB = sharedDb): Promise<unknown | null> {
  const record = await database.catalogBlobs.get('searchPack');
  return record?.value ?? null;
}

async function readNewItems(database: SellerNavDB): Promise<ItemSummary[]> {
  const record = await database.catalogBlobs.get('newItems');
  return (record?.value as ItemSummary[] | undefined) ?? [];
}

async function readSeenAt(surface: NewItemsSurface, database: SellerNavDB): Promise<number> {
  const record = await database.settings.get(NEW_SEEN_KEY[surface]);
  return typeof record?.value === 'number' && Number.isFinite(record.value) ? record.value : 0;
}

/** Items that appeared since the seller last looked at this surface, newest first. */
export async function listNewItems(
  surface: NewItemsSurface,
  limit = 50,
  database: SellerNavDB = sharedDb,
): Promise<ItemSummary[]> {
  const [items, seenAt] = await Promise.all([readNewItems(database), readSeenAt(surface, database)]);
  return items.filter((i) => i.firstSeenAt > seenAt).slice(0, limit);
}

/** The latest items by publication date. */
export async function listRecentItems(limit = 20, database: SellerNavDB = sharedDb): Promise<ItemSummary[]> {
  const record = await database.catalogBlobs.get('recent');
  return ((record?.value as ItemSummary[] | undefined) ?? []).slice(0, limit);
}

export async function getCatalogStatus(database: SellerNavDB = sharedDb): Promise<CatalogStatus> {
  const [feeds, stats, newItems, popupSeen, sidebarSeen] = await Promise.all([
    database.feeds.orderBy('id').toArray(),
    database.catalogBlobs.get('stats').then((r) => r?.value as CatalogStats | undefined),
    readNewItems(database),
    readSeenAt('popup', database),
    readSeenAt('sidebar', database),
  ]);
  feeds.sort((a, b) => a.addedAt - b.addedAt);
  const successes = feeds.map((f) => f.lastSuccessAt).filter((t): t is number => t !== null);
  return {
    lastSyncAt: successes.length > 0 ? Math.max(...successes) : null,
    feeds,
    failingFeedIds: feeds.filter((f) => f.lastError !== null).map((f) => f.id),
    // 'stats' is written at every sync; a cache written before it existed is counted from the locator.
    itemCount: stats?.itemCount ?? Object.keys(await readLocator(database)).length,
    newCount: {
      popup: newItems.filter((i) => i.firstSeenAt > popupSeen).length,
      sidebar: newItems.filter((i) => i.firstSeenAt > sidebarSeen).length,
    },
  };
}

/** The seller has seen what is new on this surface. */
export async function markNewSeen(
  surface: NewItemsSurface,
  at: number = Date.now(),
  database: SellerNavDB = sharedDb,
): Promise<void> {
  await database.settings.put({ key: NEW_SEEN_KEY[surface], value: at });
}
