/** Shapes of the match engine, shared by the index builder (background, CLI) and the matcher (content script). */
import type { PreparedTerm } from './text';

/** What the matcher may know about a page: never form fields or anything the seller typed. */
export interface PageSnapshot {
  url: string;
  title: string;
  headings: string[];
  breadcrumbs: string[];
}

export interface GuideMatch {
  id: string;
  score: number;
}

/** One guide as the matcher needs it: small, JSON-safe, with its words already prepared. */
export interface IndexedGuide {
  id: string;
  title: string;
  /** Host globs, lowercase; null = every Seller Central host. */
  hosts: string[] | null;
  /** Path globs, lowercase, with a leading slash. */
  paths: string[];
  /** `match.keywords`, normalized and deduplicated once here rather than on every page view. */
  keywords: PreparedTerm[];
  /** Unique search tokens of the title and tags (text.ts `tokenize`). */
  tokens: string[];
  /** Page-map topics the guide is about → weight in (0, 1]. */
  topics: Record<string, number>;
}

export interface MatchIndex {
  /** Bumped when the shape or the meaning of precomputed fields changes; readers ignore other versions. */
  schema: typeof MATCH_INDEX_SCHEMA;
  /**
   * The page map the guides' topics were computed with, prepared. It travels with the index so that the page
   * side of the match uses the very same map, and so the content script's bundle need not carry it.
   */
  topics: IndexedTopic[];
  guides: IndexedGuide[];
}

export const MATCH_INDEX_SCHEMA = 1;

/** A page-map topic as stored in the index (core/match/page-map.ts, prepared by topics.ts). */
export interface IndexedTopic {
  id: string;
  /** Path globs, lowercase. */
  paths: string[];
  /** An umbrella area (all of FBA): its paths count half. */
  broad: boolean;
  terms: PreparedTerm[];
  related: string[];
}
