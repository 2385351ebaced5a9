import { db } from './db';
import { getCatalogItems } from './catalog';
import type { DismissedTipRecord } from './types';
import type { CompactDismissal, DismissScope, HiddenGuide } from '@/core/match/tips-policy';

/**
 * The seller's dismissed tips (Dexie `dismissedTips`: the source of truth; sync never writes it). One row per
 * guide and scope (and page, for `page`), so dismissing twice updates rather than piles up.
 */

export const SNOOZE_DAY_CHOICES = [1, 7] as const;
const MAX_SNOOZE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DismissRequest {
  guideIds: string[];
  scope: DismissScope;
  pageKey: string | null;
  snoozeDays: number | null;
}

function rowId(guideId: string, scope: DismissScope, pageKey: string | null): string {
  return scope === 'page' ? `page:${pageKey}:${guideId}` : `${scope}:${guideId}`;
}

/** Records a dismissal for each guide; invalid requests are refused with a plain sentence. */
export async function dismissTips(request: DismissRequest, now = Date.now()): Promise<void> {
  const { guideIds, scope, pageKey, snoozeDays } = request;
  if (guideIds.length === 0) return;
  if (scope === 'page' && !pageKey) throw new Error('Closing a tip for this page needs the page key.');
  if (scope === 'snooze' && !(snoozeDays && snoozeDays > 0 && snoozeDays <= MAX_SNOOZE_DAYS)) {
    throw new Error(`A snooze lasts from 1 to ${MAX_SNOOZE_DAYS} days.`);
  }
  const rows: DismissedTipRecord[] = guideIds.map((guideId) => ({
    id: rowId(guideId, scope, pageKey),
    guideId,
    scope,
    pageKey: scope === 'page' ? pageKey : null,
    until: scope === 'snooze' ? now + (snoozeDays ?? 0) * DAY_MS : null,
    createdAt: now,
  }));
  await db.transaction('rw', db.dismissedTips, () => db.dismissedTips.bulkPut(rows));
}

/** Lets a guide be offered again (the settings page's "show again"). */
export async function undismissGuide(guideId: string): Promise<void> {
  await db.transaction('rw', db.dismissedTips, () =>
    db.dismissedTips.where('guideId').equals(guideId).delete(),
  );
}

export async function listDismissals(): Promise<DismissedTipRecord[]> {
  return db.dismissedTips.toArray();
}

/**
 * One entry per guide the seller has hidden and that is still hidden now: never again, a snooze still running,
 * or closed on one or more pages. Newest first. Titles are left null (the caller looks them up in the catalog).
 * Malformed rows are skipped, like compactDismissals does.
 */
export function summarizeHiddenGuides(rows: readonly DismissedTipRecord[], now = Date.now()): HiddenGuide[] {
  const byGuide = new Map<string, HiddenGuide>();
  for (const row of rows) {
    if (typeof row?.guideId !== 'string') continue;
    const stillHidden =
      row.scope === 'never' ||
      (row.scope === 'snooze' && typeof row.until === 'number' && row.until > now) ||
      (row.scope === 'page' && typeof row.pageKey === 'string');
    if (!stillHidden) continue;
    const entry = byGuide.get(row.guideId) ?? {
      guideId: row.guideId,
      title: null,
      never: false,
      snoozedUntil: null,
      closedOnPages: 0,
      dismissedAt: 0,
    };
    if (row.scope === 'never') entry.never = true;
    else if (row.scope === 'snooze') entry.snoozedUntil = Math.max(entry.snoozedUntil ?? 0, row.until ?? 0);
    else entry.closedOnPages += 1;
    entry.dismissedAt = Math.max(entry.dismissedAt, typeof row.createdAt === 'number' ? row.createdAt : 0);
    byGuide.set(row.guideId, entry);
  }
  return [...byGuide.values()].sort((a, b) => b.dismissedAt - a.dismissedAt);
}

const MAX_MIRRORED_PAGE_DISMISSALS = 500;

/**
 * The dismissals the content script needs, compact: every never-again, snoozes still running, and the most
 * recent page closings. Malformed rows (e.g. from an old import) are skipped, not deleted.
 */
export function compactDismissals(rows: readonly DismissedTipRecord[], now = Date.now()): CompactDismissal[] {
  const out: CompactDismissal[] = [];
  const pages: DismissedTipRecord[] = [];
  for (const row of rows) {
    if (typeof row?.guideId !== 'string') continue;
    if (row.scope === 'never') out.push({ guideId: row.guideId, scope: 'never', pageKey: null, until: null });
    else if (row.scope === 'snooze' && typeof row.until === 'number' && row.until > now) {
      out.push({ guideId: row.guideId, scope: 'snooze', pageKey: null, until: row.until });
    } else if (row.scope === 'page' && typeof row.pageKey === 'string') pages.push(row);
  }
  pages.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  for (const row of pages.slice(0, MAX_MIRRORED_PAGE_DISMISSALS)) {
    out.push({ guideId: row.guideId, scope: 'page', pageKey: row.pageKey, until: null });
  }
  return out;
}

/** The settings page's "hidden guides" list: summarizeHiddenGuides over the database, with catalog titles. */
export async function listHiddenGuides(now = Date.now()): Promise<HiddenGuide[]> {
  const hidden = summarizeHiddenGuides(await listDismissals(), now);
  if (hidden.length === 0) return hidden;
  const items = await getCatalogItems(hidden.map((h) => h.guideId));
  return hidden.map((h, i) => ({ ...h, title: items[i]?.title || null }));
}
