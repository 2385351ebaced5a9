/**
 * The starter catalog bundled in the extension (public/catalog/starter-feed.json) is what a seller has with no
 * network at all, so it must be a valid feed that the core reads without a warning, cover every Seller Central
 * page in the brief's map with a guide the tip engine actually offers, and list real tools by official https
 * address, with safe guide HTML.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { parseFeed } from '../../core/feed/index';
import { buildMatchIndex, matchPage } from '../../core/match/index';
import type { ParsedFeed } from '../../core/model';
import { isSellerCentralHost } from '../../core/sellercentral-hosts';
import {
  BRIEF_PAGE_MAP,
  STARTER_FEED_PATH,
  catalogCounts,
  main as countsMain,
  pathGlobMatches,
  readStarterFeed,
  type StarterFeed,
} from '../../scripts/catalog-counts';

const rawText = readFileSync(STARTER_FEED_PATH, 'utf8');
const raw = JSON.parse(rawText) as Record<string, unknown> & StarterFeed;
const feed = readStarterFeed();
const guides = feed.items.filter((item) => item._sellernav?.kind === 'guide');
const tools = feed.items.filter((item) => item._sellernav?.kind === 'tool');
/** The guide written for each page of the brief's page map, by page topic. */
const PAGE_GUIDES: Record<string, string> = {
  'sign-in': 'guide-sign-in',
  password: 'guide-password-reset',
  'two-step': 'guide-two-step-verification',
  home: 'guide-home-dashboard',
  inventory: 'guide-inventory',
  'send-to-amazon': 'guide-send-to-amazon',
  shipments: 'guide-shipments',
  orders: 'guide-orders',
  returns: 'guide-returns',
  'account-health': 'guide-account-health',
  payments: 'guide-payments',
  advertising: 'guide-advertising',
  messages: 'guide-buyer-messages',
  brand: 'guide-brand-registry',
  tax: 'guide-tax-vat',
};
const pageGuides = guides.filter((item) => Object.values(PAGE_GUIDES).includes(item.id));

type RawItem = StarterFeed['items'][number] & {
  url?: string;
  summary?: string;
  content_html?: string;
  date_published?: string;
};
const itemsWithFields = feed.items as RawItem[];

const HAN = /\p{Script=Han}/u;
const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

let parsed: ParsedFeed;
beforeAll(() => {
  parsed = parseFeed({
    bytes: new TextEncoder().encode(rawText),
    url: null,
    contentType: 'application/feed+json',
  });
});

