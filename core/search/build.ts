/**
 * Ingest-time half of search: turns catalog items into a SearchPack. pinyin-pro (≈145 KB gzip) is imported
 * here and only here, so the sidebar, popup and omnibox, which import ./index (the query half), never load it.
 */
import { decodeHTML } from 'entities';
import { pinyin } from 'pinyin-pro';
import type { CatalogItem, Category } from '../model';
import { fold, isHan } from './text';
import {
  CONTENT_CHARS,
  PINYIN_OFFSET_BASE,
  SEARCH_PACK_VERSION,
  TAGS_JOINER,
  type SearchPack,
} from './types';

/** Plain text of sanitized HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const withoutBlocks = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return decodeHTML(withoutBlocks.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function timeOf(iso: string | null): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
}

/**
 * Pinyin of every Han character in `title`, with its offset. pinyin-pro reads the whole title at once so
 * polyphones follow their word (重庆 → chong qing, 银行 → yin hang).
 */
export function titlePinyin(title: string): { syllables: string[]; offsets: number[] } {
  const syllables: string[] = [];
  const offsets: number[] = [];
  if (![...title].some((c) => isHan(c.charCodeAt(0)))) return { syllables, offsets };
  const parts = pinyin(title, { type: 'all', toneType: 'none', v: true });
  let at = 0;
  for (const part of parts) {
    const syllable = part.pinyin.toLowerCase();
    if (part.isZh && /^[a-z]+$/.test(syllable) && isHan(part.origin.charCodeAt(0))) {
      syllables.push(syllable);
      offsets.push(at);
    }
    at += part.origin.length;
  }
  return { syllables, offsets };
}

/**
 * Pinyin of one run of Han characters (a tag word such as 物流 or 物流查询): exactly one syllable per
 * character, space-separated, empty where pinyin-pro has none. The run is read whole, so polyphones follow
 * their word (银行 → yin hang).
 */
export function runPinyin(run: string): string {
  const syllables: string[] = [];
  for (const part of pinyin(run, { type: 'all', toneType: 'none', v: true })) {
    const syllable = part.pinyin.toLowerCase();
    const known = part.isZh && /^[a-z]+$/.test(syllable);
    for (let k = 0; k < part.origin.length; k++) syllables.push(known && k === 0 ? syllable : '');
  }
  return syllables.join(' ');
}

/** Adds the pinyin of every Han run of `tags` (folded, joined) not yet in `dictionary`. */
function addTagPinyin(tags: string, dictionary: Record<string, string>): void {
  for (let start = 0; start < tags.length; start++) {
    if (!isHan(tags.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < tags.length && isHan(tags.charCodeAt(end))) end++;
    const run = tags.slice(start, end);
    if (!Object.hasOwn(dictionary, run)) dictionary[run] = runPinyin(run);
    start = end;
  }
}

/**
 * Builds the search pack for `items` (pinyin-pro runs here, ~0.7 s for 20,000 titles). `categories` (the
 * feed's category tree) lets a category filter include sub-categories.
 */
export function buildSearchPack(
  items: readonly CatalogItem[],
  categories: readonly Category[] = [],
): SearchPack {
  const pack: SearchPack = {
    version: SEARCH_PACK_VERSION,
    ids: [],
    kinds: '',
    categories: [],
    categoryParents: {},
    views: [],
    dates: [],
    titles: [],
    tags: [],
    texts: [],
    summaryLengths: [],
    pinyin: [],
    pinyinOffsets: [],
  };
  // Keys are runs of Han characters only, so none can be an Object.prototype name.
  const tagPinyin: Record<string, string> = {};
  for (const category of categories) pack.categoryParents[category.id] = category.parent;
  let kinds = '';
  for (const item of items) {
    pack.ids.push(item.id);
    kinds += item.kind === 'tool' ? 't' : 'g';
    pack.categories.push(item.category);
    pack.views.push(item.views !== null && Number.isFinite(item.views) && item.views > 0 ? item.views : 0);
    pack.dates.push(timeOf(item.date_published) || timeOf(item.date_modified));
    pack.titles.push(fold(item.title));
    const tags = fold(item.tags.join(TAGS_JOINER));
    pack.tags.push(tags);
    addTagPinyin(tags, tagPinyin);
    const summary = fold(item.summary ?? '');
    const content = item.content_html ? fold(htmlToText(item.content_html).slice(0, CONTENT_CHARS)) : '';
    pack.texts.push(content ? `${summary}\n${content}` : summary);
    pack.summaryLengths.push(summary.length);
    const { syllables, offsets } = titlePinyin(item.title);
    pack.pinyin.push(syllables.join(' '));
    pack.pinyinOffsets.push(String.fromCharCode(...offsets.map((o) => o + PINYIN_OFFSET_BASE)));
  }
  pack.kinds = kinds;
  pack.tagPinyin = tagPinyin;
  return pack;
}
