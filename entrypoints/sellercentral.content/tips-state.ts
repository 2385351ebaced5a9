import type { MatchIndex } from '@/core/match/types';
import { parseMatchIndex } from '@/core/match/stored';
import { EMPTY_TIPS_MIRROR, isTipsMirror, type TipsMirror } from '@/core/match/tips-policy';
import { MATCH_INDEX_KEY, TIPS_MIRROR_KEY } from '@/storage/tips-keys';

export interface TipsState {
  index: MatchIndex | null;
  mirror: TipsMirror;
}

/** The part of the browser's own extension API this read needs. */
interface NativeStorageApi {
  runtime?: { id?: string };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

/**
 * The browser's own promise-based API: Firefox's `browser`, Chromium's `chrome` (MV3 storage calls return
 * promises). This read runs on every Seller Central page load, so it skips webextension-polyfill's proxy
 * layer, which would wrap the `storage` namespace (and compile its wrappers) on the first call.
 */
function nativeApi(): NativeStorageApi {
  const scope = globalThis as { browser?: NativeStorageApi; chrome?: NativeStorageApi };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api?.storage) throw new Error('extension storage is not available');
  return api;
}

/**
 * One read of extension storage: the match index (written by the background after each sync) and the tips
 * mirror (settings, dismissals, recent showings). No IndexedDB, no network.
 */
export async function readTipsState(): Promise<TipsState> {
  const stored = await nativeApi().storage.local.get([MATCH_INDEX_KEY, TIPS_MIRROR_KEY]);
  const mirror = stored[TIPS_MIRROR_KEY];
  return {
    index: parseMatchIndex(stored[MATCH_INDEX_KEY]),
    mirror: isTipsMirror(mirror) ? mirror : EMPTY_TIPS_MIRROR,
  };
}
