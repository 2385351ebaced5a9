import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/storage/db';
import { dismissTips, summarizeHiddenGuides } from '@/storage/tips-dismissals';
import { TIPS_MIRROR_KEY } from '@/storage/tips-keys';
import type { HiddenGuide, TipsMirror } from '@/core/match/tips-policy';
import type { DismissedTipRecord } from '@/storage/types';
import { item, seedCatalog } from './components/sidebar/catalog-fixture';

/**
 * The settings page's "hidden guides" list and its "show again", through the background's messages (WXT's
 * fake browser): every guide still put away is listed once with why, and "show again" lifts it everywhere,
 * content script mirror included, so a dismissal is never a trap.
 */
type Handler = (message: { data: unknown; sender: object }) => unknown;
const handlers = new Map<string, Handler>();
vi.mock('@/messaging/protocol', () => ({
  onMessage: vi.fn((name: string, handler: Handler) => void handlers.set(name, handler)),
  sendMessage: vi.fn(),
}));
const send = (name: string, data: unknown) => Promise.resolve(handlers.get(name)!({ data, sender: {} }));
const mirror = async () =>
  (await fakeBrowser.storage.local.get(TIPS_MIRROR_KEY))[TIPS_MIRROR_KEY] as TipsMirror;

const DAY = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  await db.dismissedTips.clear();
  await db.settings.clear();
  const { registerTips } = await import('@/entrypoints/background/tips');
  registerTips();
});

describe('summarizeHiddenGuides', () => {
  const row = (over: Partial<DismissedTipRecord>): DismissedTipRecord => ({
    id: `${over.scope}:${over.guideId}:${over.pageKey ?? ''}`,
    guideId: 'g',
    scope: 'never',
    pageKey: null,
    until: null,
    createdAt: 1,
    ...over,
  });
  const now = 100 * DAY;

  test('one entry per guide with every reason, newest first; an expired snooze hides nothing', () => {
    const hidden = summarizeHiddenGuides(
      [
        row({ guideId: 'a', scope: 'never', createdAt: 10 }),
        row({ guideId: 'a', scope: 'page', pageKey: 'p1', createdAt: 30 }),
        row({ guideId: 'b', scope: 'snooze', until: now + DAY, createdAt: 20 }),
        row({ guideId: 'c', scope: 'snooze', until: now - 1, createdAt: 40 }),
        row({ guideId: 'd', scope: 'page', pageKey: 'p1', createdAt: 5 }),
        row({ guideId: 'd', scope: 'page', pageKey: 'p2', createdAt: 6 }),
      ],
      now,
    );
    expect(hidden).toEqual<HiddenGuide[]>([
      { guideId: 'a', title: null, never: true, snoozedUntil: null, closedOnPages: 1, dismissedAt: 30 },
      { guideId: 'b', title: null, never: false, snoozedUntil: now + DAY, closedOnPages: 0, dismissedAt: 20 },
      { guideId: 'd', title: null, never: false, snoozedUntil: null, closedOnPages: 2, dismissedAt: 6 },
    ]);
  });

  test('malformed rows (e.g. from an old import) are skipped, not fatal', () => {
    const bad = [
      { id: 'x' } as unknown as DismissedTipRecord,
      row({ guideId: 'p', scope: 'page', pageKey: null }),
      row({ guideId: 's', scope: 'snooze', until: null }),
      row({ guideId: 'ok', scope: 'never' }),
    ];
    expect(summarizeHiddenGuides(bad, now).map((h) => h.guideId)).toEqual(['ok']);
  });
});

describe('tipsListHidden / tipsShowAgain', () => {
  test('lists what the card put away, with catalog titles; a guide gone from the catalog keeps its id', async () => {
    await seedCatalog([item('guide-password-reset', { title: '亚马逊账户密码忘了怎么办' })]);
    await dismissTips({
      guideIds: ['guide-password-reset'],
      scope: 'never',
      pageKey: null,
      snoozeDays: null,
    });
    await dismissTips({ guideIds: ['guide-gone'], scope: 'snooze', pageKey: null, snoozeDays: 7 });
    const hidden = (await send('tipsListHidden', undefined)) as HiddenGuide[];
    expect(hidden.map((h) => [h.guideId, h.title])).toEqual(
      expect.arrayContaining([
        ['guide-password-reset', '亚马逊账户密码忘了怎么办'],
        ['guide-gone', null],
      ]),
    );
    expect(hidden.find((h) => h.guideId === 'guide-gone')?.snoozedUntil).toBeGreaterThan(
      Date.now() + 6 * DAY,
    );
  });

  test('"show again" lifts every dismissal of that guide, in the database and the mirror, and only that one', async () => {
    await send('tipsDismiss', { guideIds: ['a', 'b'], scope: 'never', pageKey: null, snoozeDays: null });
    await send('tipsDismiss', { guideIds: ['a'], scope: 'page', pageKey: 'p1x', snoozeDays: null });
    await send('tipsDismiss', { guideIds: ['a'], scope: 'snooze', pageKey: null, snoozeDays: 1 });
    expect((await mirror()).dismissals.filter((d) => d.guideId === 'a')).toHaveLength(3);

    const after = (await send('tipsShowAgain', { guideId: 'a' })) as HiddenGuide[];
    expect(after.map((h) => h.guideId)).toEqual(['b']);
    expect((await db.dismissedTips.toArray()).map((r) => r.guideId)).toEqual(['b']);
    expect((await mirror()).dismissals.map((d) => d.guideId)).toEqual(['b']);
  });

  test('a malformed "show again" is refused and lifts nothing', async () => {
    await send('tipsDismiss', { guideIds: ['a'], scope: 'never', pageKey: null, snoozeDays: null });
    for (const data of [undefined, {}, { guideId: '' }, { guideId: 42 }, { guideId: 'x'.repeat(501) }]) {
      await expect(send('tipsShowAgain', data)).rejects.toThrow();
    }
    expect(await db.dismissedTips.count()).toBe(1);
  });
});
