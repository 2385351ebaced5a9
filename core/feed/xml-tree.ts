/**
 * A small namespace-aware XML tree for feeds, built from htmlparser2's SAX events in XML mode. htmlparser2
 * never expands DOCTYPE entities (no XML bomb can detonate), recovers from the mismatched tags real feeds
 * contain, and is the parser sanitize-html already ships, so reading XML adds little to the bundle.
 * DOCTYPE internal subsets are still cut out before parsing, so no entity declaration reaches any parser.
 */
import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';
import { FeedError } from '../model';
import { resolveUrl } from '../urls';

export interface XElement {
  /** Namespace alias (see NAMESPACES) + ':' + local name, e.g. `atom:link`, `:title` for no namespace. */
  key: string;
  local: string;
  ns: string;
  /** Attributes by their name as written, values decoded. */
  attrs: Record<string, string>;
  children: XNode[];
  /** Effective xml:base (resolved against the parent's), or the document URL. */
  base: string | null;
  lang: string | null;
}
export type XNode = XElement | string;

/** Namespace URIs → the short aliases readers use. RSS-family namespaces read as no namespace. */
const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom03',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://backend.userland.com/rss': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
};

/** Prefixes feeds use without declaring them; read by convention. */
const CONVENTIONAL_PREFIXES: Record<string, string> = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

export interface XmlDocument {
  root: XElement;
  warnings: string[];
  /** The element below the root left open at the end of the text (a cut-off file), or null. */
  unclosed: string | null;
}

/** What the DOCTYPE declared: plain-text entities are kept, anything else is reported and ignored. */
export interface DoctypeEntities {
  /** Entities whose value is plain text (no references, no markup): expanding them cannot grow recursively. */
  simple: Map<string, string>;
  /** Declarations that were cut out unread: nested references, parameter or external entities. */
  ignored: number;
}

/** Deeper nesting than this is refused: feeds nest a few dozen levels, and deeper input only costs time and stack. */
export const MAX_XML_DEPTH = 512;

const SIMPLE_ENTITY = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"'&%<]{0,1024})\2\s*>/g;
/** Total characters simple entities may add to a document: beyond this, references stay as written. */
const ENTITY_EXPANSION_BUDGET = 1_000_000;

/**
 * Cuts the DOCTYPE (and its internal subset) out before parsing, so no entity declaration reaches the parser.
 * Plain-text entities are returned for a bounded, non-recursive expansion; the rest are only counted.
 */
export function neutralizeDoctype(text: string): { text: string; entities: DoctypeEntities } {
  const entities: DoctypeEntities = { simple: new Map(), ignored: 0 };
  // A DOCTYPE only counts before the root element; later the same letters are content (e.g. in CDATA).
  const firstElement = text.search(/<[A-Za-z_]/);
  const head = text.slice(0, firstElement < 0 ? text.length : firstElement);
  const at = head.search(/<!DOCTYPE/i);
  if (at < 0) return { text, entities };
  const bracket = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (close < 0) return { text: text.slice(0, at), entities };
  if (bracket < 0 || bracket > close) return { text: text.slice(0, at) + text.slice(close + 1), entities };
  const subsetEnd = /\]\s*>/g;
  subsetEnd.lastIndex = bracket;
  const end = subsetEnd.exec(text);
  const stop = end ? end.index + end[0].length : text.length;
  const subset = text.slice(bracket, stop);
  const declared = subset.match(/<!ENTITY/gi)?.length ?? 0;
  for (const m of subset.matchAll(SIMPLE_ENTITY)) entities.simple.set(m[1]!, m[3]!);
  entities.ignored = declared - entities.simple.size;
  return { text: text.slice(0, at) + text.slice(stop), entities };
}

function makeDecoder(simple: Map<string, string>): {
  decode: (value: string) => string;
  exhausted: () => boolean;
} {
  let budget = ENTITY_EXPANSION_BUDGET;
  const custom = simple.size > 0 ? /&([A-Za-z_][\w.-]*);/g : null;
  return {
    decode(value) {
      if (!value.includes('&')) return value;
      let v = value;
      if (custom) {
        v = v.replace(custom, (ref, name: string) => {
          const replacement = simple.get(name);
          if (replacement === undefined || budget < replacement.length) return ref;
          budget -= replacement.length;
          return replacement;
        });
      }
      return decodeHTMLStrict(v);
    },
    exhausted: () => budget < ENTITY_EXPANSION_BUDGET && budget <= 1024,
  };
}

/** Text content of an element and its descendants. */
export function textOf(node: XElement): string {
  if (node.children.length === 1 && typeof node.children[0] === 'string') return node.children[0];
  let out = '';
  for (const child of node.children) out += typeof child === 'string' ? child : textOf(child);
  return out;
}

