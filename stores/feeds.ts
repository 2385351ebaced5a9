import { useEffect } from 'react';
import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { originMatchPattern, parseTypedHttpUrl } from '@/core/urls';
import { db } from '@/storage/db';
import { sharedLiveQuery } from './shared-live-query';
import type { FeedRecord } from '@/storage/types';
import { sendMessage } from '@/messaging/protocol';
import type { SyncFeedReport } from '@/messaging/sync';

/**
 * The feed subscriptions as the options page sees them: a Dexie liveQuery over `feeds` (so a background sync
 * shows at once), plus the actions, which go to the background (it alone writes the catalog).
 */
export interface FeedsState {
  feeds: FeedRecord[];
  loaded: boolean;
  /** Feed ids with an action under way. */
  busy: Record<string, boolean>;
  adding: boolean;
  /** The last add attempt's outcome: an error code (`code|detail`), or the added feed's report. */
  addResult: { ok: true; report: SyncFeedReport } | { ok: false; error: string } | null;
}

const store = create<FeedsState>(() => ({
  feeds: [],
  loaded: false,
  busy: {},
  adding: false,
  addResult: null,
}));

const retainWatch = sharedLiveQuery(() => db.feeds.toArray(), {
  next: (feeds) => store.setState({ feeds: feeds.sort((a, b) => a.addedAt - b.addedAt), loaded: true }),
  error: () => store.setState({ loaded: true }),
});

export function useFeeds<T>(selector: (state: FeedsState) => T): T {
  useEffect(() => retainWatch(), []);
  return store(selector);
}

/** `https://nav.example.cn/feed` → `https://nav.example.cn/*`, or null when it is not an http(s) URL. */
export function feedOriginPattern(raw: string): { url: string; pattern: string } | null {
  const url = parseTypedHttpUrl(raw.trim());
  return url ? { url: url.href, pattern: originMatchPattern(url.href) } : null;
}

/**
 * Adds a feed. MUST be called straight from the click/submit handler: the permission request for the feed's
 * origin (that origin only) is its first step, while the user gesture is still alive.
 */
/** Resolves true when the feed was added. */
export function addFeed(raw: string): Promise<boolean> {
  const target = feedOriginPattern(raw);
  if (!target) {
    store.setState({ addResult: { ok: false, error: 'invalid_url' } });
    return Promise.resolve(false);
  }
  const granted = browser.permissions.request({ origins: [target.pattern] });
  store.setState({ adding: true, addResult: null });
  return (async () => {
    try {
      if (!(await granted)) {
        store.setState({ addResult: { ok: false, error: `permission|${new URL(target.url).origin}` } });
        return false;
      }
      const result = await sendMessage('syncAddFeed', { url: target.url });
      store.setState({ addResult: result.ok ? { ok: true, report: result.report } : result });
      return result.ok;
    } catch (error) {
      store.setState({ addResult: { ok: false, error: `internal|${String(error)}` } });
      return false;
    } finally {
      store.setState({ adding: false });
    }
  })();
}

async function withBusy(feedId: string, action: () => Promise<unknown>): Promise<void> {
  store.setState((s) => ({ busy: { ...s.busy, [feedId]: true } }));
  try {
    await action();
  } finally {
    store.setState((s) => {
      const busy = { ...s.busy };
      delete busy[feedId];
      return { busy };
    });
  }
}

/** Syncs now; if the origin's permission was revoked, asks for it again first (still in the click). */
export function syncFeedNow(feed: FeedRecord): Promise<void> {
  let origin: string | null = null;
  try {
    origin = new URL(feed.url).origin;
  } catch {
    origin = null;
  }
  const permission =
    origin && /^https?:/.test(origin)
      ? browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false)
      : Promise.resolve(true);
  return withBusy(feed.id, async () => {
    await permission;
    await sendMessage('syncNow', { feedId: feed.id });
  });
}

export function setFeedPaused(feedId: string, paused: boolean): Promise<void> {
  return withBusy(feedId, () => sendMessage('syncSetPaused', { feedId, paused }));
}

export function removeFeed(feed: FeedRecord): Promise<void> {
  return withBusy(feed.id, async () => {
    await sendMessage('syncRemoveFeed', { feedId: feed.id });
    // The origin's permission was asked for this feed only; give it back unless another feed still uses it.
    const origin = new URL(feed.url).origin;
    const stillUsed = store.getState().feeds.some((f) => f.id !== feed.id && f.url.startsWith(`${origin}/`));
    if (!stillUsed && /^https?:/.test(origin)) {
      await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    }
  });
}
