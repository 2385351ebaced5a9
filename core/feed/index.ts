/**
 * The feed core's entry point: bytes in, a normalized `ParsedFeed` out, or a `FeedError` whose message is one
 * clear line. Pure: no DOM, no `browser`, no Node built-ins, so the background, the CLI and the tests share it.
 */
import { decodeFeedBytes } from '../encoding';
import { FeedError, type ParsedFeed } from '../model';
import { parseJsonFeed } from './json-feed';
import type { NormalizeOptions } from './normalize';
import { parseXmlFeed } from './xml-feed';

/** Larger inputs are refused before any parsing: a 20,000-item feed is about 12 MB. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

export interface FeedInput {
  bytes: Uint8Array;
  /** Where the feed was fetched from: the base for relative URLs. */
  url?: string | null;
  /** The HTTP Content-Type, whose charset outranks the XML declaration. */
  contentType?: string | null;
}

function documentUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** Parses and normalizes a JSON Feed, RSS or Atom document. Throws `FeedError` when it cannot be used. */
export function parseFeed(input: FeedInput, options: NormalizeOptions = {}): ParsedFeed {
  const { bytes } = input;
  if (bytes.byteLength === 0) throw new FeedError('the feed is empty');
  if (bytes.byteLength > MAX_FEED_BYTES) {
    throw new FeedError(
      `the feed is ${Math.round(bytes.byteLength / 1048576)} MB; the limit is ${MAX_FEED_BYTES / 1048576} MB`,
    );
  }
  const decoded = decodeFeedBytes(bytes, input.contentType);
  const text = decoded.text;
  const start = /\S/.exec(text)?.index ?? -1;
  if (start < 0) throw new FeedError('the feed is empty');
  const first = text[start];
  const base = documentUrl(input.url);

  let feed: ParsedFeed;
  if (first === '{' || first === '[') feed = parseJsonFeed(text, base, options);
  else if (first === '<') feed = parseXmlFeed(text, base, options);
  else throw new FeedError('this is not a feed: it is neither JSON nor XML');
  if (decoded.warnings.length) feed.warnings.unshift(...decoded.warnings);
  return feed;
}

export { FeedError } from '../model';
export type { ParsedFeed } from '../model';
