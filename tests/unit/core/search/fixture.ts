import type { CatalogItem } from '../../../../core/model';

/** A catalog item with defaults for everything a test does not care about. */
export function item(over: Partial<CatalogItem> & Pick<CatalogItem, 'id' | 'title'>): CatalogItem {
  return {
    kind: 'guide',
    url: null,
    summary: null,
    content_html: null,
    date_published: null,
    date_modified: null,
    tags: [],
    category: null,
    views: null,
    match: null,
    image: null,
    ...over,
  };
}

/** A small catalog in the shape of the real one: guides in Chinese, tools with English names. */
export const catalog: CatalogItem[] = [
  item({
    id: 'guide-password',
    title: '亚马逊账户密码忘了怎么办',
    summary: '找回卖家后台登录密码的步骤。',
    tags: ['账户', '密码', 'password'],
    category: 'wiki',
    views: 670,
    date_published: '2023-08-17T00:00:00+08:00',
  }),
  item({
    id: 'guide-headway',
    title: 'FBA头程怎么算运费',
    summary: '海运、空运和快递头程的计费方式。',
    tags: ['物流', 'FBA'],
    category: 'logistics-guides',
    views: 300,
    date_published: '2024-01-10T00:00:00Z',
  }),
  item({
    id: 'tool-payoneer',
    kind: 'tool',
    title: 'Payoneer 派安盈',
    summary: '跨境收款账户，支持多币种提现。',
    tags: ['收款', 'payment'],
    category: 'payments',
    views: 900,
  }),
  item({
    id: 'tool-sendto',
    kind: 'tool',
    title: 'Send to Amazon 发货助手',
    summary: '创建入库计划的辅助工具。',
    tags: ['发货', 'FBA'],
    category: 'logistics',
    views: 120,
  }),
  item({
    id: 'guide-vat',
    title: '欧洲VAT注册指南',
    summary: '德国和英国增值税注册流程，头程清关也要用到税号。',
    tags: ['税务', 'VAT'],
    category: 'wiki',
    views: 80,
  }),
];

export const categories = [
  { id: 'wiki', name: { 'zh-CN': '外贸百科' }, parent: null },
  { id: 'logistics', name: { 'zh-CN': '物流' }, parent: null },
  { id: 'logistics-guides', name: { 'zh-CN': '物流指南' }, parent: 'logistics' },
  { id: 'payments', name: { 'zh-CN': '收款' }, parent: null },
];
