import type { DismissScope, HiddenGuide, TipsSettingsValue } from '@/core/match/tips-policy';

/**
 * Messages of the tips area (see protocol.ts). The content script sends guide ids and a hashed page key only:
 * never a URL, page text or anything the seller typed.
 */
export interface TipsProtocol {
  /** The card opened by itself with these guides (feeds the frequency cap). */
  tipsShown(data: { guideIds: string[] }): void;
  /** Close for this page (`page` + pageKey), snooze (`snooze` + days) or never show again (`never`). */
  tipsDismiss(data: {
    guideIds: string[];
    scope: DismissScope;
    pageKey: string | null;
    snoozeDays: number | null;
  }): void;
  /** The seller folded the card into its badge (true) or unfolded it (false). */
  tipsSetCollapsed(data: { collapsed: boolean }): void;
  /** Open a guide in the side panel, or in a new tab where the side panel cannot be opened from here. */
  tipsOpenGuide(data: { guideId: string }): { openedIn: 'sidepanel' | 'tab' };
  tipsGetSettings(): TipsSettingsValue;
  tipsSaveSettings(data: Partial<Omit<TipsSettingsValue, 'collapsed'>>): TipsSettingsValue;
  /** Every guide the seller put away (never, snoozed, closed on pages) that is still hidden, newest first. */
  tipsListHidden(): HiddenGuide[];
  /** "Show again": lifts every dismissal of the guide; returns the hidden list as it now is. */
  tipsShowAgain(data: { guideId: string }): HiddenGuide[];
}
