/**
 * `catalog match --feed <file-or-url> --url <page-url> [--html <file>]`: the guides the Seller Central
 * content script would offer on that page, as `[{ "id", "score" }]`, best first, at most three. The page text
 * comes from the HTML file exactly as the content script reads it from the live page (core/match/extract.ts):
 * title, h1–h3 and breadcrumbs, never form fields.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'htmlparser2';
import { buildMatchIndex, matchPage, type PageSnapshot } from '../../core/match/index';
import {
  HEADING_TAGS,
  MAX_BREADCRUMBS,
  MAX_HEADINGS,
  SKIPPED_TAGS,
  cleanText,
  isBreadcrumbElement,
  isEditable,
  isHidden,
} from '../../core/match/extract';
import { CliError } from '../errors';
import { loadFeedFromArg } from '../load-feed';

const usage = 'usage: catalog match --feed <file-or-url> --url <page-url> [--html <file>]';

interface MatchArgs {
  feed: string;
  url: string;
  html: string | null;
}

function parseArgs(args: string[]): MatchArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.match(/^--(feed|url|html)=(.*)$/s);
    if (eq) {
      values[eq[1]!] = eq[2]!;
      continue;
    }
    const flag = arg.match(/^--(feed|url|html)$/);
    if (!flag) throw new CliError(`unexpected argument "${arg}"; ${usage}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new CliError(`--${flag[1]} needs a value; ${usage}`);
    values[flag[1]!] = value;
    i++;
  }
  if (!values['feed']) throw new CliError(`--feed is required; ${usage}`);
  if (values['url'] === undefined) throw new CliError(`--url is required; ${usage}`);
  return { feed: values['feed'], url: values['url'], html: values['html'] ?? null };
}

/** The minimal node shape of htmlparser2's DOM that the walk needs. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

const isElement = (node: HtmlNode) => node.name !== undefined && node.attribs !== undefined;

function visibleText(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (!isElement(node)) return '';
  const attribs = node.attribs ?? {};
  if (SKIPPED_TAGS.has(node.name!.toLowerCase()) || isEditable(attribs) || isHidden(attribs)) return '';
  // Block-level children are separate words: join with spaces so "Orders" + "Returns" never glue.
  return (node.children ?? []).map(visibleText).join(' ');
}

/** Title, h1–h3 and breadcrumbs of an HTML document, read the way the content script reads the DOM. */
export function pageTextFromHtml(html: string): Omit<PageSnapshot, 'url'> {
  const document = parseDocument(html) as unknown as HtmlNode;
  let title: string | null = null;
  const headings: string[] = [];
  const breadcrumbs: string[] = [];
  const headingTags: readonly string[] = HEADING_TAGS;

  const walk = (node: HtmlNode, inForeign: boolean) => {
    if (!isElement(node)) {
      for (const child of node.children ?? []) walk(child, inForeign);
      return;
    }
    const name = node.name!.toLowerCase();
    const attribs = node.attribs ?? {};
    if (SKIPPED_TAGS.has(name) || isEditable(attribs) || isHidden(attribs)) return;
    if (name === 'title' && title === null && !inForeign) {
      title = cleanText(visibleText({ ...node, name: 'span' }));
      return;
    }
    if (headingTags.includes(name)) {
      const text = cleanText(visibleText(node));
      if (text && headings.length < MAX_HEADINGS) headings.push(text);
      return;
    }
    if (isBreadcrumbElement(name, attribs)) {
      const text = cleanText(visibleText(node));
      if (text && breadcrumbs.length < MAX_BREADCRUMBS) breadcrumbs.push(text);
      return;
    }
    for (const child of node.children ?? []) walk(child, inForeign || name === 'svg' || name === 'math');
  };
  walk(document, false);
  return { title: title ?? '', headings, breadcrumbs };
}

async function readHtml(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a folder, not an HTML file`);
    throw new CliError(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

export async function run(args: string[]): Promise<number> {
  const options = parseArgs(args);
  const [feed, html] = await Promise.all([
    loadFeedFromArg(options.feed),
    options.html === null ? Promise.resolve(null) : readHtml(options.html),
  ]);
  const text = html === null ? { title: '', headings: [], breadcrumbs: [] } : pageTextFromHtml(html);
  const index = buildMatchIndex(feed.items, { tombstones: feed.tombstones });
  const matches = matchPage({ url: options.url, ...text }, index);
  process.stdout.write(`${JSON.stringify(matches)}\n`);
  return 0;
}
