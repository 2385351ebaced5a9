import { formatHash, parseHash, type Route } from '@/stores/router';
import { buildCategoryTree, categoryName, descendantIds, rankRelated, type ListRow } from '@/stores/catalog';
import { normalizeRanges } from '@/components/shared/HighlightedText';
import type { CategorySummary } from '@/storage/types';

const summary = (id: string, parent: string | null, guides = 1): CategorySummary => ({
  id,
  parent,
  name: { 'zh-CN': `类${id}`, en: `Cat ${id}` },
  feedId: 'f',
  guides,
  tools: 0,
});

describe('hash routes', () => {
  test.each<Route>([
    { name: 'home' },
    { name: 'category', categoryId: 'wiki/sub 1' },
    { name: 'guide', itemId: 'guide-password-reset' },
    { name: 'guide', itemId: 'https://nav.example.cn/?p=1#x' },
    { name: 'search', query: '亚马逊 FBA', kind: 'tool' },
    { name: 'search', query: 'ymx', kind: null },
  ])('%o survives a round trip through the address', (route) => {
    expect(parseHash(formatHash(route))).toEqual(route);
  });

  test('the tips card fallback URL opens the guide', () => {
    expect(parseHash('#/guide/guide-password-reset')).toEqual({
      name: 'guide',
      itemId: 'guide-password-reset',
    });
  });

  test('unknown, empty or malformed addresses go home', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/nowhere',
      '#/guide/',
      '#/category/%E0%A4%A',
      '#/search?kind=movie',
    ]) {
      expect(parseHash(hash).name, hash).toBe(hash.startsWith('#/search') ? 'search' : 'home');
    }
    expect(parseHash('#/search?kind=movie')).toEqual({ name: 'search', query: '', kind: null });
  });
});

describe('category tree', () => {
  test('nests by parent and counts items of the whole branch', () => {
    const tree = buildCategoryTree([summary('a', null, 2), summary('b', 'a', 3), summary('c', 'b', 4)]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.total).toBe(9);
    expect(tree[0]!.children[0]!.children[0]!.category.id).toBe('c');
  });

  test('a missing parent or a loop of parents keeps every category reachable', () => {
    const tree = buildCategoryTree([
      summary('x', 'ghost'),
      summary('p', 'q'),
      summary('q', 'p'),
      summary('s', 's'),
    ]);
    const all: string[] = [];
    const walk = (nodes: typeof tree) => nodes.forEach((n) => (all.push(n.category.id), walk(n.children)));
    walk(tree);
    expect(all.sort()).toEqual(['p', 'q', 's', 'x']);
  });

  test('descendants include the category itself and every level below', () => {
    expect(
      descendantIds([summary('a', null), summary('b', 'a'), summary('c', 'b'), summary('d', null)], 'a'),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('category names', () => {
  test('pick the UI language, then the same language in another region, then Chinese, then any, then the id', () => {
    expect(categoryName({ id: 'w', name: { 'zh-CN': '外贸百科', en: 'Seller wiki' } }, 'en')).toBe(
      'Seller wiki',
    );
    expect(categoryName({ id: 'w', name: { zh: '收款', 'en-US': 'Payments' } }, 'zh-CN')).toBe('收款');
    expect(categoryName({ id: 'w', name: { zh: '收款', 'en-US': 'Payments' } }, 'en')).toBe('Payments');
    expect(categoryName({ id: 'w', name: { 'zh-CN': '物流' } }, 'en')).toBe('物流');
    expect(categoryName({ id: 'w', name: { de: 'Logistik' } }, 'en')).toBe('Logistik');
    expect(categoryName({ id: 'w', name: { en: '  ' } }, 'en')).toBe('w');
  });
});

describe('related guides', () => {
  const row = (id: string, tags: string[], category: string | null, date: string): ListRow => ({
    id,
    kind: 'guide',
    title: id,
    url: null,
    summary: null,
    date_published: date,
    views: null,
    category,
    tags,
  });
  test('rank shared tags above the same category, never the guide itself', () => {
    const self = row('self', ['密码', 'Password'], 'account', '2024-01-01');
    const related = rankRelated(self, [
      self,
      row('same-cat', [], 'account', '2024-03-01'),
      row('two-tags', ['password', '密码'], 'other', '2023-01-01'),
      row('unrelated', ['vat'], 'tax', '2024-05-01'),
    ]);
    expect(related.map((r) => r.id)).toEqual(['two-tags', 'same-cat']);
  });
});

describe('highlight ranges', () => {
  test('overlapping and touching ranges merge; ranges outside the text are clipped', () => {
    expect(
      normalizeRanges(
        [
          [4, 6],
          [0, 2],
          [1, 3],
          [3, 4],
          [8, 20],
        ],
        10,
      ),
    ).toEqual([
      [0, 6],
      [8, 10],
    ]);
    expect(
      normalizeRanges(
        [
          [5, 5],
          [-3, 0],
        ],
        10,
      ),
    ).toEqual([]);
  });
});
