/** Shapes of the match engine, shared by the index builder (background, CLI) and the matcher (content script). */

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

/** A guide as the card needs it. */
export interface IndexedGuide {
  id: string;
  title: string;
  /** Host globs, lowercase; null = every Seller Central host. */
  hosts: string[] | null;
}

/** A page-map topic (core/match/page-map.ts) as the matcher needs it. */
export interface IndexedTopic {
  id: string;
  /** An umbrella area (all of FBA): its paths count half. */
  broad: boolean;
  /** Indexes of related topics. */
  related: number[];
}

/** A path glob of a topic (`topic`) or of a guide's `match.paths` (`guide`). */
export interface PathRule {
  /** Lowercase glob, `*` = any run. */
  glob: string;
  topic?: number;
  guide?: number;
}

/**
 * The match index: what the background writes to extension storage after each sync and the content script
 * reads on each page view. Everything is inverted (word → guides, topic → guides, path segment → rules), so a
 * page view costs in proportion to the page's few words and the rules of its path, not to the catalog's size.
 * Numbers in the lists are positions in `guides`, `topics` or `terms`.
 */
export interface MatchIndex {
  /** Bumped when the shape or the meaning of a field changes; readers ignore other versions. */
  schema: typeof MATCH_INDEX_SCHEMA;
  guides: IndexedGuide[];
  topics: IndexedTopic[];
  paths: PathRule[];
  /** First path segment (`/ap`, `/fba`) → rules under it; `*` → rules that start with a wildcard. */
  pathBuckets: Record<string, number[]>;
  /** Topic words and guide keywords, normalized (text.ts `normalizeText`). */
  terms: string[];
  /** One letter per term: `c` CJK (found anywhere), `w` short word (whole word only), `p` word start. */
  termKinds: string;
  /** A term's first two characters (one for a one-character term) → terms. */
  termBuckets: Record<string, number[]>;
  /** Per term: the topics it names. */
  termTopics: number[][];
  /** Per term: the guides that list it in `match.keywords`. */
  termGuides: number[][];
  /** Per topic: `[guide, weight×100, guide, weight×100, …]`. */
  topicGuides: number[][];
  /** Search token (text.ts `tokenize`) of guide titles and tags → guides. */
  tokens: Record<string, number[]>;
}

export const MATCH_INDEX_SCHEMA = 2;
