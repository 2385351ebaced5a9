/**
 * `npm run catalog:counts [feed.json]`: what the bundled starter catalog covers. Prints, for every Seller
 * Central page in the brief's page map, the guides whose `match.paths` globs hit that page (a simple local
 * glob match, so the count does not depend on the match engine's scoring) and the guides the real match
 * engine would offer there; then tools and guides per category, and totals. Exits 1 when a page has no guide
 * or a declared category holds no item (directly or through its subcategories), so a gap fails the build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildMatchIndex, matchPage } from '../core/match/index';
import type { MatchRules } from '../core/model';

export const STARTER_FEED_PATH = 'public/catalog/starter-feed.json';

/** The page map of shared/BRIEF.md: each page a seller meets daily, with the path it was seen at. */
export const BRIEF_PAGE_MAP: readonly { page: string; path: string }[] = [
  { page: 'sign-in', path: '/ap/signin' },
  { page: 'forgot password', path: '/ap/forgotpassword' },
  { page: 'two-step verification', path: '/ap/mfa' },
  { page: 'home', path: '/home' },
  { page: 'inventory', path: '/inventory' },
  { page: 'Send to Amazon', path: '/fba/sendtoamazon' },
  { page: 'shipments', path: '/fba/inbound-queue' },
  { page: 'orders', path: '/orders-v3' },
  { page: 'returns', path: '/returns' },
  { page: 'account health', path: '/performance/dashboard' },
  { page: 'payments', path: '/payments/dashboard' },
  { page: 'advertising', path: '/cm/campaigns' },
  { page: 'buyer messages', path: '/messaging/inbox' },
  { page: 'brand registry', path: '/brands' },
  { page: 'tax/VAT', path: '/tax/vat' },
];

/** The raw feed as far as this report reads it (JSON Feed 1.1 with the `_sellernav` extension). */
export interface StarterFeed {
  _sellernav: { categories: { id: string; name: Record<string, string>; parent: string | null }[] };
  items: {
    id: string;
    title?: string;
    tags?: string[];
    _sellernav?: { kind?: string; category?: string; views?: number; match?: Partial<MatchRules> };
  }[];
}

export function readStarterFeed(path = STARTER_FEED_PATH): StarterFeed {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray((parsed as StarterFeed).items) ||
    !Array.isArray((parsed as StarterFeed)._sellernav?.categories)
  ) {
    throw new Error(`${path} is not a JSON Feed with _sellernav.categories and items`);
  }
  return parsed as StarterFeed;
}

/**
 * The feed format's path glob: `*` is any run of characters (slashes included), the rest is literal, case does
 * not matter, and only the path counts (a query string or fragment on the page URL is ignored).
 */
export function pathGlobMatches(glob: string, pageUrlPath: string): boolean {
  const path = pageUrlPath.replace(/[?#].*$/s, '').toLowerCase();
  const pattern = glob.trim().toLowerCase();
  const parts = pattern.split('*');
  if (parts.length === 1) return path === pattern;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!path.startsWith(first) || path.length < first.length + last.length || !path.endsWith(last))
    return false;
  let at = first.length;
  const end = path.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = path.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

const kindOf = (item: StarterFeed['items'][number]) => item._sellernav?.kind ?? 'guide';

export interface CatalogCounts {
  pages: { page: string; path: string; guides: string[]; offered: string[] }[];
  categories: {
    id: string;
    name: string;
    parent: string | null;
    tools: number;
    guides: number;
    subtree: number;
  }[];
  totals: { items: number; guides: number; tools: number; categories: number; toolCategories: number };
  /** One line per page without a guide and per category without any item. */
  gaps: string[];
}

export function catalogCounts(feed: StarterFeed): CatalogCounts {
  const guides = feed.items.filter((item) => kindOf(item) === 'guide');
  const tools = feed.items.filter((item) => kindOf(item) === 'tool');
  const index = buildMatchIndex(
    guides.map((item) => ({
      id: item.id,
      kind: 'guide' as const,
      title: item.title ?? '',
      tags: item.tags ?? [],
      match: {
        hosts: item._sellernav?.match?.hosts ?? null,
        paths: item._sellernav?.match?.paths ?? [],
        keywords: item._sellernav?.match?.keywords ?? [],
      },
      views: item._sellernav?.views ?? null,
    })),
  );

  const pages = BRIEF_PAGE_MAP.map(({ page, path }) => ({
    page,
    path,
    guides: guides
      .filter((item) => (item._sellernav?.match?.paths ?? []).some((glob) => pathGlobMatches(glob, path)))
      .map((item) => item.id),
    // A page with no title or headings: what the tip would offer from the URL alone.
    offered: matchPage(
      { url: `https://sellercentral.amazon.com${path}`, title: '', headings: [], breadcrumbs: [] },
      index,
    ).map((match) => match.id),
  }));

  const declared = feed._sellernav.categories;
  const direct = (id: string, kind: string) =>
    feed.items.filter((item) => item._sellernav?.category === id && kindOf(item) === kind).length;
  const descendants = (id: string): string[] => {
    const children = declared.filter((c) => c.parent === id).map((c) => c.id);
    return [id, ...children.flatMap(descendants)];
  };
  const categories = declared.map((category) => {
    const ids = new Set(descendants(category.id));
    return {
      id: category.id,
      name: category.name['zh-CN'] ?? category.name['en'] ?? category.id,
      parent: category.parent,
      tools: direct(category.id, 'tool'),
      guides: direct(category.id, 'guide'),
      subtree: feed.items.filter((item) => ids.has(item._sellernav?.category ?? '')).length,
    };
  });

  const gaps = [
    ...pages
      .filter((p) => p.guides.length === 0)
      .map((p) => `no guide's match.paths hits ${p.page} (${p.path})`),
    ...categories.filter((c) => c.subtree === 0).map((c) => `category "${c.id}" holds no item`),
  ];
  return {
    pages,
    categories,
    totals: {
      items: feed.items.length,
      guides: guides.length,
      tools: tools.length,
      categories: declared.length,
      toolCategories: new Set(tools.map((item) => item._sellernav?.category)).size,
    },
    gaps,
  };
}

function printReport(counts: CatalogCounts): void {
  console.log(
    'Guides per Seller Central page (match.paths glob hits | offered by core/match from the URL alone)',
  );
  for (const p of counts.pages) {
    console.log(
      `  ${p.page.padEnd(22)} ${p.path.padEnd(24)} ${String(p.guides.length).padStart(2)}  ${p.guides.join(', ')}` +
        `  | ${p.offered.join(', ') || '-'}`,
    );
  }
  console.log('\nItems per category (tools, guides; subtree = with subcategories)');
  for (const c of counts.categories) {
    const label = `${c.parent ? '  ' : ''}${c.id} ${c.name}`;
    console.log(
      `  ${label.padEnd(30)} tools ${String(c.tools).padStart(3)}  guides ${String(c.guides).padStart(3)}` +
        `  subtree ${String(c.subtree).padStart(3)}`,
    );
  }
  const t = counts.totals;
  console.log(
    `\nTotals: ${t.items} items = ${t.guides} guides + ${t.tools} tools; ${t.categories} categories, ` +
      `tools in ${t.toolCategories} of them`,
  );
}

export function main(args: string[]): number {
  const path = resolve(args[0] ?? STARTER_FEED_PATH);
  const counts = catalogCounts(readStarterFeed(path));
  printReport(counts);
  if (counts.gaps.length > 0) {
    for (const gap of counts.gaps) console.error(`gap: ${gap}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // `npm run catalog:counts | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
