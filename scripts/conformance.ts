/**
 * Runs feedparser's test corpus (../shared/conformance/feedparser) through the feed core and reports, per
 * folder: crashes (anything but a FeedError), the share of `Expect:` lines that map onto our model and hold,
 * and for wellformed/sanitize whether every output is safe. `npm run conformance` prints the table;
 * tests/unit/conformance.test.ts holds per-folder floors.
 *
 * How expectations map (documented in docs/feed-format.md too): `[not] bozo and PATH == LITERAL` lines where
 * PATH names a field our model has. Titles and summaries are plain text in our model, so an expected value
 * with markup is compared as text for titles (unmapped when the markup carries links) and, for summaries,
 * either as text or against the sanitized content. HTML is compared after both sides pass our sanitizer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { decodeFeedBytes } from '../core/encoding';
import { parseFeed } from '../core/feed/index';
import { FeedError, type CatalogItem, type ParsedFeed } from '../core/model';
import { textToHtml } from '../core/feed/normalize';
import { htmlToText, sanitizeHtml } from '../core/sanitize';

export const CORPUS = join(process.cwd(), '..', 'shared', 'conformance', 'feedparser');
const SERVED_FROM = 'http://127.0.0.1:8097/';

type Py = string | number | boolean | null | Py[];

/** Reads one Python literal (str/bytes with escapes, int, float, bool, None, tuple, list). */
function parsePyLiteral(src: string): Py | undefined {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const value = (): Py => {
    ws();
    const c = src[i];
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const list: Py[] = [];
      ws();
      while (src[i] !== close) {
        list.push(value());
        ws();
        if (src[i] === ',') i++;
        ws();
        if (i >= src.length) throw new Error('unterminated');
      }
      i++;
      return list;
    }
    const str = /^[uUbBrR]{0,2}(['"])/.exec(src.slice(i));
    if (str) {
      const raw = /[rR]/.test(str[0].slice(0, -1));
      const quote = str[1]!;
      const triple = src.startsWith(quote.repeat(3), i + str[0].length - 1);
      i += str[0].length + (triple ? 2 : 0);
      let out = '';
      for (;;) {
        if (i >= src.length) throw new Error('unterminated string');
        if (triple ? src.startsWith(quote.repeat(3), i) : src[i] === quote) {
          i += triple ? 3 : 1;
          return out;
        }
        const ch = src[i]!;
        if (ch === '\\' && !raw) {
          const e = src[i + 1]!;
          i += 2;
          const simple: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            "'": "'",
            '"': '"',
            '0': '\0',
            a: '\x07',
            b: '\b',
            f: '\f',
            v: '\v',
            '\n': '',
          };
          if (e === 'x' || e === 'u' || e === 'U') {
            const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            out += String.fromCodePoint(parseInt(src.slice(i, i + len), 16));
            i += len;
          } else if (e in simple) out += simple[e];
          else out += `\\${e}`;
          continue;
        }
        out += ch;
        i++;
      }
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    throw new Error(`cannot read literal at ${src.slice(i, i + 20)}`);
  };
  try {
    const v = value();
    ws();
    return i === src.length ? v : undefined;
  } catch {
    return undefined;
  }
}

type Step = string | number;

function parsePath(src: string): Step[] | undefined {
  const m = /^([a-z_]+)((?:\[(?:\d+|'[^']*'|"[^"]*")\])*)$/.exec(src.trim());
  if (!m) return undefined;
  const steps: Step[] = [m[1]!];
  for (const part of m[2]!.matchAll(/\[(\d+|'[^']*'|"[^"]*")\]/g)) {
    const s = part[1]!;
    steps.push(/^\d/.test(s) ? Number(s) : s.slice(1, -1));
  }
  return steps;
}

export interface Outcome {
  /** False: the expectation does not map onto our model. */
  mapped: boolean;
  pass: boolean;
  /** Set when the expectation maps but our model deliberately differs; such lines are reported, not scored. */
  divergence?: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const sameUrl = (ours: string | null | undefined, expected: string) => {
  if (!ours) return false;
  try {
    return new URL(ours).href === new URL(expected).href;
  } catch {
    return ours === expected;
  }
};
/** feedparser's titles are HTML (escaped text); ours are plain text. */
const sameText = (ours: string | null | undefined, expected: string) =>
  squash(ours ?? '') === squash(htmlToText(expected)) || squash(ours ?? '') === squash(expected);
/** Both sides through our sanitizer, with URLs normalized by the URL parser (a dummy base resolves nothing absolute). */
const canonHtml = (html: string) =>
  squash(sanitizeHtml(html, 'http://canon.invalid/').replace(/ rel="noopener noreferrer"/g, ''));
const hasMarkup = (s: string) => /<[a-z!/]/i.test(s);
/** Titles are plain text in our model: markup carrying links or images has nothing to map onto. */
const LINKS = /<(a|img)\s/i;

function canonEncoding(label: string): string {
  const l = label.toLowerCase().replace(/_/g, '-');
  if (/^utf-?32/.test(l) || l.startsWith('ucs-4')) return l.replace(/^utf-?32/, 'utf-32');
  try {
    const name = new TextDecoder(l).encoding;
    // The Encoding Standard decodes GBK with the GB18030 decoder: the same bytes give the same text.
    return name === 'gbk' ? 'gb18030' : name;
  } catch {
    return l;
  }
}

/** feedparser's time tuple (UTC): (year, month, day, hour, minute, second, …). */
function sameInstant(iso: string | null, tuple: Py): boolean {
  if (!iso || !Array.isArray(tuple)) return false;
  const [y, mo, d, h, mi, s] = tuple as number[];
  return Date.parse(iso) === Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

interface FileRun {
  feed: ParsedFeed | null;
  encoding: string;
  contentType: string | null;
}

const HTML5_ENTITIES = 'HTML5 maps &lang; and &rang; to U+27E8/U+27E9 (HTML 4 had U+2329/U+232A)';
const OPAQUE_IDS =
  'ids are opaque: a relative Atom id is kept as written (resolving it would change every id when a feed moves)';

const RFC3023_DEFAULT =
  'RFC 3023 made text/* XML without a charset us-ascii; RFC 7303 replaced that with the BOM, the XML declaration, then UTF-8, as browsers do';

function evaluate(steps: Step[], expected: Py, run: FileRun): Outcome {
  const unmapped = { mapped: false, pass: false };
  const result = (pass: boolean) => ({ mapped: true, pass });
  const key = steps.join('.');
  if (key === 'encoding' && typeof expected === 'string') {
    const pass = canonEncoding(expected) === canonEncoding(run.encoding);
    if (!pass && expected === 'us-ascii' && /^text\//i.test(run.contentType ?? '')) {
      return { mapped: true, pass: false, divergence: RFC3023_DEFAULT };
    }
    return result(pass);
  }
  const feed = run.feed;

  if (steps[0] === 'feed') {
    const field = steps.slice(1).join('.');
    if ((field === 'title' || field === 'title_detail.value') && typeof expected === 'string') {
      if (LINKS.test(expected)) return unmapped;
      if (
        feed &&
        !sameText(feed.title, expected) &&
        sameText(feed.title, expected.replace(/\u2329/g, '\u27e8').replace(/\u232a/g, '\u27e9'))
      ) {
        return { mapped: true, pass: false, divergence: HTML5_ENTITIES };
      }
      return result(!!feed && sameText(feed.title, expected));
    }
    if (field === 'link' && typeof expected === 'string')
      return result(sameUrl(feed?.home_page_url, expected));
    if (field === 'language' && typeof expected === 'string') return result(feed?.language === expected);
    return unmapped;
  }
  if (steps[0] === 'entries' && typeof steps[1] === 'number') {
    const item: CatalogItem | undefined = feed?.items[steps[1]];
    const field = steps.slice(2).join('.');
    if ((field === 'title' || field === 'title_detail.value') && typeof expected === 'string') {
      if (LINKS.test(expected)) return unmapped;
      return result(!!item && sameText(item.title, expected));
    }
    if (field === 'link' && typeof expected === 'string') return result(sameUrl(item?.url, expected));
    if ((field === 'id' || field === 'guid') && typeof expected === 'string') {
      const relativeId = item && !/^[a-z][a-z0-9+.-]*:/i.test(item.id) && /^https?:/.test(expected);
      if (relativeId && item.id !== expected && sameUrl(new URL(item.id, expected).href, expected)) {
        return { mapped: true, pass: false, divergence: OPAQUE_IDS };
      }
      return result(item?.id === expected);
    }
    if (field === 'content.0.value' && typeof expected === 'string') {
      // Plain-text content becomes escaped paragraphs in our model.
      const ours = canonHtml(item?.content_html ?? '');
      return result(!!item && (ours === canonHtml(expected) || ours === canonHtml(textToHtml(expected))));
    }
    if (['summary', 'description', 'summary_detail.value'].includes(field) && typeof expected === 'string') {
      if (!item) return result(false);
      if (!hasMarkup(expected)) return result(squash(item.summary ?? '') === squash(htmlToText(expected)));
      return result(
        canonHtml(item.content_html ?? '') === canonHtml(expected) ||
          squash(item.summary ?? '') === squash(htmlToText(expected)),
      );
    }
    const tag = /^tags\.(\d+)\.term$/.exec(field);
    if (tag && typeof expected === 'string') return result(item?.tags[Number(tag[1])] === expected);
    if (field === 'published_parsed') return result(!!item && sameInstant(item.date_published, expected));
    if (field === 'updated_parsed')
      return result(!!item && sameInstant(item.date_modified ?? item.date_published, expected));
    return unmapped;
  }
  return unmapped;
}

/** Outcomes for each clause of an `Expect:` line that reads `PATH == LITERAL`. */
function check(expect: string, run: FileRun): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const clause of expect.split(/\s+and\s+(?=(?:not\s+)?[a-z_]+[[(\s]|len\()/)) {
    const c = clause.trim();
    if (/^(not\s+)?bozo$/.test(c)) continue;
    const len = /^len\((entries)\)\s*==\s*(\d+)$/.exec(c);
    if (len) {
      outcomes.push({ mapped: true, pass: (run.feed?.items.length ?? 0) === Number(len[2]) });
      continue;
    }
    const eq = /^([a-z_]+(?:\[[^\]]+\])*)\s*==\s*([\s\S]+)$/.exec(c);
    const steps = eq ? parsePath(eq[1]!) : undefined;
    const expected = eq ? parsePyLiteral(eq[2]!) : undefined;
    if (!steps || expected === undefined) {
      outcomes.push({ mapped: false, pass: false });
      continue;
    }
    outcomes.push(evaluate(steps, expected, run));
  }
  return outcomes;
}

const DANGEROUS =
  'script,iframe,object,embed,meta,style,base,form,applet,frame,frameset,link,svg,math,template';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'srcset',
  'poster',
  'background',
  'xlink:href',
];
let htmlParser: DOMParser | null = null;

/**
 * The corpus README's safe property, judged on what an HTML5 parser (jsdom's) builds from the output, not on
 * the string: no script-like element, no on* attribute, no javascript:/data:/vbscript: URL.
 */
export function unsafeReason(html: string): string | null {
  if (!/[<&]/.test(html)) return null;
  const parser = (htmlParser ??= new new JSDOM('').window.DOMParser());
  const doc = parser.parseFromString(`<body>${html}</body>`, 'text/html');
  const bad = doc.body.querySelector(DANGEROUS);
  if (bad) return `<${bad.localName}> element`;
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) return `${attr.name} attribute on <${el.localName}>`;
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(attr.name) && /^(javascript|data|vbscript):/.test(value)) {
        return `${attr.name}="${attr.value.slice(0, 30)}" on <${el.localName}>`;
      }
    }
  }
  return null;
}

export interface FolderStats {
  files: number;
  crashes: string[];
  mapped: number;
  passed: number;
  failures: string[];
  /** Mapped lines where the model differs on purpose, by reason; not scored. */
  divergences: Map<string, string[]>;
  /** wellformed/sanitize only: files whose output broke the safe property. */
  unsafe: string[];
  slowest: number;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (name.endsWith('.xml')) out.push(path);
  }
  return out;
}

function headerLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const m of text.slice(0, 4000).matchAll(/^Header:\s+([A-Za-z-]+):\s*(.*)$/gm))
    headers[m[1]!.toLowerCase()] = m[2]!.trim();
  return headers;
}

