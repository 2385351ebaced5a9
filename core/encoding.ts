/**
 * Bytes → text for feeds, without Node built-ins: BOMs, UTF-16/32 sniffing, the XML declaration's encoding
 * and an HTTP charset, decoded with the platform's `TextDecoder` (which covers GBK/GB2312, Big5, Shift_JIS,
 * EUC-KR and windows-125x in browsers and in Node with full ICU). UTF-32 is decoded by hand because the
 * Encoding Standard leaves it out.
 */

export interface DecodedText {
  text: string;
  /** The encoding actually used, lower-case WHATWG name (or utf-32le/utf-32be). */
  encoding: string;
  warnings: string[];
}

type Utf32 = 'utf-32le' | 'utf-32be';

function sniffBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff)
    return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00)
    return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** XML 1.0 Appendix F: a BOM-less document starting with `<` or `<?` in a wide encoding. */
function sniffWideXml(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e === 0x3c) return 'utf-32be';
  if (a === 0x3c && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c === 0x3c && d === 0 && e === 0x3f) return 'utf-16be';
  if (a === 0x3c && c === 0 && d === 0x3f && e === 0) return 'utf-16le';
  return null;
}

/** `charset` parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType);
  const value = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim().toLowerCase();
  return value || null;
}

/** The encoding named in `<?xml … encoding="…"?>`, read from an ASCII-compatible prefix. */
function xmlDeclEncoding(b: Uint8Array, offset: number): string | null {
  const end = Math.min(b.length, offset + 512);
  let head = '';
  for (let i = offset; i < end; i++) head += String.fromCharCode(b[i]!);
  const decl = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return decl ? decl[1]!.toLowerCase() : null;
}

function decodeUtf32(b: Uint8Array, start: number, kind: Utf32): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const little = kind === 'utf-32le';
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = start; i + 4 <= b.length; i += 4) {
    const cp = view.getUint32(i, little);
    chunk.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? cp : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** windows-1252's characters for bytes 0x80–0x9F (five of them are unassigned and stay as they are). */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * C1 control characters never belong in a feed; when they appear they are windows-1252 punctuation that went
 * through a Latin-1 step (a publisher's pipeline, or Node 20's own windows-1252 decoder). Map them back.
 */
function repairC1Controls(text: string): string {
  C1_CONTROLS.lastIndex = 0;
  if (!C1_CONTROLS.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]!));
}

/**
 * The likeliest legacy encoding of text that is not UTF-8, from its byte pairs: Shift_JIS leads with 0x81–0x9F
 * (kana), Big5 often trails with 0x40–0x7E, GB2312 keeps both bytes in 0xA1–0xFE, and EUC-JP is GB-shaped but
 * full of the kana rows 0xA4/0xA5. EUC-KR cannot be told from GB2312 this way and is read as GB18030; anything
 * else, or too few pairs to tell, is windows-1252.
 */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  let pairs = 0;
  let gb = 0;
  let big5 = 0;
  let sjis = 0;
  let kanaRows = 0;
  const end = Math.min(bytes.length, 65_536);
  for (let i = 0; i < end - 1; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1]!;
    pairs++;
    if (lead <= 0x9f && trail >= 0x40 && trail <= 0xfc) sjis++;
    if (lead >= 0xa1 && trail >= 0x40 && trail <= 0x7e) big5++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb++;
    if ((lead === 0xa4 || lead === 0xa5) && trail >= 0xa1) kanaRows++;
    i++;
  }
  if (pairs < 2) return 'windows-1252';
  if (sjis > pairs * 0.3) return 'shift_jis';
  if (big5 > pairs * 0.1) return 'big5';
  // GB2312 has kana rows too, but Chinese text rarely uses them; Japanese EUC text is full of them.
  if (gb > pairs * 0.6) return kanaRows > pairs * 0.2 ? 'euc-jp' : 'gb18030';
  return 'windows-1252';
}

/**
 * CJK text decodes into runs of non-ASCII characters; Latin text with accents or curly quotes, misread as a
 * double-byte encoding, gives isolated ones ("don’t" → one kanji between ASCII letters).
 */
function looksLikeCjkText(text: string): boolean {
  let runs = 0;
  let chars = 0;
  for (const run of text.matchAll(/[\u0080-\uffff]+/g)) {
    runs++;
    chars += run[0].length;
  }
  return runs > 0 && chars / runs >= 2;
}

function makeDecoder(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return null;
  }
}

/** Labels that name a wide encoding without saying its byte order. */
const WIDE_WITHOUT_ORDER = /^(utf-?16|utf-?32|ucs-?2|ucs-?4|iso-10646-ucs-2|unicode)$/;

/**
 * Decodes feed bytes. Precedence follows how publishers actually get it wrong least often: a BOM wins, then
 * an HTTP charset, then the XML declaration, then UTF-8. A declared encoding that the bytes contradict is
 * decoded leniently with a warning rather than refused.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  const wide = bom ? null : sniffWideXml(bytes);
  const start = bom?.length ?? 0;

  let label: string | null = bom?.encoding ?? wide ?? null;
  if (!label) {
    const http = charsetFromContentType(contentType);
    const declared = xmlDeclEncoding(bytes, start);
    for (const candidate of [http, declared]) {
      if (!candidate || WIDE_WITHOUT_ORDER.test(candidate)) continue;
      if (makeDecoder(candidate, false)) {
        label = candidate;
        break;
      }
      warnings.push(`unknown character encoding "${candidate}" ignored`);
    }
  }
  label ??= 'utf-8';

  if (label === 'utf-32le' || label === 'utf-32be') {
    return { text: decodeUtf32(bytes, start, label), encoding: label, warnings };
  }
  const body = bytes.subarray(start);
  const strict = makeDecoder(label, true)!;
  try {
    return { text: repairC1Controls(strict.decode(body)), encoding: strict.encoding, warnings };
  } catch {
    // Not UTF-8 after all: Chinese sites still publish GB2312 without saying so, and Windows editors write
    // windows-1252. Guess from the byte pairs, keep the guess only if it decodes cleanly.
    if (strict.encoding === 'utf-8') {
      const guess = guessLegacyEncoding(body);
      const decoder = makeDecoder(guess, true);
      if (decoder && guess !== 'windows-1252') {
        try {
          const text = decoder.decode(body);
          if (!looksLikeCjkText(text)) throw new Error('isolated characters: accented Latin text, not CJK');
          warnings.push(
            `the feed is not valid UTF-8 and declares no encoding; it was read as ${decoder.encoding}`,
          );
          return { text, encoding: decoder.encoding, warnings };
        } catch {
          // fall through to windows-1252, which accepts every byte
        }
      }
      warnings.push('the feed is not valid UTF-8; it was read as windows-1252');
      const text = repairC1Controls(makeDecoder('windows-1252', false)!.decode(body));
      return { text, encoding: 'windows-1252', warnings };
    }
    const lenient = makeDecoder(label, false)!;
    warnings.push(`the feed has bytes that are not valid ${lenient.encoding}; they were replaced`);
    return { text: repairC1Controls(lenient.decode(body)), encoding: lenient.encoding, warnings };
  }
}
