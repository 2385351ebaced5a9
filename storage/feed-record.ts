import type { FeedRecord } from './types';

/** What makes a subscription the seller's own: the fields a backup carries; the rest is sync bookkeeping. */
export type FeedSubscription = Pick<FeedRecord, 'id' | 'url' | 'title' | 'paused' | 'addedAt'>;

/**
 * The record of a subscription that has not been synced yet: no attempt, no items and no cache validators, so
 * the next sync fetches the whole feed. Used when a seller adds a feed, when the starter catalog is first
 * installed and when a backup brings a feed back.
 */
export function newFeedRecord(subscription: FeedSubscription): FeedRecord {
  return {
    ...subscription,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    itemCount: 0,
    etag: null,
    lastModified: null,
  };
}