/** Runs the whole corpus; keys are folders relative to `tests/`. */
export function runConformance(corpus = CORPUS): Map<string, FolderStats> {
  const testsDir = join(corpus, 'tests');
  const stats = new Map<string, FolderStats>();
  for (const file of walk(testsDir)) {
    const rel = relative(testsDir, file);
    const folder = rel.split('/').slice(0, -1).join('/');
    const name = rel.split('/').pop()!;
    let s = stats.get(folder);
    if (!s)
      stats.set(
        folder,
        (s = {
          files: 0,
          crashes: [],
          mapped: 0,
          passed: 0,
          failures: [],
          divergences: new Map(),
          unsafe: [],
          slowest: 0,
        }),
      );
    s.files++;

    const bytes = new Uint8Array(readFileSync(file));
    const head = decodeFeedBytes(bytes.subarray(0, 16000)).text;
    const headers = headerLines(head);
    const served = name.startsWith('http') ? new URL(`tests/${rel}`, SERVED_FROM).href : null;
    const url =
      served && headers['content-location'] ? new URL(headers['content-location'], served).href : served;
    const contentType = served ? (headers['content-type'] ?? null) : null;

    const started = performance.now();
    let feed: ParsedFeed | null = null;
    try {
      // Fixtures hold one field per item: keep items the catalog would drop as empty, to see how fields are read.
      feed = parseFeed({ bytes, url, contentType }, { keepEmptyItems: true });
    } catch (error) {
      if (!(error instanceof FeedError) || /\n/.test(error.message))
        s.crashes.push(`${rel}: ${String(error)}`);
    }
    s.slowest = Math.max(s.slowest, performance.now() - started);
    const run: FileRun = { feed, encoding: decodeFeedBytes(bytes, contentType).encoding, contentType };

    if (folder === 'wellformed/sanitize' && feed) {
      for (const item of feed.items) {
        const why = unsafeReason(item.content_html ?? '');
        if (why) s.unsafe.push(`${rel}: ${why}`);
      }
    }
    const expect = /^Expect:\s+(.*)$/m.exec(head)?.[1];
    if (!expect || (/^SkipUnless:/m.test(head) && !/codecs/.test(head))) continue;
    const isSanitizeStringTest = folder === 'wellformed/sanitize';
    if (isSanitizeStringTest) continue; // feedparser's exact strings test its own allow-list; safety is checked above
    for (const o of check(expect, run)) {
      if (!o.mapped) continue;
      if (o.divergence) {
        const list = s.divergences.get(o.divergence) ?? [];
        list.push(rel);
        s.divergences.set(o.divergence, list);
        continue;
      }
      s.mapped++;
      if (o.pass) s.passed++;
      else s.failures.push(`${rel}: ${expect}`);
    }
  }
  return stats;
}

export function passRate(s: FolderStats): number {
  return s.mapped === 0 ? 1 : s.passed / s.mapped;
}

function main(): void {
  const verbose = process.argv.includes('--failures');
  const stats = runConformance();
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log('folder                     files crashes  mapped  passed    rate  slowest');
  let crashes = 0;
  for (const [folder, s] of rows) {
    crashes += s.crashes.length;
    const safe =
      folder === 'wellformed/sanitize'
        ? `  safe ${s.files - new Set(s.unsafe.map((u) => u.split(':')[0])).size}/${s.files}`
        : '';
    console.log(
      `${folder.padEnd(26)} ${String(s.files).padStart(5)} ${String(s.crashes.length).padStart(7)} ${String(s.mapped).padStart(7)} ${String(s.passed).padStart(7)} ${(passRate(s) * 100).toFixed(1).padStart(6)}% ${s.slowest.toFixed(0).padStart(6)}ms${safe}`,
    );
    for (const [why, files] of s.divergences) console.log(`    not scored, ${files.length} line(s): ${why}`);
    if (verbose) for (const f of [...s.crashes, ...s.unsafe, ...s.failures]) console.log(`    ${f}`);
  }
  console.log(`crashes over the whole corpus: ${crashes}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
