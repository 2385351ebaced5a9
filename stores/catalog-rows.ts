import type { CatalogItem } from '@/core/model';
import type { StoredItem } from '@/storage/types';

/**
 * The light view of a catalog item every sidebar list shows. Lists keep these, never whole items: a
 * 20,000-item category would otherwise hold every guide's HTML in memory for as long as it is on screen.
 */
export type ListRow = Pick<
  CatalogItem,
  'id' | 'kind' | 'title' | 'url' | 'summary' | 'date_published' | 'views' | 'category' | 'tags'
>;

/** A list shows one line of summary (about 30 characters at panel width); keeping 90 keeps the heap small. */
const SUMMARY_CHARS = 90;

export function toListRow(item: StoredItem): ListRow {
  const summary =
    item.summary && item.summary.length > SUMMARY_CHARS
      ? `${item.summary.slice(0, SUMMARY_CHARS)}…`
      : item.summary;
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    url: item.url,
    summary,
    date_published: item.date_published,
    views: item.views,
    category: item.category,
    tags: item.tags,
  };
}

// One collator for every comparison: `localeCompare(…, 'zh-CN')` builds a new one per call, which made sorting
// a 20,000-item category take most of a second.
const byTitle = new Intl.Collator('zh-CN');

/** Newest first; undated items (most tools) after dated ones, by title, so the list order is stable. */
export function browseOrder(a: ListRow, b: ListRow): number {
  const da = a.date_published ?? '';
  const dbb = b.date_published ?? '';
  if (da !== dbb) return da < dbb ? 1 : -1;
  return byTitle.compare(a.title, b.title);
}
