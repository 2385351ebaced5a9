/**
 * Fetching one feed, defensively: a deadline over the whole exchange (headers and body), redirects only to
 * http(s) and only a few, the body streamed and cut off at a cap on decoded bytes (so a gzip bomb stops at the
 * cap too), conditional GET, and an HTML page (often a sign-in page) told apart from a feed by its content.
 * Every failure is a `SyncFailure` with a code the settings page words in the seller's language.
 */

import { concatBytes } from '@/core/bytes';
import type { SyncErrorCode } from '@/messaging/sync';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

/** A failure of one feed's sync; `detail` is a short fact (a status, a size, the parser's sentence). */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly detail: string = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SyncFailure';
  }

  /** The form stored in `FeedRecord.lastError` (see `parseSyncError` in messaging/sync.ts). */
  toStored(): string {
    return this.detail ? `${this.code}|${this.detail}` : this.code;
  }
}

export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** Called before following a redirect to another origin; false refuses it (no host permission). */
  allowOrigin?: (origin: string) => Promise<boolean> | boolean;
}

export type FetchFeedResult =
  | {
      status: 'ok';
      bytes: Uint8Array;
      contentType: string | null;
      /** The URL the body came from, after redirects. */
      url: string;
      etag: string | null;
      lastModified: string | null;
      /** Wall time of the exchange, ms. */
      fetchMs: number;
    }
  | { status: 'not-modified'; etag: string | null; lastModified: string | null; fetchMs: number };

const FEED_TYPES =
  /^(application\/(feed\+json|json|[\w.+-]*\+json|rss\+xml|atom\+xml|rdf\+xml|xml|[\w.+-]*\+xml|octet-stream)|text\/(xml|plain|json|rss|atom))$/;

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** Reads the body up to `maxBytes` decoded bytes; past it the stream is cancelled. */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const encoded = (response.headers.get('content-encoding') ?? '').trim();
  const tooLarge = () =>
    new SyncFailure(
      'too_large',
      encoded && encoded !== 'identity'
        ? `unpacks to more than ${formatMb(maxBytes)}`
        : `more than ${formatMb(maxBytes)}`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      parts.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return concatBytes(parts, total);
}

function startsLikeFeed(head: string): boolean {
  return /^(\{|\[|<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i.test(head);
}

/** An HTML document where a feed was expected: a sign-in page, or any other web page. */
function classifyHtml(bytes: Uint8Array): SyncFailure | null {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 64 * 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    // An XML feed may open with comments before its root element; that does not make it a web page.
    .replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  if (startsLikeFeed(head)) return null;
  if (!/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i.test(head) && !/<html[\s>]/i.test(head)) {
    return null;
  }
  const login =
    /<input[^>]+type\s*=\s*["']?password/i.test(head) ||
    /\b(sign[\s-]?in|log[\s-]?in|登录|登入|anmelden|ログイン)\b/i.test(head.slice(0, 4096));
  return new SyncFailure(login ? 'login_page' : 'html_page');
}

function failureFromFetchError(error: unknown, signal: AbortSignal, timeoutMs: number): SyncFailure {
  if (error instanceof SyncFailure) return error;
  if (signal.aborted) return new SyncFailure('timeout', `${Math.round(timeoutMs / 1000)} s`);
  const text = String((error as { cause?: unknown })?.cause ?? error);
  if (/redirect count exceeded|too many redirects/i.test(text)) return new SyncFailure('too_many_redirects');
  if (/scheme/i.test(text)) return new SyncFailure('bad_redirect');
  return new SyncFailure('network', text.replace(/^TypeError:\s*/, '').slice(0, 200));
}

/**
 * GETs a feed. Redirects are followed by hand (at most MAX_REDIRECTS, http/https only) where the platform
 * shows them (Node); where it hides them behind an opaque redirect (browsers), the request is repeated with
 * the browser following, which likewise refuses other schemes and endless chains, and the final URL is checked.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new SyncFailure('timeout', `${Math.round(timeoutMs / 1000)} s`)),
    timeoutMs,
  );
  const started = performance.now();
  const { signal } = controller;
  try {
    let current = new URL(url);
    if (!isHttpUrl(current)) throw new SyncFailure('bad_redirect', current.protocol);
    const headers: Record<string, string> = {
      accept:
        'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;

    let response: Response | null = null;
    for (let hop = 0; ; hop++) {
      response = await fetch(current.href, {
        headers,
        redirect: 'manual',
        signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.type === 'opaqueredirect') {
        response = await fetch(current.href, {
          headers,
          redirect: 'follow',
          signal,
          cache: 'no-store',
          credentials: 'omit',
        });
        if (response.url && !isHttpUrl(new URL(response.url))) throw new SyncFailure('bad_redirect');
        break;
      }
      if (response.status < 300 || response.status >= 400 || response.status === 304) break;
      const location = response.headers.get('location');
      await response.body?.cancel().catch(() => undefined);
      if (!location) throw new SyncFailure('http_status', String(response.status));
      if (hop >= MAX_REDIRECTS) throw new SyncFailure('too_many_redirects', String(MAX_REDIRECTS));
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new SyncFailure('bad_redirect', location.slice(0, 100));
      }
      if (!isHttpUrl(next)) throw new SyncFailure('bad_redirect', next.protocol);
      if (
        next.origin !== current.origin &&
        options.allowOrigin &&
        !(await options.allowOrigin(next.origin))
      ) {
        throw new SyncFailure('permission', next.origin);
      }
      current = next;
    }

    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (response.status === 304) {
      return {
        status: 'not-modified',
        etag: etag ?? options.etag ?? null,
        lastModified: lastModified ?? options.lastModified ?? null,
        fetchMs: performance.now() - started,
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404 || response.status === 410)
        throw new SyncFailure('not_found', String(response.status));
      if (response.status === 401 || response.status === 403)
        throw new SyncFailure('forbidden', String(response.status));
      throw new SyncFailure('http_status', String(response.status));
    }
    const contentType = response.headers.get('content-type');
    const type = mediaType(contentType);
    const isHtml = type === 'text/html' || type === 'application/xhtml+xml';
    if (type && !isHtml && !FEED_TYPES.test(type)) {
      await response.body?.cancel().catch(() => undefined);
      throw new SyncFailure('content_type', type);
    }
    const bytes = await readCapped(response, maxBytes, signal);
    // Whatever the header says, an HTML document is not a feed; a feed served as text/html is recognised.
    const html = classifyHtml(bytes);
    if (html) throw html;
    return {
      status: 'ok',
      bytes,
      contentType,
      url: response.url || current.href,
      etag,
      lastModified,
      fetchMs: performance.now() - started,
    };
  } catch (error) {
    throw failureFromFetchError(error, signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
