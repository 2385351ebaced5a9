import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { onMessage } from '@/messaging/protocol';
import { dismissTips, listHiddenGuides, undismissGuide } from '@/storage/tips-dismissals';
import { recordTipsShown, refreshTipsMirror } from '@/storage/tips-mirror';
import { readTipsSettings, saveTipsSettings } from '@/storage/tips-settings';

/**
 * Background side of the Seller Central tips: records what the card reports (shown, dismissed, folded) in the
 * seller's database, keeps the content script's mirror in step, and opens guides. Messages from a content
 * script come from a web page's process, so each is validated before anything is written.
 */

const guideId = v.pipe(v.string(), v.minLength(1), v.maxLength(500));
const guideIds = v.pipe(v.array(guideId), v.maxLength(10));
const dismissSchema = v.object({
  guideIds,
  scope: v.picklist(['page', 'snooze', 'never']),
  pageKey: v.nullable(v.pipe(v.string(), v.regex(/^p[0-9a-z]{1,8}$/))),
  snoozeDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365))),
});

/** The side panel page that shows one guide; the sidebar routes `#/guide/<id>`. */
export function guidePagePath(id: string): string {
  return `/sidepanel.html#/guide/${encodeURIComponent(id)}`;
}

/**
 * Opens a guide in the side panel of the tab the click came from. `sidePanel.open` needs a user gesture: Chrome
 * carries the click's gesture through a content script's message, but only while the call is made
 * synchronously in the listener, so the options are set and the panel opened without awaiting anything
 * first. Where that fails (no gesture, no side panel API, Firefox), the guide opens in a new tab instead.
 */
function openGuide(id: string, tabId: number | undefined): Promise<{ openedIn: 'sidepanel' | 'tab' }> {
  const path = guidePagePath(id);
  const openInTab = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/sidepanel.html') });
    return { openedIn: 'tab' as const };
  };
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (!sidePanel?.open || tabId === undefined) return openInTab();
  try {
    const configured = sidePanel.setOptions({ tabId, path: path.slice(1), enabled: true });
    const opened = sidePanel.open({ tabId });
    return Promise.all([configured, opened]).then(
      () => ({ openedIn: 'sidepanel' as const }),
      () => openInTab(),
    );
  } catch {
    return openInTab();
  }
}

export function registerTips(): void {
  onMessage('tipsOpenGuide', (message) => {
    const id = v.parse(guideId, message.data?.guideId);
    return openGuide(id, message.sender.tab?.id);
  });
  onMessage('tipsShown', async (message) => {
    await recordTipsShown(v.parse(guideIds, message.data?.guideIds));
  });
  onMessage('tipsDismiss', async (message) => {
    await dismissTips(v.parse(dismissSchema, message.data));
    await refreshTipsMirror();
  });
  onMessage('tipsSetCollapsed', async (message) => {
    await saveTipsSettings({ collapsed: v.parse(v.boolean(), message.data?.collapsed) });
    await refreshTipsMirror();
  });
  onMessage('tipsGetSettings', () => readTipsSettings());
  onMessage('tipsSaveSettings', async (message) => {
    const { collapsed: _ignored, ...patch } = (message.data ?? {}) as Record<string, unknown>;
    const saved = await saveTipsSettings(patch);
    await refreshTipsMirror();
    return saved;
  });
  onMessage('tipsListHidden', () => listHiddenGuides());
  onMessage('tipsShowAgain', async (message) => {
    await undismissGuide(v.parse(guideId, message.data?.guideId));
    await refreshTipsMirror();
    return listHiddenGuides();
  });
  // The mirror is derived data: rebuild it whenever the extension (re)starts, so an upgrade, an import or a
  // cleared extension storage never leaves the content script with a stale picture.
  browser.runtime.onInstalled.addListener(() => void refreshTipsMirror().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void refreshTipsMirror().catch(() => undefined));
}
