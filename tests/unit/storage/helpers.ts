import type { CatalogItem, ParsedFeed } from '@/core/model';
import { SellerNavDB } from '@/storage/database';
import { newFeedRecord } from '@/storage/feed-record';
import type { FeedRecord } from '@/storage/types';

let counter = 0;

/** A fresh database with its own name, so tests never share state. */
export function freshDb(): SellerNavDB {
  counter += 1;
  return new SellerNavDB({
    name: `sellernav-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`,
  });
}

export function makeItem(id: string, overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id,
    kind: 'tool',
    title: `Title ${id}`,
    url: `https://example.com/${id}`,
    summary: `Summary of ${id}`,
    content_html: null,
    date_published: '2024-01-01T00:00:00.000Z',
    date_modified: null,
    tags: ['tag'],
    category: 'logistics',
    views: null,
    match: null,
    image: null,
    ...overrides,
  };
}

export function makeFeed(items: CatalogItem[], tombstones: string[] = []): ParsedFeed {
  return {
    format: 'jsonfeed',
    title: 'Test feed',
    home_page_url: null,
    feed_url: null,
    language: 'zh-CN',
    categories: [
      { id: 'logistics', name: { 'zh-CN': '物流', en: 'Logistics' }, parent: null },
      { id: 'wiki', name: { 'zh-CN': '外贸百科', en: 'Seller wiki' }, parent: null },
    ],
    items,
    tombstones,
    warnings: [],
  };
}

export function feedRecord(id: string, addedAt = 1): FeedRecord {
  return newFeedRecord({ id, url: `http://127.0.0.1/${id}.json`, title: '', paused: false, addedAt });
}
