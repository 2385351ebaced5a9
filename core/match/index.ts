/**
 * The match engine: which two or three guides fit the Seller Central page the seller is on. Pure and
 * synchronous, so the content script, the background and the CLI run the very same code. The scoring is
 * documented in docs/matching.md; keep the two in step.
 */
import type { CatalogItem } from '../model';
import { isSellerCentralHost } from '../sellercentral-hosts';
import { globToRegExp, literalPrefix, normalizePathGlob } from './glob';
import { PAGE_MAP } from './page-map';
import { containsTerm, prepareTerm, searchableText, tokenize, type PreparedTerm } from './text';

export { PAGE_MAP, type PageTopic, type PageLanguage } from './page-map';

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
  /** `match.keywords`, as written (prepared when matching). */
  keywords: string[];
  /** Unique search tokens of the title and tags (text.ts `tokenize`). */
  tokens: string[];
  /** Page-map topics the guide is about → weight in (0, 1]. */
  topics: Record<string, number>;
}

export interface MatchIndex {
  /** Bumped when the shape or the meaning of precomputed fields changes; readers ignore other versions. */
  schema: typeof MATCH_INDEX_SCHEMA;
  guides: IndexedGuide[];
}

export const MATCH_INDEX_SCHEMA = 1;

/** Most guides an index holds; past it, guides that can only match on loose text relevance are left out. */
export const MAX_INDEXED_GUIDES = 3000;

// Scoring constants (docs/matching.md).
export const MIN_SCORE = 6;
export const MAX_RESULTS = 3;
const PATH_SCORE = 12;
const PATH_SPECIFICITY_MAX = 3;
const KEYWORD_SCORE = 6;
const KEYWORDS_COUNTED = 3;
const TOPIC_SCORE = 8;
const TOPIC_CAP = 12;
const LEXICAL_SCORE = 2;
const LEXICAL_CAP = 6;
const TEXT_TOPIC_WEIGHT = 0.8;
const RELATED_FACTOR = 0.5;
const BROAD_FACTOR = 0.5;

/** The fields of a catalog item the index reads; a stored item with `deleted: true` is a tombstone. */
export type MatchableItem = Pick<CatalogItem, 'id' | 'kind' | 'title' | 'tags' | 'match'> & {
  views?: number | null;
  deleted?: boolean;
};

interface PreparedTopic {
  id: string;
  pathPatterns: { regex: RegExp; broad: boolean }[];
  pathPrefixes: string[];
  terms: PreparedTerm[];
  related: string[];
}

let preparedPageMap: PreparedTopic[] | undefined;

/** The page map with regexes and terms prepared once per script lifetime. */
function pageMap(): PreparedTopic[] {
  preparedPageMap ??= PAGE_MAP.map((topic) => ({
    id: topic.id,
    pathPatterns: topic.paths.map((glob) => ({ regex: globToRegExp(glob), broad: topic.broad === true })),
    pathPrefixes: topic.paths.map((glob) => literalPrefix(glob.toLowerCase())),
    terms: [...new Set(Object.values(topic.words).flat())]
      .map(prepareTerm)
      .filter((term): term is PreparedTerm => term !== null),
    related: topic.related ?? [],
  }));
  return preparedPageMap;
}

const regexCache = new Map<string, RegExp>();
function cachedGlob(glob: string): RegExp {
  let regex = regexCache.get(glob);
  if (!regex) {
    regex = globToRegExp(glob);
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(glob, regex);
  }
  return regex;
}

/** Topics named by a text (a guide's title or tag, a page's headings). */
function topicsInText(text: string): Set<string> {
  const found = new Set<string>();
  if (text === '') return found;
  for (const topic of pageMap()) {
    if (topic.terms.some((term) => containsTerm(text, term))) found.add(topic.id);
  }
  return found;
}

