/**
 * `npm run bench:parse`: parse + normalize + sanitize time for a generated 20,000-item JSON Feed and a
 * 20,000-item RSS 2.0 feed, their throughput, and the ratio to a bare `JSON.parse` of the JSON Feed's bytes
 * measured in the same run. Also how much of that is the sanitizer. `--items N` and `--runs N` shrink it.
 */
import { parseFeed } from '../core/feed/index';
import sanitizeHtmlLibrary from 'sanitize-html';
import { escapeHtml, sanitizeHtml } from '../core/sanitize';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 20_000);
const RUNS = arg('runs', 5);

const WORDS = [
  '亚马逊',
  '卖家',
  '库存',
  '物流',
  'FBA',
  'Seller Central',
  '广告',
  '账户',
  'VAT',
  '品牌备案',
  '退货',
  'Payoneer',
];
const word = (i: number) => WORDS[i % WORDS.length]!;

/** A guide body like the navigation site's: paragraphs, a list, links (some relative), an image, a stray handler. */
function body(i: number): string {
  return (
    `<p>${word(i)}后台操作：打开 <a href="/guides/${i}/step">步骤页面</a>，按提示填写。</p>` +
    `<ol><li><strong>${word(i + 1)}</strong> 登录</li><li>点击 <em>${word(i + 2)}</em></li><li>提交</li></ol>` +
    `<p><img src="/wp-content/uploads/${i}.png" alt="截图" onerror="track(${i})"></p>` +
    `<p>更多内容见 <a href="https://nav.example.cn/wiki/${i}" target="_blank">外贸百科</a> &amp; 相关工具。</p>`
  );
}

function jsonFeed(n: number): string {
  const items = [];
  for (let i = 0; i < n; i++) {
    const tool = i % 5 === 0;
    items.push({
      id: `item-${i}`,
      url: `https://nav.example.cn/${tool ? 'tools' : 'guides'}/${i}`,
      title: `${word(i)}${word(i + 3)}问题 ${i}`,
      summary: `${word(i)}的常见问题与处理步骤 ${i}`,
      ...(tool ? {} : { content_html: body(i) }),
      date_published: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
      tags: [word(i), word(i + 5)],
      _sellernav: {
        kind: tool ? 'tool' : 'guide',
        category: tool ? 'tools' : 'wiki',
        views: i * 7,
        ...(i % 3 === 0 ? { match: { paths: ['/inventory*'], keywords: [word(i)] } } : {}),
      },
    });
  }
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '跨境导航',
    home_page_url: 'https://nav.example.cn/',
    _sellernav: {
      categories: [
        { id: 'wiki', name: { 'zh-CN': '外贸百科', en: 'Seller wiki' }, parent: null },
        { id: 'tools', name: { 'zh-CN': '工具', en: 'Tools' }, parent: null },
      ],
    },
    items,
  });
}

function rssFeed(n: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel><title>跨境导航</title><link>https://nav.example.cn</link><language>zh-CN</language>\n',
  ];
  for (let i = 0; i < n; i++) {
    parts.push(
      `<item><title>${escapeHtml(`${word(i)}${word(i + 3)}问题 ${i}`)}</title><link>https://nav.example.cn/${i}.html</link>` +
        `<dc:creator><![CDATA[admin]]></dc:creator><pubDate>${new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toUTCString()}</pubDate>` +
        `<category><![CDATA[${word(i)}]]></category><category><![CDATA[${word(i + 5)}]]></category>` +
        `<guid isPermaLink="false">https://nav.example.cn/?p=${i}</guid>` +
        `<description><![CDATA[${word(i)}的常见问题与处理步骤 ${i} [&#8230;]]]></description>` +
        `<content:encoded><![CDATA[${body(i)}]]></content:encoded></item>\n`,
    );
  }
  parts.push('</channel></rss>\n');
  return parts.join('');
}

/** Median of the runs: the machine is shared, so one quiet run is not the figure to quote. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const enc = new TextEncoder();
const jsonBytes = enc.encode(jsonFeed(ITEMS));
const rssBytes = enc.encode(rssFeed(ITEMS));

// Warm up the JIT once, so the runs measure steady state.
parseFeed({ bytes: enc.encode(jsonFeed(500)) });
parseFeed({ bytes: enc.encode(rssFeed(500)) });

const bareRuns = () =>
  median(Array.from({ length: RUNS }, () => time(() => JSON.parse(new TextDecoder().decode(jsonBytes)))));
const bare = bareRuns();
const rows: [string, Uint8Array][] = [
  ['JSON Feed', jsonBytes],
  ['RSS 2.0', rssBytes],
];
console.log(`bench:parse — ${ITEMS} items, median of ${RUNS} runs, Node ${process.version}`);
console.log(
  `bare TextDecoder + JSON.parse of the JSON Feed (${(jsonBytes.length / 1048576).toFixed(1)} MB): ${bare.toFixed(0)} ms`,
);
for (const [name, bytes] of rows) {
  let items = 0;
  const ms = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        items = parseFeed({ bytes, url: 'https://nav.example.cn/feed' }).items.length;
      }),
    ),
  );
  const mb = bytes.length / 1048576;
  console.log(
    `${name.padEnd(9)} ${mb.toFixed(1).padStart(5)} MB  parse+normalize+sanitize ${ms.toFixed(0).padStart(5)} ms  ` +
      `${(mb / (ms / 1000)).toFixed(1).padStart(5)} MB/s  ${Math.round(items / (ms / 1000))
        .toLocaleString('en')
        .padStart(9)} items/s  ` +
      `${(ms / bare).toFixed(1)}× JSON.parse  (${items} items kept)`,
  );
}

// The sanitizer's share: the guide bodies (tools have none) through sanitizeHtml alone, and through sanitize-html
// with the same allow-list for comparison (the library this sanitizer replaced; see docs/dependencies.md).
const bodies = Array.from({ length: ITEMS }, (_, i) => (i % 5 === 0 ? null : body(i))).filter(
  (b): b is string => b !== null,
);
const bases = bodies.map((_, i) => `https://nav.example.cn/guides/${i}`);
const libraryOptions: sanitizeHtmlLibrary.IOptions = {
  allowedTags: ['a', 'b', 'p', 'ol', 'li', 'strong', 'em', 'img'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtmlLibrary.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};
// Interleaved, so a change in the shared machine's load hits both sanitizers alike.
const oursRuns: number[] = [];
const libraryRuns: number[] = [];
for (let r = 0; r < RUNS; r++) {
  oursRuns.push(time(() => bodies.forEach((b, i) => sanitizeHtml(b, bases[i]))));
  libraryRuns.push(time(() => bodies.forEach((b) => sanitizeHtmlLibrary(b, libraryOptions))));
}
const ours = median(oursRuns);
const library = median(libraryRuns);
console.log(
  `sanitizer alone, ${bodies.length} bodies of ~${bodies[0]!.length} chars: core/sanitize ${ours.toFixed(0)} ms, ` +
    `sanitize-html ${library.toFixed(0)} ms (${(library / ours).toFixed(1)}× slower)`,
);
console.log(`bare JSON.parse again at the end (load check): ${bareRuns().toFixed(0)} ms`);
