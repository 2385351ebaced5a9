import { useEffect } from 'react';
import { create } from 'zustand';
import type { CatalogItem } from '@/core/model';
import { db } from '@/storage/db';
import { sharedLiveQuery } from './shared-live-query';
import {
  bookmarkItem,
  findBookmarkFor,
  listBookmarks,
  listFolders,
  removeBookmark,
  type BookmarkRecord,
  type FolderRecord,
} from '@/storage/bookmarks';

/**
 * The seller's bookmarks and folders as every extension page sees them (popup, sidebar, settings). The store is
 * fed by a Dexie liveQuery, which re-runs when any extension page or the background commits a change, so a
 * star set in the sidebar shows in an open popup at once. Writes go through storage/bookmarks.ts.
 */
export interface BookmarksState {
  bookmarks: BookmarkRecord[];
  folders: FolderRecord[];
  loaded: boolean;
  /** The last read failure, in plain words, or null. */
  error: string | null;
}

const store = create<BookmarksState>(() => ({ bookmarks: [], folders: [], loaded: false, error: null }));

const retainWatch = sharedLiveQuery(
  () =>
    db.transaction('r', db.bookmarks, db.folders, async () => ({
      bookmarks: await listBookmarks(db),
      folders: await listFolders(db),
    })),
  {
    next: ({ bookmarks, folders }) => store.setState({ bookmarks, folders, loaded: true, error: null }),
    error: (error: unknown) => store.setState({ loaded: true, error: String(error) }),
  },
);

/** `const bookmarks = useBookmarks((s) => s.bookmarks)`: subscribes this component to the seller's list. */
export function useBookmarks<T>(selector: (state: BookmarksState) => T): T {
  useEffect(() => retainWatch(), []);
  return store(selector);
}

/** Reads the current state outside React (tests, event handlers). */
useBookmarks.getState = store.getState;

/**
 * Bookmarks the item, or removes its bookmark when it has one. Returns whether it is bookmarked afterwards.
 * Reads the database, not the store, so it is right even before the first liveQuery result arrives.
 */
export async function toggleBookmark(item: CatalogItem, note?: string): Promise<boolean> {
  const existing = findBookmarkFor(await listBookmarks(db), item);
  if (existing) {
    await removeBookmark(existing.id, db);
    return false;
  }
  await bookmarkItem(item, { note }, db);
  return true;
}
