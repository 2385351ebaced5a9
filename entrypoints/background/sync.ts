import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { onMessage } from '@/messaging/protocol';
import type { AddFeedResult, SyncFeedReport } from '@/messaging/sync';
import { SellerNavDB } from '@/storage/database';
import { isQuotaError, rebuildDerivedRecords, removeFeedData } from '@/storage/catalog-write';
import { getSearchPack } from '@/storage/catalog';
import { isCurrentSearchPack } from '@/core/search';
import { writeMatchIndex } from '@/storage/match-index';
import { buildSearchPack } from '@/core/search/build';
import { syncAllFeeds, syncFeed, type SyncDeps, type FeedSyncReport } from './sync-engine';
import { ensureStarterCatalog, STARTER_FEED_ID } from './sync-starter';
import { addFeed, normalizeFeedUrl } from './sync-feeds';

/**
 * Background listeners of the sync area. MV3 may stop the service worker at any moment: listeners are
 * registered synchronously here on every start; the schedule lives in `alarms` (kept by the browser); a sync
 * in progress is marked in extension storage so a sync that was cut off runs again at the next start; one
 * sync at a time through a Web Lock (shared by every context of the extension).
 */

export const SYNC_ALARM = 'sellernav-sync';
export const SYNC_PERIOD_MINUTES = 60;
const IN_PROGRESS_KEY = 'sync.inProgress';
const SYNC_LOCK = 'sellernav-sync';

/**
 * Catalog writes go through their own connection with relaxed durability (an interrupted catalog write is
 * simply synced again; atomicity is the same); the seller's data goes through the strict shared `db`.
 */
function openCatalogWriter(): SellerNavDB {
  return new SellerNavDB({ durability: 'relaxed' });
}

function syncDeps(db: SellerNavDB): SyncDeps {
  return {
    db,
    hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    afterWrite: (items) => writeMatchIndex(items),
    buildSearchPack: (items, categories) => buildSearchPack(items, categories),
  };
}

async function withSyncLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(SYNC_LOCK, run) : run();
}

function toMessageReport(report: FeedSyncReport): SyncFeedReport {
  return {
    feedId: report.feedId,
    outcome: report.outcome,
    timings: report.timings,
    ...(report.error ? { error: report.error } : {}),
  };
}

interface InProgressMarker {
  startedAt: number;
}

async function readMarker(): Promise<InProgressMarker | null> {
  const value: unknown = (await browser.storage.local.get(IN_PROGRESS_KEY))[IN_PROGRESS_KEY];
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as InProgressMarker).startedAt === 'number'
    ? (value as InProgressMarker)
    : null;
}

/**
 * Runs `work` under the sync lock, on a fresh catalog connection, with the in-progress marker set. A marker
 * older than this service worker (`performance.timeOrigin`) was left by a worker stopped mid-sync: that sync
 * runs again first, whatever woke this worker up.
 */
async function runSync<T>(work: (deps: SyncDeps) => Promise<T>): Promise<T> {
  return withSyncLock(async () => {
    const db = openCatalogWriter();
    try {
      const marker = await readMarker();
      const cutOff = marker !== null && marker.startedAt < performance.timeOrigin;
      await browser.storage.local.set({
        [IN_PROGRESS_KEY]: { startedAt: Date.now() } satisfies InProgressMarker,
      });
      const deps = syncDeps(db);
      if (cutOff) {
        await ensureStarterCatalog(deps, { onlyIfMissing: true });
        await syncAllFeeds(deps);
      }
      const result = await work(deps);
      await browser.storage.local.remove(IN_PROGRESS_KEY);
      return result;
    } finally {
      db.close();
    }
  });
}

export function syncEverything(): Promise<FeedSyncReport[]> {
  return runSync(async (deps) => {
    await ensureStarterCatalog(deps, { onlyIfMissing: true });
    return syncAllFeeds(deps);
  });
}

async function ensureSchedule(): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing) {
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_PERIOD_MINUTES });
  }
}

/**
 * After an update whose search pack format changed, the stored pack is rebuilt from the cached catalog at once:
 * an unchanged feed answers 304 and an unchanged starter catalog is skipped, so no sync would rebuild it.
 */
async function rebuildStaleSearchPack(deps: SyncDeps): Promise<void> {
  const pack = await getSearchPack(deps.db);
  if (pack === null || isCurrentSearchPack(pack)) return;
  const items = await rebuildDerivedRecords(deps.db, { buildSearchPack: deps.buildSearchPack });
  await deps.afterWrite?.(items);
}

/** At each service-worker start: a sync that was cut off (marker still set) runs again (see runSync). */
async function resumeCutOffSync(): Promise<void> {
  if ((await readMarker()) !== null) await runSync(async () => undefined);
}

const feedIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export function registerSync(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void (async () => {
      await ensureSchedule();
      // A new version may bring a new starter catalog; a first install loads it with no network at all.
      await runSync(async (deps) => {
        await ensureStarterCatalog(deps, { onlyIfMissing: false, quiet: reason === 'install' });
        await rebuildStaleSearchPack(deps);
      });
    })();
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureSchedule();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncEverything();
  });

  onMessage('syncAddFeed', async ({ data }): Promise<AddFeedResult> => {
    const url = normalizeFeedUrl(v.parse(v.string(), data.url));
    if (!url) return { ok: false, error: 'invalid_url' };
    return runSync(async (deps) => {
      let feedId: string | null = null;
      try {
        const added = await addFeed(deps.db, url);
        if (!added.ok) return added;
        feedId = added.feedId;
        const report = await syncFeed(deps, feedId, { force: true });
        if (report.outcome === 'failed') {
          // A feed that never worked is not kept: the seller sees why and can fix the URL. It wrote no item, so
          // only its subscription row goes (no need to rebuild the merged records).
          await deps.db.feeds.delete(feedId);
          return { ok: false, error: report.error ?? 'internal' };
        }
        return { ok: true, feedId, report: toMessageReport(report) };
      } catch (error) {
        // A full disk can refuse the subscription row itself, before the sync's own error mapping runs.
        if (!isQuotaError(error)) throw error;
        if (feedId !== null) await deps.db.feeds.delete(feedId).catch(() => undefined);
        return { ok: false, error: 'storage_full' };
      }
    });
  });
  onMessage('syncNow', async ({ data }) => {
    const feedId = data.feedId === undefined ? undefined : v.parse(feedIdSchema, data.feedId);
    const reports = await runSync((deps) =>
      feedId === undefined ? syncAllFeeds(deps) : syncFeed(deps, feedId, { force: true }).then((r) => [r]),
    );
    return reports.map(toMessageReport);
  });
  onMessage('syncSetPaused', async ({ data }) => {
    const feedId = v.parse(feedIdSchema, data.feedId);
    await runSync((deps) => deps.db.feeds.update(feedId, { paused: v.parse(v.boolean(), data.paused) }));
  });
  onMessage('syncRemoveFeed', async ({ data }) => {
    const feedId = v.parse(feedIdSchema, data.feedId);
    if (feedId === STARTER_FEED_ID) return;
    await runSync(async (deps) => {
      const items = await removeFeedData(deps.db, feedId, { buildSearchPack: deps.buildSearchPack });
      await writeMatchIndex(items);
    });
  });

  void ensureSchedule();
  void resumeCutOffSync();
}
