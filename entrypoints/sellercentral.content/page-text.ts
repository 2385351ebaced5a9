import {
  BREADCRUMB_SELECTOR,
  HEADING_TAGS,
  MAX_BREADCRUMBS,
  MAX_HEADINGS,
  SKIPPED_TAGS,
  cleanText,
} from '@/core/match/extract';
import type { PageSnapshot } from '@/core/match/types';

/**
 * The page text the matcher may see: document.title, h1–h3 and breadcrumb text (core/match/extract.ts
 * defines the rule). Text is read from text nodes only, and never below a form field, an editable region or
 * a hidden element, so nothing the seller typed can reach the matcher.
 */

const SKIP_SELECTOR = [
  ...SKIPPED_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  '[hidden]',
  '[aria-hidden="true"]',
].join(',');

function textOf(element: Element): string {
  if (element.closest(SKIP_SELECTOR)) return '';
  // Text nodes joined with spaces, as the CLI's reader does: breadcrumb items are separate words. Most
  // headings hold no field, so the walk needs no filter (no script callback per node).
  const guarded = element.querySelector(SKIP_SELECTOR) !== null;
  const walker = document.createTreeWalker(
    element,
    guarded ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT : NodeFilter.SHOW_TEXT,
    guarded
      ? {
          acceptNode: (node) =>
            node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(SKIP_SELECTOR)
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        }
      : null,
  );
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += ` ${node.nodeValue ?? ''}`;
  }
  return cleanText(text);
}

/** The card lives in a shadow root, which `querySelectorAll` never enters: its own text is never read. */
export function readPageText(url: string): PageSnapshot {
  const headings: string[] = [];
  for (const element of document.querySelectorAll(HEADING_TAGS.join(','))) {
    const text = textOf(element);
    if (text) headings.push(text);
    if (headings.length >= MAX_HEADINGS) break;
  }
  const breadcrumbs: string[] = [];
  for (const element of document.querySelectorAll(BREADCRUMB_SELECTOR)) {
    // A breadcrumb container inside another one is already read with it.
    if (element.parentElement?.closest(BREADCRUMB_SELECTOR)) continue;
    const text = textOf(element);
    if (text) breadcrumbs.push(text);
    if (breadcrumbs.length >= MAX_BREADCRUMBS) break;
  }
  return { url, title: cleanText(document.title), headings, breadcrumbs };
}
