/**
 * URL rules every feed path shares: resolve relative references, keep only http(s) for links a seller may
 * open, and name the schemes that mark an item as hostile. Uses only the `URL` global (service worker and
 * Node alike).
 */

/** Schemes that run code or smuggle content when opened: an item carrying one is never passed on. */
const SCRIPTABLE_SCHEME = /^\s*(javascript|data|vbscript|livescript|mocha)\s*:/i;

/** Control characters and whitespace browsers strip from URLs before reading the scheme. */
// eslint-disable-next-line no-control-regex
const URL_NOISE = /[\u0000-\u0020\u007f]+/g;

export function isScriptableUrl(raw: string): boolean {
  return SCRIPTABLE_SCHEME.test(raw.replace(URL_NOISE, ''));
}

/** Resolves `raw` against `base` (either may be absent); null when the result is not a valid URL. */
export function resolveUrl(raw: string, base?: string | null): URL | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  try {
    return base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    if (base) {
      try {
        return new URL(trimmed);
      } catch {
        return null;
      }
    }
    return null;
  }
}

export type HttpUrlResult =
  { ok: true; url: string } | { ok: false; reason: 'scriptable' | 'scheme' | 'invalid'; scheme?: string };

/** An absolute http(s) URL, or why `raw` cannot be one. */
export function toHttpUrl(raw: string, base?: string | null): HttpUrlResult {
  if (isScriptableUrl(raw)) {
    const scheme = raw.replace(URL_NOISE, '').split(':')[0]!.toLowerCase();
    return { ok: false, reason: 'scriptable', scheme };
  }
  const url = resolveUrl(raw, base);
  if (!url) return { ok: false, reason: 'invalid' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'scheme', scheme: url.protocol.slice(0, -1) };
  }
  return { ok: true, url: url.href };
}

/**
 * An address as a seller types it into a box (already trimmed): without a scheme it means https, so
 * `nav.example.cn/feed` is `https://nav.example.cn/feed`. The http(s) URL it names, or null.
 */
export function parseTypedHttpUrl(typed: string): URL | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return url;
}

/** The host-permission pattern that covers `url`'s origin and that origin only, e.g. `https://nav.example.cn/*`. */
export function originMatchPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/** A base URL usable for resolution: absolute and hierarchical (http, https, file), else null. */
export function usableBase(raw: string | null | undefined, parent?: string | null): string | null {
  if (!raw) return parent ?? null;
  const url = resolveUrl(raw, parent);
  if (!url || isScriptableUrl(url.href)) return parent ?? null;
  return url.href;
}
