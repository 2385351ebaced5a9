import type { CatalogItem, Category } from '@/core/model';
import { isSellerCentralHost } from '@/core/sellercentral-hosts';
import { findBookmarkFor } from '@/storage/bookmarks';

/**
 * Which catalog tools the popup offers while the seller's quick-launch grid is still (nearly) empty. Pure
 * functions, so the ranking is tested without a database: the store (stores/popup.ts) feeds them what it read.
 *
 * The order is the seller's own use first (tools opened from the popup, most often first), then what the
 * feed says is most viewed, then the staples every cross-border seller needs on day one (marketplace seller
 * centres, payments, logistics) taken in turns with the other categories, so a feed without view counts still
 * gives a useful first screen.
 */

/** A tool opened from the popup: how often, and when last (epoch ms). */
export interface ToolOpen {
  count: number;
  lastAt: number;
}

/** Catalog item id → how the seller used it from the popup. */
export type ToolOpens = Record<string, ToolOpen>;

/** Why a tool is offered (shown to the seller as a hint on the tile). */
export type PopularReason = 'used' | 'viewed' | 'staple';

export interface PopularTool {
  item: CatalogItem;
  reason: PopularReason;
  /** Times opened from the popup (0 unless `reason` is 'used'). */
  opens: number;
}

/** Settings row holding ToolOpens (seller data: it goes into backups with the other settings). */
export const TOOL_OPENS_KEY = 'popup.toolOpens';
/** Oldest-used entries beyond this are forgotten, so the record stays small. */
export const TOOL_OPENS_LIMIT = 100;

/** Reads a stored ToolOpens value, dropping anything malformed (a bad row never breaks the popup). */
export function parseToolOpens(value: unknown): ToolOpens {
  const opens: ToolOpens = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return opens;
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { count, lastAt } = entry as Partial<Record<keyof ToolOpen, unknown>>;
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 1) continue;
    if (typeof lastAt !== 'number' || !Number.isFinite(lastAt)) continue;
    opens[id] = { count: Math.floor(count), lastAt };
  }
  return opens;
}

/** The record after one more open of `itemId`, keeping the TOOL_OPENS_LIMIT most recently used. */
export function withOpen(opens: ToolOpens, itemId: string, at: number): ToolOpens {
  const entries = Object.entries({
    ...opens,
    [itemId]: { count: (opens[itemId]?.count ?? 0) + 1, lastAt: at },
  });
  entries.sort(([, a], [, b]) => b.lastAt - a.lastAt);
  return Object.fromEntries(entries.slice(0, TOOL_OPENS_LIMIT));
}

/** The three kinds of tool a seller needs from day one, matched on a category's id and names (any language). */
const STAPLES: readonly RegExp[] = [
  /marketplace|platform|seller ?cent(?:er|re|ral)|平台|开店|卖家中心/i,
  /payment|收款|支付|结汇|付款/i,
  /logistic|shipping|freight|fulfil|物流|货代|快递|海外仓/i,
];

/** Index in STAPLES of the first staple this category is, or -1. */
export function stapleRank(category: Category): number {
  const text = [category.id, ...Object.values(category.name)].join(' ');
  return STAPLES.findIndex((pattern) => pattern.test(text));
}

