import { browser } from 'wxt/browser';
import type { CatalogItem } from '@/core/model';
import { buildMatchIndex, MATCH_INDEX_SCHEMA, type MatchIndex } from '@/core/match';
import { MATCH_INDEX_KEY } from './tips-keys';

/**
 * Builds the match index from the live catalog and stores it in `browser.storage.local`, where the Seller
 * Central content script reads it. The sync engine calls this after every sync; tombstoned items must
 * already be gone from `items` (or carry `deleted: true`).
 */
export async function writeMatchIndex(items: CatalogItem[]): Promise<void> {
  const index = buildMatchIndex(items);
  await browser.storage.local.set({ [MATCH_INDEX_KEY]: index });
}

/** The stored index, or null when none was written yet or it was written by another schema version. */
export async function readMatchIndex(): Promise<MatchIndex | null> {
  const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY];
  return isMatchIndex(stored) ? stored : null;
}

export function isMatchIndex(value: unknown): value is MatchIndex {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { schema?: unknown }).schema === MATCH_INDEX_SCHEMA &&
    Array.isArray((value as { guides?: unknown }).guides) &&
    Array.isArray((value as { topics?: unknown }).topics)
  );
}
