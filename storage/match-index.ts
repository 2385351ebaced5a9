import { browser } from 'wxt/browser';
import type { CatalogItem } from '@/core/model';
import { buildMatchIndex, type MatchIndex } from '@/core/match';
import { parseMatchIndex, serializeMatchIndex } from '@/core/match/stored';
import { MATCH_INDEX_KEY } from './tips-keys';

/**
 * Builds the match index from the live catalog and stores it in `browser.storage.local`, where the Seller
 * Central content script reads it. The sync engine calls this after every sync; tombstoned items must
 * already be gone from `items` (or carry `deleted: true`).
 */
export async function writeMatchIndex(items: CatalogItem[]): Promise<void> {
  await browser.storage.local.set({ [MATCH_INDEX_KEY]: serializeMatchIndex(buildMatchIndex(items)) });
}

/** The stored index, or null when none was written yet or it was written by another schema version. */
export async function readMatchIndex(): Promise<MatchIndex | null> {
  return parseMatchIndex((await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY]);
}