export function hasElementChildren(node: XElement): boolean {
  return node.children.some((c) => typeof c !== 'string');
}

/**
 * Parses feed XML into a tree, repairing mismatched tags with a warning. Throws `FeedError` when there is no
 * element at all; a cut-off file is reported in `unclosed` for the caller to refuse once it knows what it read.
 */
export function parseXml(input: string, documentUrl: string | null): XmlDocument {
  const warnings: string[] = [];
  const { text, entities } = neutralizeDoctype(input);
  if (entities.ignored > 0) {
    const n = entities.ignored;
    warnings.push(
      `the feed's DOCTYPE has ${n} entity declaration${n === 1 ? '' : 's'} referring to other entities or files; ignored`,
    );
  }
  const { decode, exhausted } = makeDecoder(entities.simple);

  const top: XElement = {
    key: '#document',
    local: '#document',
    ns: '',
    attrs: {},
    children: [],
    base: documentUrl,
    lang: null,
  };
  const stack: XElement[] = [top];
  const scopes: Record<string, string>[] = [{ ...CONVENTIONAL_PREFIXES, '': '' }];
  let inCdata = false;
  let repaired = 0;
  let openAtEnd: string[] = [];
  let ended = false;
  // htmlparser2 reports a self-closing tag's close as implied too: it comes straight after its open.
  let justOpened = false;

  // A feed repeats a few dozen element names thousands of times: resolve each (name, scope) pair once.
  const names = new Map<Record<string, string>, Map<string, { key: string; local: string; ns: string }>>();
  const nameIn = (name: string, scope: Record<string, string>) => {
    let inScope = names.get(scope);
    if (!inScope) names.set(scope, (inScope = new Map()));
    let resolved = inScope.get(name);
    if (!resolved) {
      const colon = name.indexOf(':');
      const prefix = colon > 0 ? name.slice(0, colon) : '';
      const local = colon > 0 ? name.slice(colon + 1) : name;
      const ns = scope[prefix] ?? '';
      const alias = NAMESPACES[ns] ?? ns;
      resolved = { key: `${alias}:${local}`, local, ns };
      inScope.set(name, resolved);
    }
    return resolved;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stack.length > MAX_XML_DEPTH) {
          throw new FeedError(
            `the feed nests elements more than ${MAX_XML_DEPTH} deep; it is not a usable feed`,
          );
        }
        const parent = stack[stack.length - 1]!;
        // Most elements declare no namespace: they share their parent's scope instead of copying it.
        let scope = scopes[scopes.length - 1]!;
        // The parser hands over a fresh object per tag: decode its values in place rather than copy it.
        const attrs = attribs;
        for (const attrName in attrs) {
          const value = decode(attrs[attrName]!);
          attrs[attrName] = value;
          if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
            if (scope === scopes[scopes.length - 1]) scope = { ...scope };
            scope[attrName === 'xmlns' ? '' : attrName.slice(6)] = value;
          }
        }
        const { key, local, ns } = nameIn(name, scope);
        const xmlBase = attrs['xml:base'];
        const base =
          xmlBase !== undefined ? (resolveUrl(xmlBase, parent.base)?.href ?? parent.base) : parent.base;
        const el: XElement = {
          key,
          local,
          ns,
          attrs,
          children: [],
          base,
          lang: attrs['xml:lang'] ?? parent.lang,
        };
        parent.children.push(el);
        stack.push(el);
        scopes.push(scope);
        justOpened = true;
      },
      onclosetag(_name, isImplied) {
        if (ended) openAtEnd.push(stack[stack.length - 1]!.local);
        else if (isImplied && !justOpened) repaired++;
        justOpened = false;
        stack.pop();
        scopes.pop();
      },
      ontext(data) {
        justOpened = false;
        const parent = stack[stack.length - 1]!;
        const value = inCdata ? data : decode(data);
        const last = parent.children.length - 1;
        if (last >= 0 && typeof parent.children[last] === 'string') parent.children[last] += value;
        else parent.children.push(value);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  ended = true;
  openAtEnd = [];
  parser.end();

  const root = top.children.find((c): c is XElement => typeof c !== 'string');
  if (!root) throw new FeedError('this is not a feed: no XML element found');
  // Only the root left open is a sloppy ending; anything deeper means the file was cut off.
  if (exhausted())
    warnings.push('the feed uses its DOCTYPE entities so often that the later ones were left as written');
  const unclosed = openAtEnd.length > 1 ? openAtEnd[openAtEnd.length - 2]! : null;
  if (openAtEnd.length === 1) warnings.push(`the feed's last element <${root.local}> is never closed`);
  if (repaired > 0)
    warnings.push(`the feed has ${repaired} mismatched tag${repaired === 1 ? '' : 's'}; they were repaired`);
  return { root, warnings, unclosed };
}
