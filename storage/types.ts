import type { CatalogItem, Category, ItemKind } from '@/core/model';

/**
 * Record types of the SellerNav IndexedDB database (see database.ts for the tables and docs/storage.md for why
 * the catalog is stored in chunks). Seller data (bookmarks, folders, notes, dismissed tips, settings) lives in
 * tables the sync never writes.
 */

// ---------- seller data (never written by sync) ----------

export interface BookmarkRecord {
  id: string;
  /** The catalog item this bookmark points at, or null for a free URL. */
  itemId: string | null;
  url: string;
  title: string;
  note: string;
  folderId: string | null;
  order: number;
  createdAt: number;
  updatedAt: number;
}

export interface FolderRecord {
  id: string;
  name: string;
  order: number;
  createdAt: number;
}

export interface DismissedTipRecord {
  id: string;
  guideId: string;
  scope: 'page' | 'snooze' | 'never';
  pageKey: string | null;
  until: number | null;
  createdAt: number;
}

/** Each area validates its own keys' values when reading; invalid values fall back to defaults. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The seller's own note on a catalog item (a guide or tool), kept even when the item leaves the catalog. */
export interface NoteRecord {
  itemId: string;
  text: string;
  updatedAt: number;
}

// ---------- feeds and the cached catalog (written by sync) ----------

export interface FeedRecord {
  id: string;
  url: string;
  title: string;
  paused: boolean;
  addedAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** The last failure in plain words (already a full sentence), or null when the last attempt succeeded. */
  lastError: string | null;
  itemCount: number;
  etag: string | null;
  lastModified: string | null;
}

/** A catalog item as cached: the normalized item plus where it came from and when it first appeared. */
export interface StoredItem extends CatalogItem {
  feedId: string;
  /** Epoch ms when this item first appeared in the cache; 0 for items of the bundled starter catalog. */
  firstSeenAt: number;
}

/**
 * One chunk of the cached catalog: up to CHUNK_SIZE items of one feed, one category and one kind. Writing a
 * few dozen chunk rows instead of 20,000 item rows is what keeps a full sync within budget (docs/storage.md).
 */
export interface CatalogChunkRecord {
  /** `${feedId}|${category}|${kind}|${n}` */
  id: string;
  feedId: string;
  /** Category id, or '' for items without a category (IndexedDB cannot index null). */
  category: string;
  kind: ItemKind;
  items: StoredItem[];
  /** Content hash of `items`: an unchanged chunk is not rewritten. */
  hash: string;
}

/** Per-feed bookkeeping the diff needs, one row per feed. */
export interface FeedManifestRecord {
  feedId: string;
  /**
   * Live item ids with, at the same index, their content hash and when each was first seen (epoch ms).
   * Parallel arrays rather than id-keyed objects: IndexedDB clones them several times faster (docs/storage.md).
   */
  ids: string[];
  hashes: string[];
  firstSeen: number[];
  /** Chunk id → content hash of the chunk as stored: an unchanged chunk is not rewritten. */
  chunkHashes: Record<string, string>;
  /** Ids this feed has tombstoned: never shown again. */
  tombstones: string[];
  categories: Category[];
  updatedAt: number;
}

/** Small derived records rebuilt at each sync, read whole by the UI (search pack, categories, new items…). */
export interface CatalogBlobRecord {
  key: CatalogBlobKey;
  value: unknown;
  updatedAt: number;
}

export type CatalogBlobKey = 'searchPack' | 'categories' | 'newItems' | 'recent' | 'locator' | 'stats';

/** Counts of the merged catalog, kept small so status lines read it cheaply. */
export interface CatalogStats {
  itemCount: number;
  guides: number;
  tools: number;
}

/** A category of the merged catalog with how many live items it holds. */
export interface CategorySummary extends Category {
  /** Feed the definition came from (the first feed, in subscription order, that defines the id). */
  feedId: string;
  guides: number;
  tools: number;
}

/** A light view of an item, for lists that must not load whole chunks (new items, latest). */
export interface ItemSummary {
  id: string;
  feedId: string;
  kind: ItemKind;
  title: string;
  url: string | null;
  category: string | null;
  date_published: string | null;
  firstSeenAt: number;
}

/** Item id → id of the chunk holding the copy shown (the first feed, in subscription order, wins). */
export type ItemLocator = Record<string, string>;

/** Where "new since you last looked" is tracked, one mark per surface. */
export type NewItemsSurface = 'popup' | 'sidebar';
