/**
 * What the Seller Central card may show, given the seller's tips settings, dismissals and recent showings.
 * Pure: the background keeps a compact mirror of this state in extension storage (the seller's dismissals and
 * settings themselves live in IndexedDB), and the content script applies it to the matcher's output.
 */
import type { GuideMatch } from './types';

export type DismissScope = 'page' | 'snooze' | 'never';

export interface TipsSettingsValue {
  /** Tips on or off everywhere. */
  enabled: boolean;
  /** Seller Central hosts (marketplaces) where tips are off. */
  disabledHosts: string[];
  /**
   * The frequency cap: once the card has opened by itself with a guide, it does not open by itself again for
   * that guide within this many minutes; it stays a small badge instead. 0 = open on every page view.
   */
  cooldownMinutes: number;
  /** The seller folded the card into its badge; it stays a badge until they unfold it. */
  collapsed: boolean;
}

/** Every page view, at most once an hour, a day (the default), a week — per guide. */
export const COOLDOWN_CHOICES = [0, 60, 1440, 10080] as const;

export const DEFAULT_TIPS_SETTINGS: TipsSettingsValue = {
  enabled: true,
  disabledHosts: [],
  cooldownMinutes: 24 * 60,
  collapsed: false,
};

export interface CompactDismissal {
  guideId: string;
  scope: DismissScope;
  /** For scope `page`: the page's key (pageKeyOf), never its URL. */
  pageKey: string | null;
  /** For scope `snooze`: epoch ms until which the guide stays away. */
  until: number | null;
}

/** The state the content script reads from extension storage (TIPS_MIRROR_KEY). */
export interface TipsMirror {
  schema: 1;
  settings: TipsSettingsValue;
  dismissals: CompactDismissal[];
  /** guide id → epoch ms the card last opened by itself with it. */
  lastShown: Record<string, number>;
}

export const EMPTY_TIPS_MIRROR: TipsMirror = {
  schema: 1,
  settings: DEFAULT_TIPS_SETTINGS,
  dismissals: [],
  lastShown: {},
};

export function isTipsMirror(value: unknown): value is TipsMirror {
  if (typeof value !== 'object' || value === null) return false;
  const mirror = value as Partial<TipsMirror>;
  return (
    mirror.schema === 1 &&
    typeof mirror.settings === 'object' &&
    mirror.settings !== null &&
    Array.isArray(mirror.dismissals) &&
    typeof mirror.lastShown === 'object' &&
    mirror.lastShown !== null
  );
}

/**
 * A short, stable key for "this page" (host and path, no query or fragment), hashed so that a dismissal
 * never stores or sends the URL itself (FNV-1a, 32 bits: collisions only make a dismissal a bit wider).
 */
export function pageKeyOf(host: string, path: string): string {
  const text = `${host.toLowerCase()}${path.toLowerCase().replace(/\/+$/, '') || '/'}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `p${(hash >>> 0).toString(36)}`;
}

export function tipsAllowedOn(settings: TipsSettingsValue, host: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(host.toLowerCase());
}

/** The matches the seller has not put away: never-again, snoozed (until later) or closed for this page. */
export function visibleMatches(
  matches: readonly GuideMatch[],
  mirror: TipsMirror,
  pageKey: string,
  now: number,
): GuideMatch[] {
  const hidden = new Set<string>();
  for (const d of mirror.dismissals) {
    if (
      d.scope === 'never' ||
      (d.scope === 'snooze' && d.until !== null && d.until > now) ||
      (d.scope === 'page' && d.pageKey === pageKey)
    ) {
      hidden.add(d.guideId);
    }
  }
  return matches.filter((m) => !hidden.has(m.id));
}

/**
 * How the card appears: open, or as the small badge when the seller folded it or every guide on offer already
 * opened the card within the frequency cap.
 */
export function cardMode(matches: readonly GuideMatch[], mirror: TipsMirror, now: number): 'open' | 'badge' {
  if (mirror.settings.collapsed) return 'badge';
  const cooldownMs = mirror.settings.cooldownMinutes * 60_000;
  const allRecent = matches.every((m) => {
    const shown = mirror.lastShown[m.id];
    return shown !== undefined && now - shown < cooldownMs;
  });
  return allRecent ? 'badge' : 'open';
}

/**
 * A guide the seller has put away, as the settings page lists it so the dismissal is never a trap: why it is
 * hidden (never again, snoozed until a time, or closed on some pages) and its title when the catalog still
 * has it.
 */
export interface HiddenGuide {
  guideId: string;
  /** The guide's title from the cached catalog; null when the catalog no longer holds it. */
  title: string | null;
  /** The seller chose "never show this guide again". */
  never: boolean;
  /** Epoch ms a running snooze ends; null when not snoozed (or the snooze is over). */
  snoozedUntil: number | null;
  /** On how many pages the seller closed the card with this guide. */
  closedOnPages: number;
  /** Epoch ms of the most recent of these dismissals (the list shows the newest first). */
  dismissedAt: number;
}
