/**
 * Query-time half of search: what the sidebar, popup, omnibox and CLI run on every keystroke. It imports no
 * pinyin library (pinyin was computed at ingest, see build.ts) and builds no inverted index: a pack loads in
 * a few milliseconds, and keystroke latency comes from reusing the previous keystroke's matches (a term that
 * extends an earlier term can only match a subset of its items) plus cheap per-field string search.
 */
import type { ItemKind } from '../model';
import {
  compact,
  compactOffsets,
  endsWord,
  isHan,
  isPinyinCandidate,
  isWordChar,
  queryTerms,
  startsWord,
} from './text';
import {
  PINYIN_OFFSET_BASE,
  READABLE_SEARCH_PACK_VERSIONS,
  SEARCH_PACK_VERSION,
  type HighlightField,
  type SearchHit,
  type SearchOptions,
  type SearchPack,
  type Searcher,
} from './types';

/**
 * Scores per matched term. Field order is the ranking rule (title > tags > summary > content), so every title
 * score is above every tag score, which is above every summary score; the item's score is the sum over terms.
 */
export const SCORE = {
  titleStart: 120,
  /** Added to a title word hit when the Latin term is the whole word. */
  wholeWord: 4,
  titleWord: 110,
  title: 100,
  titleSpansWords: 100,
  titleInsideWord: 45,
  titlePinyinStart: 90,
  titleHanPieces: 90,
  titlePinyin: 80,
  titleTypo: 65,
  titleTypoWholeWord: 70,
  tagStart: 60,
  /** Tag pinyin (`wuliu` → the tag 物流) from the tag's first character / from inside it. */
  tagPinyinStart: 55,
  tag: 50,
  tagPinyin: 48,
  tagInsideWord: 40,
  tagTypo: 30,
  summary: 20,
  content: 10,
} as const;

/** Recent terms and their complete (unfiltered) matches, reused when the next keystroke extends a term. */
const TERM_CACHE_SIZE = 48;
const DEFAULT_LIMIT = 10;
/** Title-word and pinyin hits score at least this; tag, summary and inside-a-word hits score less. */
const STRONG_SCORE = 80;
/** The most one term can score: a Latin title that is the term, or a title starting with it. */
const MAX_TITLE_SCORE = SCORE.titleStart + SCORE.wholeWord;
const WORD_PATTERN = /[a-z][a-z0-9]{2,}/g;

/**
 * Each item carries three character signatures (Bloom filters): title and tags, title pinyin, summary and
 * content. 256 bits for characters: a–z and 0–9 get a bit each (exact), other characters share the remaining
 * 220 by hash. 128 more bits for pairs of adjacent Latin letters or digits, so `si` is not looked for in every
 * text that merely has an s and an i. A term whose bits are not all in a signature cannot match that field,
 * so most items are rejected with a few AND operations instead of a string search.
 */
const CHAR_WORDS = 8;
const SIGNATURE_WORDS = CHAR_WORDS + 4;

function bitOf(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  return 36 + ((Math.imul(code, 0x9e3779b1) >>> 24) % 220);
}

function isLatinOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function addToSignature(signatures: Int32Array, base: number, text: string): void {
  let previous = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const bit = bitOf(code);
    signatures[base + (bit >>> 5)]! |= 1 << (bit & 31);
    if (isLatinOrDigit(code)) {
      if (previous) setPair(signatures, base, previous, code);
      previous = code;
    } else previous = 0;
  }
}

function setPair(signatures: Int32Array, base: number, previous: number, code: number): void {
  const pair = (Math.imul(previous * 128 + code, 0x9e3779b1) >>> 25) & 127;
  signatures[base + CHAR_WORDS + (pair >>> 5)]! |= 1 << (pair & 31);
}

/**
 * Signature of a title's pinyin (`ya ma xun`): its letters, the letter pairs inside each syllable, and every
 * pair a match can form across a syllable boundary: the syllable's last letter (typed in full), its first
 * letter (typed as an initial) or the h of zh/ch/sh, followed by the next syllable's first letter.
 */
function addPinyinToSignature(signatures: Int32Array, base: number, pinyin: string): void {
  addToSignature(signatures, base, pinyin);
  for (let at = 0; at < pinyin.length;) {
    const end = pinyin.indexOf(' ', at);
    if (end < 0) break;
    const next = pinyin.charCodeAt(end + 1);
    setPair(signatures, base, pinyin.charCodeAt(end - 1), next);
    setPair(signatures, base, pinyin.charCodeAt(at), next);
    if (end - at > 2 && pinyin.charCodeAt(at + 1) === 0x68) setPair(signatures, base, 0x68, next);
    at = end + 1;
  }
}

/** The signature words a term needs, as [word index, bits] pairs (only the non-zero words). */
function termMask(term: string): Int32Array {
  const words = new Int32Array(SIGNATURE_WORDS);
  addToSignature(words, 0, term);
  const needed: number[] = [];
  for (let w = 0; w < SIGNATURE_WORDS; w++) if (words[w]) needed.push(w, words[w]!);
  return Int32Array.from(needed);
}

function hasAll(signatures: Int32Array, base: number, mask: Int32Array): boolean {
  for (let k = 0; k < mask.length; k += 2) {
    const bits = mask[k + 1]!;
    if ((signatures[base + mask[k]!]! & bits) !== bits) return false;
  }
  return true;
}

interface TermHits {
  /** Item ranks (position in views/recency order), ascending. */
  ranks: Int32Array;
  scores: Uint8Array;
}

interface Interpretation {
  terms: string[];
  /** Multiplies the summed score so interpretations with different term counts compare fairly. */
  weight: number;
  /** Added to every score: syllables typed apart but matching side by side beat scattered syllables. */
  bonus: number;
}

/**
 * True when a stored pack has the current layout. An older readable one still searches, minus what its layout
 * lacks (version 1: tag pinyin), so whoever stores packs can rebuild it at the next chance (e.g. at startup).
 */
export function isCurrentSearchPack(pack: unknown): boolean {
  return (
    typeof pack === 'object' &&
    pack !== null &&
    (pack as { version?: unknown }).version === SEARCH_PACK_VERSION
  );
}

