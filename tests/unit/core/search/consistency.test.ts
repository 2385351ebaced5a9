/**
 * The shortcuts that make search fast (strong-candidate lists, per-keystroke narrowing, term caches) must
 * never change an answer. Checked against the same searcher with the shortcuts out of play: a limit large
 * enough that the strong-candidate cut never applies, and a fresh searcher with empty caches.
 */
import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { buildSearchPack } from '../../../../core/search/build';
import { createSearcher } from '../../../../core/search/index';
import { item } from './fixture';

const WORDS = [
  '亚马逊',
  '头程',
  '物流',
  '密码',
  '账户',
  '库存',
  '广告',
  '收款',
  '派安盈',
  '退货',
  '品牌',
  '税务',
];
const LATIN = ['fba', 'vat', 'Payoneer', 'Send to Amazon', 'Helium', 'ppc', 'erp', 'Shipora', 'Jungle Scout'];

const corpus = fc
  .sample(
    fc.record({
      title: fc.array(fc.constantFrom(...WORDS, ...LATIN), { minLength: 1, maxLength: 4 }),
      tags: fc.array(fc.constantFrom(...WORDS, ...LATIN), { maxLength: 3 }),
      summary: fc.array(fc.constantFrom(...WORDS, ...LATIN, '的', '和'), { maxLength: 6 }),
      views: fc.nat(50),
      tool: fc.boolean(),
    }),
    { numRuns: 400, seed: 42 },
  )
  .map((r, i) =>
    item({
      id: `i${i}`,
      kind: r.tool ? 'tool' : 'guide',
      title: r.title.join(i % 3 ? '' : ' '),
      tags: r.tags,
      summary: r.summary.join(''),
      views: r.views,
      category: `c${i % 4}`,
    }),
  );
const pack = buildSearchPack(corpus);

const queryArb = fc.oneof(
  fc.constantFrom(
    'ymx',
    'yamaxun',
    'ya ma xun',
    'tc',
    'toucheng',
    'pay',
    'paianying',
    'wl',
    // Syllables of words that are often only tags (tag pinyin): 物流, 收款, 税务, 品牌
    'wuliu',
    'shoukuan',
    'swu',
    'pinp',
    'p',
    's',
    'y',
    'h',
  ),
  fc.constantFrom(...WORDS, '亚马逊密码', '头程物流', '物'),
  fc.constantFrom('fba 头程', 'vat 税务', 'payo', 'sendto', 'helim', 'shipro', 'jungle', 'f', 'e'),
);

test('the top 10 are the first 10 of the full ranking', () => {
  const searcher = createSearcher(pack);
  fc.assert(
    fc.property(queryArb, fc.constantFrom(undefined, 'tool' as const), (query, kind) => {
      const top = searcher.search(query, { limit: 10, ...(kind ? { kind } : {}) });
      const all = createSearcher(pack).search(query, { limit: 10_000, ...(kind ? { kind } : {}) });
      expect(top.map((h) => [h.id, h.score])).toEqual(all.slice(0, 10).map((h) => [h.id, h.score]));
    }),
    { numRuns: 200 },
  );
});

test('typing a query a keystroke at a time, after other queries, answers as a fresh searcher does', () => {
  const typed = createSearcher(pack);
  fc.assert(
    fc.property(fc.array(queryArb, { minLength: 1, maxLength: 4 }), (queries) => {
      for (const query of queries) {
        for (let i = 1; i <= query.length; i++) {
          const prefix = query.slice(0, i);
          expect(typed.search(prefix)).toEqual(createSearcher(pack).search(prefix));
        }
      }
    }),
    { numRuns: 60 },
  );
});

test('every hit matches every term somewhere, and results are ordered by score', () => {
  const searcher = createSearcher(pack);
  for (const query of ['头程', '亚马逊', 'fba 头程', '税务']) {
    const hits = searcher.search(query, { limit: 1000 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const it = corpus.find((c) => c.id === hit.id)!;
      const text = `${it.title} ${it.tags.join(' ')} ${it.summary}`.toLowerCase();
      for (const term of query.split(' ')) expect(text).toContain(term);
    }
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
});

test('any way of typing adjacent title syllables (full, initial, zh/ch/sh, last cut short) finds the title', () => {
  const titles = [
    '亚马逊账户密码忘了怎么办',
    '派安盈收款',
    '头程运费计算',
    '商标注册指南',
    '欧洲增值税申报',
    '春节备货',
  ];
  const items = titles.map((title, i) => item({ id: `t${i}`, title }));
  const searcher = createSearcher(buildSearchPack(items));
  const syllables = titles.map((t) => pinyin(t, { type: 'array', toneType: 'none', v: true }));
  fc.assert(
    fc.property(
      fc.nat(titles.length - 1),
      fc.nat(20),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.constantFrom('full', 'initial', 'shengmu'), { minLength: 4, maxLength: 4 }),
      fc.nat(5),
      (t, startSeed, count, ways, cut) => {
        const sy = syllables[t]!;
        const start = startSeed % sy.length;
        const run = sy.slice(start, start + count);
        let query = '';
        run.forEach((y, k) => {
          const way = ways[k]!;
          if (k === run.length - 1) query += y.slice(0, Math.max(1, y.length - cut));
          else if (way === 'full') query += y;
          else if (way === 'shengmu' && /^[zcs]h/.test(y)) query += y.slice(0, 2);
          else query += y[0];
        });
        const ids = searcher.search(query, { limit: 100 }).map((h) => h.id);
        expect(ids, `${query} for ${titles[t]}`).toContain(`t${t}`);
      },
    ),
    { numRuns: 400 },
  );
});
