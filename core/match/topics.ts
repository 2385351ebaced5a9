/** The page map, prepared for building the index (words normalized, flags set), and topic look-ups. */
import type { PageTopic } from './page-map';
import { containsTerm, prepareTerm, type PreparedTerm } from './text';

/** An umbrella topic's path counts half; so does a related topic (docs/matching.md). */
export const BROAD_FACTOR = 0.5;

export interface CompiledTopic {
  id: string;
  /** Path globs, lowercase. */
  paths: string[];
  broad: boolean;
  terms: PreparedTerm[];
  related: string[];
}

export function compileTopics(map: readonly PageTopic[]): CompiledTopic[] {
  return map.map((topic) => ({
    id: topic.id,
    paths: topic.paths.map((glob) => glob.toLowerCase()),
    broad: topic.broad === true,
    terms: [...new Set(Object.values(topic.words).flat())]
      .map(prepareTerm)
      .filter((term): term is PreparedTerm => term !== null),
    related: topic.related ?? [],
  }));
}

/** Topics named by a text (already `searchableText`): a guide's title, tags and keywords. */
export function topicsInText(topics: readonly CompiledTopic[], text: string): Set<string> {
  const found = new Set<string>();
  if (text === '') return found;
  for (const topic of topics) {
    if (topic.terms.some((term) => containsTerm(text, term))) found.add(topic.id);
  }
  return found;
}

/** Many topics at once mean a hub page or a catch-all guide: each counts for less. */
export const dilute = (count: number) => Math.min(1, 1.5 / Math.sqrt(Math.max(count, 1)));
