/**
 * The normalized catalog model every part of SellerNav shares: what the feed parser produces, what the sync
 * stores, what search and the match engine read. Pure types, no runtime code.
 */

export type ItemKind = 'guide' | 'tool';

/** Where a guide is worth a contextual tip (feed `_sellernav.match`). */
export interface MatchRules {
  /** Host globs; null means every Seller Central host. */
  hosts: string[] | null;
  /** Path globs, `*` = any run of characters, case-insensitive. */
  paths: string[];
  /** Words that, found in the page's visible title, headings or breadcrumbs, raise the guide. */
  keywords: string[];
}

export interface Category {
  id: string;
  /** Names by language tag, e.g. { "zh-CN": "外贸百科", "en": "Seller wiki" }. */
  name: Record<string, string>;
  parent: string | null;
}

export interface CatalogItem {
  id: string;
  kind: ItemKind;
  title: string;
  /** Absolute http(s) URL, or null. */
  url: string | null;
  summary: string | null;
  /** Already sanitized. */
  content_html: string | null;
  /** ISO 8601, or null. */
  date_published: string | null;
  date_modified: string | null;
  tags: string[];
  category: string | null;
  views: number | null;
  match: MatchRules | null;
  /** Absolute http(s) image URL, or null. */
  image: string | null;
}

export type FeedFormat = 'jsonfeed' | 'rss' | 'atom' | 'rdf';

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  home_page_url: string | null;
  feed_url: string | null;
  language: string | null;
  categories: Category[];
  /** Live items, ids unique, tombstones excluded. */
  items: CatalogItem[];
  /** Ids the feed tombstoned (`_sellernav.deleted: true`): they leave the cache and are never shown. */
  tombstones: string[];
  /** One plain sentence per dropped item or repaired field. */
  warnings: string[];
}

/** Thrown (as a value of this class) when a feed cannot be used at all; `message` is one clear line. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}