/** The top-level category each category belongs to (itself when it has no parent, or a broken parent chain). */
function topLevelOf(categories: readonly Category[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const top = new Map<string, string>();
  for (const category of categories) {
    let current = category;
    const seen = new Set<string>([current.id]);
    while (current.parent !== null) {
      const parent = byId.get(current.parent);
      if (!parent || seen.has(parent.id)) break;
      seen.add(parent.id);
      current = parent;
    }
    top.set(category.id, current.id);
  }
  return top;
}

const AMAZON = /amazon|亚马逊|アマゾン/gi;

/**
 * How much a tool is about selling on Amazon: Seller Central itself most (the seller's daily workplace), then
 * tools that mention Amazon in their title, summary, tags or address. The catalog keeps no order of importance
 * within a category (it is stored by id), and most SellerNav users sell on Amazon: among tools nobody has
 * viewed or opened yet, those that serve Amazon sellers come first.
 */
function amazonAffinity(tool: CatalogItem): number {
  const text = [tool.title, tool.summary ?? '', tool.url ?? '', ...tool.tags].join(' ');
  const mentions = Math.min(3, text.match(AMAZON)?.length ?? 0);
  return mentions + (tool.url !== null && isSellerCentralHost(hostOf(tool.url)) ? 4 : 0);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const isHttp = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/**
 * Tools in the order the popup offers them, at most `limit`. `tools` come in the catalog's order, which
 * breaks the last ties.
 */
export function rankPopularTools({
  tools,
  categories,
  opens,
  limit,
}: {
  tools: readonly CatalogItem[];
  categories: readonly Category[];
  opens: ToolOpens;
  limit: number;
}): PopularTool[] {
  const eligible = tools.filter((t) => t.kind === 'tool' && isHttp(t.url));
  const ranked: PopularTool[] = [];
  const taken = new Set<string>();
  const take = (item: CatalogItem, reason: PopularReason) => {
    if (taken.has(item.id) || ranked.length >= limit) return;
    taken.add(item.id);
    ranked.push({ item, reason, opens: reason === 'used' ? (opens[item.id]?.count ?? 0) : 0 });
  };

  const used = eligible.filter((t) => opens[t.id] !== undefined);
  used.sort((a, b) => opens[b.id]!.count - opens[a.id]!.count || opens[b.id]!.lastAt - opens[a.id]!.lastAt);
  for (const item of used) take(item, 'used');

  const viewed = eligible.filter((t) => (t.views ?? 0) > 0);
  viewed.sort((a, b) => (b.views ?? 0) - (a.views ?? 0));
  for (const item of viewed) take(item, 'viewed');

  for (const item of staplesInTurns(eligible, categories)) take(item, 'staple');
  return ranked;
}

/**
 * Tools grouped by top-level category and taken in turns: the staple groups first (two tools a turn each),
 * then every other group in the feed's category order (one a turn), then tools without a known category.
 * Within a group, tools filed directly under the top-level category come before those of its subcategories,
 * then tools for Amazon sellers before the others.
 */
function staplesInTurns(tools: readonly CatalogItem[], categories: readonly Category[]): CatalogItem[] {
  const top = topLevelOf(categories);
  const position = new Map(categories.map((c, i) => [c.id, i]));
  const groups = new Map<string, CatalogItem[]>();
  for (const tool of tools) {
    const group = (tool.category !== null ? top.get(tool.category) : undefined) ?? '';
    const list = groups.get(group) ?? [];
    list.push(tool);
    groups.set(group, list);
  }
  for (const [group, list] of groups) {
    const affinity = new Map(list.map((t) => [t.id, amazonAffinity(t)]));
    // Stable: the catalog's order is kept among equals.
    list.sort(
      (a, b) =>
        Number(a.category !== group) - Number(b.category !== group) ||
        affinity.get(b.id)! - affinity.get(a.id)!,
    );
  }

  const byId = new Map(categories.map((c) => [c.id, c]));
  const rankOf = (group: string) => {
    const category = byId.get(group);
    return category ? stapleRank(category) : -1;
  };
  const order = [...groups.keys()]
    .filter((group) => group !== '')
    .sort((a, b) => {
      const ra = rankOf(a);
      const rb = rankOf(b);
      if (ra !== rb) return ra === -1 ? 1 : rb === -1 ? -1 : ra - rb;
      return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    });

  const out: CatalogItem[] = [];
  const cursors = new Map(order.map((g) => [g, 0]));
  const uncategorized = groups.get('') ?? [];
  let left = tools.length - uncategorized.length;
  while (left > 0) {
    for (const group of order) {
      const list = groups.get(group)!;
      const perTurn = rankOf(group) >= 0 ? 2 : 1;
      for (let n = 0; n < perTurn; n++) {
        const at = cursors.get(group)!;
        if (at >= list.length) break;
        out.push(list[at]!);
        cursors.set(group, at + 1);
        left--;
      }
    }
  }
  return [...out, ...uncategorized];
}

/** The offers still worth showing: not bookmarked already (same item or same address), at most `limit`. */
export function offersToShow(
  candidates: readonly PopularTool[],
  bookmarks: Parameters<typeof findBookmarkFor>[0],
  limit: number,
): PopularTool[] {
  const shown: PopularTool[] = [];
  for (const candidate of candidates) {
    if (shown.length >= limit) break;
    if (!findBookmarkFor(bookmarks, candidate.item)) shown.push(candidate);
  }
  return shown;
}
