import fc from 'fast-check';
import { parseFeed } from '../../../../core/feed/index';
import { FeedError } from '../../../../core/model';
import { sanitizeHtml } from '../../../../core/sanitize';

/** parseFeed either returns a feed whose items keep the catalog's promises, or throws a one-line FeedError. */
function parsesOrRefuses(bytes: Uint8Array, contentType: string | null = null): void {
  let feed;
  try {
    feed = parseFeed({ bytes, url: 'https://feed.example/dir/feed', contentType });
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).message).not.toMatch(/\n/);
    return;
  }
  const ids = new Set<string>();
  for (const item of feed.items) {
    expect(ids.has(item.id)).toBe(false);
    ids.add(item.id);
    if (item.url !== null) expect(item.url).toMatch(/^https?:\/\//);
    if (item.date_published !== null) expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    if (item.content_html !== null) expect(sanitizeHtml(item.content_html, item.url)).toBe(item.content_html);
  }
}

const XML_TOKENS = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<?xml version="1.0" encoding="gb2312"?>',
  '<?xml encoding="utf-16"?>',
  '<!DOCTYPE rss [<!ENTITY a "b"><!ENTITY c "&a;&a;">]>',
  '<rss version="2.0">',
  '</rss>',
  '<channel>',
  '</channel>',
  '<item>',
  '</item>',
  '<title>',
  '</title>',
  '<link>',
  '</link>',
  'javascript:alert(1)',
  'https://a.example/',
  '/rel',
  '<guid>',
  '</guid>',
  '<description>',
  '</description>',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<pubDate>',
  '</pubDate>',
  'Mon, 32 Foo 2024',
  '2024-02-30T25:61:00Z',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '</feed>',
  '<entry>',
  '</entry>',
  '<content type="xhtml">',
  '<content type="application/octet-stream">',
  'PHA+',
  '</content>',
  '<div xmlns="http://www.w3.org/1999/xhtml">',
  '</div>',
  'xml:base="',
  '"',
  '>',
  '<',
  '亚马逊',
  ' ',
  '<script>',
  '<a href="',
  '<link href="x"/>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"version":"https://jsonfeed.org/version/1.1"',
  '"items"',
  '"id"',
  '"url"',
  '"title"',
  '"content_html"',
  '"_sellernav"',
  '{"deleted":true}',
  '{"kind":"tool"}',
  '"javascript:x"',
  '"https://a.example/"',
  '1',
  'null',
  'true',
  '"\\u0000"',
  '"<script>x</script>"',
  '"tags"',
  '["a",1]',
  '"date_published"',
  '"2024-01-01"',
];
const soup = (tokens: string[]) =>
  fc
    .array(fc.constantFrom(...tokens), { maxLength: 60 })
    .map((parts) => new TextEncoder().encode(parts.join('')));

describe('parseFeed on anything', () => {
  test('arbitrary bytes give a feed or a clear error, never anything else', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(null, 'text/xml; charset=shift_jis', 'application/json'),
        (bytes, ct) => parsesOrRefuses(bytes, ct),
      ),
      { numRuns: 2000 },
    );
  });

  test('XML-shaped soup gives a feed or a clear error', () => {
    fc.assert(
      fc.property(soup(XML_TOKENS), (bytes) => parsesOrRefuses(bytes)),
      { numRuns: 3000 },
    );
  });

  test('JSON-shaped soup gives a feed or a clear error', () => {
    fc.assert(
      fc.property(soup(JSON_TOKENS), (bytes) => parsesOrRefuses(bytes)),
      { numRuns: 3000 },
    );
  });

  test('valid JSON Feeds with arbitrary item values keep every good item', () => {
    const item = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
        title: fc.oneof(fc.string(), fc.integer()),
        content_html: fc.string(),
        tags: fc.oneof(fc.array(fc.string()), fc.string()),
        date_published: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), (items) => {
        const bytes = new TextEncoder().encode(
          JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items }),
        );
        parsesOrRefuses(bytes);
        const feed = parseFeed({ bytes });
        // Every input item is either kept or named in a warning: nothing disappears silently.
        const dropped = feed.warnings.filter((w) => / dropped: /.test(w)).length;
        expect(feed.items.length + dropped).toBe(items.length);
      }),
      { numRuns: 500 },
    );
  });
});