describe('the starter feed is a JSON Feed 1.1 document with the _sellernav extension', () => {
  test('top level: version, title, language, items', () => {
    expect(raw['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof raw['title']).toBe('string');
    expect(raw['language']).toBe('zh-CN');
    expect(Array.isArray(raw.items)).toBe(true);
  });

  test('the core parser reads it with no warning, keeping every item and category', () => {
    expect(parsed.format).toBe('jsonfeed');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.items).toHaveLength(feed.items.length);
    expect(parsed.tombstones).toEqual([]);
    expect(parsed.categories.map((c) => c.id)).toEqual(feed._sellernav.categories.map((c) => c.id));
    // Sanitizing kept every step of every guide: nothing the feed says was thrown away.
    for (const item of parsed.items.filter((i) => i.kind === 'guide')) {
      const source = itemsWithFields.find((i) => i.id === item.id)?.content_html ?? '';
      expect(item.content_html?.split('<li>').length, item.id).toBe(source.split('<li>').length);
    }
  });

  test('item ids are unique and every item has a title and a known kind', () => {
    const ids = feed.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of feed.items) {
      expect(item.id, JSON.stringify(item).slice(0, 80)).toMatch(/^(guide|tool)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(item.title?.trim(), item.id).toBeTruthy();
      expect(['guide', 'tool']).toContain(item._sellernav?.kind);
      expect(item.id.startsWith(`${item._sellernav?.kind}-`), item.id).toBe(true);
    }
  });

  test('at least 10 categories, named in zh-CN and en, parents declared and acyclic', () => {
    const categories = feed._sellernav.categories;
    expect(categories.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(categories.map((c) => c.id));
    expect(ids.size).toBe(categories.length);
    for (const category of categories) {
      expect(category.name['zh-CN'], category.id).toMatch(HAN);
      expect(category.name['en'], category.id).toMatch(/[A-Za-z]/);
      if (category.parent !== null) expect(ids.has(category.parent), category.id).toBe(true);
      const seen = new Set<string>();
      for (let at: string | null = category.id; at !== null;) {
        expect(seen.has(at), `category cycle through ${at}`).toBe(false);
        seen.add(at);
        at = categories.find((c) => c.id === at)?.parent ?? null;
      }
    }
  });

  test("every item's category is declared", () => {
    const ids = new Set(feed._sellernav.categories.map((c) => c.id));
    for (const item of feed.items) expect(ids.has(item._sellernav?.category ?? ''), item.id).toBe(true);
  });

  test('every URL anywhere in the feed (fields and links inside guides) is https', () => {
    const urls: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        for (const m of value.matchAll(/\b([a-z][a-z0-9+.-]*):\/\/[^\s"'<>]+/gi)) urls.push(m[0]);
        for (const m of value.matchAll(/href\s*=\s*"([^"]*)"/gi)) urls.push(m[1]!);
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(raw);
    expect(urls.length).toBeGreaterThan(tools.length);
    for (const url of urls) {
      expect(url, url).toMatch(/^https:\/\//);
      expect(() => new URL(url), url).not.toThrow();
    }
  });
});

describe('tools: at least 100 real ones, by official address', () => {
  test('at least 100 tools in at least 10 categories', () => {
    expect(tools.length).toBeGreaterThanOrEqual(100);
    expect(new Set(tools.map((t) => t._sellernav?.category)).size).toBeGreaterThanOrEqual(10);
  });

  test('each tool links a bare https home page: no query, fragment, tracking or affiliate parameter', () => {
    const seen = new Map<string, string>();
    for (const tool of tools as RawItem[]) {
      const url = new URL(tool.url ?? '');
      expect(url.protocol, tool.id).toBe('https:');
      expect(url.search, tool.id).toBe('');
      expect(url.hash, tool.id).toBe('');
      expect(url.username + url.password, tool.id).toBe('');
      expect(url.pathname, tool.id).not.toMatch(/\b(ref|aff|affiliate|partner|invite|utm)[=/_-]/i);
      const key = url.host.replace(/^www\./, '') + url.pathname.replace(/\/$/, '');
      expect(seen.get(key), `${tool.id} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, tool.id);
    }
  });

  test('each tool has a Chinese one-line summary and tags in Chinese and in Latin script', () => {
    for (const tool of tools as RawItem[]) {
      expect(tool.summary, tool.id).toMatch(HAN);
      expect(tool.summary!.length, tool.id).toBeLessThanOrEqual(60);
      expect(tool.summary, tool.id).not.toMatch(/\n/);
      const tags = tool.tags ?? [];
      expect(
        tags.some((tag) => HAN.test(tag)),
        tool.id,
      ).toBe(true);
      expect(
        tags.some((tag) => /[A-Za-z]/.test(tag)),
        tool.id,
      ).toBe(true);
    }
  });
});

describe('guides: safe, useful HTML with match rules', () => {
  const ALLOWED: Record<string, string[]> = { p: [], ol: [], ul: [], li: [], strong: [], a: ['href'] };

  interface Node {
    type: string;
    name?: string;
    attribs?: Record<string, string>;
    children?: Node[];
  }
  const elementsOf = (nodes: Node[]): Node[] =>
    nodes.flatMap((node) => [...(node.type === 'tag' ? [node] : []), ...elementsOf(node.children ?? [])]);

  test.each(guides.map((g) => [g.id, g as RawItem] as const))(
    '%s: only p, ol, ul, li, strong and https links; no script, handler or javascript:',
    (_id, guide) => {
      const html = guide.content_html ?? '';
      expect(html).not.toMatch(/<\s*script|\son[a-z]+\s*=|javascript:|data:/i);
      const doc = parseDocument(html) as unknown as Node;
      const elements = elementsOf(doc.children ?? []);
      expect(elements.some((e) => e.name === 'ol')).toBe(true);
      for (const element of elements) {
        expect(Object.keys(ALLOWED), `<${element.name}>`).toContain(element.name);
        for (const [name, value] of Object.entries(element.attribs ?? {})) {
          expect(ALLOWED[element.name!], `${element.name}[${name}]`).toContain(name);
          if (name === 'href') expect(value).toMatch(/^https:\/\/[^\s]+$/);
        }
      }
    },
  );

  test.each(guides.map((g) => [g.id, g as RawItem] as const))(
    '%s: Chinese title, one-line summary, 150-400 Chinese characters, numbered steps, dated 2024-2026 +08:00',
    (_id, guide) => {
      expect(guide.title).toMatch(HAN);
      expect(guide.summary).toMatch(HAN);
      expect(guide.summary).not.toMatch(/\n/);
      const text = (guide.content_html ?? '').replace(/<[^>]+>/g, '');
      expect(hanCount(text)).toBeGreaterThanOrEqual(150);
      expect(hanCount(text)).toBeLessThanOrEqual(400);
      expect((guide.content_html ?? '').match(/<li>/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(guide.date_published).toMatch(/^202[4-6]-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(Number.isNaN(Date.parse(guide.date_published ?? ''))).toBe(false);
      expect(Number.isInteger(guide._sellernav?.views) && (guide._sellernav?.views ?? 0) > 0).toBe(true);
      const tags = guide.tags ?? [];
      expect(tags.some((tag) => HAN.test(tag)) && tags.some((tag) => /[A-Za-z]/.test(tag))).toBe(true);
    },
  );

  test('one guide is written for each page of the page map', () => {
    expect(pageGuides).toHaveLength(BRIEF_PAGE_MAP.length);
  });

  test.each(pageGuides.map((g) => [g.id, g] as const))(
    '%s: keywords in Chinese, Japanese and several Latin-script UI languages',
    (_id, guide) => {
      const keywords = guide._sellernav?.match?.keywords ?? [];
      expect(keywords.some((k) => /^[\p{Script=Han}]+$/u.test(k))).toBe(true);
      expect(keywords.some((k) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(k))).toBe(true);
      expect(keywords.filter((k) => /^[\p{Script=Latin}\s'’/-]+$/u.test(k)).length).toBeGreaterThanOrEqual(5);
      expect(new Set(keywords.map((k) => k.toLowerCase())).size).toBe(keywords.length);
    },
  );
});

describe('every Seller Central page in the brief has a guide', () => {
  test.each(BRIEF_PAGE_MAP.map((p) => [p.page, p.path] as const))(
    '%s (%s) is hit by at least one guide match.paths glob',
    (_page, path) => {
      const hits = guides.filter((g) =>
        (g._sellernav?.match?.paths ?? []).some((glob) => pathGlobMatches(glob, path)),
      );
      expect(hits.length).toBeGreaterThanOrEqual(1);
    },
  );

  // The same pages as sellers meet them: other marketplaces, query strings, deeper paths, other letter case.
  const variants: [string, string][] = [
    [
      'https://sellercentral.amazon.de/ap/signin?openid.return_to=https%3A%2F%2Fsellercentral.amazon.de%2Fhome',
      'sign-in',
    ],
    ['https://sellercentral-europe.amazon.com/ap/forgotpassword?language=de_DE', 'password'],
    ['https://sellercentral.amazon.co.jp/ap/mfa?ie=UTF8&arb=abc', 'two-step'],
    ['https://sellercentral.amazon.co.uk/home?mons_sel_dir_mcid=amzn1', 'home'],
    ['https://sellercentral.amazon.com/gp/homepage.html/ref=xx_home_logo_xx', 'home'],
    ['https://sellercentral.amazon.sg/', 'home'],
    [
      'https://sellercentral.amazon.com/inventory/ref=xx_invmgr_dnav_home?tbla_myitable=sort:%7B%7D',
      'inventory',
    ],
    ['https://sellercentral.amazon.fr/myinventory/inventory?fulfilledBy=all', 'inventory'],
    ['https://sellercentral.amazon.com/fba/sendtoamazon/confirm_content_step?wf=wf123', 'send-to-amazon'],
    ['https://sellercentral.amazon.it/fba/inbound-queue/index.html#fbashipmentqueue', 'shipments'],
    ['https://sellercentral.amazon.ca/orders-v3/order/702-1234567-1234567', 'orders'],
    ['https://sellercentral.amazon.es/returns/list?sort=date', 'returns'],
    ['https://sellercentral.amazon.com.mx/performance/dashboard?reftag=home', 'account-health'],
    ['https://sellercentral.amazon.com.au/payments/dashboard/index.html/ref=xx_payments_dnav_xx', 'payments'],
    ['https://sellercentral.amazon.com/cm/campaigns?entityId=ENTITY1', 'advertising'],
    ['https://sellercentral.amazon.in/cm/sp/campaigns/123/ad-groups', 'advertising'],
    ['https://sellercentral.amazon.ae/messaging/inbox?fi=UNANSWERED', 'messages'],
    ['https://sellercentral.amazon.com/brands/123/overview', 'brand'],
    ['https://sellercentral.amazon.pl/tax/seller-fee-invoices', 'tax'],
    ['https://sellercentral.amazon.DE/Inventory/', 'inventory'],
  ];

  test.each(variants)('%s: the tip engine offers the %s guide first', (url, topic) => {
    const index = buildMatchIndex(parsed.items);
    const offered = matchPage({ url, title: '', headings: [], breadcrumbs: [] }, index);
    expect(offered.length).toBeGreaterThanOrEqual(1);
    expect(offered[0]!.id).toBe(PAGE_GUIDES[topic]);
    const path = new URL(url).pathname;
    const own = guides.find((g) => g.id === offered[0]!.id)!;
    expect((own._sellernav?.match?.paths ?? []).some((glob) => pathGlobMatches(glob, path))).toBe(true);
  });

  // Pages beyond the brief's map that sellers also open daily have their own guide too.
  test.each([
    ['https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx', 'guide-business-reports'],
    ['https://sellercentral.amazon.co.uk/pricing/health?ref=pricing', 'guide-featured-offer'],
    ['https://sellercentral.amazon.de/cu/contact-us', 'guide-seller-support-case'],
    ['https://sellercentral.amazon.com/feedback-manager/index.html', 'guide-feedback-removal'],
    ['https://sellercentral.amazon.com/abis/listing/syh?asin=B000000000', 'guide-listing-errors'],
  ])('%s offers %s first', (url, id) => {
    const offered = matchPage(
      { url, title: '', headings: [], breadcrumbs: [] },
      buildMatchIndex(parsed.items),
    );
    expect(offered[0]?.id).toBe(id);
  });

  // A page Seller Central moved to a path nobody listed: the guide's keywords in the page's own language find it.
  test.each([
    ['Gesamten Lagerbestand verwalten', 'guide-inventory'],
    ['返品管理', 'guide-returns'],
    ['Tableau de bord des paiements — Paiements', 'guide-payments'],
    ['Gestionar pedidos', 'guide-orders'],
    ['Registro dei marchi', 'guide-brand-registry'],
    ['管理您的合规性 GPSR', 'guide-gpsr'],
  ])('a page headed "%s" on an unknown path offers %s', (heading, id) => {
    const index = buildMatchIndex(parsed.items);
    const offered = matchPage(
      {
        url: 'https://sellercentral.amazon.de/some/new-page',
        title: heading,
        headings: [heading],
        breadcrumbs: [],
      },
      index,
    );
    expect(offered.map((m) => m.id)).toContain(id);
  });

  test('guides limited to some marketplaces name real Seller Central hosts only', () => {
    const limited = guides.filter((g) => g._sellernav?.match?.hosts);
    expect(limited.length).toBeGreaterThan(0);
    for (const guide of limited) {
      for (const host of guide._sellernav!.match!.hosts!)
        expect(isSellerCentralHost(host), `${guide.id}: ${host}`).toBe(true);
    }
  });

  test('the EU product-safety guide is offered on European marketplaces, not on the US one', () => {
    const index = buildMatchIndex(parsed.items);
    const page = (url: string) => ({ url, title: 'GPSR', headings: ['GPSR'], breadcrumbs: [] });
    expect(matchPage(page('https://sellercentral.amazon.de/x'), index).map((m) => m.id)).toContain(
      'guide-gpsr',
    );
    expect(matchPage(page('https://sellercentral-europe.amazon.com/x'), index).map((m) => m.id)).toContain(
      'guide-gpsr',
    );
    expect(matchPage(page('https://sellercentral.amazon.com/x'), index).map((m) => m.id)).not.toContain(
      'guide-gpsr',
    );
  });

  test('a page that is not on Seller Central gets no guide', () => {
    const index = buildMatchIndex(parsed.items);
    expect(
      matchPage({ url: 'https://www.amazon.com/inventory', title: '', headings: [], breadcrumbs: [] }, index),
    ).toEqual([]);
  });
});

describe('catalog:counts', () => {
  test('the path glob: * spans slashes, case and query strings do not matter, no * means the exact path', () => {
    expect(pathGlobMatches('/cm/*', '/cm/sp/campaigns/1')).toBe(true);
    expect(pathGlobMatches('/cm/*', '/cmx')).toBe(false);
    expect(pathGlobMatches('/Inventory*', '/inventory?x=1')).toBe(true);
    expect(pathGlobMatches('/fba/*/queue', '/fba/inbound/queue')).toBe(true);
    expect(pathGlobMatches('/fba/*/queue', '/fba/inbound/queue/2')).toBe(false);
    expect(pathGlobMatches('/a*b*a', '/aba')).toBe(true);
    expect(pathGlobMatches('/a*b*a', '/ab')).toBe(false);
    expect(pathGlobMatches('/a*a', '/a')).toBe(false);
    expect(pathGlobMatches('/', '/')).toBe(true);
    expect(pathGlobMatches('/', '/home')).toBe(false);
  });

  test('the starter feed has no gap: every page has a guide, every category an item', () => {
    const counts = catalogCounts(feed);
    expect(counts.gaps).toEqual([]);
    expect(counts.totals.tools).toBe(tools.length);
    expect(counts.pages.every((p) => p.offered.some((id) => p.guides.includes(id)))).toBe(true);
  });

  test('a feed missing the returns guide and leaving a category empty fails with exit code 1', () => {
    const broken: StarterFeed = structuredClone(feed);
    broken.items = broken.items.filter((i) => i.id !== 'guide-returns' && i._sellernav?.category !== 'deals');
    const counts = catalogCounts(broken);
    expect(counts.gaps).toEqual([
      "no guide's match.paths hits returns (/returns)",
      'category "deals" holds no item',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'starter-'));
    writeFileSync(join(dir, 'feed.json'), JSON.stringify(broken));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(countsMain([join(dir, 'feed.json')])).toBe(1);
      expect(countsMain([STARTER_FEED_PATH])).toBe(0);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
