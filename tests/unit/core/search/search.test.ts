import { buildSearchPack } from '../../../../core/search/build';
import { createSearcher, TAGS_JOINER, type SearchHit } from '../../../../core/search/index';
import { catalog, categories, item } from './fixture';

const searcher = createSearcher(buildSearchPack(catalog, categories));
const ids = (query: string, opts?: Parameters<typeof searcher.search>[1]) =>
  searcher.search(query, opts).map((h) => h.id);
const titleOf = (id: string) => catalog.find((i) => i.id === id)!.title;
/** The highlighted parts of a hit's title, as text. */
const titleMarks = (hit: SearchHit | undefined) =>
  (hit?.highlights.find((h) => h.field === 'title')?.ranges ?? []).map(([s, e]) =>
    titleOf(hit!.id).slice(s, e),
  );

describe('pinyin finds Chinese titles', () => {
  test.each(['ymx', 'yamaxun', 'ya ma xun', 'YaMaXun', 'yamx', 'zhanghu', 'zhh'])(
    '%s finds 亚马逊账户密码忘了怎么办',
    (q) => {
      expect(ids(q)[0]).toBe('guide-password');
    },
  );

  test('the matched Chinese characters are highlighted for a pinyin query', () => {
    expect(titleMarks(searcher.search('ymx')[0])).toEqual(['亚马逊']);
    expect(titleMarks(searcher.search('zhanghu')[0])).toEqual(['账户']);
  });

  test.each(['paianying', 'pay', 'paiay'])('%s finds 派安盈 (安 has no initial: its vowel counts)', (q) => {
    expect(ids(q)).toContain('tool-payoneer');
  });

  test('paianying highlights 派安盈 inside a mixed title', () => {
    expect(titleMarks(searcher.search('paianying')[0])).toEqual(['派安盈']);
  });

  test('pinyin does not jump over characters that are not adjacent', () => {
    // 亚马逊 and 密码 are both in the title, but not next to each other.
    expect(ids('yamaxunmima')).not.toContain('guide-password');
  });

  test('a query that is no syllable sequence finds nothing', () => {
    expect(ids('xq')).toEqual([]);
  });
});

describe('Chinese without spaces', () => {
  test('头程 finds the title hit first, the summary hit after it', () => {
    expect(ids('头程')).toEqual(['guide-headway', 'guide-vat']);
    expect(titleMarks(searcher.search('头程')[0])).toEqual(['头程']);
  });

  test('亚马逊密码 finds the title that has both words apart', () => {
    expect(ids('亚马逊密码')[0]).toBe('guide-password');
    expect(titleMarks(searcher.search('亚马逊密码')[0])).toEqual(['亚马逊', '密码']);
  });

  test('a run of Chinese that is not in the item is no match', () => {
    expect(ids('亚马逊报税')).toEqual([]);
  });
});

describe('English', () => {
  test('payo is a prefix of Payoneer', () => {
    expect(ids('payo')).toEqual(['tool-payoneer']);
    expect(titleMarks(searcher.search('payo')[0])).toEqual(['Payo']);
  });

  test('payoneer in full, whatever the case or width (full-width letters from a Chinese IME)', () => {
    expect(ids('PAYONEER')).toEqual(['tool-payoneer']);
    expect(ids('ｐａｙｏｎｅｅｒ')).toEqual(['tool-payoneer']);
  });

  test('sendto finds Send to Amazon across the space', () => {
    expect(ids('sendto')[0]).toBe('tool-sendto');
    expect(titleMarks(searcher.search('sendto')[0])).toEqual(['Send to']);
  });

  test.each(['payonerr', 'paoyneer', 'amazn'])('a small typo (%s) still finds the tool', (q) => {
    expect(ids(q).length).toBeGreaterThan(0);
    expect(ids(q)).toEqual(expect.arrayContaining([q === 'amazn' ? 'tool-sendto' : 'tool-payoneer']));
  });

  test('short words get no typo forgiveness', () => {
    expect(ids('pax')).toEqual([]);
  });
});

