import { parseFeed } from '../../../../core/feed/index';
import { FeedError } from '../../../../core/model';

const enc = new TextEncoder();
const bytesOf = (value: unknown) => enc.encode(typeof value === 'string' ? value : JSON.stringify(value));

const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: '跨境导航',
  home_page_url: 'https://nav.example.cn/',
  ...extra,
  items,
});

describe('JSON Feed', () => {
  test('reads a SellerNav item with its extension, dates as ISO and links resolved', () => {
    const parsed = parseFeed({
      bytes: bytesOf(
        feed(
          [
            {
              id: 'guide-password-reset',
              url: '/guides/password-reset',
              title: '亚马逊账户密码忘了怎么办',
              summary: '找回密码的步骤',
              content_html: '<p>见 <a href="../help">帮助</a></p><script>alert(1)</script>',
              date_published: '2023-08-17T00:00:00+08:00',
              tags: ['账户', '密码', '密码'],
              _sellernav: {
                kind: 'guide',
                category: 'wiki',
                views: 670,
                match: { paths: ['/ap/forgotpassword*'], keywords: ['password'] },
              },
            },
          ],
          { _sellernav: { categories: [{ id: 'wiki', name: { 'zh-CN': '外贸百科' }, parent: null }] } },
        ),
      ),
    });
    expect(parsed.format).toBe('jsonfeed');
    expect(parsed.categories).toEqual([{ id: 'wiki', name: { 'zh-CN': '外贸百科' }, parent: null }]);
    const [item] = parsed.items;
    expect(item).toMatchObject({
      id: 'guide-password-reset',
      kind: 'guide',
      url: 'https://nav.example.cn/guides/password-reset',
      date_published: '2023-08-16T16:00:00.000Z',
      tags: ['账户', '密码'],
      category: 'wiki',
      views: 670,
      match: { hosts: null, paths: ['/ap/forgotpassword*'], keywords: ['password'] },
    });
    expect(item!.content_html).toBe(
      '<p>见 <a href="https://nav.example.cn/help" rel="noopener noreferrer">帮助</a></p>',
    );
    expect(parsed.warnings).toEqual([]);
  });

  test('reads a JSON Feed 1.0 with a BOM, numeric ids and bad items, keeping the good ones', () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Plain',
      items: [
        { id: 1, url: 'https://a.example/1', title: 'One', content_text: 'a < b\n\nsecond' },
        { id: 2, url: 'data:text/html,<script>', title: 'Evil' },
        { id: 3, title: 'Bad tags', tags: 'not-a-list' },
        'not an object',
        { id: 1, url: 'https://a.example/dup', title: 'Duplicate' },
        { url: 'https://a.example/no-id', title: 'No id' },
        { id: 'x' },
      ],
    });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(text)]);
    const parsed = parseFeed({ bytes });
    expect(parsed.items.map((i) => i.id)).toEqual(['1', 'https://a.example/no-id']);
    expect(parsed.items[0]!.content_html).toBe('<p>a &lt; b</p><p>second</p>');
    expect(parsed.warnings.join('\n')).toMatch(/data: scheme/);
    expect(parsed.warnings.join('\n')).toMatch(/"tags"/);
    expect(parsed.warnings.join('\n')).toMatch(/appears earlier/);
    expect(parsed.warnings.join('\n')).toMatch(/no title, text or link/);
  });

  test('tombstones leave the live items and are listed', () => {
    const parsed = parseFeed({
      bytes: bytesOf(
        feed([
          { id: 'keep', title: 'Kept', url: 'https://a.example/k' },
          { id: 'gone', _sellernav: { deleted: true } },
        ]),
      ),
    });
    expect(parsed.items.map((i) => i.id)).toEqual(['keep']);
    expect(parsed.tombstones).toEqual(['gone']);
  });

  test.each([
    ['truncated JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a"'],
    ['JSON that is not a feed', '[1,2,3]'],
    ['a feed without items', '{"version":"https://jsonfeed.org/version/1.1","title":"x"}'],
    ['plain text', 'hello'],
    ['nothing', '   '],
  ])('%s is refused with one clear line', (_name, text) => {
    let error: unknown;
    try {
      parseFeed({ bytes: enc.encode(text) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).message).not.toMatch(/\n/);
  });
});
