import type { QuickLaunchHit } from './rank';

/**
 * Omnibox (`sn …`) suggestions. Chrome reads a suggestion's description as XML (`<match>`, `<dim>`, `<url>`),
 * so every piece of text in it is escaped, and characters XML forbids are dropped; Firefox shows the
 * description as plain text, so it gets no markup at all.
 */

/** What the omnibox passes back when a suggestion of a guide without a web address is chosen. */
export const GUIDE_CONTENT_PREFIX = 'sellernav-guide:';

export function escapeOmniboxXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** The title with its matched ranges wrapped in `<match>`, everything escaped. */
function markTitle(title: string, ranges: readonly [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at || end <= start) continue;
    out +=
      escapeOmniboxXml(title.slice(at, start)) +
      `<match>${escapeOmniboxXml(title.slice(start, end))}</match>`;
    at = end;
  }
  return out + escapeOmniboxXml(title.slice(at));
}

export interface OmniboxLabels {
  bookmark: string;
  guide: string;
  tool: string;
}

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

export function omniboxContent(hit: QuickLaunchHit): string {
  return hit.url ?? `${GUIDE_CONTENT_PREFIX}${hit.itemId ?? hit.id}`;
}

/** Suggestions for the hits; `markup` is true where the browser reads the description as XML (Chrome). */
export function omniboxSuggestions(
  hits: readonly QuickLaunchHit[],
  labels: OmniboxLabels,
  markup: boolean,
): OmniboxSuggestion[] {
  const seen = new Set<string>();
  const out: OmniboxSuggestion[] = [];
  for (const hit of hits) {
    const content = omniboxContent(hit);
    if (seen.has(content)) continue;
    seen.add(content);
    const label = labels[hit.kind];
    const where = hit.url ?? '';
    const description = markup
      ? `${markTitle(hit.title, hit.titleRanges)} <dim>· ${escapeOmniboxXml(label)}</dim>${where ? ` <url>${escapeOmniboxXml(where)}</url>` : ''}`
      : `${hit.title} · ${label}${where ? ` — ${where}` : ''}`;
    out.push({ content, description });
  }
  return out;
}

export type OmniboxTarget =
  { open: 'url'; url: string } | { open: 'guide'; itemId: string } | { open: 'search'; query: string };

/**
 * What to open for the text the seller pressed Enter on: a chosen suggestion (its content), else the best
 * match of the typed words, else the sidebar's search for them. Only http(s) addresses are ever opened.
 */
export function omniboxTarget(text: string, best: QuickLaunchHit | undefined): OmniboxTarget {
  const trimmed = text.trim();
  if (trimmed.startsWith(GUIDE_CONTENT_PREFIX)) {
    const itemId = trimmed.slice(GUIDE_CONTENT_PREFIX.length);
    if (itemId) return { open: 'guide', itemId };
  }
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol === 'http:' || url.protocol === 'https:') return { open: 'url', url: url.href };
    } catch {
      // Not an address: treat it as words.
    }
  }
  if (best)
    return best.url ? { open: 'url', url: best.url } : { open: 'guide', itemId: best.itemId ?? best.id };
  return { open: 'search', query: trimmed };
}