describe('mixed queries AND their terms across fields', () => {
  test('fba 头程: both in the title', () => {
    expect(ids('fba 头程')).toEqual(['guide-headway']);
    expect(ids('fba头程')).toEqual(['guide-headway']);
  });

  test('terms may match different fields of one item', () => {
    // 收款 is a tag of Payoneer, 提现 is in its summary.
    expect(ids('收款 提现')).toEqual(['tool-payoneer']);
  });

  test('every term must match', () => {
    expect(ids('fba 密码')).toEqual([]);
  });
});

describe('ranking', () => {
  const ranked = createSearcher(
    buildSearchPack([
      item({ id: 'in-summary', title: '其他', summary: '关于退货的说明', views: 9000 }),
      item({ id: 'in-tags', title: '其他二', tags: ['退货'], views: 5000 }),
      item({ id: 'in-title', title: '退货处理', views: 1 }),
      item({ id: 'in-title-popular', title: '如何处理退货', views: 50 }),
      item({
        id: 'in-title-popular-newer',
        title: '退货率太高',
        views: 50,
        date_published: '2025-01-01T00:00:00Z',
      }),
      item({
        id: 'in-title-popular-older',
        title: '退货政策',
        views: 50,
        date_published: '2020-01-01T00:00:00Z',
      }),
      item({ id: 'in-content', title: '其他三', content_html: '<p>也讲退货</p>', views: 9999 }),
    ]),
  );

  test('title above tags above summary above content, whatever the views', () => {
    const order = ranked.search('退货').map((h) => h.id);
    expect(order.indexOf('in-tags')).toBeGreaterThan(order.indexOf('in-title'));
    expect(order.indexOf('in-summary')).toBeGreaterThan(order.indexOf('in-tags'));
    expect(order.indexOf('in-content')).toBeGreaterThan(order.indexOf('in-summary'));
    expect(order.slice(-3)).toEqual(['in-tags', 'in-summary', 'in-content']);
  });

  test('equal matches are ordered by views, then by recency', () => {
    const titleStart = ranked.search('退货').filter((h) => h.id !== 'in-title-popular');
    // All three start their title with 退货: more views first, then newer first.
    expect(titleStart.slice(0, 3).map((h) => h.id)).toEqual([
      'in-title-popular-newer',
      'in-title-popular-older',
      'in-title',
    ]);
    expect(titleStart[0]!.score).toBe(titleStart[2]!.score);
  });

  test('scores never increase down the list', () => {
    for (const q of ['退货', 'y', 'a', '头程', 'fba']) {
      const scores = searcher.search(q).map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  test('a title hit outranks a tag hit even when the tag item is far more viewed', () => {
    const s = createSearcher(
      buildSearchPack([
        item({ id: 'tag', title: 'Tool A', tags: ['erp'], views: 100000 }),
        item({ id: 'title', title: 'ERP 系统', views: 0 }),
      ]),
    );
    expect(s.search('erp').map((h) => h.id)).toEqual(['title', 'tag']);
  });
});

describe('whole words', () => {
  const s = createSearcher(
    buildSearchPack([
      item({ id: 'longer', title: 'Zenhubflow 选品分析', views: 900 }),
      item({ id: 'exact', title: 'Zenhub 评论监控', views: 10 }),
    ]),
  );

  test('a Latin term that is the whole title word ranks above a longer word it starts', () => {
    expect(s.search('zenhub').map((h) => h.id)).toEqual(['exact', 'longer']);
    // While the word is still being typed both only start with it, and views decide.
    expect(s.search('zenhu').map((h) => h.id)).toEqual(['longer', 'exact']);
  });

  test('the same holds for a word typed with a typo', () => {
    expect(s.search('zehub').map((h) => h.id)).toEqual(['exact', 'longer']);
  });
});

describe('weaker hits are not lost behind the fast path', () => {
  test('a more viewed item matching inside a word still ranks among equal hits', () => {
    // Ten items where `ads` sits inside `leads` but whose titles also start a word with `a`, and one more
    // viewed item where it sits inside `xleads` only: all eleven score the same, so views decide.
    const items = [
      ...Array.from({ length: 10 }, (_, i) => item({ id: `amazon-${i}`, title: 'Amazon leads', views: i })),
      item({ id: 'popular', title: 'Xleads', views: 1000 }),
    ];
    const s = createSearcher(buildSearchPack(items));
    expect(s.search('ads')[0]!.id).toBe('popular');
  });

  test('tag and summary hits fill the list when title hits are few', () => {
    const items = [
      item({ id: 'title', title: '退货处理' }),
      ...Array.from({ length: 12 }, (_, i) =>
        item({ id: `tag-${i}`, title: `其他${i}`, tags: ['退货'], views: i }),
      ),
    ];
    const hits = createSearcher(buildSearchPack(items)).search('退货');
    expect(hits).toHaveLength(10);
    expect(hits[0]!.id).toBe('title');
    expect(hits[1]!.id).toBe('tag-11');
  });
});

describe('filters and shape', () => {
  test('kind narrows to tools or guides and each hit says its kind', () => {
    const all = searcher.search('fba');
    expect(new Set(all.map((h) => h.kind))).toEqual(new Set(['guide', 'tool']));
    expect(ids('fba', { kind: 'tool' })).toEqual(['tool-sendto']);
    expect(ids('fba', { kind: 'guide' })).toEqual(['guide-headway']);
  });

  test('a category filter includes its sub-categories', () => {
    expect(ids('fba', { category: 'logistics' }).sort()).toEqual(['guide-headway', 'tool-sendto']);
    expect(ids('fba', { category: 'logistics-guides' })).toEqual(['guide-headway']);
    expect(ids('fba', { category: 'wiki' })).toEqual([]);
  });

  test('limit caps the list', () => {
    const many = createSearcher(
      buildSearchPack(Array.from({ length: 30 }, (_, i) => item({ id: `t${i}`, title: `工具 ${i}` }))),
    );
    expect(many.search('工具')).toHaveLength(10);
    expect(many.search('工具', { limit: 3 })).toHaveLength(3);
  });

  test('tag highlights index into the tags joined by TAGS_JOINER', () => {
    const hit = searcher.search('收款')[0]!;
    const tagRanges = hit.highlights.find((h) => h.field === 'tags')!.ranges;
    const joined = catalog.find((i) => i.id === hit.id)!.tags.join(TAGS_JOINER);
    expect(tagRanges.map(([s, e]) => joined.slice(s, e))).toEqual(['收款']);
  });

  test('empty and punctuation-only queries return nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('  ，。!? ')).toEqual([]);
  });

  test('a pack survives JSON and gives the same answers', () => {
    const pack = buildSearchPack(catalog, categories);
    const copy = createSearcher(JSON.parse(JSON.stringify(pack)));
    for (const q of ['ymx', '头程', 'payo', 'fba 头程']) expect(copy.search(q)).toEqual(searcher.search(q));
  });

  test('a damaged or older pack is refused with a clear error', () => {
    const pack = buildSearchPack(catalog);
    expect(() => createSearcher({ ...pack, version: 0 } as unknown as typeof pack)).toThrow(/rebuild/);
    expect(() => createSearcher({ ...pack, titles: [] })).toThrow(/damaged/);
  });
});

describe('typing a keystroke at a time gives the same answers as typing at once', () => {
  test.each(['yamaxun', 'paianying', 'payoneer', '亚马逊密码', 'fba 头程', 'sendto'])('%s', (query) => {
    const typed = createSearcher(buildSearchPack(catalog, categories));
    for (let i = 1; i < query.length; i++) typed.search(query.slice(0, i));
    const fresh = createSearcher(buildSearchPack(catalog, categories));
    expect(typed.search(query)).toEqual(fresh.search(query));
  });
});
