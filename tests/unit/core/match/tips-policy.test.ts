import {
  cardMode,
  DEFAULT_TIPS_SETTINGS,
  EMPTY_TIPS_MIRROR,
  pageKeyOf,
  tipsAllowedOn,
  visibleMatches,
  type TipsMirror,
} from '@/core/match/tips-policy';

const now = Date.UTC(2026, 10, 25, 12);
const matches = [
  { id: 'a', score: 20 },
  { id: 'b', score: 10 },
  { id: 'c', score: 7 },
];
const mirror = (patch: Partial<TipsMirror> = {}): TipsMirror => ({ ...EMPTY_TIPS_MIRROR, ...patch });
const key = pageKeyOf('sellercentral.amazon.com', '/ap/forgotpassword');

describe('which guides the card may show', () => {
  test('never-again hides a guide everywhere; a running snooze hides it until it ends', () => {
    const m = mirror({
      dismissals: [
        { guideId: 'a', scope: 'never', pageKey: null, until: null },
        { guideId: 'b', scope: 'snooze', pageKey: null, until: now + 1000 },
        { guideId: 'c', scope: 'snooze', pageKey: null, until: now - 1000 },
      ],
    });
    expect(visibleMatches(matches, m, key, now).map((x) => x.id)).toEqual(['c']);
  });

  test('closing for a page hides the guide on that page only', () => {
    const m = mirror({ dismissals: [{ guideId: 'a', scope: 'page', pageKey: key, until: null }] });
    expect(visibleMatches(matches, m, key, now).map((x) => x.id)).toEqual(['b', 'c']);
    const other = pageKeyOf('sellercentral.amazon.com', '/ap/signin');
    expect(visibleMatches(matches, m, other, now).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  test('the page key ignores case and a trailing slash, and does not contain the path', () => {
    expect(pageKeyOf('SellerCentral.amazon.com', '/AP/forgotpassword/')).toBe(key);
    expect(key).not.toContain('forgot');
    expect(key).toMatch(/^p[0-9a-z]+$/);
  });

  test('tips can be off everywhere or on one marketplace', () => {
    expect(tipsAllowedOn(DEFAULT_TIPS_SETTINGS, 'sellercentral.amazon.de')).toBe(true);
    expect(tipsAllowedOn({ ...DEFAULT_TIPS_SETTINGS, enabled: false }, 'sellercentral.amazon.de')).toBe(
      false,
    );
    const noDe = { ...DEFAULT_TIPS_SETTINGS, disabledHosts: ['sellercentral.amazon.de'] };
    expect(tipsAllowedOn(noDe, 'SELLERCENTRAL.amazon.de')).toBe(false);
    expect(tipsAllowedOn(noDe, 'sellercentral.amazon.fr')).toBe(true);
  });
});

describe('the frequency cap and the badge', () => {
  const hour = 60 * 60 * 1000;
  test('the card opens by itself when a guide on offer was not shown within the cap', () => {
    const m = mirror({ lastShown: { a: now - 2 * hour, b: now - 25 * hour } });
    expect(cardMode(matches.slice(0, 2), m, now)).toBe('open');
  });

  test('when every guide on offer opened the card within the cap, only the badge shows', () => {
    const m = mirror({ lastShown: { a: now - 2 * hour, b: now - 3 * hour } });
    expect(cardMode(matches.slice(0, 2), m, now)).toBe('badge');
  });

  test('the seller can change the cap: 0 opens it on every page view', () => {
    const m = mirror({
      settings: { ...DEFAULT_TIPS_SETTINGS, cooldownMinutes: 0 },
      lastShown: { a: now - 1000 },
    });
    expect(cardMode(matches.slice(0, 1), m, now)).toBe('open');
  });

  test('a card the seller folded stays a badge', () => {
    const m = mirror({ settings: { ...DEFAULT_TIPS_SETTINGS, collapsed: true } });
    expect(cardMode(matches, m, now)).toBe('badge');
  });
});
