import { browser } from 'wxt/browser';
import type { MatchIndex } from '@/core/match/types';
import { parseMatchIndex } from '@/core/match/stored';
import { EMPTY_TIPS_MIRROR, isTipsMirror, type TipsMirror } from '@/core/match/tips-policy';
import { MATCH_INDEX_KEY, TIPS_MIRROR_KEY } from '@/storage/tips-keys';

export interface TipsState {
  index: MatchIndex | null;
  mirror: TipsMirror;
}

/**
 * One read of extension storage: the match index (written by the background after each sync) and the tips
 * mirror (settings, dismissals, recent showings). No IndexedDB, no network.
 */
export async function readTipsState(): Promise<TipsState> {
  const stored = await browser.storage.local.get([MATCH_INDEX_KEY, TIPS_MIRROR_KEY]);
  const mirror = stored[TIPS_MIRROR_KEY];
  return {
    index: parseMatchIndex(stored[MATCH_INDEX_KEY]),
    mirror: isTipsMirror(mirror) ? mirror : EMPTY_TIPS_MIRROR,
  };
}
