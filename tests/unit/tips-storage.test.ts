import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { db } from '@/storage/db';
import { dismissTips, listDismissals, undismissGuide } from '@/storage/tips-dismissals';
import { readTipsSettings, saveTipsSettings, TIPS_SETTING_KEYS } from '@/storage/tips-settings';
import { recordTipsShown, refreshTipsMirror } from '@/storage/tips-mirror';
import { readMatchIndex, writeMatchIndex } from '@/storage/match-index';
import { MATCH_INDEX_KEY, TIPS_MIRROR_KEY } from '@/storage/tips-keys';
import { DEFAULT_TIPS_SETTINGS, type TipsMirror } from '@/core/match/tips-policy';
import { matchPage } from '@/core/match';
import { NAV_SITE_CATALOG } from './core/match/guides';

beforeEach(async () => {
  fakeBrowser.reset();
  await db.dismissedTips.clear();
  await db.settings.clear();
});

const storedMirror = async () =>
  (await browser.storage.local.get(TIPS_MIRROR_KEY))[TIPS_MIRROR_KEY] as TipsMirror;

describe('tips settings', () => {
  test('defaults when nothing is stored; saved values come back', async () => {
    expect(await readTipsSettings()).toEqual(DEFAULT_TIPS_SETTINGS);
    await saveTipsSettings({
      enabled: false,
      disabledHosts: ['SellerCentral.amazon.de'],
      cooldownMinutes: 60,
    });
    expect(await readTipsSettings()).toEqual({
      ...DEFAULT_TIPS_SETTINGS,
      enabled: false,
      disabledHosts: ['sellercentral.amazon.de'],
      cooldownMinutes: 60,
    });
  });

  test('an invalid stored value falls back to the default and is left in place', async () => {
    await db.settings.put({ key: TIPS_SETTING_KEYS.cooldownMinutes, value: 'often' });
    await db.settings.put({ key: TIPS_SETTING_KEYS.enabled, value: false });
    const settings = await readTipsSettings();
    expect(settings.cooldownMinutes).toBe(DEFAULT_TIPS_SETTINGS.cooldownMinutes);
    expect(settings.enabled).toBe(false);
    expect((await db.settings.get(TIPS_SETTING_KEYS.cooldownMinutes))?.value).toBe('often');
  });

  test('an invalid change is refused whole: nothing is written', async () => {
    await expect(
      saveTipsSettings({ enabled: false, disabledHosts: ['evil.example'] as string[] }),
    ).rejects.toThrow(/disabledHosts/);
    expect(await readTipsSettings()).toEqual(DEFAULT_TIPS_SETTINGS);
  });
});

describe('dismissals and the mirror the content script reads', () => {
  const now = Date.UTC(2026, 10, 25, 12);

  test('never, snooze and page dismissals are kept in the database and mirrored', async () => {
    await dismissTips({ guideIds: ['a'], scope: 'never', pageKey: null, snoozeDays: null }, now);
    await dismissTips({ guideIds: ['b'], scope: 'snooze', pageKey: null, snoozeDays: 7 }, now);
    await dismissTips({ guideIds: ['c', 'd'], scope: 'page', pageKey: 'pabc', snoozeDays: null }, now);
    expect(await db.dismissedTips.count()).toBe(4);
    const mirror = await refreshTipsMirror(now);
    expect(mirror.dismissals).toEqual(
      expect.arrayContaining([
        { guideId: 'a', scope: 'never', pageKey: null, until: null },
        { guideId: 'b', scope: 'snooze', pageKey: null, until: now + 7 * 86_400_000 },
        { guideId: 'c', scope: 'page', pageKey: 'pabc', until: null },
      ]),
    );
    expect(await storedMirror()).toEqual(mirror);
  });

  test('dismissing twice updates one row; "show again" removes it', async () => {
    await dismissTips({ guideIds: ['a'], scope: 'snooze', pageKey: null, snoozeDays: 1 }, now);
    await dismissTips({ guideIds: ['a'], scope: 'snooze', pageKey: null, snoozeDays: 7 }, now);
    expect((await listDismissals()).map((d) => d.until)).toEqual([now + 7 * 86_400_000]);
    await undismissGuide('a');
    expect(await listDismissals()).toEqual([]);
  });

  test('bad dismissals are refused with a sentence', async () => {
    await expect(
      dismissTips({ guideIds: ['a'], scope: 'page', pageKey: null, snoozeDays: null }),
    ).rejects.toThrow(/page key/);
    await expect(
      dismissTips({ guideIds: ['a'], scope: 'snooze', pageKey: null, snoozeDays: 0 }),
    ).rejects.toThrow(/snooze/);
  });

  test('a lost mirror is rebuilt from the database: dismissals survive', async () => {
    await dismissTips({ guideIds: ['a'], scope: 'never', pageKey: null, snoozeDays: null }, now);
    await refreshTipsMirror(now);
    await browser.storage.local.clear();
    const rebuilt = await refreshTipsMirror(now);
    expect(rebuilt.dismissals).toEqual([{ guideId: 'a', scope: 'never', pageKey: null, until: null }]);
  });

  test('showings are recorded for the frequency cap and kept across a rebuild', async () => {
    await recordTipsShown(['a', 'b'], now);
    expect((await storedMirror()).lastShown).toEqual({ a: now, b: now });
    await refreshTipsMirror(now + 1000);
    expect((await storedMirror()).lastShown).toEqual({ a: now, b: now });
  });
});

describe('writeMatchIndex', () => {
  test('stores an index the content script can match with', async () => {
    await writeMatchIndex(NAV_SITE_CATALOG);
    const stored = (await browser.storage.local.get(MATCH_INDEX_KEY))[MATCH_INDEX_KEY];
    expect(stored).toBeTruthy();
    const index = await readMatchIndex();
    const page = {
      url: 'https://sellercentral.amazon.com/ap/forgotpassword',
      title: '',
      headings: [],
      breadcrumbs: [],
    };
    expect(matchPage(page, index!)[0]?.id).toBe('guide-password-reset');
  });
});
