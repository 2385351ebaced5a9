import DOMPurify from 'dompurify';
import { useLayoutEffect, useRef } from 'react';

/**
 * Feed HTML was sanitized when it was synced; this is the second, render-time pass (defense in depth: a bug in
 * the sync-time sanitizer, or a record written by an older version, still cannot run script here). It also
 * makes the markup fit a side panel: links open in a new tab without `window.opener`, relative URLs resolve
 * against the guide's own page (not the extension's origin), images load lazily without a referrer.
 */
const FORBID_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'base',
  'template',
  'frame',
  'frameset',
  'link',
  'meta',
  'noscript',
];
const FORBID_ATTR = ['style', 'srcset', 'ping', 'formaction'];
const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^(https?:|data:image\/(png|gif|jpeg|webp);)/i;

function absolute(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    return base ? new URL(url, base).href : new URL(url).href;
  } catch {
    return null;
  }
}

/** Sanitizes `html` into a fragment ready to insert; exported for tests. */
export function sanitizeForReader(html: string, baseUrl: string | null): DocumentFragment {
  // DOMPurify returns null for markup it cannot place in a body (e.g. a lone <frameset>): render nothing.
  const fragment =
    DOMPurify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      FORBID_TAGS,
      FORBID_ATTR,
    }) ?? document.createDocumentFragment();
  for (const link of fragment.querySelectorAll('a')) {
    const href = absolute(link.getAttribute('href'), baseUrl);
    if (href && SAFE_LINK.test(href)) {
      link.setAttribute('href', href);
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    } else {
      link.removeAttribute('href');
      link.removeAttribute('target');
    }
  }
  for (const image of fragment.querySelectorAll('img')) {
    const src = absolute(image.getAttribute('src'), baseUrl);
    if (src && SAFE_IMAGE.test(src)) image.setAttribute('src', src);
    else image.removeAttribute('src');
    image.setAttribute('loading', 'lazy');
    image.setAttribute('decoding', 'async');
    image.setAttribute('referrerpolicy', 'no-referrer');
  }
  return fragment;
}

export function SafeHtml({
  html,
  baseUrl,
  className,
}: {
  html: string;
  baseUrl: string | null;
  className?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    container.current?.replaceChildren(sanitizeForReader(html, baseUrl));
  }, [html, baseUrl]);
  return <div ref={container} className={className} />;
}
