import type { ItemKind } from '../model';

/**
 * Everything the search needs, computed once when items are ingested (sync, CLI) and stored as ONE record.
 * Plain arrays and strings only, so it survives structured clone (IndexedDB) and JSON unchanged. Arrays are
 * parallel: entry i of each describes the same item, in the order the items were given.
 */
export interface SearchPack {
  /** Bumped when the layout changes; createSearcher refuses a version it cannot read. */
  version: number;
  ids: string[];
  /** One character per item: `g` guide, `t` tool. */
  kinds: string;
  /** Category id per item, or null. */
  categories: (string | null)[];
  /** Parent of each known category id, so a category filter also finds items of its sub-categories. */
  categoryParents: Record<string, string | null>;
  /** Views per item (0 when the feed gives none). */
  views: number[];
  /** date_published (else date_modified) in epoch milliseconds, 0 when unknown. */
  dates: number[];
  /** Folded title: same length as the original title, so offsets carry over. */
  titles: string[];
  /** Folded tags joined by TAGS_JOINER (offsets are into `item.tags.join(TAGS_JOINER)`). */
  tags: string[];
  /** Folded summary, then a newline, then the first CONTENT_CHARS of the content's text. */
  texts: string[];
  /** Length of the summary part of `texts[i]` (ranges past it are in the content, not highlighted). */
  summaryLengths: number[];
  /** Pinyin of the title's Han characters, toneless, one syllable per character, space-separated. */
  pinyin: string[];
  /**
   * Offset in the title of each pinyin syllable, one UTF-16 unit per syllable: charCodeAt(k) - PINYIN_OFFSET_BASE.
   * Syllables whose offsets differ by 1 are adjacent characters; pinyin matches never jump a gap.
   */
  pinyinOffsets: string[];
  /**
   * Pinyin of every run of Han characters found in the tags (物流 → `wu liu`), one entry per distinct run, so
   * a tag shared by thousands of items costs one entry. Syllables are space-separated, exactly one per
   * character of the run (empty when pinyin-pro has none). The searcher finds each item's runs in `tags` and
   * looks them up here, so offsets come from the tags themselves. Absent in version 1 packs (no tag pinyin).
   */
  tagPinyin?: Record<string, string>;
}

/** Version 2 added `tagPinyin`. A version 1 pack is still read (its tags simply have no pinyin). */
export const SEARCH_PACK_VERSION = 2 as const;
/** Older layouts createSearcher still reads; a pack of one of them is worth rebuilding at the next chance. */
export const READABLE_SEARCH_PACK_VERSIONS: readonly number[] = [1, SEARCH_PACK_VERSION];
export const TAGS_JOINER = ' ';
/** Added to offsets so the encoded string holds no control characters (JSON would escape them). */
export const PINYIN_OFFSET_BASE = 0x100;
/** How much of a guide's content text is searched (the summary is always searched in full). */
export const CONTENT_CHARS = 400;

export type HighlightField = 'title' | 'summary' | 'tags';

export interface SearchHit {
  id: string;
  /** Higher is better; equal scores are ordered by views, then recency. */
  score: number;
  kind: ItemKind;
  /** Ranges [start, end) in the original title, summary, or tags joined by TAGS_JOINER. */
  highlights: { field: HighlightField; ranges: [number, number][] }[];
}

export interface SearchOptions {
  /** At most this many hits (default 10). */
  limit?: number;
  kind?: ItemKind;
  /** Only items in this category or one of its sub-categories. */
  category?: string;
}

export interface Searcher {
  search(query: string, opts?: SearchOptions): SearchHit[];
  /** Number of items searched. */
  readonly size: number;
}
