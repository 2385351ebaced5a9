/**
 * The one definition of "page text" the match engine may see, shared by the content script (live DOM) and
 * the CLI (an HTML file): the document title, h1–h3 headings and breadcrumb text. Never form fields, never
 * editable regions, never anything the seller typed.
 */

export const HEADING_TAGS = ['h1', 'h2', 'h3'] as const;

/** Elements whose text is never read: form fields, editable regions, code and templates. */
export const SKIPPED_TAGS = new Set([
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'button',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
]);

/** CSS for breadcrumb containers (ARIA label, class/id names, schema.org BreadcrumbList). */
export const BREADCRUMB_SELECTOR = [
  'nav[aria-label*="breadcrumb" i]',
  '[class*="breadcrumb" i]',
  '[id*="breadcrumb" i]',
  '[itemtype*="BreadcrumbList" i]',
  '[data-testid*="breadcrumb" i]',
].join(',');

/** The same rule as BREADCRUMB_SELECTOR, for parsers that see tag names and attributes (the CLI). */
export function isBreadcrumbElement(tag: string, attributes: Record<string, string | undefined>): boolean {
  const has = (name: string, needle: string) =>
    (attributes[name] ?? '').toLowerCase().includes(needle.toLowerCase());
  return (
    (tag.toLowerCase() === 'nav' && has('aria-label', 'breadcrumb')) ||
    has('class', 'breadcrumb') ||
    has('id', 'breadcrumb') ||
    has('itemtype', 'BreadcrumbList') ||
    has('data-testid', 'breadcrumb')
  );
}

/** An element whose subtree is seller-editable (`contenteditable` other than "false"). */
export function isEditable(attributes: Record<string, string | undefined>): boolean {
  const value = attributes['contenteditable'];
  return value !== undefined && value.toLowerCase() !== 'false';
}

/** Hidden from the seller: not "visible" text. */
export function isHidden(attributes: Record<string, string | undefined>): boolean {
  return attributes['hidden'] !== undefined || attributes['aria-hidden'] === 'true';
}

export const MAX_HEADINGS = 40;
export const MAX_BREADCRUMBS = 10;
const MAX_TEXT = 200;

/** Whitespace collapsed, trimmed, capped: a heading is a few words, not a page. */
export function cleanText(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_TEXT ? collapsed.slice(0, MAX_TEXT) : collapsed;
}
