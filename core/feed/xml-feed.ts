/**
 * RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0/0.3 → the catalog model. Readers only pick fields out of the
 * namespace-aware tree; every catalog rule (URLs, ids, dates, sanitizing) lives in `normalizeItems`.
 */
import { hashString } from '../hash';
import { FeedError, type FeedFormat, type ParsedFeed } from '../model';
import { escapeHtml, htmlToText, VOID_ELEMENTS } from '../sanitize';
import { resolveUrl } from '../urls';
import {
  emptyRawItem,
  normalizeItems,
  type NormalizeOptions,
  type RawItem,
  type TextValue,
} from './normalize';
import { hasElementChildren, parseXml, textOf, type XElement, type XNode } from './xml-tree';

const isEl = (n: XNode): n is XElement => typeof n !== 'string';

function child(el: XElement | undefined, ...keys: string[]): XElement | undefined {
  if (!el) return undefined;
  for (const key of keys) {
    for (const c of el.children) if (isEl(c) && c.key === key) return c;
  }
  return undefined;
}

function childrenOf(el: XElement | undefined, ...keys: string[]): XElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XElement => isEl(c) && keys.includes(c.key));
}

function textIn(el: XElement | undefined, ...keys: string[]): string | null {
  const found = child(el, ...keys);
  if (!found) return null;
  const text = textOf(found).trim();
  return text === '' ? null : text;
}

const URL_ATTRS = new Set(['href', 'src', 'cite', 'action', 'longdesc', 'background', 'poster']);

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Inline XML (Atom xhtml content, markup left unescaped in RSS) as HTML, with each element's xml:base applied. */
function serializeChildren(el: XElement): string {
  let out = '';
  for (const node of el.children) {
    if (!isEl(node)) {
      out += escapeHtml(node).replace(/&quot;/g, '"');
      continue;
    }
    const name = node.local.toLowerCase();
    out += `<${name}`;
    for (const [rawName, value] of Object.entries(node.attrs)) {
      if (rawName === 'xmlns' || rawName.startsWith('xmlns:') || rawName === 'xml:base') continue;
      const attr = rawName === 'xml:lang' ? 'lang' : rawName.slice(rawName.indexOf(':') + 1).toLowerCase();
      let v = value;
      if (URL_ATTRS.has(attr) && node.base) v = resolveUrl(value, node.base)?.href ?? value;
      out += ` ${attr}="${escapeAttr(v)}"`;
    }
    out += VOID_ELEMENTS.has(name) ? ' />' : `>${serializeChildren(node)}</${name}>`;
  }
  return out;
}

/** Markup or text, whichever the element holds: RSS puts escaped HTML in text, sloppy feeds put raw tags. */
function htmlOrText(el: XElement | undefined): TextValue | null {
  if (!el) return null;
  if (hasElementChildren(el)) return { value: serializeChildren(el), type: 'html' };
  const text = textOf(el);
  return text.trim() === '' ? null : { value: text, type: 'html' };
}

