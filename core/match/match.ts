/**
 * The matcher: which two or three guides fit the Seller Central page the seller is on. Pure and synchronous;
 * the content script, the background and the CLI run this very code. It carries no page map of its own (the
 * index holds the one its guides were read with), and it only touches the guides the page's path rules, words
 * and topics point at. Scoring: docs/matching.md (keep the two in step).
 */
import { isSellerCentralHost } from '../sellercentral-hosts';
import { globMatches, literalPrefix } from './glob';
import { isWordChar, searchableText, tokenize } from './text';
import { MATCH_INDEX_SCHEMA, type GuideMatch, type MatchIndex, type PageSnapshot } from './types';

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

/** The URL if it is a page on a real Seller Central host (exact host, http(s), no credentials), else null. */
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

type TermTable = Pick<MatchIndex, 'terms' | 'termKinds' | 'termBuckets'>;

/** The term buckets keyed by character codes (no string to build or hash per character), once per index. */
interface TermLookup {
  single: Map<number, number[]>;
  double: Map<number, Map<number, number[]>>;
}
const lookups = new WeakMap<TermTable, TermLookup>();

function termLookup(table: TermTable): TermLookup {
  let lookup = lookups.get(table);
  if (!lookup) {
    lookup = { single: new Map(), double: new Map() };
    for (const key in table.termBuckets) {
      const bucket = table.termBuckets[key]!;
      const first = key.charCodeAt(0);
      if (key.length === 1) lookup.single.set(first, bucket);
      else {
        let inner = lookup.double.get(first);
        if (!inner) lookup.double.set(first, (inner = new Map()));
        inner.set(key.charCodeAt(1), bucket);
      }
    }
    lookups.set(table, lookup);
  }
  return lookup;
}

/** How many times each table has been scanned without a built look-up (see termsInText). */
const scans = new WeakMap<TermTable, number>();

/**
 * Terms of the index found in a text (already `searchableText`): one or two look-ups per character, not one
 * search per term. CJK terms match anywhere; others at a word start (short ones as whole words).
 *
 * The first scan of a table probes `termBuckets` by key: the content script parses a fresh index on every page
 * load and scans it once, and turning thousands of buckets into character-code maps would cost more than the
 * page's few hundred characters of look-ups. A table scanned again (the index builder, the background, the
 * CLI) gets the maps, built once.
 */
export function termsInText(table: TermTable, text: string): number[] {
  let lookup = lookups.get(table);
  if (!lookup) {
    const scanned = (scans.get(table) ?? 0) + 1;
    scans.set(table, scanned);
    if (scanned > 1) lookup = termLookup(table);
  }
  const buckets = table.termBuckets;
  const byKey = (key: string) => (Object.hasOwn(buckets, key) ? buckets[key] : undefined);
  const found: number[] = [];
  const seen = new Set<number>();
  const check = (bucket: number[] | undefined, i: number) => {
    if (!bucket) return;
    const startsWord = !isWordChar(text[i - 1]);
    for (const n of bucket) {
      const term = table.terms[n]!;
      if (seen.has(n) || !text.startsWith(term, i)) continue;
      const kind = table.termKinds[n];
      if (kind !== 'c' && !startsWord) continue;
      if (kind === 'w' && isWordChar(text[i + term.length])) continue;
      seen.add(n);
      found.push(n);
    }
  };
  for (let i = 0; i < text.length; i++) {
    if (lookup) {
      const code = text.charCodeAt(i);
      check(lookup.single.get(code), i);
      const inner = lookup.double.get(code);
      if (inner && i + 1 < text.length) check(inner.get(text.charCodeAt(i + 1)), i);
    } else {
      check(byKey(text[i]!), i);
      if (i + 1 < text.length) check(byKey(text.slice(i, i + 2)), i);
    }
  }
  return found;
}

