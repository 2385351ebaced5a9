/**
 * One normalizer for every feed format: each reader turns its syntax into `RawItem`s, and this module applies
 * the catalog's rules — http(s)-only URLs, unique stable ids, ISO dates, sanitized content, tombstones — so
 * a JSON Feed item and an RSS item with the same facts come out the same.
 */
import type { CatalogItem, ItemKind, MatchRules } from '../model';
import { escapeHtml, htmlToText, sanitizeHtml } from '../sanitize';
import { toHttpUrl } from '../urls';
import { toIsoDate } from './dates';

export interface TextValue {
  value: string;
  /** `text` is plain text; `html` is markup still to be sanitized. */
  type: 'text' | 'html';
}

export interface RawItem {
  id: string | null;
  url: string | null;
  /** Base for the item's URL and the relative links in its content. */
  base: string | null;
  /** Base for the content's relative links when it differs (xml:base on the content element). */
  contentBase?: string | null;
  title: TextValue | null;
  summary: TextValue | null;
  content: TextValue | null;
  datePublished: string | null;
  dateModified: string | null;
  tags: string[];
  category: string | null;
  kind: string | null;
  views: number | null;
  match: MatchRules | null;
  image: string | null;
  deleted: boolean;
  /** Why the reader could not use this item at all (it is dropped with this reason, in feed order). */
  rejected?: string;
}

export function emptyRawItem(base: string | null): RawItem {
  return {
    id: null,
    url: null,
    base,
    title: null,
    summary: null,
    content: null,
    datePublished: null,
    dateModified: null,
    tags: [],
    category: null,
    kind: null,
    views: null,
    match: null,
    image: null,
    deleted: false,
  };
}

export interface NormalizeOptions {
  /**
   * Keep items with nothing to show (no title, text or link) with an empty title. Only for measuring how
   * fields are read (the conformance run); the catalog never keeps such items.
   */
  keepEmptyItems?: boolean;
}

export interface NormalizedItems {
  items: CatalogItem[];
  tombstones: string[];
  warnings: string[];
}

const TITLE_FROM_TEXT_MAX = 80;
/** A summary that is really the whole body (RSS with only a description) is cut to this for lists and search. */
const SUMMARY_FROM_BODY_MAX = 280;

function label(index: number, id: string | null): string {
  return id ? `item ${index + 1} ("${id.length > 60 ? `${id.slice(0, 57)}…` : id}")` : `item ${index + 1}`;
}

function asText(value: TextValue | null): string | null {
  if (!value) return null;
  const text = value.type === 'html' ? htmlToText(value.value) : value.value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Plain text as HTML paragraphs, so every item's body can be rendered the same way. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeHtml(para).replace(/\r?\n/g, '<br />')}</p>`)
    .join('');
}

function asHtml(value: TextValue | null, base: string | null): string | null {
  if (!value) return null;
  const html = value.type === 'html' ? sanitizeHtml(value.value, base) : textToHtml(value.value);
  return html.trim() === '' ? null : html;
}

function uniqueStrings(values: string[]): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const t = v.trim();
    if (t !== '') seen.add(t);
  }
  return [...seen];
}

function kindOf(raw: string | null, where: string, warnings: string[]): ItemKind {
  if (raw === null || raw === 'guide') return 'guide';
  if (raw === 'tool') return 'tool';
  warnings.push(`${where}: unknown kind "${raw}", read as a guide`);
  return 'guide';
}

/** Applies the catalog rules to items read from any format. */
export function normalizeItems(
  raws: RawItem[],
  knownCategories: ReadonlySet<string> | null,
  /** Position of each raw item in the feed, for warnings (defaults to its index here). */
  positions?: number[],
  options: NormalizeOptions = {},
): NormalizedItems {
  const items: CatalogItem[] = [];
  const tombstones: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();

  raws.forEach((raw, index) => {
    const rawId = raw.id?.trim() || null;
    const where = label(positions?.[index] ?? index, rawId);
    if (raw.rejected) {
      warnings.push(`${where} dropped: ${raw.rejected}`);
      return;
    }

    let url: string | null = null;
    if (raw.url !== null && raw.url.trim() !== '') {
      const checked = toHttpUrl(raw.url, raw.base);
      if (checked.ok) url = checked.url;
      else if (checked.reason === 'scriptable') {
        warnings.push(
          `${where} dropped: its link uses the ${checked.scheme}: scheme, which is never passed on`,
        );
        return;
      } else if (checked.reason === 'scheme') {
        warnings.push(
          `${where}: link with the ${checked.scheme}: scheme removed (only http and https are kept)`,
        );
      } else {
        warnings.push(`${where}: link "${raw.url.slice(0, 80)}" is not a valid URL and was removed`);
      }
    }

    const id = rawId ?? url;
    if (raw.deleted) {
      if (!id) warnings.push(`${where}: a deletion without an id or link was ignored`);
      else if (!tombstones.includes(id)) tombstones.push(id);
      return;
    }
    if (!id) {
      warnings.push(`${where} dropped: it has neither an id nor a link`);
      return;
    }
    if (seen.has(id)) {
      warnings.push(`${where} dropped: the id "${id}" appears earlier in the feed`);
      return;
    }

    let summary = asText(raw.summary);
    if (summary && raw.summary === raw.content && summary.length > SUMMARY_FROM_BODY_MAX) {
      summary = `${summary.slice(0, SUMMARY_FROM_BODY_MAX - 1).trimEnd()}…`;
    }
    const content_html = asHtml(raw.content, raw.contentBase ?? url ?? raw.base);
    let title: string | null = asText(raw.title);
    if (!title) {
      const fallback = summary ?? (content_html ? htmlToText(content_html) : null);
      if (fallback)
        title =
          fallback.length > TITLE_FROM_TEXT_MAX ? `${fallback.slice(0, TITLE_FROM_TEXT_MAX - 1)}…` : fallback;
      else if (url) title = url;
      else if (options.keepEmptyItems) title = '';
      else {
        warnings.push(`${where} dropped: it has no title, text or link to show`);
        return;
      }
    }

    const datePublished = toIsoDate(raw.datePublished);
    if (raw.datePublished && !datePublished)
      warnings.push(`${where}: date "${raw.datePublished.slice(0, 40)}" is not a date; ignored`);
    const dateModified = toIsoDate(raw.dateModified);

    let category = raw.category?.trim() || null;
    if (category && knownCategories && knownCategories.size > 0 && !knownCategories.has(category)) {
      warnings.push(`${where}: category "${category}" is not declared in the feed`);
    }
    if (category === '') category = null;

    let image: string | null = null;
    if (raw.image) {
      const checked = toHttpUrl(raw.image, url ?? raw.base);
      if (checked.ok) image = checked.url;
    }

    seen.add(id);
    items.push({
      id,
      kind: kindOf(raw.kind, where, warnings),
      title,
      url,
      summary,
      content_html,
      date_published: datePublished ?? dateModified,
      date_modified: dateModified,
      tags: uniqueStrings(raw.tags),
      category,
      views:
        raw.views !== null && Number.isFinite(raw.views) && raw.views >= 0 ? Math.floor(raw.views) : null,
      match: raw.match,
      image,
    });
  });

  for (const id of tombstones) {
    if (seen.has(id))
      warnings.push(`the id "${id}" is both live and deleted in the feed; it is treated as deleted`);
  }
  const dead = new Set(tombstones);
  return { items: dead.size ? items.filter((i) => !dead.has(i.id)) : items, tombstones, warnings };
}
