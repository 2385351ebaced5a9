/** URL rules of the seller's own links: only http(s) is kept, and one key per address for de-duplication. */

/** The absolute http(s) URL `raw` names (trimmed, as the URL parser writes it), or null. */
export function parseHttpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(raw) !== null;
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
