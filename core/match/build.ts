/** Building the match index (background after each sync, and the CLI): runs where the page map is bundled. */
import type { CatalogItem } from '../model';
import { globMatches, literalPrefix, normalizePathGlob } from './glob';
import { PAGE_MAP } from './page-map';
import { prepareTerm, searchableText, tokenize } from './text';
import { BROAD_FACTOR, compileTopics, dilute, topicsInText } from './topics';
import { MATCH_INDEX_SCHEMA, type IndexedGuide, type IndexedTopic, type MatchIndex } from './types';

/** Most guides an index holds; past it, guides that can only match on loose text relevance are left out. */
export const MAX_INDEXED_GUIDES = 3000;

/** The fields of a catalog item the index reads; a stored item with `deleted: true` is a tombstone. */
export type MatchableItem = Pick<CatalogItem, 'id' | 'kind' | 'title' | 'tags' | 'match'> & {
  views?: number | null;
  deleted?: boolean;
};

/** Topics whose page-map paths overlap a guide's path glob (either one's literal start fits the other). */
function topicsOfPathGlob(topics: readonly IndexedTopic[], glob: string): Map<string, number> {
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

const round = (n: number) => Math.round(n * 100) / 100;

function indexGuide(topicsMap: readonly IndexedTopic[], item: MatchableItem): IndexedGuide {
  const rules = item.match;
  const paths = (rules?.paths ?? []).map(normalizePathGlob).filter((glob) => glob !== '');
  const keywords = (rules?.keywords ?? []).map((k) => k.trim()).filter((k) => k !== '');
  const hosts = rules?.hosts?.length ? rules.hosts.map((h) => h.trim().toLowerCase()).filter(Boolean) : null;

  const named = new Map<string, number>();
  const describe = [item.title, ...item.tags, ...keywords].map(searchableText).join(' | ');
  for (const id of topicsInText(topicsMap, describe)) named.set(id, 1);
  for (const glob of paths) {
    for (const [id, weight] of topicsOfPathGlob(topicsMap, glob)) {
      named.set(id, Math.max(named.get(id) ?? 0, weight));
    }
  }
  const factor = dilute(named.size);
  const topics: Record<string, number> = {};
  for (const [id, weight] of named) topics[id] = round(weight * factor);

  return {
    id: item.id,
    title: item.title,
    hosts,
    paths,
    keywords: [
      ...new Map(keywords.map(prepareTerm).flatMap((t) => (t ? [[t.text, t] as const] : []))).values(),
    ],
    tokens: [...new Set(tokenize([item.title, ...item.tags].join(' ')))],
    topics,
  };
}

/**
 * The small index the content script reads from extension storage: live guides only (tools and tombstones
 * never appear), with their match rules and precomputed tokens and topics, plus the page map they were
 * computed with.
 */
export function buildMatchIndex(
  items: readonly MatchableItem[],
  options: { tombstones?: Iterable<string> } = {},
): MatchIndex {
  const topicsMap = compileTopics(PAGE_MAP);
  const tombstoned = new Set(options.tombstones ?? []);
  const seen = new Set<string>();
  const guides: { guide: IndexedGuide; rank: number; views: number }[] = [];
  for (const item of items) {
    if (item.deleted || item.kind !== 'guide' || tombstoned.has(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    const guide = indexGuide(topicsMap, item);
    const rank = guide.paths.length || guide.keywords.length ? 2 : Object.keys(guide.topics).length ? 1 : 0;
    guides.push({ guide, rank, views: item.views ?? 0 });
  }
  if (guides.length > MAX_INDEXED_GUIDES) {
    guides.sort((a, b) => b.rank - a.rank || b.views - a.views);
    guides.length = MAX_INDEXED_GUIDES;
  }
  return { schema: MATCH_INDEX_SCHEMA, topics: topicsMap, guides: guides.map((g) => g.guide) };
}
