/** The feed `npm run bench:sync` syncs: shaped like a real navigation site's, at any size. */
const CATEGORIES = [
  'wiki',
  'headlines',
  'logistics',
  'payments',
  'erp',
  'keywords',
  'product-research',
  'vat',
  'trademark',
  'site-builders',
  'marketplaces',
  'vpn',
];
const WORDS = [
  '亚马逊',
  '物流',
  '收款',
  '选品',
  '关键词',
  '商标',
  '增值税',
  '广告',
  '库存',
  '退货',
  '店铺',
  '评论',
];

/** A feed like a real navigation site's: guides with HTML bodies and match rules, tools with short blurbs. */
export function makeBenchFeed(count: number, variant: 'html' | 'text' = 'html', seed = 0): string {
  const items = [];
  for (let i = 0; i < count; i++) {
    const guide = i % 3 === 0;
    const w = (k: number) => WORDS[(i * 7 + k + seed) % WORDS.length]!;
    const body = `<h2>${w(1)}操作步骤</h2><p>第一步：登录卖家平台，进入${w(2)}页面，按提示填写信息。</p><ol><li>打开 <a href="https://example.com/${i}">${w(3)}设置</a></li><li>检查${w(4)}状态并保存。</li><li>如遇问题，联系客服或查看帮助文档。</li></ol><p><img src="https://img.example.com/${i}.png" alt="${w(5)}"> 注意：不同站点的界面可能略有差异。</p>`;
    items.push({
      id: `item-${i}`,
      url: `https://nav.example.cn/${guide ? 'guides' : 'tools'}/${i}`,
      title: `${w(0)}${w(1)}${guide ? '指南' : '工具'} ${i} ${guide ? 'guide' : 'tool'}`,
      summary: `${w(2)}${w(3)}的常见问题与做法，适合跨境卖家参考（第 ${i} 篇）。`,
      ...(guide
        ? variant === 'html'
          ? { content_html: body }
          : { content_text: body.replace(/<[^>]+>/g, ' ') }
        : {}),
      date_published: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString(),
      tags: [w(4), w(5), guide ? 'guide' : 'tool'],
      _sellernav: {
        kind: guide ? 'guide' : 'tool',
        category: CATEGORIES[i % CATEGORIES.length],
        views: (i * 37) % 5000,
        ...(guide && i % 30 === 0
          ? { match: { paths: [`/page-${i % 15}*`], keywords: [w(6), 'inventory'] } }
          : {}),
      },
    });
  }
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench navigation site',
    home_page_url: 'https://nav.example.cn/',
    _sellernav: {
      categories: CATEGORIES.map((id) => ({ id, name: { 'zh-CN': id, en: id }, parent: null })),
    },
    items,
  });
}
