import fc from 'fast-check';
import type { CatalogItem, Category } from '@/core/model';
import type { BookmarkRecord } from '@/storage/bookmarks';
import {
  offersToShow,
  parseToolOpens,
  rankPopularTools,
  stapleRank,
  TOOL_OPENS_LIMIT,
  withOpen,
  type ToolOpens,
} from '@/stores/popup-popular';

const tool = (id: string, category: string | null, overrides: Partial<CatalogItem> = {}): CatalogItem => ({
  id,
  kind: 'tool',
  title: id,
  url: `https://${id}.example/`,
  summary: null,
  content_html: null,
  date_published: null,
  date_modified: null,
  tags: [],
  category,
  views: null,
  match: null,
  image: null,
  ...overrides,
});

// A feed that lists its categories in its own order, with its own ids and Chinese-only names: the staples
// are recognized by what they are, not by the starter catalog's ids or position.
const categories: Category[] = [
  { id: 'c-guides', name: { 'zh-CN': '运营干货' }, parent: null },
  { id: 'c-research', name: { 'zh-CN': '选品工具' }, parent: null },
  { id: 'c-ship', name: { 'zh-CN': '物流服务' }, parent: null },
  { id: 'c-ship-track', name: { 'zh-CN': '包裹查询' }, parent: 'c-ship' },
  { id: 'c-money', name: { 'zh-CN': '收款方式' }, parent: null },
  { id: 'c-stores', name: { 'zh-CN': '电商平台' }, parent: null },
];

const ids = (list: { item: CatalogItem }[]) => list.map((p) => p.item.id);

describe('popular tools for a seller who has not used any yet', () => {
  const tools = [
    tool('research-1', 'c-research'),
    tool('research-2', 'c-research'),
    tool('track-1', 'c-ship-track'),
    tool('ship-1', 'c-ship'),
    tool('ship-2', 'c-ship'),
    tool('money-1', 'c-money'),
    tool('money-2', 'c-money'),
    tool('money-3', 'c-money'),
    tool('store-1', 'c-stores'),
    tool('store-2', 'c-stores'),
    tool('loose-1', null),
  ];

  test('marketplaces, payments and logistics come first, two each, then the other categories in feed order', () => {
    const ranked = rankPopularTools({ tools, categories, opens: {}, limit: 8 });
    expect(ids(ranked)).toEqual([
      'store-1',
      'store-2',
      'money-1',
      'money-2',
      'ship-1',
      'ship-2',
      'research-1',
      'money-3',
    ]);
    expect(ranked.every((p) => p.reason === 'staple')).toBe(true);
  });

  test('a subcategory counts with its parent, after the tools filed at the top; uncategorized tools go last', () => {
    const ranked = ids(rankPopularTools({ tools, categories, opens: {}, limit: 50 }));
    expect(ranked.indexOf('track-1')).toBeGreaterThan(ranked.indexOf('ship-2'));
    expect(ranked.at(-1)).toBe('loose-1');
  });

  test('among equals, a tool for Amazon sellers comes before the others', () => {
    const ranked = rankPopularTools({
      tools: [
        tool('stores-a', 'c-stores', { title: 'Some marketplace' }),
        tool('stores-b', 'c-stores', { title: '亚马逊卖家中心', url: 'https://sellercentral.amazon.com/' }),
      ],
      categories,
      opens: {},
      limit: 1,
    });
    expect(ids(ranked)).toEqual(['stores-b']);
  });

  test('Seller Central itself comes before other Amazon tools of its category', () => {
    const ranked = rankPopularTools({
      tools: [
        tool('amazon-a-global', 'c-stores', { title: '亚马逊全球开店', url: 'https://gs.amazon.cn/' }),
        tool('amazon-b-central', 'c-stores', {
          title: '亚马逊卖家中心',
          url: 'https://sellercentral.amazon.de/',
        }),
      ],
      categories,
      opens: {},
      limit: 2,
    });
    expect(ids(ranked)).toEqual(['amazon-b-central', 'amazon-a-global']);
  });

  test('guides, and tools without a web address, are never offered', () => {
    const ranked = rankPopularTools({
      tools: [
        tool('guide', 'c-stores', { kind: 'guide' }),
        tool('no-url', 'c-stores', { url: null }),
        tool('ftp', 'c-stores', { url: 'ftp://files.example/' }),
        tool('ok', 'c-stores'),
      ],
      categories,
      opens: {},
      limit: 8,
    });
    expect(ids(ranked)).toEqual(['ok']);
  });

  test('staples are recognized in English and Chinese names and ids', () => {
    const named = (id: string, name: string): Category => ({ id, name: { en: name }, parent: null });
    expect(stapleRank(named('x1', 'Marketplaces'))).toBe(0);
    expect(stapleRank({ id: 'x2', name: { 'zh-CN': '跨境平台' }, parent: null })).toBe(0);
    expect(stapleRank(named('payments', 'Money'))).toBe(1);
    expect(stapleRank({ id: 'x3', name: { 'zh-CN': '找物流' }, parent: null })).toBe(2);
    expect(stapleRank(named('x4', 'Shipping & freight'))).toBe(2);
    expect(stapleRank(named('research', 'Product research'))).toBe(-1);
  });
});