/** Many topics at once mean a hub page: each counts for less. */
const dilute = (count: number) => Math.min(1, 1.5 / Math.sqrt(Math.max(count, 1)));
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
  const text = [page.title, ...page.headings, ...page.breadcrumbs]
    .map(searchableText)
    .filter(Boolean)
    .join(' | ');

  const pathScore = new Map<number, number>();
  const keywordHits = new Map<number, number>();
  const topicSum = new Map<number, number>();
  const lexical = new Map<number, number>();
  const pageTopics = new Map<number, number>();
  const raiseTopic = (t: number, weight: number) => {
    if (weight > (pageTopics.get(t) ?? 0)) pageTopics.set(t, weight);
  };

  // 1. Path rules under the page's first path segment (and those starting with a wildcard).
  const segment = `/${path.split('/')[1] ?? ''}`;
  for (const bucket of [index.pathBuckets[segment], index.pathBuckets[path], index.pathBuckets['*']]) {
    for (const r of bucket ?? []) {
      const rule = index.paths[r]!;
      if (!globMatches(rule.glob, path)) continue;
      if (rule.topic !== undefined)
        raiseTopic(rule.topic, index.topics[rule.topic]!.broad ? BROAD_FACTOR : 1);
      if (rule.guide !== undefined) {
        const score = PATH_SCORE + Math.min(PATH_SPECIFICITY_MAX, literalPrefix(rule.glob).length / 8);
        if (score > (pathScore.get(rule.guide) ?? 0)) pathScore.set(rule.guide, score);
      }
    }
  }

  // 2. Topic words and guide keywords in the page text.
  const textTopics = new Set<number>();
  for (const n of termsInText(index, text)) {
    for (const t of index.termTopics[n] ?? []) textTopics.add(t);
    for (const g of index.termGuides[n] ?? []) keywordHits.set(g, (keywordHits.get(g) ?? 0) + 1);
  }
  const textWeight = TEXT_TOPIC_WEIGHT * dilute(textTopics.size);
  for (const t of textTopics) raiseTopic(t, textWeight);
  for (const [t, weight] of [...pageTopics]) {
    for (const related of index.topics[t]?.related ?? []) raiseTopic(related, weight * RELATED_FACTOR);
  }

  // 3. Guides about the page's topics.
  for (const [t, pageWeight] of pageTopics) {
    const pairs = index.topicGuides[t] ?? [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const g = pairs[i]!;
      topicSum.set(g, (topicSum.get(g) ?? 0) + TOPIC_SCORE * pageWeight * (pairs[i + 1]! / 100));
    }
  }

  // 4. Text relevance: page words in guide titles and tags, rarer words weighing more (IDF).
  const guideTotal = index.guides.length;
  const idfBase = Math.log(1 + guideTotal);
  for (const token of new Set(tokenize(text))) {
    const guides = Object.hasOwn(index.tokens, token) ? index.tokens[token]! : [];
    const idf = Math.log(1 + guideTotal / Math.max(guides.length, 1)) / idfBase;
    for (const g of guides) lexical.set(g, (lexical.get(g) ?? 0) + idf);
  }

  const candidates = new Set([
    ...pathScore.keys(),
    ...keywordHits.keys(),
    ...topicSum.keys(),
    ...lexical.keys(),
  ]);
  const results: GuideMatch[] = [];
  for (const g of candidates) {
    const guide = index.guides[g];
    if (!guide) continue;
    if (guide.hosts !== null && !guide.hosts.some((glob) => globMatches(glob, host))) continue;
    const score =
      (pathScore.get(g) ?? 0) +
      KEYWORD_SCORE * Math.min(KEYWORDS_COUNTED, keywordHits.get(g) ?? 0) +
      Math.min(TOPIC_CAP, topicSum.get(g) ?? 0) +
      Math.min(LEXICAL_CAP, LEXICAL_SCORE * (lexical.get(g) ?? 0));
    if (score >= MIN_SCORE) results.push({ id: guide.id, score: round(score) });
  }
  results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return results.slice(0, MAX_RESULTS);
}
