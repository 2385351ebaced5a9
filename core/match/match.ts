/**
 * The matcher: which two or three guides fit the Seller Central page the seller is on. Pure and synchronous;
 * the content script, the background and the CLI run this very code. It needs no page map of its own: the
 * index carries the one its guides were built with. Scoring: docs/matching.md (keep the two in step).
 */
import { isSellerCentralHost } from '../sellercentral-hosts';
import { globMatches, literalPrefix } from './glob';
import { containsTerm, searchableText, tokenize } from './text';
import { BROAD_FACTOR, dilute, topicsInText } from './topics';
import {
  MATCH_INDEX_SCHEMA,
  type GuideMatch,
  type IndexedGuide,
  type IndexedTopic,
  type MatchIndex,
  type PageSnapshot,
} from './types';

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

/** Page topics → weight: from the URL path (1, or ½ for an umbrella area), from the text (diluted), related. */
function pageTopics(map: readonly IndexedTopic[], path: string, text: string): Map<string, number> {
  const weights = new Map<string, number>();
  const raise = (id: string, weight: number) => {
    if (weight > (weights.get(id) ?? 0)) weights.set(id, weight);
  };
  for (const topic of map) {
    if (topic.paths.some((glob) => globMatches(glob, path))) raise(topic.id, topic.broad ? BROAD_FACTOR : 1);
  }
  const inText = topicsInText(map, text);
  const textWeight = TEXT_TOPIC_WEIGHT * dilute(inText.size);
  for (const id of inText) raise(id, textWeight);
  const direct = [...weights];
  for (const [id, weight] of direct) {
    const topic = map.find((t) => t.id === id);
    for (const related of topic?.related ?? []) raise(related, weight * RELATED_FACTOR);
  }
  return weights;
}

function hostAllowed(guide: IndexedGuide, host: string): boolean {
  return guide.hosts === null || guide.hosts.some((glob) => globMatches(glob, host));
}

function pathScore(guide: IndexedGuide, path: string): number {
  let best = 0;
  for (const glob of guide.paths) {
    if (!globMatches(glob, path)) continue;
    const specificity = Math.min(PATH_SPECIFICITY_MAX, literalPrefix(glob).length / 8);
    best = Math.max(best, PATH_SCORE + specificity);
  }
  return best;
}

function keywordScore(guide: IndexedGuide, text: string): number {
  if (text === '') return 0;
  let found = 0;
  for (const term of guide.keywords) {
    if (containsTerm(text, term) && ++found === KEYWORDS_COUNTED) break;
  }
  return found * KEYWORD_SCORE;
}

function topicScore(guide: IndexedGuide, topics: Map<string, number>): number {
  let sum = 0;
  for (const id in guide.topics) {
    const pageWeight = topics.get(id);
    if (pageWeight) sum += TOPIC_SCORE * pageWeight * (guide.topics[id] ?? 0);
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
  const text = [page.title, ...page.headings, ...page.breadcrumbs]
    .map(searchableText)
    .filter(Boolean)
    .join(' | ');
  const topics = pageTopics(index.topics ?? [], path, text);
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
    if (guideCount.size > 0) {
      for (const token of guide.tokens) {
        const count = guideCount.get(token);
        if (count) lexical += Math.log(1 + index.guides.length / count) / idfBase;
      }
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