describe('popular tools follow what the seller uses and what the feed says is viewed', () => {
  test('tools the seller opened come first (most opened, then most recent), then the most viewed', () => {
    const tools = [
      tool('store-1', 'c-stores'),
      tool('viewed-low', 'c-research', { views: 10 }),
      tool('viewed-high', 'c-research', { views: 900 }),
      tool('used-once-late', 'c-research'),
      tool('used-once-early', 'c-research'),
      tool('used-often', 'c-research', { views: 5 }),
    ];
    const opens: ToolOpens = {
      'used-once-late': { count: 1, lastAt: 2000 },
      'used-once-early': { count: 1, lastAt: 1000 },
      'used-often': { count: 4, lastAt: 500 },
      'not-in-catalog': { count: 9, lastAt: 3000 },
    };
    const ranked = rankPopularTools({ tools, categories, opens, limit: 6 });
    expect(ids(ranked)).toEqual([
      'used-often',
      'used-once-late',
      'used-once-early',
      'viewed-high',
      'viewed-low',
      'store-1',
    ]);
    expect(ranked.map((p) => p.reason)).toEqual(['used', 'used', 'used', 'viewed', 'viewed', 'staple']);
    expect(ranked[0]!.opens).toBe(4);
  });

  test('any catalog: no duplicates, only offerable tools, at most the limit, and all of them when room', () => {
    const arbitraryTool = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      kind: fc.constantFrom('tool' as const, 'guide' as const),
      category: fc.constantFrom(null, ...categories.map((c) => c.id), 'unknown'),
      views: fc.option(fc.nat(1000)),
      hasUrl: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryTool, { selector: (t) => t.id }),
        fc.dictionary(
          fc.constantFrom('a', 'c', 'e', 'z'),
          fc.record({ count: fc.integer({ min: 1, max: 5 }), lastAt: fc.nat() }),
        ),
        fc.integer({ min: 0, max: 10 }),
        (specs, opens, limit) => {
          const tools = specs.map((s) =>
            tool(s.id, s.category, {
              kind: s.kind,
              views: s.views,
              url: s.hasUrl ? `https://${s.id}.x/` : null,
            }),
          );
          const offerable = tools.filter((t) => t.kind === 'tool' && t.url !== null).map((t) => t.id);
          const ranked = ids(rankPopularTools({ tools, categories, opens, limit }));
          expect(new Set(ranked).size).toBe(ranked.length);
          expect(ranked.length).toBe(Math.min(limit, offerable.length));
          for (const id of ranked) expect(offerable).toContain(id);
        },
      ),
    );
  });
});

describe('what the popup shows of the offers', () => {
  const bookmark = (overrides: Partial<BookmarkRecord>): BookmarkRecord => ({
    id: 'b',
    itemId: null,
    url: '',
    title: 'B',
    note: '',
    folderId: null,
    order: 0,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  });

  test('a tool already bookmarked (as the same item, or by the same address) is left out; the next fills in', () => {
    const ranked = rankPopularTools({
      tools: [tool('s1', 'c-stores'), tool('s2', 'c-stores'), tool('m1', 'c-money'), tool('m2', 'c-money')],
      categories,
      opens: {},
      limit: 10,
    });
    const bookmarks = [bookmark({ itemId: 's1' }), bookmark({ id: 'c', url: 'https://m1.example' })];
    expect(ids(offersToShow(ranked, bookmarks, 2))).toEqual(['s2', 'm2']);
  });
});

describe('the record of tools opened from the popup', () => {
  test('counts opens and forgets the least recently used beyond the limit', () => {
    let opens: ToolOpens = {};
    opens = withOpen(opens, 'a', 1);
    opens = withOpen(opens, 'a', 2);
    expect(opens.a).toEqual({ count: 2, lastAt: 2 });
    for (let i = 0; i < TOOL_OPENS_LIMIT; i++) opens = withOpen(opens, `t${i}`, 10 + i);
    expect(Object.keys(opens)).toHaveLength(TOOL_OPENS_LIMIT);
    expect(opens.a).toBeUndefined();
    expect(opens.t0).toEqual({ count: 1, lastAt: 10 });
  });

  test('a damaged stored value is read as far as it is valid, never as an error', () => {
    expect(parseToolOpens(null)).toEqual({});
    expect(parseToolOpens('x')).toEqual({});
    expect(parseToolOpens([{ count: 1, lastAt: 1 }])).toEqual({});
    expect(
      parseToolOpens({
        good: { count: 3, lastAt: 5 },
        zero: { count: 0, lastAt: 5 },
        text: { count: '3', lastAt: 5 },
        nan: { count: 2, lastAt: Number.NaN },
        missing: null,
      }),
    ).toEqual({ good: { count: 3, lastAt: 5 } });
  });
});
