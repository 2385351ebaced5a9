/**
 * Text folding shared by ingest (build.ts) and query time (searcher.ts). Everything here keeps offsets: a
 * folded string has exactly the length of its source, so a match found in it is also a range in the original
 * title, tags or summary (the UI highlights the original).
 */

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

/** A character a search term is made of (after folding): letters, digits, Han, kana, hangul. */
export function isWordChar(code: number): boolean {
  if (isAsciiAlnum(code)) return true;
  if (code < 0xc0) return false;
  if (isHan(code)) return true;
  // Latin-1 letters and beyond (é, ß, Cyrillic, kana, hangul): anything that is not punctuation or a space.
  return !/[\p{P}\p{S}\p{Z}\p{C}]/u.test(String.fromCharCode(code));
}

/** Scripts a term is split at, so `fba头程` is the two terms `fba` and `头程`. */
export function scriptOf(code: number): 'han' | 'other' {
  return isHan(code) ? 'han' : 'other';
}

/**
 * Lower-cases and maps full-width ASCII (ＦＢＡ, Chinese IMEs type it) to ASCII, one UTF-16 unit for one,
 * so offsets in the result are offsets in the input.
 */
export function fold(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped = code;
    if (code >= 0x41 && code <= 0x5a) mapped = code + 32;
    else if (code >= 0xff01 && code <= 0xff5e) {
      mapped = code - 0xfee0;
      if (mapped >= 0x41 && mapped <= 0x5a) mapped += 32;
    } else if (code === 0x3000) mapped = 0x20;
    else if (code >= 0xc0 && code < 0xd800) {
      const lower = String.fromCharCode(code).toLowerCase();
      if (lower.length === 1) mapped = lower.charCodeAt(0);
    }
    if (mapped !== code) changed = true;
    out += String.fromCharCode(mapped);
  }
  return changed ? out : text;
}

/** Removes everything that is not a word character: `Send to Amazon` → `sendtoamazon`, so `sendto` matches. */
export function compact(folded: string): string {
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    if (isWordChar(folded.charCodeAt(i))) out += folded[i];
  }
  return out;
}

/** Offsets in `folded` of each character `compact(folded)` kept (computed only for the hits shown). */
export function compactOffsets(folded: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < folded.length; i++) if (isWordChar(folded.charCodeAt(i))) offsets.push(i);
  return offsets;
}

/**
 * Splits a query into terms: folded, cut at spaces and punctuation, and at every change between Han and
 * other scripts (`FBA头程` → `fba`, `头程`). Terms keep their order; duplicates are dropped.
 */
export function queryTerms(query: string): string[] {
  const folded = fold(query.normalize('NFKC'));
  const terms: string[] = [];
  let current = '';
  let currentScript: 'han' | 'other' | null = null;
  const flush = () => {
    if (current && !terms.includes(current)) terms.push(current);
    current = '';
    currentScript = null;
  };
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (!isWordChar(code)) {
      flush();
      continue;
    }
    const script = scriptOf(code);
    if (currentScript !== null && script !== currentScript) flush();
    current += folded[i];
    currentScript = script;
  }
  flush();
  return terms;
}

/** True when `term` is plain a–z letters, the only thing that can be pinyin. */
export function isPinyinCandidate(term: string): boolean {
  return /^[a-z]+$/.test(term);
}

/** True when the character before `index` ends a word, so a match at `index` starts one. */
export function startsWord(folded: string, index: number): boolean {
  if (index === 0) return true;
  const before = folded.charCodeAt(index - 1);
  const at = folded.charCodeAt(index);
  return !isWordChar(before) || scriptOf(before) !== scriptOf(at);
}

/** True when the character at `index` (or the end) ends the word before it. */
export function endsWord(folded: string, index: number): boolean {
  if (index >= folded.length) return true;
  const at = folded.charCodeAt(index);
  return !isWordChar(at) || scriptOf(folded.charCodeAt(index - 1)) !== scriptOf(at);
}