function decodeBase64Utf8(value: string): string | null {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * An Atom text construct (1.0 `type`, 0.3 `type` + `mode`). Atom 1.0 carries other media types base64-encoded;
 * those are read when they decode to UTF-8 text and treated as HTML (the sanitizer keeps that safe).
 */
function atomText(el: XElement | undefined): TextValue | null {
  if (!el) return null;
  const type = (el.attrs.type ?? '').trim().toLowerCase() || 'text';
  const mode = (el.attrs.mode ?? '').trim().toLowerCase();
  const xhtml = type === 'xhtml' || type === 'application/xhtml+xml';
  const html = type === 'html' || type === 'text/html';
  const xmlish = xhtml || type.endsWith('+xml') || type.endsWith('/xml');
  const textual = html || xmlish || type === 'text' || type.startsWith('text/');

  if (mode === 'base64' || !textual) {
    const decoded = decodeBase64Utf8(textOf(el));
    if (decoded === null || decoded.trim() === '') return null;
    return { value: decoded, type: html || xhtml || !textual ? 'html' : 'text' };
  }
  const elements = el.children.filter(isEl);
  const onlyDiv =
    elements.length === 1 &&
    elements[0]!.local === 'div' &&
    el.children.every((c) => isEl(c) || c.trim() === '');
  // TypePad-style: type="html" holding an xhtml <div> whose text is the escaped HTML.
  if (html && onlyDiv && !hasElementChildren(elements[0]!)) {
    const value = textOf(elements[0]!);
    return value.trim() === '' ? null : { value, type: 'html' };
  }
  if (xmlish || mode === 'xml' || elements.length > 0) {
    // Only Atom 1.0's type="xhtml" wraps its content in a <div> that is not part of it.
    const body = onlyDiv && type === 'xhtml' ? elements[0]! : el;
    const value = serializeChildren(body);
    return value.trim() === '' ? null : { value, type: 'html' };
  }
  const value = textOf(el);
  if (value.trim() === '') return null;
  return { value, type: html || mode === 'escaped' ? 'html' : 'text' };
}

/** A title: plain text, though RSS titles may carry escaped markup. */
function titleValue(el: XElement | undefined, atom: boolean): TextValue | null {
  if (!el) return null;
  if (atom) return atomText(el);
  // RSS titles are often escaped HTML ("A &amp; B" inside CDATA): anything with markup or entities is read as HTML.
  const v = htmlOrText(el);
  return v && !/[<&]/.test(v.value) ? { value: v.value, type: 'text' } : v;
}

function linkHref(link: XElement): string | null {
  const href = link.attrs.href?.trim();
  if (!href) return null;
  return link.base ? (resolveUrl(href, link.base)?.href ?? href) : href;
}

/** The Atom link with `rel` (default `alternate`), preferring HTML pages among several. */
function atomLink(el: XElement, rel: string, keys: string[]): string | null {
  const links = childrenOf(el, ...keys).filter(
    (l) => (l.attrs.rel?.trim().toLowerCase() || 'alternate') === rel,
  );
  const best = links.find((l) => /html/i.test(l.attrs.type ?? 'text/html')) ?? links[0];
  return best ? linkHref(best) : null;
}

function imageOf(el: XElement): string | null {
  const enclosure = childrenOf(el, ':enclosure').find((e) => /^image\//i.test(e.attrs.type ?? ''));
  if (enclosure?.attrs.url) return enclosure.attrs.url;
  const thumb = child(el, 'media:thumbnail');
  if (thumb?.attrs.url) return thumb.attrs.url;
  const media = childrenOf(el, 'media:content').find(
    (m) => m.attrs.medium === 'image' || /^image\//i.test(m.attrs.type ?? ''),
  );
  return media?.attrs.url ?? null;
}

/** A stable id for an item that has neither an id nor a link: a hash of what it says. */
function contentId(raw: RawItem): string {
  const source = [raw.title?.value, raw.datePublished, raw.summary?.value, raw.content?.value].join('\u0000');
  // Collisions only merge items, which the duplicate rule then reports.
  return `urn:sellernav:item:${hashString(source)}`;
}

const ATOM = (local: string) => [`atom:${local}`, `atom03:${local}`, `:${local}`];

function readAtomEntry(entry: XElement): RawItem {
  const raw = emptyRawItem(entry.base);
  raw.id = textIn(entry, ...ATOM('id'));
  raw.url = atomLink(entry, 'alternate', ATOM('link'));
  raw.title = atomText(child(entry, ...ATOM('title')));
  raw.summary = atomText(child(entry, ...ATOM('summary')));
  const content = child(entry, ...ATOM('content'));
  raw.content = atomText(content) ?? raw.summary;
  raw.contentBase = (content ?? child(entry, ...ATOM('summary')))?.base ?? null;
  raw.datePublished =
    textIn(entry, ...ATOM('published'), ...ATOM('issued'), ...ATOM('created'), 'dc:date', 'dcterms:issued') ??
    null;
  raw.dateModified = textIn(entry, ...ATOM('updated'), ...ATOM('modified'), 'dcterms:modified');
  raw.tags = childrenOf(entry, ...ATOM('category'))
    .map((c) => c.attrs.term ?? c.attrs.label ?? '')
    .concat(childrenOf(entry, 'dc:subject').map(textOf));
  raw.image = imageOf(entry);
  return raw;
}

function readRssItem(item: XElement, channelLink: string | null): RawItem {
  const raw = emptyRawItem(item.base ?? channelLink);
  const guid = child(item, ':guid');
  const guidText = guid ? textOf(guid).trim() || null : null;
  raw.id = guidText ?? item.attrs['rdf:about'] ?? null;
  raw.url = textIn(item, ':link') ?? atomLink(item, 'alternate', ['atom:link']);
  if (
    !raw.url &&
    guidText &&
    guid?.attrs.isPermaLink?.toLowerCase() !== 'false' &&
    /^https?:\/\//i.test(guidText)
  ) {
    raw.url = guidText;
  }
  raw.url ??= item.attrs['rdf:about'] ?? null;
  raw.title = titleValue(child(item, ':title', 'dc:title', 'atom:title'), false);
  // Some feeds carry both <description> and a non-standard <summary>: the first is the summary, the other the body.
  const summaries = childrenOf(item, ':description', 'dc:description', 'atom:summary', ':summary');
  const description = summaries[0];
  const encoded =
    child(item, 'content:encoded', 'xhtml:body', ':body', 'atom:content', ':fullitem') ?? summaries[1];
  raw.summary = htmlOrText(description);
  raw.content = htmlOrText(encoded) ?? raw.summary;
  raw.contentBase = (encoded && raw.content !== raw.summary ? encoded : description)?.base ?? null;
  raw.datePublished = textIn(
    item,
    ':pubDate',
    'dc:date',
    'dcterms:issued',
    'dcterms:created',
    'atom:published',
    ':pubdate',
  );
  raw.dateModified = textIn(item, 'dcterms:modified', 'atom:updated');
  // <tags> is not RSS, but some generators write comma-separated tags there.
  const madeUp = childrenOf(item, ':tags').flatMap((t) => textOf(t).split(','));
  raw.tags = [...madeUp, ...childrenOf(item, ':category', 'dc:subject').map(textOf)];
  raw.image = imageOf(item);
  return raw;
}

function formatOf(root: XElement): FeedFormat | null {
  const local = root.local.toLowerCase();
  if (local === 'rss' || local === 'channel') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}

/** Root elements that mean the server sent a web page (often a login or error page) instead of a feed. */
const HTML_ROOTS = new Set([
  'html',
  'head',
  'body',
  'div',
  'p',
  'span',
  'a',
  'table',
  'script',
  'meta',
  'title',
  'form',
  'h1',
]);

function notAFeed(root: XElement, text: string): FeedError {
  if (HTML_ROOTS.has(root.local.toLowerCase()) || /^\s*(<\?xml[^>]*>\s*)?<!doctype\s+html/i.test(text)) {
    const alt =
      /<link\b[^>]*type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i.exec(text)?.[0] ??
      /<link\b[^>]*type=["']application\/feed\+json["'][^>]*>/i.exec(text)?.[0];
    const href = alt ? /href=["']([^"']+)["']/i.exec(alt)?.[1] : undefined;
    return new FeedError(
      `this is a web page, not a feed${href ? `; the page names its feed at ${href}` : ''}`,
    );
  }
  return new FeedError(`this XML is not an RSS or Atom feed (its root element is <${root.local}>)`);
}

/** Parses RSS or Atom text; `documentUrl` is where it was fetched from, if known. */
export function parseXmlFeed(
  text: string,
  documentUrl: string | null,
  options: NormalizeOptions = {},
): ParsedFeed {
  const doc = parseXml(text, documentUrl);
  const { root } = doc;
  const format = formatOf(root);
  if (!format) throw notAFeed(root, text);
  if (doc.unclosed)
    throw new FeedError(`the feed is truncated or not well-formed: <${doc.unclosed}> is never closed`);

  let raws: RawItem[];
  let title: TextValue | null;
  let home: string | null;
  let self: string | null;
  let language: string | null;

  if (format === 'atom') {
    title = atomText(child(root, ...ATOM('title')));
    home = atomLink(root, 'alternate', ATOM('link'));
    self = atomLink(root, 'self', ATOM('link'));
    language = root.lang;
    raws = childrenOf(root, ...ATOM('entry')).map(readAtomEntry);
  } else {
    const channel =
      format === 'rss' && root.local.toLowerCase() === 'channel' ? root : child(root, ':channel');
    const rawLink = textIn(channel, ':link');
    home = rawLink ? (resolveUrl(rawLink, channel?.base ?? documentUrl)?.href ?? null) : null;
    title = titleValue(child(channel, ':title', 'dc:title'), false);
    self = channel ? atomLink(channel, 'self', ['atom:link']) : null;
    language = textIn(channel, ':language', 'dc:language') ?? root.lang;
    const items = [...childrenOf(channel, ':item'), ...childrenOf(root, ':item')];
    raws = items.map((item) => readRssItem(item, documentUrl ? null : home));
  }
  for (const raw of raws) if (!raw.id && !raw.url) raw.id = contentId(raw);

  const normalized = normalizeItems(raws, null, undefined, options);
  const warnings = [...doc.warnings];
  const cleanTitle = title
    ? title.type === 'html'
      ? htmlToText(title.value)
      : title.value.replace(/\s+/g, ' ').trim()
    : '';
  if (!cleanTitle) warnings.push('the feed has no title');
  return {
    format,
    title: cleanTitle,
    home_page_url: home && /^https?:/i.test(home) ? home : null,
    feed_url: self && /^https?:/i.test(self) ? self : documentUrl,
    language: language?.trim().replace(/_/g, '-') || null,
    categories: [],
    items: normalized.items,
    tombstones: normalized.tombstones,
    warnings: [...warnings, ...normalized.warnings],
  };
}
