/**
 * Messages of the sync area (see protocol.ts). Sent by extension pages (the options page) to the background,
 * which owns every catalog write. Errors come back as stored codes (`code|detail`, see parseSyncError below), worded by the page in the seller's language.
 */
/** Where one feed's sync spent its time, ms (printed by `npm run bench:sync`). */
export interface SyncTimings {
  fetch: number;
  parse: number;
  prepare: number;
  diff: number;
  searchPack: number;
  write: number;
  matchIndex: number;
  /** Work done by the sync engine, excluding the wait for the network. */
  work: number;
}

export interface SyncFeedReport {
  feedId: string;
  outcome: 'updated' | 'not-modified' | 'failed' | 'skipped';
  /** Stored form of the failure (`code|detail`, see parseSyncError), when outcome is 'failed'. */
  error?: string;
  timings?: SyncTimings;
}

export type AddFeedResult =
  | { ok: true; feedId: string; report: SyncFeedReport }
  /** `invalid_url`, `duplicate`, `permission`, or a sync failure code (the feed is then not kept). */
  | { ok: false; error: string };

export interface SyncProtocol {
  /** Subscribes to a feed (its origin's permission was granted by the page, in the click) and syncs it. */
  syncAddFeed(data: { url: string }): AddFeedResult;
  /** Syncs one feed now (even if paused), or every unpaused feed when feedId is omitted. */
  syncNow(data: { feedId?: string }): SyncFeedReport[];
  syncSetPaused(data: { feedId: string; paused: boolean }): void;
  /** Unsubscribes: the feed and its cached items go; the seller's bookmarks stay. */
  syncRemoveFeed(data: { feedId: string }): void;
}

/** Why a feed's sync failed; each code has a sentence `sync_error_<code>` in the locale files. */
export type SyncErrorCode =
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'network'
  | 'http_status'
  | 'not_found'
  | 'forbidden'
  | 'login_page'
  | 'html_page'
  | 'content_type'
  | 'invalid_feed'
  | 'permission'
  | 'storage_full'
  | 'internal'
  | 'invalid_url'
  | 'duplicate';

const SYNC_ERROR_CODES: readonly SyncErrorCode[] = [
  'timeout',
  'too_large',
  'too_many_redirects',
  'bad_redirect',
  'network',
  'http_status',
  'not_found',
  'forbidden',
  'login_page',
  'html_page',
  'content_type',
  'invalid_feed',
  'permission',
  'storage_full',
  'internal',
  'invalid_url',
  'duplicate',
];

/** `FeedRecord.lastError` / a report's `error` (`code` or `code|detail`) → its parts. */
export function parseSyncError(stored: string): { code: SyncErrorCode | 'unknown'; detail: string } {
  const bar = stored.indexOf('|');
  const code = bar < 0 ? stored : stored.slice(0, bar);
  const detail = bar < 0 ? '' : stored.slice(bar + 1);
  return (SYNC_ERROR_CODES as readonly string[]).includes(code)
    ? { code: code as SyncErrorCode, detail }
    : { code: 'unknown', detail: stored };
}