/** Topics whose page-map paths overlap a guide's path glob (either one's literal start fits the other). */
function topicsOfPathGlob(glob: string): Map<string, number> {
  const found = new Map<string, number>();
  const prefix = literalPrefix(glob);
  if (prefix.length < 2) return found;
  const guideRegex = cachedGlob(glob);
  for (const topic of pageMap()) {
    topic.pathPatterns.forEach((pattern, i) => {
      const topicPrefix = topic.pathPrefixes[i] ?? '';
      if (pattern.regex.test(prefix) || (topicPrefix.length > 1 && guideRegex.test(topicPrefix))) {
        const weight = pattern.broad ? BROAD_FACTOR : 1;
        found.set(topic.id, Math.max(found.get(topic.id) ?? 0, weight));
      }
    });
  }
  return found;
}

/** Many topics at once mean a hub page or a catch-all guide: each counts for less. */
const dilute = (count: number) => Math.min(1, 1.5 / Math.sqrt(Math.max(count, 1)));

function indexGuide(item: MatchableItem): IndexedGuide {
  const rules = item.match;
  const paths = (rules?.paths ?? []).map(normalizePathGlob).filter((glob) => glob !== '');
  const keywords = (rules?.keywords ?? []).map((k) => k.trim()).filter((k) => k !== '');
  const hosts = rules?.hosts?.length ? rules.hosts.map((h) => h.trim().toLowerCase()).filter(Boolean) : null;

  const named = new Map<string, number>();
  const describe = [item.title, ...item.tags, ...keywords].map(searchableText).join(' | ');
  for (const id of topicsInText(describe)) named.set(id, 1);
  for (const glob of paths) {
    for (const [id, weight] of topicsOfPathGlob(glob)) named.set(id, Math.max(named.get(id) ?? 0, weight));
  }
  const factor = dilute(named.size);
  const topics: Record<string, number> = {};
  for (const [id, weight] of named) topics[id] = round(weight * factor);

  return {
    id: item.id,
    title: item.title,
    hosts,
    paths,
    keywords,
    tokens: [...new Set(tokenize([item.title, ...item.tags].join(' ')))],
    topics,
  };
}

/**
 * The small index the content script reads from extension storage: live guides only (tools and tombstones
 * never appear), with their match rules and precomputed tokens and topics.
 */
export function buildMatchIndex(
  items: readonly MatchableItem[],
  options: { tombstones?: Iterable<string> } = {},
): MatchIndex {
  const tombstoned = new Set(options.tombstones ?? []);
  const seen = new Set<string>();
  const guides: { guide: IndexedGuide; rank: number; views: number }[] = [];
  for (const item of items) {
    if (item.deleted || item.kind !== 'guide' || tombstoned.has(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    const guide = indexGuide(item);
    const rank = guide.paths.length || guide.keywords.length ? 2 : Object.keys(guide.topics).length ? 1 : 0;
    guides.push({ guide, rank, views: item.views ?? 0 });
  }
  if (guides.length > MAX_INDEXED_GUIDES) {
    guides.sort((a, b) => b.rank - a.rank || b.views - a.views);
    guides.length = MAX_INDEXED_GUIDES;
  }
  return { schema: MATCH_INDEX_SCHEMA, guides: guides.map((g) => g.guide) };
}

/** The URL if it is a page on a real Seller Central host (exact host, http(s) only), else null. */
export function sellerCentralUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password) return null;
  return isSellerCentralHost(parsed.hostname) ? parsed : null;
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname).toLowerCase();
  } catch {
    return url.pathname.toLowerCase();
  }
}

