/**
 * Query-time half of search: what the sidebar, popup, omnibox and CLI run on every keystroke. It imports no
 * pinyin library (pinyin was computed at ingest, see build.ts) and builds no inverted index: a pack loads in
 * a few milliseconds, and keystroke latency comes from reusing the previous keystroke's matches (a term that
 * extends an earlier term can only match a subset of its items) plus cheap per-field string search.
 */
import type { ItemKind } from '../model';
import { compact, compactOffsets, isHan, isPinyinCandidate, queryTerms, startsWord } from './text';
import {
  PINYIN_OFFSET_BASE,
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
  titleWord: 110,
  title: 100,
  titleSpansWords: 100,
  titleInsideWord: 85,
  titlePinyinStart: 90,
  titleHanPieces: 90,
  titlePinyin: 80,
  titleTypo: 65,
  tagStart: 60,
  tag: 50,
  tagTypo: 30,
  summary: 20,
  content: 10,
} as const;

/** Recent terms and their complete (unfiltered) matches, reused when the next keystroke extends a term. */
const TERM_CACHE_SIZE = 48;
const DEFAULT_LIMIT = 10;

interface TermHits {
  /** Item ranks (position in views/recency order), ascending. */
  ranks: Int32Array;
  scores: Uint8Array;
}

interface Interpretation {
  terms: string[];
  /** Multiplies the summed score so interpretations with different term counts compare fairly. */
  weight: number;
}

