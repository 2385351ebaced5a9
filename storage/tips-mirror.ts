import { browser } from 'wxt/browser';
import { isTipsMirror, type TipsMirror } from '@/core/match/tips-policy';
import { compactDismissals, listDismissals } from './tips-dismissals';
import { readTipsSettings } from './tips-settings';
import { TIPS_MIRROR_KEY } from './tips-keys';

/**
 * The compact copy of tips settings and dismissals that the content script reads from extension storage
 * (it cannot open IndexedDB). IndexedDB stays the source of truth: the mirror is rebuilt from it after every
 * change, on browser start and on install/update, so a lost or stale mirror repairs itself.
 */

const LAST_SHOWN_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

async function readMirror(): Promise<TipsMirror | null> {
  const stored = (await browser.storage.local.get(TIPS_MIRROR_KEY))[TIPS_MIRROR_KEY];
  return isTipsMirror(stored) ? stored : null;
}

/** Rebuilds the mirror from the database (keeping the recent-showings record) and stores it. */
export async function refreshTipsMirror(now = Date.now()): Promise<TipsMirror> {
  const [settings, rows, previous] = await Promise.all([readTipsSettings(), listDismissals(), readMirror()]);
  const lastShown: Record<string, number> = {};
  for (const [id, at] of Object.entries(previous?.lastShown ?? {})) {
    if (typeof at === 'number' && now - at < LAST_SHOWN_KEEP_MS) lastShown[id] = at;
  }
  const mirror: TipsMirror = { schema: 1, settings, dismissals: compactDismissals(rows, now), lastShown };
  await browser.storage.local.set({ [TIPS_MIRROR_KEY]: mirror });
  return mirror;
}

/** Notes that the card opened by itself with these guides (the frequency cap counts from here). */
export async function recordTipsShown(guideIds: string[], now = Date.now()): Promise<void> {
  const mirror = (await readMirror()) ?? (await refreshTipsMirror(now));
  for (const id of guideIds) mirror.lastShown[id] = now;
  await browser.storage.local.set({ [TIPS_MIRROR_KEY]: mirror });
}
