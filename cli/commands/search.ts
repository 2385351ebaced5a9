/**
 * `catalog search --feed <file-or-url> [--kind guide|tool] [--category <id>] [--limit <1-10>] <query…>`:
 * the same search the sidebar, popup and omnibox run (core/search), printed as `[{ "id", "score" }]`, best
 * first, at most ten. Words after the options are joined into one query, so `fba 头程` needs no quotes.
 */
import { createSearcher } from '../../core/search/index';
import { buildSearchPack } from '../../core/search/build';
import type { ItemKind } from '../../core/model';
import { CliError } from '../errors';
import { loadFeedFromArg } from '../load-feed';

const usage =
  'usage: catalog search --feed <file-or-url> [--kind guide|tool] [--category <id>] [--limit <1-10>] <query>';
const MAX_RESULTS = 10;

export interface SearchArgs {
  feed: string;
  query: string;
  kind?: ItemKind;
  category?: string;
  limit: number;
}

export function parseSearchArgs(args: string[]): SearchArgs {
  const values: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    const option = arg.match(/^--(feed|kind|category|limit)(?:=(.*))?$/s);
    if (!option) {
      if (arg.startsWith('--')) throw new CliError(`unknown option "${arg}"; ${usage}`);
      words.push(arg);
      continue;
    }
    let value = option[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new CliError(`--${option[1]} needs a value; ${usage}`);
      i++;
    }
    values[option[1]!] = value;
  }
  const feed = values['feed'];
  if (!feed) throw new CliError(`--feed is required; ${usage}`);
  const query = words.join(' ').trim();
  if (!query) throw new CliError(`a query is required; ${usage}`);
  const kind = values['kind'];
  if (kind !== undefined && kind !== 'guide' && kind !== 'tool') {
    throw new CliError(`--kind must be guide or tool, not "${kind}"`);
  }
  let limit = MAX_RESULTS;
  if (values['limit'] !== undefined) {
    limit = Number(values['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) {
      throw new CliError(`--limit must be a whole number from 1 to ${MAX_RESULTS}, not "${values['limit']}"`);
    }
  }
  return {
    feed,
    query,
    limit,
    ...(kind ? { kind } : {}),
    ...(values['category'] ? { category: values['category'] } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  const options = parseSearchArgs(args);
  const feed = await loadFeedFromArg(options.feed);
  const searcher = createSearcher(buildSearchPack(feed.items, feed.categories));
  const hits = searcher.search(options.query, {
    limit: options.limit,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.category ? { category: options.category } : {}),
  });
  process.stdout.write(`${JSON.stringify(hits.map((h) => ({ id: h.id, score: h.score })))}\n`);
  return 0;
}
