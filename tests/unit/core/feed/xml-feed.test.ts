import { parseFeed } from '../../../../core/feed/index';
import { FeedError } from '../../../../core/model';

const enc = new TextEncoder();
const parse = (xml: string, url?: string) => parseFeed({ bytes: enc.encode(xml), url });

function feedError(xml: string): string {
  try {
    parse(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return (error as FeedError).message;
  }
  throw new Error('expected a FeedError');
}

const wordpress = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>跨境卖家导航</title>
  <atom:link href="https://nav.example.cn/feed" rel="self" type="application/rss+xml" />
  <link>https://nav.example.cn</link>
  <language>zh-CN</language>
  <item>
    <title>亚马逊账户密码忘了怎么办</title>
    <link>https://nav.example.cn/9226.html</link>
    <dc:creator><![CDATA[admin]]></dc:creator>
    <pubDate>Thu, 17 Aug 2023 10:11:12 +0800</pubDate>
    <category><![CDATA[外贸百科]]></category>
    <category><![CDATA[亚马逊]]></category>
    <guid isPermaLink="false">https://nav.example.cn/?p=9226</guid>
    <description><![CDATA[在登录页点击&#8220;忘记密码&#8221; [&#8230;]]]></description>
    <content:encoded><![CDATA[<p>打开 <a href="/ap/forgotpassword" target="_blank" onclick="track()">找回页面</a></p>
<p><img src="/wp-content/uploads/1.png" srcset="x 2x" alt="步骤"/></p><script>steal()</script><iframe src="https://evil.example"></iframe>]]></content:encoded>
  </item>
  <item>
    <title>相对链接</title>
    <link>/relative.html</link>
  </item>
</channel>
</rss>`;

describe('RSS 2.0', () => {
  test('reads a WordPress feed: items, dates, categories as tags, sanitized content with absolute links', () => {
    const feed = parse(wordpress);
    expect(feed).toMatchObject({
      format: 'rss',
      title: '跨境卖家导航',
      language: 'zh-CN',
      feed_url: 'https://nav.example.cn/feed',
    });
    expect(feed.home_page_url).toBe('https://nav.example.cn/');
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'https://nav.example.cn/?p=9226',
      kind: 'guide',
      title: '亚马逊账户密码忘了怎么办',
      url: 'https://nav.example.cn/9226.html',
      summary: '在登录页点击“忘记密码” […]',
      date_published: '2023-08-17T02:11:12.000Z',
      tags: ['外贸百科', '亚马逊'],
    });
    expect(item!.content_html).toBe(
      '<p>打开 <a href="https://nav.example.cn/ap/forgotpassword" rel="noopener noreferrer">找回页面</a></p>\n' +
        '<p><img src="https://nav.example.cn/wp-content/uploads/1.png" alt="步骤" /></p>',
    );
  });

  test('a local file with no URL resolves item links against the channel link', () => {
    expect(parse(wordpress).items[1]!.url).toBe('https://nav.example.cn/relative.html');
  });

  test('the fetch URL is the base when the feed has no xml:base', () => {
    const feed = parse(
      '<rss><channel><title>t</title><item><title>a</title><link>p/1</link></item></channel></rss>',
      'https://b.example/feeds/x.xml',
    );
    expect(feed.items[0]!.url).toBe('https://b.example/feeds/p/1');
  });

  test('drops javascript: and data: items with a warning and keeps the rest', () => {
    const feed = parse(`<rss><channel><title>t</title>
      <item><title>ok</title><link>https://ok.example/</link></item>
      <item><title>js</title><link> JaVa&#x09;Script:alert(1)</link></item>
      <item><title>data</title><link>data:text/html;base64,PHNjcmlwdD4=</link></item>
      <item><title>mail</title><guid>m1</guid><link>mailto:a@b.example</link></item>
    </channel></rss>`);
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([
      ['ok', 'https://ok.example/'],
      ['mail', null],
    ]);
    expect(feed.warnings.filter((w) => /never passed on/.test(w))).toHaveLength(2);
    expect(feed.warnings.some((w) => /mailto: scheme removed/.test(w))).toBe(true);
  });

  test('an item without guid or link gets a stable id from its content, and duplicates collapse', () => {
    const xml = `<rss><channel><title>t</title>
      <item><title>Only a title</title><description>text</description></item>
      <item><title>Same</title><guid>g</guid></item><item><title>Same again</title><guid>g</guid></item>
    </channel></rss>`;
    const a = parse(xml);
    const b = parse(xml.replace('<title>t</title>', '<title>renamed</title>'));
    expect(a.items[0]!.id).toMatch(/^urn:sellernav:item:/);
    expect(b.items[0]!.id).toBe(a.items[0]!.id);
    expect(a.items.map((i) => i.title)).toEqual(['Only a title', 'Same']);
    expect(a.warnings.some((w) => /appears earlier/.test(w))).toBe(true);
  });

  test('escaped HTML in an RSS title is read as text, a stylesheet instruction is ignored', () => {
    const feed = parse(`<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?>
      <rss><channel><title>Tools&nbsp;&amp;&nbsp;tips</title><link>
        https://wp.example/
      </link><item><title><![CDATA[VAT &amp; EPR <b>2024</b>]]></title><link>https://wp.example/a</link></item></channel></rss>`);
    expect(feed.title).toBe('Tools & tips');
    expect(feed.home_page_url).toBe('https://wp.example/');
    expect(feed.items[0]!.title).toBe('VAT & EPR 2024');
  });

  test('a description that is the whole article gives a short summary and the full content', () => {
    const article = `<p>${'第一段内容。'.repeat(100)}</p><p>second</p>`;
    const feed = parse(`<rss><channel><title>t</title><item><guid>g</guid><title>a</title>
      <description><![CDATA[${article}]]></description></item></channel></rss>`);
    const [item] = feed.items;
    expect(item!.summary!.length).toBeLessThanOrEqual(280);
    expect(item!.summary!.endsWith('…')).toBe(true);
    expect(item!.content_html).toBe(article);
  });

  test('reads RSS 1.0 (RDF) with items beside the channel', () => {
    const feed =
      parse(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-02-03T04:05:06+01:00</dc:date></item>
    </rdf:RDF>`);
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      id: 'https://r.example/1',
      title: 'One',
      date_published: '2024-02-03T03:05:06.000Z',
    });
  });
});

describe('Atom', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/" xml:lang="en">
  <title type="html">Seller &lt;em&gt;notes&lt;/em&gt;</title>
  <link href="./"/><link rel="self" href="atom.xml"/>
  <entry xml:base="posts/">
    <id>tag:example.org,2024:1</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">VAT <b>in</b> Germany</div></title>
    <link rel="alternate" type="text/html" href="vat.html"/><link rel="enclosure" href="vat.pdf"/>
    <published>2024-01-02T03:04:05+08:00</published>
    <category term="vat"/><category term="eu" label="Europe"/>
    <content type="xhtml" xml:base="media/"><div xmlns="http://www.w3.org/1999/xhtml"><p onclick="x()">See <a href="form.html">the form</a>
      <img src="a.png"/></p><p xml:base="/root/"><a href="z">z</a></p><script>x()</script></div></content>
  </entry>
  <entry>
    <id>e2</id><title>Plain &amp; simple</title><updated>2024-03-01T00:00:00Z</updated>
    <summary type="html">&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; summary&lt;/p&gt;</summary>
  </entry>
  <entry>
    <id>e3</id><title type="text">Text &lt;content&gt;</title><content type="text">line one

line &lt;two&gt;</content>
  </entry>
</feed>`;

  test('applies nested xml:base to links and to each element of xhtml content', () => {
    const feed = parse(atom);
    expect(feed).toMatchObject({ format: 'atom', title: 'Seller notes', language: 'en' });
    expect(feed.home_page_url).toBe('https://example.org/blog/');
    expect(feed.feed_url).toBe('https://example.org/blog/atom.xml');
    const [first] = feed.items;
    expect(first).toMatchObject({
      id: 'tag:example.org,2024:1',
      title: 'VAT in Germany',
      url: 'https://example.org/blog/posts/vat.html',
      date_published: '2024-01-01T19:04:05.000Z',
      tags: ['vat', 'eu'],
    });
    expect(first!.content_html).toBe(
      '<p>See <a href="https://example.org/blog/posts/media/form.html" rel="noopener noreferrer">the form</a>\n' +
        '      <img src="https://example.org/blog/posts/media/a.png" /></p>' +
        '<p><a href="https://example.org/root/z" rel="noopener noreferrer">z</a></p>',
    );
  });

  test('html summaries become text summaries and sanitized content; text content is escaped', () => {
    const [, second, third] = parse(atom).items;
    expect(second).toMatchObject({
      title: 'Plain & simple',
      summary: 'A bold summary',
      content_html: '<p>A <b>bold</b> summary</p>',
    });
    expect(second!.date_published).toBe('2024-03-01T00:00:00.000Z');
    expect(third!.title).toBe('Text <content>');
    expect(third!.content_html).toBe('<p>line one</p><p>line &lt;two&gt;</p>');
  });

  test('reads Atom 0.3 (escaped mode, issued dates)', () => {
    const feed = parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <entry><id>o1</id><title>Old entry</title><link rel="alternate" type="text/html" href="https://o.example/1"/>
      <issued>2003-12-13T08:29:29-04:00</issued>
      <content type="text/html" mode="escaped">&lt;p&gt;hi&lt;/p&gt;</content></entry></feed>`);
    expect(feed.items[0]).toMatchObject({
      url: 'https://o.example/1',
      content_html: '<p>hi</p>',
      date_published: '2003-12-13T12:29:29.000Z',
    });
  });
});

describe('unusable XML', () => {
  test('a truncated feed is refused, not half-read', () => {
    expect(feedError(wordpress.slice(0, wordpress.indexOf('</item>') + 20))).toMatch(/truncated/);
  });

  test('an HTML page is named as one, with its feed link when it has one', () => {
    expect(feedError('<!doctype html><html><head><title>x</title></head><body>hi</body></html>')).toBe(
      'this is a web page, not a feed',
    );
    expect(
      feedError(
        '<html><head><link rel="alternate" type="application/rss+xml" href="https://n.example/feed"></head></html>',
      ),
    ).toMatch(/names its feed at https:\/\/n\.example\/feed/);
  });

  test('a page without an <html> element is still named as a web page', () => {
    expect(feedError('<!DOCTYPE html>\n<head><title>Login</title></head><body>sign in</body>')).toBe(
      'this is a web page, not a feed',
    );
    expect(feedError('<div class="error">502 Bad Gateway</div>')).toBe('this is a web page, not a feed');
  });

  test('other XML is refused by its root element', () => {
    expect(feedError('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')).toMatch(
      /root element is <svg>/,
    );
  });
});

describe('XML bombs', () => {
  test('nested entity declarations are cut out before parsing: no expansion, one warning', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss><channel><title>&lol9;</title><item><title>&lol9;&lol9;</title><guid>x</guid></item></channel></rss>`;
    const feed = parse(lol);
    expect(feed.title).toBe('&lol9;');
    expect(feed.items[0]!.title.length).toBeLessThan(20);
    expect(feed.warnings.join(' ')).toMatch(/4 entity declarations referring to other entities/);
  });

  test('plain-text entities are expanded within a fixed budget', () => {
    const big = 'x'.repeat(1000);
    const refs = '&big;'.repeat(5000);
    const feed = parse(`<!DOCTYPE rss [<!ENTITY big "${big}"><!ENTITY org "Example Org">]>
      <rss><channel><title>&org;</title><item><guid>g</guid><title>t</title><description>${refs}</description></item></channel></rss>`);
    expect(feed.title).toBe('Example Org');
    expect(feed.items[0]!.summary!.length).toBeLessThanOrEqual(1_000_000 + 5000 * 5);
    expect(feed.warnings.join(' ')).toMatch(/left as written/);
  });

  test('absurd nesting is refused with a clear error instead of exhausting the stack', () => {
    const n = 100_000;
    const xml = `<rss><channel><title>t</title><item><guid>g</guid><description>${'<a>'.repeat(n)}${'</b>'.repeat(n)}</description></item></channel></rss>`;
    expect(feedError(xml)).toMatch(/nests elements more than 512 deep/);
  });

  test('external entities are never fetched or read', () => {
    const feed = parse(`<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss><channel><title>&xxe;</title><item><guid>g</guid><title>t</title></item></channel></rss>`);
    expect(feed.title).toBe('&xxe;');
  });
});
