import { browser } from 'wxt/browser';

/**
 * How the popup opens things. A web address opens in a new tab; a guide opens in the side panel (the sidebar
 * routes `#/guide/<id>`), or in a tab where no side panel can be opened. The popup closes afterwards, as a
 * launcher should.
 */

/** Firefox's sidebar API (not in Chrome's typings). */
interface SidebarAction {
  open(): Promise<void>;
  setPanel(details: { panel: string }): Promise<void>;
}

const sidebarAction = () => (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;

function sidebarUrl(hash: string): string {
  return browser.runtime.getURL(`/sidepanel.html${hash}` as '/sidepanel.html');
}

export async function openUrl(url: string): Promise<void> {
  await browser.tabs.create({ url });
  window.close();
}

/**
 * Opens the sidebar (at `hash`, e.g. `#/guide/abc`). Called straight from a click: Firefox opens its sidebar
 * only synchronously inside the click, and Chrome's side panel needs the click's user activation.
 */
export async function openSidebar(hash = ''): Promise<void> {
  const firefox = sidebarAction();
  if (firefox) {
    const opened = firefox.open();
    if (hash) await firefox.setPanel({ panel: sidebarUrl(hash) });
    await opened;
    window.close();
    return;
  }
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  try {
    if (!sidePanel?.open) throw new Error('no side panel');
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) throw new Error('no tab');
    if (hash) await sidePanel.setOptions({ tabId: tab.id, path: `/sidepanel.html${hash}`, enabled: true });
    await sidePanel.open(hash ? { tabId: tab.id } : { windowId: tab.windowId });
    window.close();
  } catch {
    await openUrl(sidebarUrl(hash));
  }
}

export function openGuide(itemId: string): Promise<void> {
  return openSidebar(`#/guide/${encodeURIComponent(itemId)}`);
}

/** Opens a bookmark or a search hit: its address, else (a guide read in the sidebar) the guide. */
export function openTarget(target: { url: string | null; itemId: string | null }): Promise<void> {
  if (target.url) return openUrl(target.url);
  if (target.itemId) return openGuide(target.itemId);
  return Promise.resolve();
}
