/**
 * Text handling shared by the page map, the index builder and the matcher. Seller Central speaks many
 * languages, so words are found two ways: Latin-script (and other spaced-script) words at a word start, and
 * CJK text (Chinese, Japanese) as plain substrings, since it has no spaces to split on.
 */

/*
 * Character classes are written as plain ranges, not Unicode property escapes (\p{Script=Han}, \p{L}): the
 * content script compiles them on every page load, and property classes cost ~0.2 ms each to compile.
 */
/** Hiragana, Katakana (incl. ー), CJK ideographs (ext. A, unified, compatibility), Hangul syllables. */
const CJK_RANGES = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af';
const CJK_CHAR = new RegExp(`[${CJK_RANGES}]`);
/**
 * What separates words: whitespace, ASCII and Latin-1 punctuation, general punctuation, CJK and full-width
 * punctuation. Everything else (letters and digits of any script) is part of a word.
 */
const SEPARATOR_RANGES =
  '\\s!-/:-@\\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65';
const SEPARATOR = new RegExp(`[${SEPARATOR_RANGES}]`);
/** Combining accents (U+0300–U+036F) only: Japanese voicing marks (パ = ハ + U+309A) must stay. */
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\t\n\r\x20-\x7e]*$/;
/** Latin, Greek and Cyrillic letters that may carry an accent (precomposed after NFKC). */
const MAY_HAVE_ACCENTS = /[\u00c0-\u04ff\u1e00-\u1fff]/;

/**
 * Lowercase, width-folded (NFKC: full-width Ｐａｓｓ → pass) and accent-folded (é → e) text, so that
 * `Rücksendungen`, `RUCKSENDUNGEN` and `rucksendungen` compare equal. CJK characters are unchanged.
 */
export function normalizeText(text: string): string {
  // Fast paths: plain ASCII needs only lowercasing; text without accented letters skips the NFD/NFC round.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  const folded = text.normalize('NFKC').toLowerCase();
  return MAY_HAVE_ACCENTS.test(folded)
    ? folded.normalize('NFD').replace(COMBINING_ACCENTS, '').normalize('NFC')
    : folded;
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Words that carry no meaning on a Seller Central page: they are in every title or every sentence. */
const STOPWORDS = new Set(
  (
    'a an and are as at be by can de der die das du des et for from how i if in is it la le les los las me ' +
    'my not of on or our the this to und was what when where which why with you your ein eine el en il un ' +
    'une y o di da del della per con su amazon seller sellers central sellercentral page home ' +
    'manage view all new help'
  ).split(' '),
);
const CJK_STOP = new Set(['亚马', '马逊', '卖家', '平台', '中心', '怎么', '么办', '如何', '什么', '页面']);

/**
 * Search tokens of a text: Latin-script words (2+ characters, stop words removed, a plural `s` dropped) and
 * CJK bigrams (a lone CJK character stays a token), all normalized. Used for text relevance only; the page
 * map and `match.keywords` use `containsTerm`, which is stricter.
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  const tokens: string[] = [];
  // One pass over the characters (no regex iterators: the index builder tokenizes every guide on each sync).
  let runStart = -1;
  let runCjk = false;
  const flush = (end: number) => {
    if (runStart < 0) return;
    const run = normalized.slice(runStart, end);
    if (runCjk) {
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < run.length; i++) {
        const bigram = run.slice(i, i + 2);
        if (!CJK_STOP.has(bigram)) tokens.push(bigram);
      }
    } else if (run.length >= 2 && !STOPWORDS.has(run) && !ALL_DIGITS.test(run)) {
      tokens.push(stem(run));
    }
    runStart = -1;
  };
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    const cjk = isCjkCode(code);
    if (!cjk && !isWordCode(code, normalized[i]!)) {
      flush(i);
      continue;
    }
    if (runStart >= 0 && cjk !== runCjk) flush(i);
    if (runStart < 0) {
      runStart = i;
      runCjk = cjk;
    }
  }
  flush(normalized.length);
  return tokens;
}

const ALL_DIGITS = /^\d+$/;

/** Hiragana, Katakana, CJK ideographs (ext. A, unified, compatibility), Hangul syllables: as CJK_RANGES. */
export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

/** A letter or digit of any script (ASCII decided by code, the rest by the separator class). */
export function isWordCode(code: number, char: string): boolean {
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !SEPARATOR.test(char);
}

/** A light, language-blind stem: enough to let `returns` meet `return` and `orders` meet `order`. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** A term prepared once for `containsTerm`. */
export interface PreparedTerm {
  /** Normalized term text. */
  text: string;
  /** CJK terms match anywhere; others must start at a word boundary. */
  cjk: boolean;
  /** Short Latin terms (≤ 4 letters, e.g. `vat`, `resi`) must also end at a word boundary. */
  whole: boolean;
}

export function prepareTerm(term: string): PreparedTerm | null {
  const text = normalizeText(term).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const cjk = hasCjk(text);
  return { text, cjk, whole: !cjk && text.length <= 4 };
}

export const isWordChar = (ch: string | undefined) => ch !== undefined && isWordCode(ch.charCodeAt(0), ch);

/**
 * Whether `haystack` (already normalized, whitespace collapsed) holds the term. Latin terms must start a word
 * (`return` finds `returns`, `Bestellung` finds `Bestellungen`, but `tax` never finds `syntax`).
 */
export function containsTerm(haystack: string, term: PreparedTerm): boolean {
  if (term.cjk) return haystack.includes(term.text);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(term.text, from);
    if (at < 0) return false;
    const startsWord = !isWordChar(haystack[at - 1]);
    const endsWord = !term.whole || !isWordChar(haystack[at + term.text.length]);
    if (startsWord && endsWord) return true;
    from = at + 1;
  }
}

/** Normalized text with whitespace collapsed: the form `containsTerm` searches. */
export function searchableText(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}
