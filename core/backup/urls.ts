import { toHttpUrl } from '../urls';

/** URL rules of the seller's own links: only http(s) is kept (core/urls.ts), and one key per address. */

/** The absolute http(s) URL `raw` names, or null. */
export function parseHttpUrl(raw: string): URL | null {
  const result = toHttpUrl(raw);
  return result.ok ? new URL(result.url) : null;
}

export function isHttpUrl(raw: string): boolean {
  return toHttpUrl(raw).ok;
}

/**
 * The key two bookmarks share when they open the same page: the parsed URL (host lower-cased, default port
 * dropped) without its fragment or a lone trailing slash. Unparseable input is its own key.
 */
export function urlKey(raw: string): string {
  const url = parseHttpUrl(raw);
  if (!url) return raw.trim();
  url.hash = '';
  return url.href.replace(/\/$/, '');
}
