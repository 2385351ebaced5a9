/**
 * The CLI's edge between Node and the feed core: reads a file or fetches an http(s) URL (with a timeout and a
 * byte cap), then hands the bytes to `parseFeed`. Every failure becomes a one-line `CliError`.
 */
import { FeedError, MAX_FEED_BYTES, parseFeed } from '../core/feed/index';
import type { ParsedFeed } from '../core/model';
import { CliError } from './errors';
import { readSource } from './io';

/** Parses the feed at `fileOrUrl` (a file path or an http(s) URL). */
export async function loadFeedFromArg(fileOrUrl: string): Promise<ParsedFeed> {
  const source = await readSource(fileOrUrl, { maxBytes: MAX_FEED_BYTES });
  try {
    return parseFeed({ bytes: source.bytes, url: source.url, contentType: source.contentType });
  } catch (error) {
    if (error instanceof FeedError) throw new CliError(`${fileOrUrl}: ${error.message}`);
    throw error;
  }
}
