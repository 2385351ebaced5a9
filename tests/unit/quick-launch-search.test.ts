import { buildSearchPack } from '@/core/search/build';
import { createBookmarkIndex, bookmarkIndexFits, type LaunchBookmark } from '@/core/quick-launch/rank';
import { createQuickLaunchSearch } from '@/core/quick-launch/search';
import type { CatalogItem } from '@/core/model';

// Counts index builds while keeping the real behaviour.
vi.mock('@/core/quick-launch/rank', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/core/quick-launch/rank')>();
  return { ...actual, createBookmarkIndex: vi.fn(actual.createBookmarkIndex) };
});

const item = (id: string, title: string, tags: string[] = []): CatalogItem => ({
  id,
  kind: 'tool',
  title,
  url: `https://${id}.example/`,
  summary: null,
  content_html: null,
  date_published: null,
  date_modified: null,
  tags,
  category: null,
  views: null,
  match: null,
  image: null,
});

const items = [
  item('tool-4px', '递四方 4PX', ['物流']),
  item('tool-yun', '云途物流 YunExpress'),
  item('tool-flexport', 'Flexport 货代', ['物流']),
];
const pack = buildSearchPack(items);

/** Sources that, like IndexedDB, hand out a fresh copy of the bookmark list at every read. */
function sources(list: () => LaunchBookmark[]) {
  return {
    bookmarks: async () => list().map((b) => ({ ...b })),
    catalog: async () => ({ pack, items }),
  };
}

const bm = (id: string, title: string, itemId: string | null = null): LaunchBookmark => ({
  id,
  itemId,
  title,
  url: `https://${id}.example/`,
  note: '',
});

// (Braces: a function returned from beforeEach would be run as a teardown.)
beforeEach(() => {
  vi.mocked(createBookmarkIndex).mockClear();
});

test('the bookmark index is built once per change of the bookmark list, not per keystroke', async () => {
  let list = [bm('b1', '递四方', 'tool-4px'), bm('b2', '卖家精灵')];
  const search = createQuickLaunchSearch(sources(() => list));
  for (const prefix of ['w', 'wu', 'wul', 'wuli', 'wuliu']) await search.search(prefix, 5);
  expect(createBookmarkIndex).toHaveBeenCalledTimes(1);

  list = [bm('b1', '递四方 小包', 'tool-4px'), bm('b2', '卖家精灵')];
  expect((await search.search('xiaobao', 5)).map((h) => h.id)).toEqual(['b1']);
  expect(createBookmarkIndex).toHaveBeenCalledTimes(2);
});

test('a bookmarked catalog item is listed once, as a bookmark, and is listed again once unbookmarked', async () => {
  let list = [bm('b1', '递四方物流', 'tool-4px')];
  const search = createQuickLaunchSearch(sources(() => list));
  const first = await search.search('wuliu', 5);
  expect(first.map((h) => [h.source, h.id])).toEqual([
    ['bookmark', 'b1'],
    ['catalog', 'tool-yun'],
    ['catalog', 'tool-flexport'],
  ]);
  // Same title, but the bookmark no longer points at the catalog item: the item is listed as itself.
  list = [bm('b1', '递四方物流', null)];
  expect((await search.search('wuliu', 5)).map((h) => h.id)).toContain('tool-4px');
});

test('the same words asked again with a smaller limit give the head of the longer answer', async () => {
  const search = createQuickLaunchSearch(sources(() => [bm('b1', '递四方', 'tool-4px')]));
  const suggestions = await search.search('wuliu', 6);
  const best = await search.search('wuliu', 1);
  expect(best).toEqual(suggestions.slice(0, 1));
  expect(best).toEqual(
    await createQuickLaunchSearch(sources(() => [bm('b1', '递四方', 'tool-4px')])).search('wuliu', 1),
  );
});

test('an equal fresh list fits the index; any change of order, title, note, address or item does not', () => {
  const list = [bm('b1', '递四方', 'tool-4px'), bm('b2', '卖家精灵')];
  const index = createBookmarkIndex(list);
  expect(
    bookmarkIndexFits(
      index,
      list.map((b) => ({ ...b })),
    ),
  ).toBe(true);
  expect(bookmarkIndexFits(index, [list[1]!, list[0]!])).toBe(false);
  for (const change of [{ title: 'x' }, { note: 'x' }, { url: 'https://x/' }, { itemId: 'x' }]) {
    expect(bookmarkIndexFits(index, [{ ...list[0]!, ...change }, list[1]!])).toBe(false);
  }
  expect(bookmarkIndexFits(index, list.slice(0, 1))).toBe(false);
});