function assertPack(pack: SearchPack): void {
  if (!pack || !READABLE_SEARCH_PACK_VERSIONS.includes(pack.version)) {
    throw new Error(
      `search pack version ${String(pack?.version)} is not ${SEARCH_PACK_VERSION}; rebuild it with buildSearchPack`,
    );
  }
  if (pack.tagPinyin !== undefined && (typeof pack.tagPinyin !== 'object' || pack.tagPinyin === null)) {
    throw new Error('search pack is damaged: its tag pinyin is not a table; rebuild it with buildSearchPack');
  }
  const n = pack.ids.length;
  const parallel = [
    pack.categories,
    pack.views,
    pack.dates,
    pack.titles,
    pack.tags,
    pack.texts,
    pack.summaryLengths,
    pack.pinyin,
    pack.pinyinOffsets,
  ];
  if (pack.kinds.length !== n || parallel.some((a) => a.length !== n)) {
    throw new Error('search pack is damaged: its arrays differ in length; rebuild it with buildSearchPack');
  }
}

let rowScratch = new Int32Array(64);

/**
 * Damerau (OSA) distance between `term` and the closest prefix of `word`, or Infinity when above `max`.
 * It never shrinks as `term` grows, which lets a keystroke re-check only the previous keystroke's words.
 */
