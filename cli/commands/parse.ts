/**
 * `catalog parse <file-or-url>`: prints the normalized feed exactly as the brief specifies, for feed
 * publishers checking what SellerNav will make of their feed.
 */
import type { ParsedFeed } from '../../core/model';
import { CliError } from '../errors';
import { loadFeedFromArg } from '../load-feed';

/** The brief's output shape: only these fields, in this order. */
export function toParseOutput(feed: ParsedFeed) {
  return {
    title: feed.title,
    items: feed.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      url: item.url,
      summary: item.summary,
      content_html: item.content_html,
      date_published: item.date_published,
      tags: item.tags,
      category: item.category,
    })),
    warnings: feed.warnings,
  };
}

export async function run(args: string[]): Promise<number> {
  const positional = args.filter((a) => !a.startsWith('--'));
  if (positional.length !== 1) throw new CliError('usage: catalog parse <file-or-url>');
  const feed = await loadFeedFromArg(positional[0]!);
  process.stdout.write(`${JSON.stringify(toParseOutput(feed), null, 2)}\n`);
  return 0;
}
