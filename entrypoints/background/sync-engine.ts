/**
 * The sync engine: fetch → parse (the core's parseFeed) → prepare → one write transaction → match index.
 * Everything slow or fallible happens before the transaction; the transaction awaits only IndexedDB. Its
 * dependencies are passed in, so the same code runs in the service worker and in tests against a real HTTP
 * server. No state lives in this module: what must survive the service worker lives in IndexedDB or storage.
 */
import { FeedError, parseFeed } from '@/core/feed';
import type { Category } from '@/core/model';
import type { SyncFeedReport, SyncTimings } from '@/messaging/sync';
import type { SellerNavDB } from '@/storage/database';
import {
  applyFeed,
  FeedGoneError,
  prepareFeed,
  recordFeedFailure,
  recordFeedNotModified,
  StorageFullError,
  type ApplyResult,
} from '@/storage/catalog-write';
import type { StoredItem } from '@/storage/types';
import { fetchFeed, SyncFailure, type FetchFeedOptions } from './sync-fetch';

export interface SyncDeps {
  db: SellerNavDB;
  /** Whether the extension may still read this origin (the seller can revoke it at any time). */
  hasOriginPermission: (origin: string) => Promise<boolean>;
  /** Called after every successful write with the merged catalog (tips' writeMatchIndex). */
  afterWrite?: (items: StoredItem[]) => Promise<void>;
  buildSearchPack?: (items: StoredItem[], categories: Category[]) => unknown;
  fetchOptions?: Pick<FetchFeedOptions, 'timeoutMs' | 'maxBytes'>;
  now?: () => number;
}

/** The report the messages carry (messaging/sync.ts), plus what was written; the engine always times itself. */
export interface FeedSyncReport extends SyncFeedReport {
  counts?: Pick<
    ApplyResult,
    'inserted' | 'updated' | 'deleted' | 'unchanged' | 'itemCount' | 'chunksWritten'
  >;
  timings: SyncTimings;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Whether a feed URL is one the engine fetches (the bundled starter catalog is not fetched). */
export function isRemoteFeedUrl(url: string): boolean {
  return originOf(url) !== null;
}

/** Syncs one feed. Never throws for a feed problem: the report (and the feed record) says what went wrong. */
export async function syncFeed(
  deps: SyncDeps,
  feedId: string,
  options: { force?: boolean } = {},
): Promise<FeedSyncReport> {
  const now = deps.now ?? Date.now;
  const timings: SyncTimings = {
    fetch: 0,
    parse: 0,
    prepare: 0,
    diff: 0,
    searchPack: 0,
    write: 0,
    matchIndex: 0,
    work: 0,
  };
  const started = performance.now();
  const finish = (report: Omit<FeedSyncReport, 'timings'>): FeedSyncReport => {
    timings.work = performance.now() - started - timings.fetch;
    return { ...report, timings };
  };
  const feed = await deps.db.feeds.get(feedId);
  if (!feed || (feed.paused && !options.force)) return finish({ feedId, outcome: 'skipped' });
  const origin = originOf(feed.url);
  if (!origin) return finish({ feedId, outcome: 'skipped' });

  try {
    if (!(await deps.hasOriginPermission(origin))) throw new SyncFailure('permission', origin);
    // The validators are written in the same transaction as the cached copy they describe (and removed with
    // it), so sending them is always safe. The big manifest row is not read here: a 304 must stay cheap.
    const fetchStart = performance.now();
    const response = await fetchFeed(feed.url, {
      ...deps.fetchOptions,
      etag: feed.etag,
      lastModified: feed.lastModified,
      allowOrigin: deps.hasOriginPermission,
    });
    timings.fetch = performance.now() - fetchStart;
    if (response.status === 'not-modified') {
      await recordFeedNotModified(deps.db, feedId, response, now());
      return finish({ feedId, outcome: 'not-modified' });
    }

    const parseStart = performance.now();
    let parsed;
    try {
      parsed = parseFeed({ bytes: response.bytes, url: response.url, contentType: response.contentType });
    } catch (error) {
      if (error instanceof FeedError) throw new SyncFailure('invalid_feed', error.message);
      throw error;
    }
    timings.parse = performance.now() - parseStart;
    // A feed whose every item was dropped as unusable is broken, not emptied on purpose: keep the last good copy.
    if (
      parsed.items.length === 0 &&
      parsed.tombstones.length === 0 &&
      parsed.warnings.length > 0 &&
      feed.itemCount > 0
    ) {
      throw new SyncFailure('invalid_feed', parsed.warnings[0]!.slice(0, 200));
    }
    const prepareStart = performance.now();
    const prepared = prepareFeed(parsed);
    timings.prepare = performance.now() - prepareStart;

    const result = await applyFeed(deps.db, feedId, prepared, {
      now: now(),
      etag: response.etag,
      lastModified: response.lastModified,
      buildSearchPack: deps.buildSearchPack,
    });
    timings.diff = result.timings.diff - result.timings.searchPack;
    timings.searchPack = result.timings.searchPack;
    timings.write = result.timings.write;
    const indexStart = performance.now();
    await deps.afterWrite?.(result.items);
    timings.matchIndex = performance.now() - indexStart;
    const { inserted, updated, deleted, unchanged, itemCount, chunksWritten } = result;
    return finish({
      feedId,
      outcome: 'updated',
      counts: { inserted, updated, deleted, unchanged, itemCount, chunksWritten },
    });
  } catch (error) {
    if (error instanceof FeedGoneError) return finish({ feedId, outcome: 'skipped' });
    const failure =
      error instanceof SyncFailure
        ? error
        : error instanceof StorageFullError
          ? new SyncFailure('storage_full')
          : new SyncFailure('internal', String((error as Error)?.message ?? error).slice(0, 200));
    await recordFeedFailure(deps.db, feedId, failure.toStored(), now()).catch(() => undefined);
    return finish({ feedId, outcome: 'failed', error: failure.toStored() });
  }
}

/** Syncs every remote, unpaused feed, one after the other (one feed's failure never stops the others). */
export async function syncAllFeeds(deps: SyncDeps): Promise<FeedSyncReport[]> {
  const feeds = await deps.db.feeds.toArray();
  feeds.sort((a, b) => a.addedAt - b.addedAt);
  const reports: FeedSyncReport[] = [];
  for (const feed of feeds) {
    if (feed.paused || !isRemoteFeedUrl(feed.url)) continue;
    reports.push(await syncFeed(deps, feed.id));
  }
  return reports;
}
