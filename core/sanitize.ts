/**
 * The allow-list HTML sanitizer for feed content. It runs without a DOM (sanitize-html parses with
 * htmlparser2), so the background service worker and the Node CLI share it; the sidebar adds DOMPurify at
 * render time as a second pass. Output is idempotent: sanitizing it again changes nothing.
 */
import { decodeHTML } from 'entities';
import sanitize from 'sanitize-html';
import { isScriptableUrl, resolveUrl } from './urls';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

/** Elements whose text is code or markup, not prose: dropped with their content. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'iframe',
  'object',
  'embed',
  'applet',
  'template',
  'title',
  'head',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
  'frame',
  'svg',
  'math',
  'plaintext',
];

const LINK_REL = 'noopener noreferrer';

/** Characters that make a string more than plain text as far as HTML is concerned. */
const MARKUP = /[<>&"]/;

function resolvedAttr(value: string | undefined, base: string | null | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (isScriptableUrl(value)) return undefined;
  if (!base) return value;
  const url = resolveUrl(value, base);
  return url ? url.href : undefined;
}

function urlTransform(base: string | null | undefined, attrs: string[]): sanitize.Transformer {
  return (tagName, attribs) => {
    const next: sanitize.Attributes = { ...attribs };
    for (const attr of attrs) {
      const value = resolvedAttr(attribs[attr], base);
      if (value === undefined) delete next[attr];
      else next[attr] = value;
    }
    if (tagName === 'a') next.rel = LINK_REL;
    return { tagName, attribs: next };
  };
}

function optionsFor(base: string | null | undefined): sanitize.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'datetime'],
      ins: ['cite', 'datetime'],
      time: ['datetime'],
      abbr: ['title'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      td: ['colspan', 'rowspan', 'headers'],
      th: ['colspan', 'rowspan', 'headers', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      '*': ['lang', 'dir'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: {
      a: urlTransform(base, ['href']),
      img: urlTransform(base, ['src']),
      blockquote: urlTransform(base, ['cite']),
      q: urlTransform(base, ['cite']),
      del: urlTransform(base, ['cite']),
      ins: urlTransform(base, ['cite']),
    },
  };
}

const sharedOptions = new Map<string, sanitize.IOptions>();

function cachedOptions(base: string | null | undefined): sanitize.IOptions {
  const key = base ?? '';
  let options = sharedOptions.get(key);
  if (!options) {
    // Feeds reuse a handful of bases; the cap keeps a hostile feed from growing this without bound.
    if (sharedOptions.size > 256) sharedOptions.clear();
    options = optionsFor(base);
    sharedOptions.set(key, options);
  }
  return options;
}

/**
 * Sanitized HTML: only allow-listed elements and attributes survive; script-like content, event handlers and
 * `javascript:`/`data:`/`vbscript:` URLs are removed; relative URLs resolve against `baseUrl`; every link gets
 * `rel="noopener noreferrer"`. Plain text (no markup characters) is returned as it is, since the full pass
 * would not change it.
 */
export function sanitizeHtml(html: string, baseUrl?: string | null): string {
  if (!MARKUP.test(html)) return html;
  return sanitize(html, cachedOptions(baseUrl)).trim();
}

/** Escapes text for inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const text = sanitize(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: DROPPED_WITH_CONTENT });
  return decodeHTML(text).replace(/\s+/g, ' ').trim();
}
