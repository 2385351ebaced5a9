import { browser } from 'wxt/browser';
import { parseFeed } from '@/core/feed';
import { hashString } from '@/core/hash';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { newFeedRecord } from '@/storage/feed-record';
import type { SyncDeps } from './sync-engine';

/**
 * The starter catalog bundled in the extension (public/catalog/starter-feed.json): loaded at install and
 * whenever a new version brings a different one, from the extension's own files — no network.
 */
export const STARTER_FEED_ID = 'starter';
export const STARTER_FEED_URL = 'bundled:catalog/starter-feed.json';
const STARTER_PATH = '/catalog/starter-feed.json';

async function loadBundledStarter(): Promise<Uint8Array | null> {
  // getURL's typed paths only know files present at build time; the starter is one of them once bundled.
  const url = browser.runtime.getURL(STARTER_PATH as Parameters<typeof browser.runtime.getURL>[0]);
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

export interface StarterOptions {
  /** Only load it when the cache has never held it (cheap check at every service-worker start). */
  onlyIfMissing: boolean;
  /** Its items are not "new" (first install); defaults to true when the cache never held it. */
  quiet?: boolean;
  load?: () => Promise<Uint8Array | null>;
}

/** Returns true when the starter catalog was (re)written. */
export async function ensureStarterCatalog(deps: SyncDeps, options: StarterOptions): Promise<boolean> {
  const { db } = deps;
  // Counting by primary key reads no row: the manifest is large.
  const hadIt = (await db.feedManifests.where(':id').equals(STARTER_FEED_ID).count()) > 0;
  if (hadIt && options.onlyIfMissing) return false;
  const bytes = await (options.load ?? loadBundledStarter)();
  if (!bytes) {
    console.warn('SellerNav: the bundled starter catalog is missing from this build.');
    return false;
  }
  // The content hash stands in for an ETag: an unchanged starter is not rewritten on update.
  const version = hashString(new TextDecoder().decode(bytes));
  const existing = await db.feeds.get(STARTER_FEED_ID);
  if (hadIt && existing?.etag === version) return false;
  const parsed = parseFeed({ bytes, url: null, contentType: 'application/feed+json' });
  if (!existing) {
    await db.feeds.put(
      newFeedRecord({
        id: STARTER_FEED_ID,
        url: STARTER_FEED_URL,
        title: parsed.title,
        paused: false,
        addedAt: 0,
      }),
    );
  }
  const result = await applyFeed(db, STARTER_FEED_ID, prepareFeed(parsed), {
    now: (deps.now ?? Date.now)(),
    quiet: options.quiet ?? !hadIt,
    etag: version,
    buildSearchPack: deps.buildSearchPack,
  });
  await deps.afterWrite?.(result.items);
  return true;
}
