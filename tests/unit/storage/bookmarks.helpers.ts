import { SellerNavDB } from '@/storage/database';
import type { CatalogItem } from '@/core/model';

let counter = 0;
/** A database of its own for each test (fake-indexeddb), so tests never see each other's rows. */
export function freshBookmarksDb(): SellerNavDB {
  counter++;
  return new SellerNavDB({ name: `bookmarks-test-${counter}-${Math.random().toString(36).slice(2)}` });
}

export function catalogItem(id: string, overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id,
    kind: 'tool',
    title: `Tool ${id}`,
    url: `https://tools.example.com/${id}`,
    summary: null,
    content_html: null,
    date_published: null,
    date_modified: null,
    tags: [],
    category: null,
    views: null,
    match: null,
    image: null,
    ...overrides,
  };
}
