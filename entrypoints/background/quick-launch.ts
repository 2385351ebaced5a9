import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { omniboxSuggestions, omniboxTarget } from '@/core/quick-launch/omnibox';
import type { QuickLaunchHit } from '@/core/quick-launch/rank';
import { createQuickLaunchSearch } from '@/core/quick-launch/search';
import { onMessage } from '@/messaging/protocol';
import { listBookmarks } from '@/storage/bookmarks';
import { getSearchPack, listAllItems, listNewItems } from '@/storage/catalog';
import { db } from '@/storage/db';
import { DATABASE_NAME } from '@/storage/database';

/**
 * Background side of quick-launch: the omnibox keyword (`sn …`), the toggle-sidebar command, the toolbar
 * badge of what is new, and the search the popup asks for (one ranking for both).
 */

const SUGGESTIONS = 6;

/** Indexes kept between keystrokes (a cache the worker may lose at any time; see createQuickLaunchSearch). */
const quickLaunch = createQuickLaunchSearch({
  bookmarks: () => listBookmarks(db),
  async catalog() {
    const pack = await getSearchPack(db);
    return pack ? { pack, items: await listAllItems(db) } : null;
  },
});

/** Bookmarks, then catalog items, matching `query` (pinyin too): the popup's search and the omnibox's. */
export function quickLaunchSearch(query: string, limit: number): Promise<QuickLaunchHit[]> {
  return quickLaunch.search(query, limit);
}

/** Tables whose changes make the cached searchers or the badge stale. */
function touches(parts: Record<string, unknown>, tables: string[]): boolean {
  const prefix = `idb://${DATABASE_NAME}/`;
  return Object.keys(parts).some((part) => tables.some((t) => part.startsWith(`${prefix}${t}/`)));
}

export async function refreshNewBadge(): Promise<number> {
  const count = (await listNewItems('popup', Number.POSITIVE_INFINITY, db)).length;
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 99 ? '99+' : String(count) });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#d9480f' });
  return count;
}

const refreshBadgeQuietly = () => void refreshNewBadge().catch(() => undefined);

function guideUrl(itemId: string): string {
  return browser.runtime.getURL(`/sidepanel.html#/guide/${encodeURIComponent(itemId)}` as '/sidepanel.html');
}

function openIn(url: string, disposition: string): Promise<unknown> {
  if (disposition === 'currentTab') return browser.tabs.update({ url });
  return browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
}

/** Firefox's sidebar API (not in Chrome's typings). */
interface SidebarAction {
  toggle(): Promise<void>;
}

/**
 * Opens the side panel, or closes it when it is open. Chrome only opens it inside the gesture, so `open` is
 * called synchronously; `getContexts` is asked first, and answered in call order, so when the panel was
 * already open (open did nothing) it is closed again.
 */
function toggleSidebar(windowId: number | undefined): void {
  const sidebarAction = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (sidebarAction) {
    void sidebarAction.toggle();
    return;
  }
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (!sidePanel?.open || windowId === undefined) return;
  const wasOpen = browser.runtime
    .getContexts({ contextTypes: ['SIDE_PANEL' as Browser.runtime.ContextType], windowIds: [windowId] })
    .then((contexts) => contexts.length > 0)
    .catch(() => false);
  const opened = sidePanel.open({ windowId }).catch(() => undefined);
  void Promise.all([wasOpen, opened]).then(([open]) => {
    const close = (sidePanel as { close?: (o: { windowId: number }) => Promise<void> }).close;
    if (open && close) return close.call(sidePanel, { windowId }).catch(() => undefined);
  });
}

const searchRequest = v.object({
  query: v.pipe(v.string(), v.maxLength(200)),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
});

/** Drops the cached catalog index when a sync commits, and recounts the badge when new items or seen marks change. */
export function watchDatabase(): void {
  Dexie.on('storagemutated', (parts) => {
    if (touches(parts, ['catalogBlobs'])) quickLaunch.dropCatalog();
    if (touches(parts, ['catalogBlobs', 'settings'])) refreshBadgeQuietly();
  });
}

export function registerQuickLaunch(): void {
  onMessage('quickLaunchSearch', (message) => {
    const { query, limit } = v.parse(searchRequest, message.data);
    return quickLaunchSearch(query, limit);
  });
  onMessage('quickLaunchSeen', () => refreshNewBadge().then(() => undefined));

  watchDatabase();
  browser.runtime.onStartup.addListener(refreshBadgeQuietly);
  browser.runtime.onInstalled.addListener(refreshBadgeQuietly);

  const isFirefox = import.meta.env.FIREFOX;
  browser.omnibox.setDefaultSuggestion({
    description: browser.i18n.getMessage('quickLaunch_omniboxDefault'),
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    quickLaunchSearch(text, SUGGESTIONS)
      .then((hits) =>
        suggest(
          omniboxSuggestions(
            hits,
            {
              bookmark: browser.i18n.getMessage('quickLaunch_kindBookmark'),
              guide: browser.i18n.getMessage('quickLaunch_kindGuide'),
              tool: browser.i18n.getMessage('quickLaunch_kindTool'),
            },
            !isFirefox,
          ),
        ),
      )
      .catch(() => suggest([]));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void quickLaunchSearch(text, 1)
      .catch(() => [])
      .then((hits) => {
        const target = omniboxTarget(text, hits[0]);
        if (target.open === 'url') return openIn(target.url, disposition);
        if (target.open === 'guide') return openIn(guideUrl(target.itemId), disposition);
        const search = `/sidepanel.html#/search?q=${encodeURIComponent(target.query)}`;
        return openIn(browser.runtime.getURL(search as '/sidepanel.html'), disposition);
      });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar') toggleSidebar(tab?.windowId);
  });
}
