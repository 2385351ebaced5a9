import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  BookmarkRecord,
  CatalogBlobRecord,
  CatalogChunkRecord,
  DismissedTipRecord,
  FeedManifestRecord,
  FeedRecord,
  FolderRecord,
  NoteRecord,
  SettingRecord,
} from './types';

export const DATABASE_NAME = 'sellernav';

/**
 * The one SellerNav database. Every schema change keeps the old `version()` and adds a new one with an
 * `upgrade()`; tests/unit/storage/upgrade.test.ts opens each frozen fixture (tests/fixtures/db/v<N>.json) and
 * upgrades it.
 *
 * Version 1:
 * - seller data (sync never writes these): bookmarks, folders, notes, dismissedTips, settings;
 * - feeds: the subscriptions;
 * - catalogChunks / feedManifests / catalogBlobs: the cached catalog, chunked (docs/storage.md explains why).
 */
export class SellerNavDB extends Dexie {
  bookmarks!: EntityTable<BookmarkRecord, 'id'>;
  folders!: EntityTable<FolderRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'itemId'>;
  dismissedTips!: EntityTable<DismissedTipRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  feeds!: EntityTable<FeedRecord, 'id'>;
  catalogChunks!: EntityTable<CatalogChunkRecord, 'id'>;
  feedManifests!: EntityTable<FeedManifestRecord, 'feedId'>;
  catalogBlobs!: Table<CatalogBlobRecord, CatalogBlobRecord['key']>;

  /**
   * `durability` applies to every transaction of this connection (Chromium only). The shared `db` is strict,
   * because it carries the seller's own writes; the sync engine writes the catalog through its own relaxed
   * connection, since a lost catalog write is simply synced again while atomicity is the same.
   */
  constructor(options: { name?: string; durability?: 'strict' | 'relaxed' | 'default' } = {}) {
    super(options.name ?? DATABASE_NAME, { chromeTransactionDurability: options.durability ?? 'strict' });
    this.version(1).stores({
      bookmarks: '&id, folderId, itemId, url',
      folders: '&id, order',
      notes: '&itemId, updatedAt',
      dismissedTips: '&id, guideId',
      settings: '&key',
      feeds: '&id, url',
      catalogChunks: '&id, feedId, category, kind, [category+kind]',
      feedManifests: '&feedId',
      catalogBlobs: '&key',
    });
  }
}

/** Tables the sync engine must never write. */
export const SELLER_DATA_TABLES = ['bookmarks', 'folders', 'notes', 'dismissedTips', 'settings'] as const;
