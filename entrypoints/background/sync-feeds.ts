import { parseTypedHttpUrl } from '@/core/urls';
import type { SellerNavDB } from '@/storage/database';
import { hashString } from '@/core/hash';
import { newFeedRecord } from '@/storage/feed-record';

/** A feed URL as the seller typed it → an absolute http(s) URL without fragment, or null. */
export function normalizeFeedUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text || text.length > 2048) return null;
  const url = parseTypedHttpUrl(text);
  if (!url) return null;
  url.hash = '';
  return url.href;
}

export type AddFeedOutcome = { ok: true; feedId: string } | { ok: false; error: 'duplicate' };

/** Adds a subscription record (not synced yet). */
export async function addFeed(db: SellerNavDB, url: string, now = Date.now()): Promise<AddFeedOutcome> {
  return db.transaction('rw', db.feeds, async () => {
    if ((await db.feeds.where('url').equals(url).count()) > 0)
      return { ok: false, error: 'duplicate' } as const;
    const feedId = `feed-${hashString(url)}`;
    await db.feeds.add(newFeedRecord({ id: feedId, url, title: '', paused: false, addedAt: now }));
    return { ok: true, feedId } as const;
  });
}
