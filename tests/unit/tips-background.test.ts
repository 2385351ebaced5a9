import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/storage/db';
import { TIPS_MIRROR_KEY } from '@/storage/tips-keys';
import type { TipsMirror } from '@/core/match/tips-policy';

/**
 * The background side of tips with WXT's fake browser: what the card reports is validated (it comes from a
 * web page's process), written to the seller's database, and mirrored for the content script; guides open
 * in the side panel, or in a tab where the side panel cannot open.
 */
type Handler = (message: { data: unknown; sender: { tab?: { id?: number } } }) => unknown;
const handlers = new Map<string, Handler>();
vi.mock('@/messaging/protocol', () => ({
  onMessage: vi.fn((name: string, handler: Handler) => void handlers.set(name, handler)),
  sendMessage: vi.fn(),
}));

const send = (name: string, data: unknown, tabId?: number) =>
  Promise.resolve(
    handlers.get(name)!({ data, sender: { tab: tabId === undefined ? undefined : { id: tabId } } }),
  );
const mirror = async () =>
  (await fakeBrowser.storage.local.get(TIPS_MIRROR_KEY))[TIPS_MIRROR_KEY] as TipsMirror;

beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  await db.dismissedTips.clear();
  await db.settings.clear();
  const { registerTips } = await import('@/entrypoints/background/tips');
  registerTips();
});

test('"never show" from the card lands in the database and in the mirror', async () => {
  await send('tipsDismiss', { guideIds: ['guide-a'], scope: 'never', pageKey: null, snoozeDays: null });
  expect(await db.dismissedTips.toArray()).toMatchObject([{ guideId: 'guide-a', scope: 'never' }]);
  expect((await mirror()).dismissals).toEqual([
    { guideId: 'guide-a', scope: 'never', pageKey: null, until: null },
  ]);
});

test('malformed messages are refused and write nothing', async () => {
  const bad = [
    { guideIds: ['a'], scope: 'forever', pageKey: null, snoozeDays: null },
    {
      guideIds: ['a'],
      scope: 'page',
      pageKey: 'https://sellercentral.amazon.com/orders?q=secret',
      snoozeDays: null,
    },
    { guideIds: ['a'], scope: 'snooze', pageKey: null, snoozeDays: 100000 },
    {
      guideIds: Array.from({ length: 50 }, (_, i) => `g${i}`),
      scope: 'never',
      pageKey: null,
      snoozeDays: null,
    },
    { guideIds: 'a', scope: 'never', pageKey: null, snoozeDays: null },
  ];
  for (const data of bad) await expect(send('tipsDismiss', data)).rejects.toThrow();
  await expect(send('tipsSetCollapsed', { collapsed: 'yes' })).rejects.toThrow();
  await expect(send('tipsShown', { guideIds: [42] })).rejects.toThrow();
  expect(await db.dismissedTips.count()).toBe(0);
  expect(await db.settings.count()).toBe(0);
});

test('settings saved from the options page reach the mirror; the card cannot change them', async () => {
  const saved = await send('tipsSaveSettings', { enabled: false, cooldownMinutes: 60, collapsed: true });
  expect(saved).toMatchObject({ enabled: false, cooldownMinutes: 60, collapsed: false });
  expect((await mirror()).settings).toMatchObject({ enabled: false, cooldownMinutes: 60 });
  await send('tipsSetCollapsed', { collapsed: true });
  expect((await mirror()).settings.collapsed).toBe(true);
});

test('a guide opens in the side panel of the tab it was clicked in, else in a new tab', async () => {
  const opened: unknown[] = [];
  const sidePanel = {
    setOptions: vi.fn(async (options: unknown) => void opened.push(['options', options])),
    open: vi.fn(async (options: unknown) => void opened.push(['open', options])),
  };
  Object.assign(fakeBrowser, { sidePanel });
  expect(await send('tipsOpenGuide', { guideId: 'guide-a' }, 7)).toEqual({ openedIn: 'sidepanel' });
  expect(opened).toEqual([
    ['options', { tabId: 7, path: 'sidepanel.html#/guide/guide-a', enabled: true }],
    ['open', { tabId: 7 }],
  ]);

  sidePanel.open.mockRejectedValueOnce(
    new Error('sidePanel.open() may only be called in response to a user gesture.'),
  );
  expect(await send('tipsOpenGuide', { guideId: 'guide b' }, 7)).toEqual({ openedIn: 'tab' });
  const tabs = await fakeBrowser.tabs.query({});
  expect(tabs.some((t) => t.url?.endsWith('/sidepanel.html#/guide/guide%20b'))).toBe(true);
});
