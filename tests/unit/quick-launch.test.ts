import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  escapeOmniboxXml,
  omniboxSuggestions,
  omniboxTarget,
  GUIDE_CONTENT_PREFIX,
} from '@/core/quick-launch/omnibox';
import {
  createBookmarkIndex,
  mergeQuickLaunch,
  type LaunchBookmark,
  type QuickLaunchHit,
} from '@/core/quick-launch/rank';
import { db } from '@/storage/db';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { buildSearchPack } from '@/core/search/build';
import { addCustomTool, bookmarkItem } from '@/storage/bookmarks';
import { markNewSeen } from '@/storage/catalog';
import { quickLaunchSearch, refreshNewBadge, watchDatabase } from '@/entrypoints/background/quick-launch';
import { makeFeed, makeItem, feedRecord } from './storage/helpers';

const labels = { bookmark: '书签', guide: '指南', tool: '工具' };

const bookmark = (
  id: string,
  title: string,
  url: string,
  itemId: string | null = null,
  note = '',
): LaunchBookmark => ({
  id,
  itemId,
  url,
  title,
  note,
});

describe('omnibox suggestions', () => {
  const hit = (over: Partial<QuickLaunchHit>): QuickLaunchHit => ({
    source: 'bookmark',
    id: 'b1',
    kind: 'bookmark',
    itemId: null,
    title: 'x',
    url: 'https://x.example/',
    titleRanges: [],
    ...over,
  });

  test('descriptions are escaped XML with the matched part marked (Chrome)', () => {
    const [s] = omniboxSuggestions(
      [hit({ title: `A&B <script>'卖家'"`, titleRanges: [[0, 3]], url: 'https://x.example/?a=1&b=<2>' })],
      labels,
      true,
    );
    expect(s!.content).toBe('https://x.example/?a=1&b=<2>');
    expect(s!.description).toBe(
      '<match>A&amp;B</match> &lt;script&gt;&apos;卖家&apos;&quot; <dim>· 书签</dim> <url>https://x.example/?a=1&amp;b=&lt;2&gt;</url>',
    );
    // Well-formed: every markup tag we did not write is escaped away.
    expect(s!.description.replace(/<\/?(match|dim|url)>/g, '')).not.toMatch(/[<>]/);
  });

  test('characters XML forbids are dropped, and Firefox gets plain text', () => {
    expect(escapeOmniboxXml('a\u0001b\u000bc\td')).toBe('abc\td');
    const [s] = omniboxSuggestions(
      [hit({ title: '<b>Tool</b>', kind: 'tool', source: 'catalog' })],
      labels,
      false,
    );
    expect(s!.description).toBe('<b>Tool</b> · 工具 — https://x.example/');
  });

  test('a guide without an address is offered by id; the same address is suggested once', () => {
    const suggestions = omniboxSuggestions(
      [
        hit({ kind: 'guide', url: null, itemId: 'guide-pw', source: 'catalog' }),
        hit({ id: 'b2' }),
        hit({ id: 'b3' }),
      ],
      labels,
      true,
    );
    expect(suggestions.map((s) => s.content)).toEqual([
      `${GUIDE_CONTENT_PREFIX}guide-pw`,
      'https://x.example/',
    ]);
  });

  test('Enter: a chosen suggestion opens itself; typed words open the best match; only http(s) opens', () => {
    const best = hit({ url: 'https://best.example/' });
    expect(omniboxTarget('https://chosen.example/', best)).toEqual({
      open: 'url',
      url: 'https://chosen.example/',
    });
    expect(omniboxTarget(`${GUIDE_CONTENT_PREFIX}g1`, best)).toEqual({ open: 'guide', itemId: 'g1' });
    expect(omniboxTarget('maijia', best)).toEqual({ open: 'url', url: 'https://best.example/' });
    expect(omniboxTarget('javascript:alert(1)', undefined)).toEqual({
      open: 'search',
      query: 'javascript:alert(1)',
    });
    expect(omniboxTarget('mima', hit({ url: null, itemId: 'guide-pw' }))).toEqual({
      open: 'guide',
      itemId: 'guide-pw',
    });
  });
});

