import type { QuickLaunchHit } from '@/core/quick-launch/rank';

/** Messages of the quick-launch area (see protocol.ts). */
export interface QuickLaunchProtocol {
  /**
   * Bookmarks, then catalog items, that match `query` (pinyin too) — the very ranking the omnibox uses. The
   * background keeps the searchers warm, so the popup never loads the 20,000-item index itself.
   */
  quickLaunchSearch(data: { query: string; limit: number }): QuickLaunchHit[];
  /** The popup has shown what is new: recount the toolbar badge. */
  quickLaunchSeen(): void;
}