export function prefixDistance(term: string, word: string, max: number): number {
  const m = term.length;
  const n = Math.min(word.length, m + max);
  const width = n + 1;
  if (rowScratch.length < width * 3) rowScratch = new Int32Array(width * 3);
  const rows = rowScratch;
  // Three rolling rows: i-2, i-1, i (at offsets ((i + 1) % 3) * width etc.).
  for (let j = 0; j <= n; j++) rows[j] = j;
  for (let i = 1; i <= m; i++) {
    const cur = (i % 3) * width;
    const prev = ((i - 1) % 3) * width;
    const prev2 = ((i + 1) % 3) * width;
    rows[cur] = i;
    let rowMin = i;
    const ti = term.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const wj = word.charCodeAt(j - 1);
      let d = Math.min(
        rows[prev + j]! + 1,
        rows[cur + j - 1]! + 1,
        rows[prev + j - 1]! + (ti === wj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ti === word.charCodeAt(j - 2) && term.charCodeAt(i - 2) === wj) {
        d = Math.min(d, rows[prev2 + j - 2]! + 1);
      }
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return Infinity;
  }
  const last = (m % 3) * width;
  let best = Infinity;
  for (let j = 0; j <= n; j++) best = Math.min(best, rows[last + j]!);
  return best <= max ? best : Infinity;
}

/** Damerau (OSA) distance between `term` and the whole `word`, or Infinity when above `max`. */
export function wordDistance(term: string, word: string, max: number): number {
  if (Math.abs(term.length - word.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: word.length + 1 }, (_, j) => j);
  for (let i = 1; i <= term.length; i++) {
    const row = [i];
    for (let j = 1; j <= word.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (term[i - 1] === word[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && term[i - 1] === word[j - 2] && term[i - 2] === word[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  const d = prev[word.length]!;
  return d <= max ? d : Infinity;
}

/**
 * Pinyin match of `term` against a title's syllables: each syllable is typed in full, by its first letter
 * (安 → a: a syllable with no initial contributes its vowel), or by zh/ch/sh; the last one may be cut short
 * (the seller is still typing). Syllables must be adjacent characters (`offsets`, see SearchPack). Returns
 * [first syllable, end syllable) of the first match, or null. Plain functions, no closures: this runs per
 * item per keystroke.
 */
export function matchSyllables(
  pinyin: string,
  offsets: string,
  term: string,
  fromSyllable = 0,
): [number, number] | null {
  const first = term.charCodeAt(0);
  for (let s = 0, at = 0; at < pinyin.length; s++) {
    const end = pinyin.indexOf(' ', at);
    const next = end < 0 ? pinyin.length + 1 : end + 1;
    if (s >= fromSyllable && pinyin.charCodeAt(at) === first) {
      const found = matchFrom(pinyin, offsets, term, s, at, 0, s);
      if (found >= 0) return [s, found];
    }
    at = next;
  }
  return null;
}

/** Syllable `s` starts at `at` in the space-separated `pinyin`; `i` letters of `term` are matched so far. */
function matchFrom(
  pinyin: string,
  offsets: string,
  term: string,
  s: number,
  at: number,
  i: number,
  start: number,
): number {
  if (i === term.length) return s;
  if (at >= pinyin.length) return -1;
  if (s > start && offsets.charCodeAt(s) !== offsets.charCodeAt(s - 1) + 1) return -1;
  let end = pinyin.indexOf(' ', at);
  if (end < 0) end = pinyin.length;
  const length = end - at;
  const rest = term.length - i;
  // Letters of the syllable the term agrees with.
  let k = 0;
  while (k < length && k < rest && term.charCodeAt(i + k) === pinyin.charCodeAt(at + k)) k++;
  if (k === 0) return -1;
  if (k === rest) return s + 1; // the term ends inside (or at the end of) this syllable
  if (k === length) {
    const found = matchFrom(pinyin, offsets, term, s + 1, end + 1, i + length, start);
    if (found >= 0) return found;
  }
  // zh / ch / sh typed as the initial
  if (k >= 2 && length > 2 && pinyin.charCodeAt(at + 1) === 0x68 /* h */) {
    const c = pinyin.charCodeAt(at);
    if (c === 0x7a || c === 0x63 || c === 0x73) {
      const found = matchFrom(pinyin, offsets, term, s + 1, end + 1, i + 2, start);
      if (found >= 0) return found;
    }
  }
  return matchFrom(pinyin, offsets, term, s + 1, end + 1, i + 1, start);
}

/** Typos allowed in a Latin term: none below 4 letters (`pay` must mean pay), one up to 7, then two. */
function typoBudget(term: string): number {
  if (!/^[a-z][a-z0-9]*$/.test(term) || term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

function insertRange(ranges: [number, number][], start: number, end: number): void {
  if (end > start) ranges.push([start, end]);
}

/** Inserts a hit into `top` (best first, at most `limit`): higher score first, then lower rank. */
function pushTop<T>(
  top: { rank: number; score: number; interp: T }[],
  rank: number,
  score: number,
  interp: T,
  limit: number,
): void {
  const last = top[top.length - 1];
  if (top.length === limit && last && (last.score > score || (last.score === score && last.rank < rank)))
    return;
  let at = top.length === limit ? limit - 1 : top.length;
  const hit = { rank, score, interp };
  if (top.length < limit) top.push(hit);
  for (; at > 0; at--) {
    const above = top[at - 1]!;
    if (above.score > score || (above.score === score && above.rank < rank)) break;
    top[at] = above;
  }
  top[at] = hit;
}

/** Two hit lists with no item in common, merged into rank order. */
function mergeByRank(
  a: { ranks: Int32Array; scores: Uint8Array },
  b: { ranks: Int32Array; scores: Uint8Array },
) {
  const ranks = new Int32Array(a.ranks.length + b.ranks.length);
  const scores = new Uint8Array(ranks.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < ranks.length; k++) {
    if (j >= b.ranks.length || (i < a.ranks.length && a.ranks[i]! < b.ranks[j]!)) {
      ranks[k] = a.ranks[i]!;
      scores[k] = a.scores[i++]!;
    } else {
      ranks[k] = b.ranks[j]!;
      scores[k] = b.scores[j++]!;
    }
  }
  return { ranks, scores };
}

/** First letter of each syllable of a space-separated pinyin text (`wu liu` → `wl`). */
function initialsOf(pinyin: string): string {
  if (!pinyin) return '';
  let firsts = pinyin[0]!;
  for (let k = pinyin.indexOf(' '); k >= 0; k = pinyin.indexOf(' ', k + 1)) firsts += pinyin[k + 1]!;
  return firsts;
}

/**
 * The distinct runs of Han characters in the tags, each with its pinyin in the layout of a title's (syllables,
 * and per syllable its offset in the run), and per item which runs it has where. A tag such as 物流 is shared
 * by thousands of items: matching a term against the run once (memoized per term) serves them all, and the
 * searcher holds one pinyin string per run, not per item.
 */
interface TagRuns {
  pinyin: string[];
  offsets: string[];
  initials: string[];
  /** Pinyin signature of each run (SIGNATURE_WORDS words per run), ORed into its items' signatures. */
  signatures: Int32Array;
  /** Items' runs: for rank r, entries itemStart[r] .. itemStart[r + 1] of `itemRun` and `itemAt`. */
  itemStart: Int32Array;
  itemRun: Int32Array;
  /** Offset of the run in the item's tags text. */
  itemAt: Int32Array;
}

function tagRunsOf(tags: readonly string[], table: Readonly<Record<string, string>> | undefined): TagRuns {
  const n = tags.length;
  const ids = new Map<string, number>();
  const runs: TagRuns = {
    pinyin: [],
    offsets: [],
    initials: [],
    signatures: new Int32Array(0),
    itemStart: new Int32Array(n + 1),
    itemRun: new Int32Array(0),
    itemAt: new Int32Array(0),
  };
  const itemRun: number[] = [];
  const itemAt: number[] = [];
  for (let r = 0; r < n; r++) {
    runs.itemStart[r] = itemRun.length;
    const t = tags[r]!;
    if (!table) continue;
    for (let start = 0; start < t.length; start++) {
      if (!isHan(t.charCodeAt(start))) continue;
      let end = start + 1;
      while (end < t.length && isHan(t.charCodeAt(end))) end++;
      const run = t.slice(start, end);
      let id = ids.get(run);
      if (id === undefined) {
        id = -1;
        const stored = Object.hasOwn(table, run) ? table[run] : undefined;
        const split = typeof stored === 'string' ? stored.split(' ') : [];
        // An entry that does not fit its run (a damaged pack) gives that run no pinyin, never wrong offsets.
        if (split.length === run.length && split.some(Boolean) && split.every((y) => /^[a-z]*$/.test(y))) {
          const syllables: string[] = [];
          let offsets = '';
          split.forEach((y, k) => {
            if (!y) return;
            syllables.push(y);
            offsets += String.fromCharCode(k + PINYIN_OFFSET_BASE);
          });
          id = runs.pinyin.length;
          runs.pinyin.push(syllables.join(' '));
          runs.offsets.push(offsets);
          runs.initials.push(initialsOf(runs.pinyin[id]!));
        }
        ids.set(run, id);
      }
      if (id >= 0) {
        itemRun.push(id);
        itemAt.push(start);
      }
      start = end;
    }
  }
  runs.itemStart[n] = itemRun.length;
  runs.itemRun = Int32Array.from(itemRun);
  runs.itemAt = Int32Array.from(itemAt);
  runs.signatures = new Int32Array(runs.pinyin.length * SIGNATURE_WORDS);
  runs.pinyin.forEach((py, id) => addPinyinToSignature(runs.signatures, id * SIGNATURE_WORDS, py));
  return runs;
}

/** Sorted, overlapping and touching ranges merged. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function occurrences(haystack: string, needle: string, limitEnd: number, into: [number, number][]): boolean {
  let found = false;
  for (let at = haystack.indexOf(needle); at >= 0 && at + needle.length <= limitEnd;) {
    insertRange(into, at, at + needle.length);
    found = true;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return found;
}

export function createSearcher(pack: SearchPack): Searcher {
  assertPack(pack);
  const n = pack.ids.length;

  // Rank = position in "most viewed, then most recent" order; every list below is in rank order, so equal
  // scores come out in tie-break order without sorting.
  const itemOfRank = new Int32Array(n);
  for (let i = 0; i < n; i++) itemOfRank[i] = i;
  itemOfRank.sort((a, b) => pack.views[b]! - pack.views[a]! || pack.dates[b]! - pack.dates[a]! || a - b);

  const titles: string[] = new Array<string>(n);
  const compactTitles: string[] = new Array<string>(n);
  const tags: string[] = new Array<string>(n);
  const texts: string[] = new Array<string>(n);
  const summaryLengths = new Int32Array(n);
  const initials: string[] = new Array<string>(n);
  const pinyinText: string[] = new Array<string>(n);
  const pinyinOffsets: string[] = new Array<string>(n);
  const literalSignatures = new Int32Array(n * SIGNATURE_WORDS);
  const pinyinSignatures = new Int32Array(n * SIGNATURE_WORDS);
  const textSignatures = new Int32Array(n * SIGNATURE_WORDS);
  for (let r = 0; r < n; r++) {
    const i = itemOfRank[r]!;
    const title = pack.titles[i]!;
    titles[r] = title;
    const c = compact(title);
    compactTitles[r] = c === title ? title : c;
    tags[r] = pack.tags[i]!;
    texts[r] = pack.texts[i]!;
    summaryLengths[r] = pack.summaryLengths[i]!;
    const py = pack.pinyin[i]!;
    pinyinText[r] = py;
    pinyinOffsets[r] = pack.pinyinOffsets[i]!;
    initials[r] = initialsOf(py);
    const base = r * SIGNATURE_WORDS;
    addToSignature(literalSignatures, base, compactTitles[r]!);
    addToSignature(literalSignatures, base, tags[r]!);
    addPinyinToSignature(pinyinSignatures, base, py);
    addToSignature(textSignatures, base, texts[r]!);
  }
  // One pinyin signature for title and tags: a term missing from it can match neither.
  const tagRuns = tagRunsOf(tags, pack.tagPinyin);
  for (let r = 0; r < n; r++) {
    const base = r * SIGNATURE_WORDS;
    for (let e = tagRuns.itemStart[r]!; e < tagRuns.itemStart[r + 1]!; e++) {
      const from = tagRuns.itemRun[e]! * SIGNATURE_WORDS;
      for (let w = 0; w < SIGNATURE_WORDS; w++) pinyinSignatures[base + w]! |= tagRuns.signatures[from + w]!;
    }
  }

  // For each character, the items (in rank order) whose title has it where a strong match can start.
  // literalStarts: at the start of a word or anywhere among Han characters (such hits score up to 120).
  // pinyinStarts: only as the first letter of a title syllable (such hits score at most 90).
  const literalLists = new Map<number, number[]>();
  const pinyinLists = new Map<number, number[]>();
  const seenAt = new Int32Array(0x10000).fill(-1);
  const addStart = (lists: Map<number, number[]>, code: number, r: number) => {
    if (seenAt[code] === r) return;
    seenAt[code] = r;
    const list = lists.get(code);
    if (list) list.push(r);
    else lists.set(code, [r]);
  };
  for (let r = 0; r < n; r++) {
    const title = titles[r]!;
    for (let k = 0; k < title.length; k++) {
      const code = title.charCodeAt(k);
      if (isHan(code) || (isWordChar(code) && startsWord(title, k))) addStart(literalLists, code, r);
    }
    const firsts = initials[r]!;
    for (let k = 0; k < firsts.length; k++) addStart(pinyinLists, firsts.charCodeAt(k), r);
  }
  const toArrays = (lists: Map<number, number[]>) =>
    new Map([...lists].map(([code, list]) => [code, Int32Array.from(list)] as const));
  const literalStarts = toArrays(literalLists);
  const pinyinStarts = toArrays(pinyinLists);
  const noItems = new Int32Array(0);

  // Every Latin word of every title: only a term in here can earn the whole-word bonus, so for any other
  // term the ceiling of a title hit is SCORE.titleStart, and a one-term scan can stop earlier.
  const titleWords = new Set<string>();
  for (let r = 0; r < n; r++) {
    const title = titles[r]!;
    let start = -1;
    for (let k = 0; k <= title.length; k++) {
      const code = k < title.length ? title.charCodeAt(k) : 0;
      const latin = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
      if (latin && start < 0) start = k;
      else if (!latin && start >= 0) {
        titleWords.add(title.slice(start, k));
        start = -1;
      }
    }
  }

  const offsetOf = (r: number, s: number): number => pinyinOffsets[r]!.charCodeAt(s) - PINYIN_OFFSET_BASE;

  /**
   * Cheap necessary condition for matchPinyin: the first two letters are either inside one syllable (so in
   * the pinyin text) or the initials of two syllables in a row.
   */
  function mayMatchPinyin(r: number, term: string): boolean {
    if (term.length === 1) return initials[r]!.indexOf(term) >= 0;
    const head = term.slice(0, 2);
    return pinyinText[r]!.indexOf(head) >= 0 || initials[r]!.indexOf(head) >= 0;
  }

  function matchPinyin(r: number, term: string): [number, number] | null {
    return matchSyllables(pinyinText[r]!, pinyinOffsets[r]!, term);
  }

  /**
   * How `term` matches each tag run, memoized per term (recent terms only): -1 not known yet, 0 no match,
   * 1 a match inside the run, 2 a match from the run's first character.
   */
  const runMatches = new Map<string, Int8Array>();
  function runMatch(term: string, run: number): number {
    let memo = runMatches.get(term);
    if (!memo) {
      memo = new Int8Array(tagRuns.pinyin.length).fill(-1);
      runMatches.set(term, memo);
      if (runMatches.size > TERM_CACHE_SIZE) runMatches.delete(runMatches.keys().next().value!);
    }
    let known = memo[run]!;
    if (known < 0) {
      known = 0;
      const py = tagRuns.pinyin[run]!;
      const firsts = tagRuns.initials[run]!;
      const head = term.slice(0, 2);
      const may =
        term.length === 1 ? firsts.indexOf(term) >= 0 : py.indexOf(head) >= 0 || firsts.indexOf(head) >= 0;
      if (may) {
        const offsets = tagRuns.offsets[run]!;
        for (let from = 0; ;) {
          const m = matchSyllables(py, offsets, term, from);
          if (!m) break;
          if (offsets.charCodeAt(m[0]) === PINYIN_OFFSET_BASE) {
            known = 2;
            break;
          }
          known = 1;
          from = m[0] + 1;
        }
      }
      memo[run] = known;
    }
    return known;
  }

  /** Tag pinyin score: a match that starts a tag is a tag-start hit, one inside a tag a plain tag hit. */
  function tagPinyinScore(r: number, term: string): number {
    const t = tags[r]!;
    let best = 0;
    for (let e = tagRuns.itemStart[r]!; e < tagRuns.itemStart[r + 1]!; e++) {
      const how = runMatch(term, tagRuns.itemRun[e]!);
      if (!how) continue;
      const at = tagRuns.itemAt[e]!;
      if (how === 2 && (at === 0 || t.charCodeAt(at - 1) === 0x20)) return SCORE.tagPinyinStart;
      best = SCORE.tagPinyin;
    }
    return best;
  }

  /** Every pinyin match of `term` in the tags, as [start, end) ranges in the tags text. */
  function tagPinyinRanges(r: number, term: string, into: [number, number][]): boolean {
    let found = false;
    for (let e = tagRuns.itemStart[r]!; e < tagRuns.itemStart[r + 1]!; e++) {
      const run = tagRuns.itemRun[e]!;
      if (!runMatch(term, run)) continue;
      const at = tagRuns.itemAt[e]!;
      const offsets = tagRuns.offsets[run]!;
      const offsetOfSyllable = (y: number) => at + offsets.charCodeAt(y) - PINYIN_OFFSET_BASE;
      for (let from = 0; ;) {
        const m = matchSyllables(tagRuns.pinyin[run]!, offsets, term, from);
        if (!m) break;
        insertRange(into, offsetOfSyllable(m[0]), offsetOfSyllable(m[1] - 1) + 1);
        found = true;
        from = m[1];
      }
    }
    return found;
  }

  function titleScore(r: number, term: string): number {
    const title = titles[r]!;
    let at = title.indexOf(term);
    if (at >= 0) {
      // Chinese has no spaces to mark words: inside a run of Han characters is as good as a word start.
      // Inside a Latin word (`ads` in `leads`) is a weak hit. A Latin term that is a whole word beats one
      // that only starts it (`zenhub`: Zenhub before Zenhubflow).
      const han = isHan(term.charCodeAt(0));
      let best: number = han ? SCORE.title : SCORE.titleInsideWord;
      for (; at >= 0 && best < MAX_TITLE_SCORE; at = title.indexOf(term, at + 1)) {
        if (!startsWord(title, at)) continue;
        let score = at === 0 ? SCORE.titleStart : SCORE.titleWord;
        if (!han && endsWord(title, at + term.length)) score += SCORE.wholeWord;
        if (score > best) best = score;
      }
      return best;
    }
    const c = compactTitles[r]!;
    if (c === title) return 0;
    // Across spaces (`sendto` in `Send to Amazon`), but only from the start of a word: `th` in `Scout Hub`
    // is not a hit.
    let offsets: number[] | null = null;
    for (let at = c.indexOf(term); at >= 0; at = c.indexOf(term, at + 1)) {
      offsets ??= compactOffsets(title);
      if (startsWord(title, offsets[at]!)) return SCORE.titleSpansWords;
    }
    return 0;
  }

  function tagScore(r: number, term: string): number {
    const t = tags[r]!;
    let at = t.indexOf(term);
    if (at < 0) return 0;
    for (; at >= 0; at = t.indexOf(term, at + 1))
      if (at === 0 || t.charCodeAt(at - 1) === 0x20) return SCORE.tagStart;
    return isHan(term.charCodeAt(0)) ? SCORE.tag : SCORE.tagInsideWord;
  }

  function textScore(r: number, term: string): number {
    const at = texts[r]!.indexOf(term);
    if (at < 0) return 0;
    return at + term.length <= summaryLengths[r]! ? SCORE.summary : SCORE.content;
  }

  function fieldScore(r: number, piece: string): number {
    return titleScore(r, piece) || tagScore(r, piece) || textScore(r, piece);
  }

  /**
   * Chinese typed as one run (亚马逊密码) while the title says 亚马逊账户密码: cut the run greedily into the
   * longest pieces found in the item (at least two characters, except a last one still being typed) and
   * score by the weakest piece.
   */
  function hanPieces(r: number, term: string, onPiece?: (piece: string) => void): number {
    let weakest = Infinity;
    let i = 0;
    while (i < term.length) {
      let found = 0;
      let score = 0;
      for (let len = term.length - i; len >= 1; len--) {
        if (len === 1 && i + 1 < term.length) break;
        score = fieldScore(r, term.slice(i, i + len));
        if (score) {
          found = len;
          break;
        }
      }
      if (!found) return 0;
      onPiece?.(term.slice(i, i + found));
      weakest = Math.min(weakest, score);
      i += found;
    }
    return weakest >= SCORE.title ? SCORE.titleHanPieces : weakest;
  }

  function termScore(
    r: number,
    term: string,
    pinyinTerm: boolean,
    hanTerm: boolean,
    mask: Int32Array,
  ): number {
    const base = r * SIGNATURE_WORDS;
    const literal = hasAll(literalSignatures, base, mask);
    const inTitle = literal ? titleScore(r, term) : 0;
    if (inTitle >= STRONG_SCORE) return inTitle;
    const pinyinSigned = pinyinTerm && hasAll(pinyinSignatures, base, mask);
    if (pinyinSigned && mayMatchPinyin(r, term)) {
      const m = matchPinyin(r, term);
      if (m) return offsetOf(r, m[0]) === 0 ? SCORE.titlePinyinStart : SCORE.titlePinyin;
    }
    const inTags = weakTitleOrTags(r, term, literal, inTitle, pinyinSigned);
    if (inTags) return inTags;
    const inText = hasAll(textSignatures, base, mask);
    if (inText) {
      const score = textScore(r, term);
      if (score) return score;
    }
    if (hanTerm && term.length >= 3 && (literal || inText || passesEither(base, term)))
      return hanPieces(r, term);
    return 0;
  }

  /**
   * The best of a weak title hit (`inTitle`, below STRONG_SCORE), a literal tag hit and a tag pinyin hit.
   * `pinyinSigned`: the term is pinyin-shaped and passed the pinyin signature.
   */
  function weakTitleOrTags(
    r: number,
    term: string,
    literal: boolean,
    inTitle: number,
    pinyinSigned: boolean,
  ): number {
    let best = Math.max(inTitle, literal ? tagScore(r, term) : 0);
    if (pinyinSigned && best < SCORE.tagPinyinStart) best = Math.max(best, tagPinyinScore(r, term));
    return best;
  }

  /** Han pieces may come from different fields: every character must be in one of the two signatures. */
  function passesEither(base: number, term: string): boolean {
    for (let k = 0; k < term.length; k++) {
      const bit = bitOf(term.charCodeAt(k));
      const w = base + (bit >>> 5);
      const b = 1 << (bit & 31);
      if (((literalSignatures[w]! | textSignatures[w]!) & b) === 0) return false;
    }
    return true;
  }

  // Term caches, least recently used first (Map keeps insertion order). `complete`: every item the term
  // matches. `strong`: every item it matches with at least STRONG_SCORE (title words and pinyin), which is
  // all a one-term query needs when there are enough of them.
  const complete = new Map<string, TermHits>();
  const strong = new Map<string, TermHits>();

  function cacheGet(cache: Map<string, TermHits>, term: string): TermHits | undefined {
    const hits = cache.get(term);
    if (hits) {
      cache.delete(term);
      cache.set(term, hits);
    }
    return hits;
  }

  function cacheSet(cache: Map<string, TermHits>, term: string, hits: TermHits): TermHits {
    cache.set(term, hits);
    if (cache.size > TERM_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return hits;
  }

  /** Scores `term` on `domain` (all items when null), keeping hits scoring at least `minScore`. */
  function scoreOver(term: string, domain: Int32Array | null, minScore: number): TermHits {
    const pinyinTerm = isPinyinCandidate(term);
    const hanTerm = isHan(term.charCodeAt(0));
    const mask = termMask(term);
    const size = domain ? domain.length : n;
    const ranks = new Int32Array(size);
    const scores = new Uint8Array(size);
    let count = 0;
    for (let k = 0; k < size; k++) {
      const r = domain ? domain[k]! : k;
      const score = termScore(r, term, pinyinTerm, hanTerm, mask);
      if (score >= minScore && score > 0) {
        ranks[count] = r;
        scores[count++] = score;
      }
    }
    return { ranks: ranks.slice(0, count), scores: scores.slice(0, count) };
  }

  /** Every item `term` matches. A term matches a subset of what any of its prefixes matched. */
  function termHits(term: string): TermHits {
    const cached = cacheGet(complete, term);
    if (cached) return cached;
    let domain: Int32Array | null = null;
    for (let len = term.length - 1; len >= 1 && !domain; len--)
      domain = complete.get(term.slice(0, len))?.ranks ?? null;
    const strongOnes = strong.get(term);
    if (!domain && strongOnes) return cacheSet(complete, term, addWeakHits(term, strongOnes));
    return cacheSet(complete, term, scoreOver(term, domain, 1));
  }

  /**
   * The complete list of a term whose strong hits are known: every other item can only be a weak hit
   * (inside a Latin word, tags and their pinyin, summary, content), so the title pinyin checks are skipped.
   */
  function addWeakHits(term: string, strongOnes: TermHits): TermHits {
    const hanTerm = isHan(term.charCodeAt(0));
    const pinyinTerm = isPinyinCandidate(term);
    const mask = termMask(term);
    const ranks = new Int32Array(n);
    const scores = new Uint8Array(n);
    let count = 0;
    let next = 0;
    for (let r = 0; r < n; r++) {
      if (next < strongOnes.ranks.length && strongOnes.ranks[next] === r) {
        ranks[count] = r;
        scores[count++] = strongOnes.scores[next++]!;
        continue;
      }
      const base = r * SIGNATURE_WORDS;
      const literal = hasAll(literalSignatures, base, mask);
      const pinyinSigned = pinyinTerm && hasAll(pinyinSignatures, base, mask);
      let score = weakTitleOrTags(r, term, literal, literal ? titleScore(r, term) : 0, pinyinSigned);
      const inText = hasAll(textSignatures, base, mask);
      if (!score && inText) score = textScore(r, term);
      if (!score && hanTerm && term.length >= 3 && (literal || inText || passesEither(base, term)))
        score = hanPieces(r, term);
      if (score) {
        ranks[count] = r;
        scores[count++] = score;
      }
    }
    return { ranks: ranks.slice(0, count), scores: scores.slice(0, count) };
  }

  /**
   * Best `limit` hits of a one-term query among its strong hits (≥ STRONG_SCORE), scanning candidate lists
   * in rank order and stopping as soon as no unscanned item can make the list: when the limit-th hit found
   * scores more than the list's ceiling, or as much with a better rank. A strong match starts a title word, a
   * Han character of the title or a title syllable, so the only candidates are literalStarts (ceiling 120)
   * and pinyinStarts (ceiling 90) of the term's first character, or what a cached shorter term matched.
   * Returns the hits and, when nothing was skipped, the term's complete strong list (cached).
   */
  function strongTop(
    term: string,
    limit: number,
    keep: (item: number) => boolean,
  ): { top: { rank: number; score: number; interp: null }[]; all: TermHits | null } {
    const top: { rank: number; score: number; interp: null }[] = [];
    const cached = cacheGet(strong, term);
    const phases: { domain: Int32Array; ceiling: number }[] = [];
    const titleCeiling = titleWords.has(term) ? MAX_TITLE_SCORE : SCORE.titleStart;
    if (!cached) {
      let narrowed: Int32Array | undefined;
      for (let len = term.length - 1; len >= 1 && !narrowed; len--) {
        const prefix = term.slice(0, len);
        narrowed = (strong.get(prefix) ?? complete.get(prefix))?.ranks;
      }
      if (narrowed) phases.push({ domain: narrowed, ceiling: titleCeiling });
      else {
        const code = term.charCodeAt(0);
        phases.push({ domain: literalStarts.get(code) ?? noItems, ceiling: titleCeiling });
        if (isPinyinCandidate(term))
          phases.push({ domain: pinyinStarts.get(code) ?? noItems, ceiling: SCORE.titlePinyinStart });
      }
    } else phases.push({ domain: cached.ranks, ceiling: titleCeiling });
    const pinyinTerm = isPinyinCandidate(term);
    const hanTerm = isHan(term.charCodeAt(0));
    const mask = termMask(term);
    const found: TermHits[] = [];
    let skipped = false;
    for (const { domain, ceiling } of phases) {
      const ranks = new Int32Array(domain.length);
      const scores = new Uint8Array(domain.length);
      let count = 0;
      for (let k = 0; k < domain.length; k++) {
        const r = domain[k]!;
        if (top.length === limit) {
          const last = top[limit - 1]!;
          if (last.score > ceiling || (last.score === ceiling && last.rank < r)) {
            skipped = true;
            break;
          }
        }
        const score = cached ? cached.scores[k]! : termScore(r, term, pinyinTerm, hanTerm, mask);
        if (score >= STRONG_SCORE) {
          ranks[count] = r;
          scores[count++] = score;
          if (keep(itemOfRank[r]!)) pushTop(top, r, score, null, limit);
        }
      }
      found.push({ ranks: ranks.slice(0, count), scores: scores.slice(0, count) });
      if (skipped) break;
    }
    if (skipped || cached) return { top, all: cached ?? null };
    const all = found.length === 1 ? found[0]! : mergeByRank(found[0]!, found[1]!);
    cacheSet(strong, term, all);
    return { top, all };
  }

  // Latin words of titles and tags, for typo tolerance, grouped by first letter (a typo in the first letter
  // is not forgiven: it would multiply the words to check, and sellers rarely make it). Built on the first
  // query that needs it.
  interface Postings {
    title: number[];
    tag: number[];
  }
  let vocabulary: { postings: Map<string, Postings>; byFirst: Map<string, string[]> } | null = null;
  function getVocabulary(): NonNullable<typeof vocabulary> {
    if (vocabulary) return vocabulary;
    const postings = new Map<string, Postings>();
    const add = (text: string, r: number, field: 'title' | 'tag') => {
      for (const m of text.matchAll(WORD_PATTERN)) {
        let entry = postings.get(m[0]);
        if (!entry) postings.set(m[0], (entry = { title: [], tag: [] }));
        const list = entry[field];
        if (list[list.length - 1] !== r) list.push(r);
      }
    };
    for (let r = 0; r < n; r++) {
      add(titles[r]!, r, 'title');
      add(tags[r]!, r, 'tag');
    }
    const byFirst = new Map<string, string[]>();
    for (const word of postings.keys()) {
      const group = byFirst.get(word[0]!);
      if (group) group.push(word);
      else byFirst.set(word[0]!, [word]);
    }
    vocabulary = { postings, byFirst };
    return vocabulary;
  }

  const typoWordCache = new Map<string, string[]>();
  function typoWords(term: string): string[] {
    const max = typoBudget(term);
    if (!max) return [];
    const cached = typoWordCache.get(term);
    if (cached) return cached;
    let candidates: string[] | undefined;
    for (let len = term.length - 1; len >= 4 && !candidates; len--)
      candidates = typoWordCache.get(term.slice(0, len));
    candidates ??= getVocabulary().byFirst.get(term[0]!) ?? [];
    const words = candidates.filter(
      (w) => w.length >= term.length - max && prefixDistance(term, w, max) <= max,
    );
    typoWordCache.set(term, words);
    if (typoWordCache.size > TERM_CACHE_SIZE) typoWordCache.delete(typoWordCache.keys().next().value!);
    return words;
  }

  const typoHitCache = new Map<string, TermHits>();
  /** `hits` plus the items whose title or tag words are within a typo or two of `term`. */
  function withTypos(term: string, hits: TermHits): TermHits {
    const cached = typoHitCache.get(term);
    if (cached) return cached;
    const words = typoWords(term);
    let result = hits;
    if (words.length) {
      const best = new Map<number, number>();
      const { postings } = getVocabulary();
      const max = typoBudget(term);
      for (const word of words) {
        const entry = postings.get(word)!;
        const inTitle = wordDistance(term, word, max) <= max ? SCORE.titleTypoWholeWord : SCORE.titleTypo;
        for (const r of entry.tag) best.set(r, Math.max(best.get(r) ?? 0, SCORE.tagTypo));
        for (const r of entry.title) best.set(r, Math.max(best.get(r) ?? 0, inTitle));
      }
      for (let k = 0; k < hits.ranks.length; k++) {
        best.set(hits.ranks[k]!, Math.max(best.get(hits.ranks[k]!) ?? 0, hits.scores[k]!));
      }
      const ranks = Int32Array.from(best.keys()).sort();
      result = { ranks, scores: Uint8Array.from(ranks, (r) => best.get(r)!) };
    }
    typoHitCache.set(term, result);
    if (typoHitCache.size > TERM_CACHE_SIZE) typoHitCache.delete(typoHitCache.keys().next().value!);
    return result;
  }

  /** Items in every list (AND), with summed scores, in rank order. */
  function intersect(lists: { ranks: Int32Array; scores: ArrayLike<number> }[]): {
    ranks: Int32Array;
    scores: Int32Array;
  } {
    const sorted = [...lists].sort((a, b) => a.ranks.length - b.ranks.length);
    let ranks = sorted[0]!.ranks;
    let scores = Int32Array.from(sorted[0]!.scores);
    for (let l = 1; l < sorted.length && ranks.length; l++) {
      const other = sorted[l]!;
      const nextRanks = new Int32Array(ranks.length);
      const nextScores = new Int32Array(ranks.length);
      let count = 0;
      for (let a = 0, b = 0; a < ranks.length && b < other.ranks.length;) {
        const ra = ranks[a]!;
        const rb = other.ranks[b]!;
        if (ra < rb) a++;
        else if (rb < ra) b++;
        else {
          nextRanks[count] = ra;
          nextScores[count++] = scores[a]! + other.scores[b]!;
          a++;
          b++;
        }
      }
      ranks = nextRanks.subarray(0, count);
      scores = nextScores.subarray(0, count);
    }
    return { ranks, scores };
  }

  function categoryFilter(category: string | undefined): ((item: number) => boolean) | null {
    if (category === undefined) return null;
    const verdicts = new Map<string, boolean>();
    const within = (id: string | null): boolean => {
      const seen = new Set<string>();
      for (let at = id; at !== null && !seen.has(at); at = pack.categoryParents[at] ?? null) {
        if (at === category) return true;
        seen.add(at);
      }
      return false;
    };
    return (item) => {
      const id = pack.categories[item] ?? null;
      if (id === null) return false;
      let verdict = verdicts.get(id);
      if (verdict === undefined) verdicts.set(id, (verdict = within(id)));
      return verdict;
    };
  }

  function interpretations(terms: string[]): Interpretation[] {
    const all: Interpretation[] = [{ terms, weight: 1, bonus: 0 }];
    // `ya ma xun` is also `yamaxun`: syllables typed with spaces.
    if (terms.length > 1 && terms.every(isPinyinCandidate))
      all.push({ terms: [terms.join('')], weight: terms.length, bonus: 5 });
    return all;
  }

  interface Ranked {
    rank: number;
    score: number;
    interp: Interpretation;
  }

  /** The best `limit` hits of one reading of the query, best first; equal scores in rank order. */
  function rankInterpretation(
    interp: Interpretation,
    useTypos: boolean,
    limit: number,
    keep: (item: number) => boolean,
  ): Ranked[] {
    const top: Ranked[] = [];
    const take = (hits: { ranks: Int32Array; scores: ArrayLike<number> }, weight: number, bonus: number) => {
      for (let k = 0; k < hits.ranks.length; k++) {
        const r = hits.ranks[k]!;
        if (keep(itemOfRank[r]!)) pushTop(top, r, hits.scores[k]! * weight + bonus, interp, limit);
      }
    };
    const { terms, weight, bonus } = interp;
    if (useTypos) {
      // Rare (the exact reading found too little): every term in full, typos added.
      take(intersect(terms.map((t) => withTypos(t, termHits(t)))), weight, bonus);
      return top;
    }
    if (terms.length === 1) {
      const term = terms[0]!;
      const known = complete.get(term);
      if (!known) {
        // Every strong hit outscores every other hit: if enough survive the filters, they are the answer.
        const strongOnes = strongTop(term, limit, keep);
        if (strongOnes.top.length >= limit) {
          for (const hit of strongOnes.top)
            top.push({ rank: hit.rank, score: hit.score * weight + bonus, interp });
          return top;
        }
      }
      take(termHits(term), weight, bonus);
      return top;
    }
    // Several terms: start from the terms already known in full (or the longest, likely rarest, one), then
    // check the other terms only on the items left.
    const known: (TermHits | undefined)[] = terms.map((t) => cacheGet(complete, t));
    if (!known.some((k) => k !== undefined)) {
      const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
      known[terms.indexOf(longest)] = termHits(longest);
    }
    let candidates = intersect(known.filter((k): k is TermHits => !!k));
    terms.forEach((term, t) => {
      if (known[t] || !candidates.ranks.length) return;
      const hits = scoreOver(term, candidates.ranks, 1);
      candidates = intersect([candidates, hits]);
    });
    take(candidates, weight, bonus);
    return top;
  }

  function rankHits(
    interps: Interpretation[],
    useTypos: boolean,
    limit: number,
    keep: (item: number) => boolean,
  ): Ranked[] {
    if (interps.length === 1) return rankInterpretation(interps[0]!, useTypos, limit, keep);
    // Each reading's own top `limit` holds every item that can make the merged top `limit`.
    const best = new Map<number, Ranked>();
    for (const interp of interps) {
      for (const hit of rankInterpretation(interp, useTypos, limit, keep)) {
        const prev = best.get(hit.rank);
        if (!prev || prev.score < hit.score) best.set(hit.rank, hit);
      }
    }
    const top: Ranked[] = [];
    for (const hit of best.values()) pushTop(top, hit.rank, hit.score, hit.interp, limit);
    return top;
  }

  function highlightsOf(r: number, terms: string[]): SearchHit['highlights'] {
    const title = titles[r]!;
    const byField: Record<HighlightField, [number, number][]> = { title: [], tags: [], summary: [] };
    let offsets: number[] | null = null;
    for (const term of terms) {
      let inTitle = occurrences(title, term, title.length, byField.title);
      if (!inTitle && compactTitles[r] !== title) {
        const c = compactTitles[r]!;
        for (let at = c.indexOf(term); at >= 0; at = c.indexOf(term, at + term.length)) {
          offsets ??= compactOffsets(title);
          if (!startsWord(title, offsets[at]!)) continue;
          insertRange(byField.title, offsets[at]!, offsets[at + term.length - 1]! + 1);
          inTitle = true;
        }
      }
      if (!inTitle && isPinyinCandidate(term) && pinyinText[r]) {
        const m = matchPinyin(r, term);
        if (m) {
          const last = offsetOf(r, m[1] - 1);
          insertRange(byField.title, offsetOf(r, m[0]), last + 1);
          inTitle = true;
        }
      }
      let inTags = occurrences(tags[r]!, term, tags[r]!.length, byField.tags);
      if (!inTags && isPinyinCandidate(term)) inTags = tagPinyinRanges(r, term, byField.tags);
      const inSummary = occurrences(texts[r]!, term, summaryLengths[r]!, byField.summary);
      if (!inTitle && !inTags && !inSummary && isHan(term.charCodeAt(0)) && term.length >= 3) {
        hanPieces(r, term, (piece) => {
          occurrences(title, piece, title.length, byField.title);
          occurrences(tags[r]!, piece, tags[r]!.length, byField.tags);
          occurrences(texts[r]!, piece, summaryLengths[r]!, byField.summary);
        });
      }
      if (!inTitle && !inTags && typoBudget(term)) {
        const words = new Set(typoWords(term));
        for (const [field, text] of [
          ['title', title],
          ['tags', tags[r]!],
        ] as const) {
          for (const m of text.matchAll(WORD_PATTERN)) {
            if (words.has(m[0])) insertRange(byField[field], m.index, m.index + m[0].length);
          }
        }
      }
    }
    const out: SearchHit['highlights'] = [];
    for (const field of ['title', 'tags', 'summary'] as const) {
      if (byField[field].length) out.push({ field, ranges: mergeRanges(byField[field]) });
    }
    return out;
  }

  return {
    size: n,
    search(query: string, opts: SearchOptions = {}): SearchHit[] {
      const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
      const terms = queryTerms(query);
      if (!terms.length || !limit || !n) return [];
      const kindCode = opts.kind === undefined ? null : opts.kind === 'tool' ? 't' : 'g';
      const inCategory = categoryFilter(opts.category);
      const keep = (item: number) =>
        (kindCode === null || pack.kinds[item] === kindCode) && (inCategory === null || inCategory(item));
      const interps = interpretations(terms);
      let top = rankHits(interps, false, limit, keep);
      // Typos are forgiven only when the exact reading leaves the list short, so `pay` never turns into `day`.
      if (top.length < limit && terms.some((t) => typoBudget(t) > 0))
        top = rankHits(interps, true, limit, keep);
      return top.map(({ rank, score, interp }) => {
        const item = itemOfRank[rank]!;
        const kind: ItemKind = pack.kinds[item] === 't' ? 'tool' : 'guide';
        return { id: pack.ids[item]!, score, kind, highlights: highlightsOf(rank, interp.terms) };
      });
    },
  };
}
