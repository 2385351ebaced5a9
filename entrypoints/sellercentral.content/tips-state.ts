import { browser } from 'wxt/browser';
import { MATCH_INDEX_SCHEMA, type MatchIndex } from '@/core/match/types';
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
  const index = stored[MATCH_INDEX_KEY] as Partial<MatchIndex> | undefined;
  const mirror = stored[TIPS_MIRROR_KEY];
  return {
    index:
      index?.schema === MATCH_INDEX_SCHEMA && Array.isArray(index.guides) && Array.isArray(index.topics)
        ? (index as MatchIndex)
        : null,
    mirror: isTipsMirror(mirror) ? mirror : EMPTY_TIPS_MIRROR,
  };
}
