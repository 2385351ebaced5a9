/** Building the match index (background after each sync, and the CLI): runs where the page map is bundled. */
import type { CatalogItem } from '../model';
import { globMatches, literalPrefix, normalizePathGlob } from './glob';
import { PAGE_MAP } from './page-map';
import { prepareTerm, searchableText, tokenize, type PreparedTerm } from './text';
import { termsInText } from './match';
import { BROAD_FACTOR, compileTopics, dilute, type CompiledTopic } from './topics';
import { MATCH_INDEX_SCHEMA, type MatchIndex } from './types';

/** Most guides an index holds; past it, guides that can only match on loose text relevance are left out. */
export const MAX_INDEXED_GUIDES = 3000;

/** The fields of a catalog item the index reads; a stored item with `deleted: true` is a tombstone. */
export type MatchableItem = Pick<CatalogItem, 'id' | 'kind' | 'title' | 'tags' | 'match'> & {
  views?: number | null;
  deleted?: boolean;
};

/** Topics whose page-map paths overlap a guide's path glob (either one's literal start fits the other). */
function topicsOfPathGlob(topics: readonly CompiledTopic[], glob: string): Map<string, number> {
  const found = new Map<string, number>();
  const prefix = literalPrefix(glob);
  if (prefix.length < 2) return found;
  for (const topic of topics) {
    for (const topicGlob of topic.paths) {
      const topicPrefix = literalPrefix(topicGlob);
      if (globMatches(topicGlob, prefix) || (topicPrefix.length > 1 && globMatches(glob, topicPrefix))) {
        const weight = topic.broad ? BROAD_FACTOR : 1;
        found.set(topic.id, Math.max(found.get(topic.id) ?? 0, weight));
      }
    }
  }
  return found;
}

interface GuideFacts {
  id: string;
  title: string;
  hosts: string[] | null;
  paths: string[];
  keywords: PreparedTerm[];
  tokens: string[];
  topics: Map<string, number>;
  rank: number;
  views: number;
}

function guideFacts(
  topicsMap: readonly CompiledTopic[],
  topicTerms: Pick<MatchIndex, 'terms' | 'termKinds' | 'termBuckets' | 'termTopics'>,
  item: MatchableItem,
): GuideFacts {
  const rules = item.match;
  const paths = [...new Set((rules?.paths ?? []).map(normalizePathGlob).filter((glob) => glob !== ''))];
  const rawKeywords = (rules?.keywords ?? []).map((k) => k.trim()).filter((k) => k !== '');
  const keywords = [
    ...new Map(rawKeywords.map(prepareTerm).flatMap((t) => (t ? [[t.text, t] as const] : []))).values(),
  ];
  const hosts = rules?.hosts?.length ? rules.hosts.map((h) => h.trim().toLowerCase()).filter(Boolean) : null;

  const named = new Map<string, number>();
  const describe = [item.title, ...item.tags, ...rawKeywords].map(searchableText).join(' | ');
  for (const n of termsInText(topicTerms, describe)) {
    for (const t of topicTerms.termTopics[n] ?? []) named.set(topicsMap[t]!.id, 1);
  }
  for (const glob of paths) {
    for (const [id, weight] of topicsOfPathGlob(topicsMap, glob)) {
      named.set(id, Math.max(named.get(id) ?? 0, weight));
    }
  }
  const factor = dilute(named.size);
  const topics = new Map([...named].map(([id, weight]) => [id, weight * factor] as const));
  const rank = paths.length || keywords.length ? 2 : topics.size ? 1 : 0;
  return {
    id: item.id,
    title: item.title,
    hosts,
    paths,
    keywords,
    tokens: [...new Set(tokenize([item.title, ...item.tags].join(' ')))],
    topics,
    rank,
    views: item.views ?? 0,
  };
}

/** `/fba/sendtoamazon*` → `/fba`; a glob whose first segment has a wildcard goes to the `*` bucket. */
export function pathBucketOf(glob: string): string {
  const first = `/${glob.split('/')[1] ?? ''}`;
  return glob.startsWith('/') && !first.includes('*') && glob.length > first.length ? first : '*';
}

/**
 * The small index the content script reads from extension storage: live guides only (tools and tombstones
 * never appear), their match rules, and the page map they were read with, all inverted for fast look-up.
 */
export function buildMatchIndex(
  items: readonly MatchableItem[],
  options: { tombstones?: Iterable<string> } = {},
): MatchIndex {
  const topicsMap = compileTopics(PAGE_MAP);
  const topicNumber = new Map(topicsMap.map((t, i) => [t.id, i] as const));
  const index: MatchIndex = {
    schema: MATCH_INDEX_SCHEMA,
    guides: [],
    topics: topicsMap.map((t) => ({
      id: t.id,
      broad: t.broad,
      related: t.related.flatMap((id) => (topicNumber.has(id) ? [topicNumber.get(id)!] : [])),
    })),
    paths: [],
    pathBuckets: {},
    terms: [],
    termKinds: '',
    termBuckets: {},
    termTopics: [],
    termGuides: [],
    topicGuides: topicsMap.map(() => []),
    tokens: {},
  };

  const addPath = (glob: string, owner: { topic: number } | { guide: number }) => {
    const bucket = pathBucketOf(glob);
    (index.pathBuckets[bucket] ??= []).push(index.paths.length);
    index.paths.push({ glob, ...owner });
  };
  const termNumber = new Map<string, number>();
  const addTerm = (term: PreparedTerm): number => {
    let n = termNumber.get(term.text);
    if (n === undefined) {
      n = index.terms.length;
      termNumber.set(term.text, n);
      index.terms.push(term.text);
      index.termKinds += term.cjk ? 'c' : term.whole ? 'w' : 'p';
      index.termTopics.push([]);
      index.termGuides.push([]);
      const key = term.text.slice(0, 2);
      (index.termBuckets[key] ??= []).push(n);
    }
    return n;
  };

  topicsMap.forEach((topic, t) => {
    for (const glob of topic.paths) addPath(glob, { topic: t });
    for (const term of topic.terms) {
      const n = addTerm(term);
      if (!index.termTopics[n]!.includes(t)) index.termTopics[n]!.push(t);
    }
  });
  // Guides' own topics, read with the page map's terms (before any keyword joins the term table). A table
  // object of its own: term look-ups are cached per table, and the index's table grows below.
  const topicTerms = {
    terms: index.terms,
    termKinds: index.termKinds,
    termBuckets: index.termBuckets,
    termTopics: index.termTopics,
  };
  const tombstoned = new Set(options.tombstones ?? []);
  const seen = new Set<string>();
  let facts: GuideFacts[] = [];
  for (const item of items) {
    if (item.deleted || item.kind !== 'guide' || tombstoned.has(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    facts.push(guideFacts(topicsMap, topicTerms, item));
  }
  if (facts.length > MAX_INDEXED_GUIDES) {
    facts = facts.sort((a, b) => b.rank - a.rank || b.views - a.views).slice(0, MAX_INDEXED_GUIDES);
  }

  index.guides = facts.map((f) => ({ id: f.id, title: f.title, hosts: f.hosts }));
  facts.forEach((guide, g) => {
    for (const glob of guide.paths) addPath(glob, { guide: g });
    for (const term of guide.keywords) index.termGuides[addTerm(term)]!.push(g);
    for (const [id, weight] of guide.topics) {
      index.topicGuides[topicNumber.get(id)!]!.push(g, Math.round(weight * 100));
    }
    for (const token of guide.tokens) (index.tokens[token] ??= []).push(g);
  });
  return index;
}