function assertPack(pack: SearchPack): void {
  if (!pack || pack.version !== SEARCH_PACK_VERSION) {
    throw new Error(
      `search pack version ${String(pack?.version)} is not ${SEARCH_PACK_VERSION}; rebuild it with buildSearchPack`,
    );
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

/** Damerau (OSA) distance between `term` and the closest prefix of `word`, or Infinity when above `max`. */
export function prefixDistance(term: string, word: string, max: number): number {
  const m = term.length;
  const n = Math.min(word.length, m + max);
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = term[i - 1] === word[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && term[i - 1] === word[j - 2] && term[i - 2] === word[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  let best = Infinity;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j]!);
  return best <= max ? best : Infinity;
}

/** Typos allowed in a Latin term: none below 4 letters (`pay` must mean pay), one up to 7, then two. */
function typoBudget(term: string): number {
  if (!/^[a-z][a-z0-9]*$/.test(term) || term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

function insertRange(ranges: [number, number][], start: number, end: number): void {
  if (end > start) ranges.push([start, end]);
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
  const syllableCache: (string[] | undefined)[] = new Array<string[] | undefined>(n);
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
    let firsts = '';
    if (py) {
      firsts = py[0]!;
      for (let k = py.indexOf(' '); k >= 0; k = py.indexOf(' ', k + 1)) firsts += py[k + 1]!;
    }
    initials[r] = firsts;
  }

  const syllablesOf = (r: number): string[] => (syllableCache[r] ??= pinyinText[r]!.split(' '));
  const offsetOf = (r: number, s: number): number => pinyinOffsets[r]!.charCodeAt(s) - PINYIN_OFFSET_BASE;

  /**
   * Pinyin match of `term` against the title's syllables: each syllable is typed in full, by its first letter
   * (安 → a: a syllable with no initial contributes its vowel), or by zh/ch/sh; the last one may be cut short
   * (the seller is still typing). Returns [first syllable, end syllable) of the first match, or null.
   */
  function matchPinyin(r: number, term: string): [number, number] | null {
    const syllables = syllablesOf(r);
    const from = (s: number, i: number, start: number): number => {
      if (i === term.length) return s;
      if (s >= syllables.length) return -1;
      if (s > start && offsetOf(r, s) !== offsetOf(r, s - 1) + 1) return -1;
      const y = syllables[s]!;
      const rest = term.length - i;
      if (rest <= y.length && y.startsWith(term.slice(i))) return s + 1;
      if (rest > y.length && term.startsWith(y, i)) {
        const end = from(s + 1, i + y.length, start);
        if (end >= 0) return end;
      }
      if (term[i] !== y[0]) return -1;
      if (
        y.length > 2 &&
        y[1] === 'h' &&
        term[i + 1] === 'h' &&
        (y[0] === 'z' || y[0] === 'c' || y[0] === 's')
      ) {
        const end = from(s + 1, i + 2, start);
        if (end >= 0) return end;
      }
      return from(s + 1, i + 1, start);
    };
    for (let s = 0; s < syllables.length; s++) {
      if (syllables[s]![0] !== term[0]) continue;
      const end = from(s, 0, s);
      if (end >= 0) return [s, end];
    }
    return null;
  }

  function titleScore(r: number, term: string): number {
    const title = titles[r]!;
    let at = title.indexOf(term);
    if (at === 0) return SCORE.titleStart;
    if (at > 0) {
      for (; at >= 0; at = title.indexOf(term, at + 1)) if (startsWord(title, at)) return SCORE.titleWord;
      // Inside a Latin word (`ads` in `leads`) is a weak hit; inside a run of Han characters is not, since
      // Chinese has no spaces to mark words.
      return isHan(term.charCodeAt(0)) ? SCORE.title : SCORE.titleInsideWord;
    }
    const c = compactTitles[r]!;
    if (c !== title && c.indexOf(term) >= 0) return SCORE.titleSpansWords;
    return 0;
  }

  function tagScore(r: number, term: string): number {
    const t = tags[r]!;
    let at = t.indexOf(term);
    if (at < 0) return 0;
    for (; at >= 0; at = t.indexOf(term, at + 1))
      if (at === 0 || t.charCodeAt(at - 1) === 0x20) return SCORE.tagStart;
    return SCORE.tag;
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

  function termScore(r: number, term: string, pinyinTerm: boolean, hanTerm: boolean): number {
    const inTitle = titleScore(r, term);
    if (inTitle) return inTitle;
    if (pinyinTerm && initials[r]!.indexOf(term[0]!) >= 0) {
      const m = matchPinyin(r, term);
      if (m) return offsetOf(r, m[0]) === 0 ? SCORE.titlePinyinStart : SCORE.titlePinyin;
    }
    const elsewhere = tagScore(r, term) || textScore(r, term);
    if (elsewhere) return elsewhere;
    if (hanTerm && term.length >= 3) return hanPieces(r, term);
    return 0;
  }

  // Least recently used first (Map keeps insertion order).
  const termCache = new Map<string, TermHits>();

  function termHits(term: string): TermHits {
    const cached = termCache.get(term);
    if (cached) {
      termCache.delete(term);
      termCache.set(term, cached);
      return cached;
    }
    let domain: Int32Array | null = null;
    for (let len = term.length - 1; len >= 1 && !domain; len--)
      domain = termCache.get(term.slice(0, len))?.ranks ?? null;
    const pinyinTerm = isPinyinCandidate(term);
    const hanTerm = isHan(term.charCodeAt(0));
    const size = domain ? domain.length : n;
    const ranks = new Int32Array(size);
    const scores = new Uint8Array(size);
    let count = 0;
    for (let k = 0; k < size; k++) {
      const r = domain ? domain[k]! : k;
      const score = termScore(r, term, pinyinTerm, hanTerm);
      if (score) {
        ranks[count] = r;
        scores[count++] = score;
      }
    }
    const hits = { ranks: ranks.slice(0, count), scores: scores.slice(0, count) };
    termCache.set(term, hits);
    if (termCache.size > TERM_CACHE_SIZE) termCache.delete(termCache.keys().next().value!);
    return hits;
  }

  // Latin words of titles and tags, for typo tolerance; built on the first query that needs it.
  let vocabulary: Map<string, { title: number[]; tag: number[] }> | null = null;
  function getVocabulary(): Map<string, { title: number[]; tag: number[] }> {
    if (vocabulary) return vocabulary;
    const vocab = new Map<string, { title: number[]; tag: number[] }>();
    const add = (text: string, r: number, field: 'title' | 'tag') => {
      for (const m of text.matchAll(/[a-z][a-z0-9]{2,}/g)) {
        let entry = vocab.get(m[0]);
        if (!entry) vocab.set(m[0], (entry = { title: [], tag: [] }));
        const list = entry[field];
        if (list[list.length - 1] !== r) list.push(r);
      }
    };
    for (let r = 0; r < n; r++) {
      add(titles[r]!, r, 'title');
      add(tags[r]!, r, 'tag');
    }
    vocabulary = vocab;
    return vocab;
  }

  function typoWords(term: string): string[] {
    const max = typoBudget(term);
    if (!max) return [];
    const words: string[] = [];
    for (const word of getVocabulary().keys()) {
      if (Math.abs(word.length - term.length) > max && word.length < term.length) continue;
      if (prefixDistance(term, word, max) <= max) words.push(word);
    }
    return words;
  }

  /** `hits` plus the items whose title or tag words are within a typo or two of `term`. */
  function withTypos(term: string, hits: TermHits): TermHits {
    const words = typoWords(term);
    if (!words.length) return hits;
    const best = new Map<number, number>();
    const vocab = getVocabulary();
    for (const word of words) {
      const entry = vocab.get(word)!;
      for (const r of entry.tag) best.set(r, Math.max(best.get(r) ?? 0, SCORE.tagTypo));
      for (const r of entry.title) best.set(r, SCORE.titleTypo);
    }
    for (let k = 0; k < hits.ranks.length; k++)
      best.set(hits.ranks[k]!, Math.max(best.get(hits.ranks[k]!) ?? 0, hits.scores[k]!));
    const ranks = Int32Array.from(best.keys()).sort();
    const scores = Uint8Array.from(ranks, (r) => best.get(r)!);
    return { ranks, scores };
  }

  /** Items matching every list (AND), with summed scores, in rank order. */
  function intersect(lists: TermHits[], weight: number): { ranks: Int32Array; scores: Int32Array } {
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
    if (weight !== 1) for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! * weight;
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
    const all: Interpretation[] = [{ terms, weight: 1 }];
    // `ya ma xun` is also `yamaxun`: syllables typed with spaces.
    if (terms.length > 1 && terms.every(isPinyinCandidate))
      all.push({ terms: [terms.join('')], weight: terms.length });
    return all;
  }

  function rankHits(
    interps: Interpretation[],
    useTypos: boolean,
    limit: number,
    keep: (item: number) => boolean,
  ): { rank: number; score: number; interp: Interpretation }[] {
    const top: { rank: number; score: number; interp: Interpretation }[] = [];
    const bestOf = new Map<number, { score: number; interp: Interpretation }>();
    for (const interp of interps) {
      const lists = interp.terms.map((t) => (useTypos ? withTypos(t, termHits(t)) : termHits(t)));
      const { ranks, scores } = intersect(lists, interp.weight);
      for (let k = 0; k < ranks.length; k++) {
        const r = ranks[k]!;
        const score = scores[k]!;
        if (interps.length > 1) {
          const prev = bestOf.get(r);
          if (!prev || prev.score < score) bestOf.set(r, { score, interp });
          continue;
        }
        if (!keep(itemOfRank[r]!)) continue;
        pushTop(top, { rank: r, score, interp }, limit);
      }
    }
    if (interps.length > 1) {
      for (const [r, best] of bestOf) if (keep(itemOfRank[r]!)) pushTop(top, { rank: r, ...best }, limit);
    }
    return top;
  }

  function pushTop(
    top: { rank: number; score: number; interp: Interpretation }[],
    hit: { rank: number; score: number; interp: Interpretation },
    limit: number,
  ): void {
    const worse = (a: typeof hit, b: typeof hit) =>
      a.score < b.score || (a.score === b.score && a.rank > b.rank);
    if (top.length === limit && !worse(top[limit - 1]!, hit)) return;
    let at = top.length === limit ? limit - 1 : top.length;
    if (top.length < limit) top.push(hit);
    while (at > 0 && worse(top[at - 1]!, hit)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = hit;
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
      const inTags = occurrences(tags[r]!, term, tags[r]!.length, byField.tags);
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
          for (const m of text.matchAll(/[a-z][a-z0-9]{2,}/g)) {
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
