import { buildSearchPack, runPinyin } from '../../../../core/search/build';
import {
  createSearcher,
  isCurrentSearchPack,
  SCORE,
  TAGS_JOINER,
  type SearchHit,
} from '../../../../core/search/index';
import { item } from './fixture';

/**
 * Pinyin reaches tags, not only titles: sellers type `wuliu` for the logistics tools the catalog tags 物流,
 * even when the tool's title is a brand name.
 */
const catalog = [
  item({
    id: 'flexport',
    kind: 'tool',
    title: 'Flexport 货代',
    tags: ['货代', 'freight', '物流'],
    views: 900,
  }),
  item({ id: 'cainiao', kind: 'tool', title: '菜鸟 Cainiao', tags: ['菜鸟', '速卖通物流'], views: 800 }),
  item({ id: 'yunexpress', kind: 'tool', title: '云途物流 YunExpress', tags: ['专线'], views: 5 }),
  item({ id: 'payoneer', kind: 'tool', title: 'Payoneer', tags: ['收款', 'payments'], views: 700 }),
  item({ id: 'pingpong', kind: 'tool', title: 'PingPong 跨境收款', tags: ['结汇'], views: 1 }),
  item({ id: 'keepa', kind: 'tool', title: 'Keepa', tags: ['价格', '追踪'], views: 600 }),
  item({
    id: 'guide-vat',
    title: '欧洲VAT注册指南',
    tags: ['税务'],
    summary: '物流商不代办税号。',
    views: 50,
  }),
];
const searcher = createSearcher(buildSearchPack(catalog));
const ids = (query: string) => searcher.search(query, { limit: 20 }).map((h) => h.id);
const tagMarks = (hit: SearchHit | undefined) => {
  const joined = catalog.find((c) => c.id === hit?.id)?.tags.join(TAGS_JOINER) ?? '';
  return (hit?.highlights.find((h) => h.field === 'tags')?.ranges ?? []).map(([s, e]) => joined.slice(s, e));
};
const hitOf = (query: string, id: string) => searcher.search(query, { limit: 20 }).find((h) => h.id === id);

describe('pinyin finds tags', () => {
  test.each(['wuliu', 'wl', 'wul', 'wu liu', 'WuLiu'])('%s finds the tools tagged 物流', (query) => {
    expect(ids(query)).toEqual(expect.arrayContaining(['flexport', 'cainiao', 'yunexpress']));
  });

  test('shoukuan finds a tool tagged 收款 whose title is only a brand name', () => {
    expect(ids('shoukuan')).toContain('payoneer');
    expect(ids('sk')).toContain('payoneer');
  });

  test('the tag characters the pinyin matched are highlighted in the tags text', () => {
    expect(tagMarks(hitOf('wuliu', 'flexport'))).toEqual(['物流']);
    // Inside a longer tag (速卖通物流) only 物流 is marked.
    expect(tagMarks(hitOf('wl', 'cainiao'))).toEqual(['物流']);
    expect(tagMarks(hitOf('shoukuan', 'payoneer'))).toEqual(['收款']);
  });

  test('a title hit ranks above a tag hit, whatever the views', () => {
    // 云途物流 has 5 views, Flexport (tagged 物流) 900: the title hit still comes first.
    expect(ids('wuliu')[0]).toBe('yunexpress');
    expect(ids('shoukuan')[0]).toBe('pingpong');
    expect(hitOf('wuliu', 'yunexpress')!.score).toBeGreaterThan(hitOf('wuliu', 'flexport')!.score);
  });

  test('a tag pinyin hit scores as a tag hit: above the summary, a tag start above the inside of a tag', () => {
    expect(hitOf('wuliu', 'flexport')!.score).toBe(SCORE.tagPinyinStart);
    expect(hitOf('wuliu', 'cainiao')!.score).toBe(SCORE.tagPinyin);
    // guide-vat has 物流 only in its summary: found by the Chinese, not by pinyin (summaries have none).
    expect(ids('物流')).toContain('guide-vat');
    expect(ids('wuliu')).not.toContain('guide-vat');
    expect(SCORE.tagPinyin).toBeGreaterThan(SCORE.summary);
  });

  test('pinyin never joins syllables of two different tags', () => {
    // Keepa is tagged 价格 and 追踪: `gezhui` would need 格 and 追 side by side.
    expect(ids('jiage')).toContain('keepa');
    expect(ids('gezhui')).not.toContain('keepa');
    expect(ids('gzz')).not.toContain('keepa');
  });

  test('a tag pinyin term combines with other terms (every term must match)', () => {
    expect(ids('flexport wuliu')).toEqual(['flexport']);
    expect(ids('keepa wuliu')).toEqual([]);
  });

  test('typing wuliu a keystroke at a time answers as typing it at once', () => {
    const typed = createSearcher(buildSearchPack(catalog));
    for (const prefix of ['w', 'wu', 'wul', 'wuli']) typed.search(prefix);
    expect(typed.search('wuliu')).toEqual(createSearcher(buildSearchPack(catalog)).search('wuliu'));
  });
});

describe('the pack stores tag pinyin once per distinct Han run', () => {
  test('a run shared by many items is one table entry, one syllable per character', () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      item({ id: `t${i}`, title: `Tool ${i}`, tags: ['物流', 'e邮宝', 'logistics'] }),
    );
    const pack = buildSearchPack(items);
    expect(pack.tagPinyin).toEqual({ 物流: 'wu liu', 邮宝: 'you bao' });
    expect(runPinyin('银行')).toBe('yin hang');
  });

  test('an older pack without tag pinyin still searches titles', () => {
    const { tagPinyin: _dropped, ...older } = buildSearchPack(catalog);
    const searcher = createSearcher({ ...older, version: 1 });
    expect(searcher.search('wuliu').map((h) => h.id)).toEqual(['yunexpress']);
    // …and says it is worth rebuilding, while a fresh pack is current.
    expect(isCurrentSearchPack({ ...older, version: 1 })).toBe(false);
    expect(isCurrentSearchPack(buildSearchPack(catalog))).toBe(true);
    expect(isCurrentSearchPack(null)).toBe(false);
  });

  test('a damaged tag pinyin table is refused, a wrong entry gives its run no pinyin', () => {
    const pack = buildSearchPack(catalog);
    expect(() =>
      createSearcher({ ...pack, tagPinyin: 'wu liu' as unknown as Record<string, string> }),
    ).toThrow(/damaged/);
    const wrong = createSearcher({ ...pack, tagPinyin: { ...pack.tagPinyin, 物流: 'wu' } });
    expect(wrong.search('wuliu', { limit: 20 }).map((h) => h.id)).not.toContain('flexport');
  });
});