/** Page topics → weight: from the URL path (1, or ½ for an umbrella area), from the text (diluted), related. */
function pageTopics(path: string, text: string): Map<string, number> {
  const weights = new Map<string, number>();
  const raise = (id: string, weight: number) => weights.set(id, Math.max(weights.get(id) ?? 0, weight));
  const map = pageMap();
  for (const topic of map) {
    for (const pattern of topic.pathPatterns) {
      if (pattern.regex.test(path)) raise(topic.id, pattern.broad ? BROAD_FACTOR : 1);
    }
  }
  const inText = topicsInText(text);
  const textWeight = TEXT_TOPIC_WEIGHT * dilute(inText.size);
  for (const id of inText) raise(id, textWeight);
  for (const topic of map) {
    const own = weights.get(topic.id);
    if (own === undefined) continue;
    for (const related of topic.related) {
      if (!weights.has(related) || (weights.get(related) ?? 0) < own * RELATED_FACTOR) {
        raise(related, own * RELATED_FACTOR);
      }
    }
  }
  return weights;
}

function hostAllowed(guide: IndexedGuide, host: string): boolean {
  return guide.hosts === null || guide.hosts.some((glob) => cachedGlob(glob).test(host));
}

function pathScore(guide: IndexedGuide, path: string): number {
  let best = 0;
  for (const glob of guide.paths) {
    if (!cachedGlob(glob).test(path)) continue;
    const specificity = Math.min(PATH_SPECIFICITY_MAX, literalPrefix(glob).length / 8);
    best = Math.max(best, PATH_SCORE + specificity);
  }
  return best;
}

function keywordScore(guide: IndexedGuide, text: string): number {
  let found = 0;
  const distinct = new Set<string>();
  for (const keyword of guide.keywords) {
    const term = prepareTerm(keyword);
    if (!term || distinct.has(term.text)) continue;
    distinct.add(term.text);
    if (containsTerm(text, term)) found++;
    if (found === KEYWORDS_COUNTED) break;
  }
  return found * KEYWORD_SCORE;
}

function topicScore(guide: IndexedGuide, topics: Map<string, number>): number {
  let sum = 0;
  for (const [id, weight] of Object.entries(guide.topics)) {
    const pageWeight = topics.get(id);
    if (pageWeight) sum += TOPIC_SCORE * pageWeight * weight;
  }
  return Math.min(TOPIC_CAP, sum);
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The guides that fit a page, best first, at most three; empty when the URL is not on a real Seller Central
 * host or nothing scores at least MIN_SCORE. Signals: `match.paths` on the URL path, `match.keywords` in the
 * page's title/headings/breadcrumbs, topics shared through the page map (across languages) and plain text
 * relevance between the page's words and the guide's title and tags.
 */
export function matchPage(page: PageSnapshot, index: MatchIndex): GuideMatch[] {
  const url = sellerCentralUrl(page.url);
  if (!url || index.schema !== MATCH_INDEX_SCHEMA || index.guides.length === 0) return [];
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const path = decodedPath(url);
  const text = [page.title, ...page.headings, ...page.breadcrumbs].map(searchableText).join(' | ');
  const topics = pageTopics(path, text);
  const pageTokens = new Set(tokenize(text));

  // How many guides share each page token: a word every guide has says little (inverse document frequency).
  const guideCount = new Map<string, number>();
  if (pageTokens.size > 0) {
    for (const guide of index.guides) {
      for (const token of guide.tokens) {
        if (pageTokens.has(token)) guideCount.set(token, (guideCount.get(token) ?? 0) + 1);
      }
    }
  }
  const idfBase = Math.log(1 + index.guides.length);

  const results: GuideMatch[] = [];
  for (const guide of index.guides) {
    if (!hostAllowed(guide, host)) continue;
    let lexical = 0;
    for (const token of guide.tokens) {
      const count = guideCount.get(token);
      if (count) lexical += Math.log(1 + index.guides.length / count) / idfBase;
    }
    const score =
      pathScore(guide, path) +
      keywordScore(guide, text) +
      topicScore(guide, topics) +
      Math.min(LEXICAL_CAP, LEXICAL_SCORE * lexical);
    if (score >= MIN_SCORE) results.push({ id: guide.id, score: round(score) });
  }
  results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return results.slice(0, MAX_RESULTS);
}