describe('quick-launch ranking', () => {
  const bookmarks = [
    bookmark('b1', '卖家精灵', 'https://www.sellersprite.com/', 'tool-ss', '选品'),
    bookmark('b2', 'Payoneer 派安盈', 'https://www.payoneer.com/'),
    bookmark('b3', '递四方', 'https://www.4px.com/', null, '物流报价'),
  ];
  const index = createBookmarkIndex(bookmarks);
  const merge = (query: string, catalogHits: { id: string; title: string }[] = []) =>
    mergeQuickLaunch(
      query,
      {
        bookmarks: index,
        catalogHits: catalogHits.map((h, i) => ({ id: h.id, score: 100 - i, kind: 'tool', highlights: [] })),
        catalogItems: new Map(
          catalogHits.map((h) => [
            h.id,
            { id: h.id, kind: 'tool' as const, title: h.title, url: `https://${h.id}.example/` },
          ]),
        ),
      },
      5,
    );

  test('bookmarks are found by title, pinyin initials, full pinyin, note and site address', () => {
    expect(merge('mjjl').map((h) => h.id)).toEqual(['b1']);
    expect(merge('maijia')[0]?.id).toBe('b1');
    expect(merge('pay')[0]?.id).toBe('b2');
    expect(merge('派安')[0]?.id).toBe('b2');
    expect(merge('物流')[0]?.id).toBe('b3');
    expect(merge('4px')[0]?.id).toBe('b3');
    expect(merge('mjjl')[0]?.titleRanges).toEqual([[0, 4]]);
  });

  test('bookmarks come first, then catalog items; a bookmarked item is not listed twice', () => {
    const hits = merge('卖家', [
      { id: 'tool-ss', title: '卖家精灵' },
      { id: 'tool-jungle', title: '卖家 Jungle Scout' },
    ]);
    expect(hits.map((h) => [h.source, h.id])).toEqual([
      ['bookmark', 'b1'],
      ['catalog', 'tool-jungle'],
    ]);
  });

  test('an empty query lists the bookmarks in the seller order', () => {
    expect(merge('  ').map((h) => h.id)).toEqual(['b1', 'b2', 'b3']);
  });
});

describe('background quick-launch on the real database', () => {
  beforeAll(() => watchDatabase());
  beforeEach(async () => {
    fakeBrowser.reset();
    await Promise.all([db.bookmarks.clear(), db.folders.clear(), db.settings.clear()]);
    await db.feeds.put(feedRecord('nav'));
    const items = [
      makeItem('tool-ymx', { title: '亚马逊卖家中心', url: 'https://sellercentral.amazon.com/' }),
      makeItem('guide-pw', { kind: 'guide', title: '亚马逊账户密码忘了怎么办', url: null, category: 'wiki' }),
      makeItem('tool-4px', { title: '递四方物流', url: 'https://www.4px.com/' }),
    ];
    await applyFeed(db, 'nav', prepareFeed(makeFeed(items)), { now: 5_000, buildSearchPack });
  });

  test('searches bookmarks then the catalog with pinyin, and sees a new bookmark at once', async () => {
    expect((await quickLaunchSearch('ymx', 5)).map((h) => h.id)).toEqual(['tool-ymx', 'guide-pw']);
    const b = await bookmarkItem(
      makeItem('guide-pw', { kind: 'guide', title: '亚马逊账户密码忘了怎么办', url: null }),
      {},
      db,
    );
    const custom = await addCustomTool({ url: 'https://www.amz123.com/', title: '亚马逊导航 AMZ123' }, db);
    const hits = await quickLaunchSearch('yamaxun', 5);
    expect(hits.map((h) => [h.source, h.id])).toEqual([
      ['bookmark', expect.any(String)],
      ['bookmark', expect.any(String)],
      ['catalog', 'tool-ymx'],
    ]);
    expect(new Set(hits.slice(0, 2).map((h) => h.id))).toEqual(new Set([b.id, custom.id]));
  });

  test('a sync that brings new items is searched at the next keystroke (the cached index is dropped)', async () => {
    expect(await quickLaunchSearch('cainiao', 5)).toEqual([]);
    const items = [makeItem('tool-cainiao', { title: '菜鸟国际', url: 'https://www.cainiao.com/' })];
    await applyFeed(db, 'nav', prepareFeed(makeFeed(items)), { now: 9_000, buildSearchPack });
    await vi.waitFor(async () =>
      expect((await quickLaunchSearch('cainiao', 5)).map((h) => h.id)).toEqual(['tool-cainiao']),
    );
    expect((await quickLaunchSearch('cnguoji', 5)).map((h) => h.title)).toEqual(['菜鸟国际']);
  });

  test('the badge counts what is new until the popup has shown it', async () => {
    expect(await refreshNewBadge()).toBe(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await markNewSeen('popup', 6_000, db);
    expect(await refreshNewBadge()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
