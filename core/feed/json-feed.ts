/**
 * JSON Feed 1.0/1.1 with the `_sellernav` extension. The document is validated at the edge with valibot:
 * the feed's frame must be right or the feed is refused; each item is checked on its own so that one bad
 * item is dropped with a warning and the rest of the feed survives.
 */
import * as v from 'valibot';
import { FeedError, type Category, type MatchRules, type ParsedFeed } from '../model';
import { usableBase } from '../urls';
import { emptyRawItem, normalizeItems, type NormalizeOptions, type RawItem } from './normalize';

const Text = v.nullish(v.string());
const Strings = v.nullish(v.array(v.string()));
/** JSON Feed says ids are strings; 1.0 publishers often wrote numbers, which mean the same. */
const Id = v.nullish(v.union([v.string(), v.pipe(v.number(), v.transform(String))]));

const MatchSchema = v.object({ hosts: Strings, paths: Strings, keywords: Strings });

const ItemSchema = v.object({
  id: Id,
  url: Text,
  external_url: Text,
  title: Text,
  summary: Text,
  content_html: Text,
  content_text: Text,
  date_published: Text,
  date_modified: Text,
  tags: Strings,
  image: Text,
  banner_image: Text,
  _sellernav: v.nullish(
    v.object({
      kind: Text,
      category: Text,
      views: v.nullish(v.number()),
      match: v.nullish(MatchSchema),
      deleted: v.nullish(v.boolean()),
    }),
  ),
});

const CategorySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.union([v.string(), v.record(v.string(), v.string())]),
  parent: Text,
});

const FeedSchema = v.object({
  version: v.optional(v.string()),
  title: Text,
  home_page_url: Text,
  feed_url: Text,
  language: Text,
  items: v.array(v.unknown()),
  _sellernav: v.nullish(v.object({ categories: v.nullish(v.array(v.unknown())) })),
});

function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]!;
  const path = v.getDotPath(issue);
  return `${path ? `"${path}": ` : ''}${issue.message}`;
}

function toMatch(raw: v.InferOutput<typeof MatchSchema> | null | undefined): MatchRules | null {
  if (!raw) return null;
  const clean = (list: string[] | null | undefined) =>
    (list ?? []).map((s) => s.trim()).filter((s) => s !== '');
  const hosts = raw.hosts == null ? null : clean(raw.hosts);
  return {
    hosts: hosts && hosts.length ? hosts : null,
    paths: clean(raw.paths),
    keywords: clean(raw.keywords),
  };
}

function readCategories(raw: unknown[] | null | undefined, warnings: string[]): Category[] {
  const categories: Category[] = [];
  const ids = new Set<string>();
  (raw ?? []).forEach((entry, index) => {
    const result = v.safeParse(CategorySchema, entry);
    if (!result.success) {
      warnings.push(`category ${index + 1} ignored: ${firstIssue(result.issues)}`);
      return;
    }
    const { id, name, parent } = result.output;
    if (ids.has(id)) {
      warnings.push(`category "${id}" is declared twice; the first one is kept`);
      return;
    }
    ids.add(id);
    categories.push({ id, name: typeof name === 'string' ? { und: name } : name, parent: parent ?? null });
  });
  return categories;
}

/** Parses JSON Feed text; `documentUrl` is where it was fetched from, if known. */
export function parseJsonFeed(
  text: string,
  documentUrl: string | null,
  options: NormalizeOptions = {},
): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    throw new FeedError(`the feed is not valid JSON (${reason}); it may be truncated`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FeedError('the JSON is not a JSON Feed: expected an object with "version" and "items"');
  }
  const frame = v.safeParse(FeedSchema, data);
  if (!frame.success) throw new FeedError(`the JSON is not a usable JSON Feed: ${firstIssue(frame.issues)}`);
  const feed = frame.output;

  const warnings: string[] = [];
  if (!feed.version?.startsWith('https://jsonfeed.org/version/')) {
    warnings.push('the feed does not declare a JSON Feed version; read as JSON Feed 1.1');
  }
  const base = usableBase(feed.feed_url, documentUrl) ?? usableBase(feed.home_page_url, documentUrl);
  const categories = readCategories(feed._sellernav?.categories, warnings);

  const raws: RawItem[] = [];
  const rawIndex: number[] = [];
  feed.items.forEach((entry, index) => {
    const result = v.safeParse(ItemSchema, entry);
    if (!result.success) {
      const rejected = emptyRawItem(base);
      if (typeof entry === 'object' && entry !== null && 'id' in entry) {
        if (typeof entry.id === 'string' || typeof entry.id === 'number') rejected.id = String(entry.id);
      }
      rejected.rejected = firstIssue(result.issues);
      raws.push(rejected);
      rawIndex.push(index);
      return;
    }
    const it = result.output;
    const ext = it._sellernav;
    const raw = emptyRawItem(base);
    raw.id = it.id ?? null;
    raw.url = it.url ?? it.external_url ?? null;
    raw.title = it.title ? { value: it.title, type: 'text' } : null;
    raw.summary = it.summary ? { value: it.summary, type: 'text' } : null;
    raw.content = it.content_html
      ? { value: it.content_html, type: 'html' }
      : it.content_text
        ? { value: it.content_text, type: 'text' }
        : null;
    raw.datePublished = it.date_published ?? null;
    raw.dateModified = it.date_modified ?? null;
    raw.tags = it.tags ?? [];
    raw.image = it.image ?? it.banner_image ?? null;
    raw.kind = ext?.kind ?? null;
    raw.category = ext?.category ?? null;
    raw.views = ext?.views ?? null;
    raw.match = toMatch(ext?.match);
    raw.deleted = ext?.deleted === true;
    raws.push(raw);
    rawIndex.push(index);
  });

  const normalized = normalizeItems(raws, new Set(categories.map((c) => c.id)), rawIndex, options);
  const title = feed.title?.trim() || '';
  if (!title) warnings.push('the feed has no title');
  return {
    format: 'jsonfeed',
    title,
    home_page_url: usableBase(feed.home_page_url, documentUrl),
    feed_url: usableBase(feed.feed_url, documentUrl) ?? documentUrl,
    language: feed.language ?? null,
    categories,
    items: normalized.items,
    tombstones: normalized.tombstones,
    warnings: [...warnings, ...normalized.warnings],
  };
}
