import type { CatalogItem, Category, ParsedFeed } from '@/core/model';
import { buildSearchPack } from '@/core/search/build';
import { db } from '@/storage/db';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { newFeedRecord } from '@/storage/feed-record';
import { useCatalog } from '@/stores/catalog';
import { useSearch } from '@/stores/search';
import { useRouter } from '@/stores/router';
import { useLocaleStore } from '@/stores/locale';

/** A small catalog in the shape of the navigation site: nested categories, guides with HTML, tools. */
export const categories: Category[] = [
  { id: 'wiki', name: { 'zh-CN': '外贸百科', en: 'Seller wiki' }, parent: null },
  { id: 'account', name: { 'zh-CN': '账户安全', en: 'Account security' }, parent: 'wiki' },
  { id: 'logistics', name: { 'zh-CN': '找物流', en: 'Logistics' }, parent: null },
  { id: 'payments', name: { zh: '收款', 'en-US': 'Payments' }, parent: null },
];

export function item(id: string, overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id,
    kind: 'guide',
    title: `Guide ${id}`,
    url: `https://nav.example.cn/guides/${id}`,
    summary: null,
    content_html: `<p>Body of ${id}</p>`,
    date_published: '2024-01-30T00:00:00+08:00',
    date_modified: null,
    tags: [],
    category: 'wiki',
    views: 100,
    match: null,
    image: null,
    ...overrides,
  };
}

export const items: CatalogItem[] = [
  item('guide-password-reset', {
    title: '亚马逊账户密码忘了怎么办',
    category: 'account',
    tags: ['账户', '密码', 'password'],
    views: 670,
    date_published: '2023-08-17T00:00:00+08:00',
    content_html:
      '<h2>一、登录页面修改密码</h2><p>打开 <a href="/help/signin">登录页</a>，点击“忘记密码”。</p>' +
      '<img src="/img/step1.png" alt="步骤一" onerror="alert(1)"><script>alert(2)</script>' +
      '<p><a href="javascript:alert(3)">坏链接</a></p>',
  }),
  item('guide-2fa', {
    title: '亚马逊两步验证收不到验证码',
    category: 'account',
    tags: ['账户', '两步验证'],
    views: 300,
    date_published: '2024-02-01T00:00:00+08:00',
  }),
  item('guide-fba-ship', {
    title: 'FBA 发货流程详解',
    category: 'wiki',
    tags: ['FBA', '发货'],
    views: 900,
    date_published: '2024-01-29T00:00:00+08:00',
  }),
  item('tool-freight', {
    kind: 'tool',
    title: 'FBA头程查价',
    url: 'https://www.freight.example.com/',
    summary: '海运、空运头程报价对比',
    content_html: null,
    category: 'logistics',
    tags: ['物流'],
    date_published: null,
    views: null,
  }),
  item('tool-payoneer', {
    kind: 'tool',
    title: 'Payoneer 派安盈',
    url: 'https://www.payoneer.example.com/',
    summary: '跨境收款',
    content_html: null,
    category: 'payments',
    tags: ['收款'],
    date_published: null,
    views: null,
  }),
];

export function feedOf(list: CatalogItem[]): ParsedFeed {
  return {
    format: 'jsonfeed',
    title: '跨境导航',
    home_page_url: 'https://nav.example.cn/',
    feed_url: 'https://nav.example.cn/sellernav.json',
    language: 'zh-CN',
    categories,
    items: list,
    tombstones: [],
    warnings: [],
  };
}

/** Empties the shared database and every store, so each test starts as a freshly opened sidebar. */
export async function resetAll(browserLanguage = 'zh-CN'): Promise<void> {
  // jsdom reports en-US; a Chinese seller's browser says zh-CN, and "follow the browser" is the default.
  Object.defineProperty(window.navigator, 'language', { value: browserLanguage, configurable: true });
  db.close();
  await db.delete();
  await db.open();
  await resetStores();
}

/** Stores back to a freshly opened page (the database is left as it is). */
export async function resetStores(): Promise<void> {
  useCatalog.setState(useCatalog.getInitialState(), true);
  useSearch.setState(useSearch.getInitialState(), true);
  useRouter.setState({ route: { name: 'home' }, stack: [{ name: 'home' }] });
  useLocaleStore.setState({ language: 'zh-CN', preference: 'auto' });
  window.location.hash = '';
}

/** Writes the catalog the way a sync does (one feed, search pack included). */
export async function seedCatalog(
  list: CatalogItem[] = items,
  options: { lastError?: string | null; now?: number } = {},
) {
  await db.feeds.put(
    newFeedRecord({
      id: 'main',
      url: 'https://nav.example.cn/sellernav.json',
      title: '跨境导航',
      paused: false,
      addedAt: 1,
    }),
  );
  await applyFeed(db, 'main', prepareFeed(feedOf(list)), {
    now: options.now ?? Date.now() - 5 * 60_000,
    buildSearchPack: (stored, cats) => buildSearchPack(stored, cats),
  });
  if (options.lastError !== undefined) await db.feeds.update('main', { lastError: options.lastError });
}
