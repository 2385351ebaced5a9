import type { CatalogItem, MatchRules } from '@/core/model';

/** A catalog item as the feed parser yields it, with only what a test cares about spelled out. */
export function guide(
  id: string,
  title: string,
  tags: string[] = [],
  match: Partial<MatchRules> | null = null,
  extra: Partial<CatalogItem> = {},
): CatalogItem {
  return {
    id,
    kind: 'guide',
    title,
    url: `https://nav.example.cn/guides/${id}`,
    summary: null,
    content_html: null,
    date_published: null,
    date_modified: null,
    tags,
    category: 'wiki',
    views: null,
    match: match ? { hosts: null, paths: [], keywords: [], ...match } : null,
    image: null,
    ...extra,
  };
}

/**
 * A catalog shaped like a navigation site's: one guide per common Seller Central page, mostly Chinese titles,
 * some with `match` rules and some with tags only, plus a tool (never offered).
 */
export const NAV_SITE_CATALOG: CatalogItem[] = [
  guide('guide-password-reset', '亚马逊账户密码忘了怎么办', ['账户', '密码', 'password'], {
    paths: ['/ap/forgotpassword*', '/ap/signin*'],
    keywords: ['password', '密码', 'Passwort'],
  }),
  guide('guide-two-step', '两步验证收不到验证码怎么办', ['两步验证', '验证码'], { paths: ['/ap/mfa*'] }),
  guide('guide-send-to-amazon', 'Send to Amazon 发货流程：创建货件一步步来', ['FBA', '发货', 'shipment'], {
    paths: ['/fba/sendtoamazon*'],
  }),
  guide('guide-shipment-status', '货件状态一直是“正在接收”怎么办', ['货件', 'FBA']),
  guide('guide-inventory', '库存页面看不懂？可售、不可售与预留库存', ['库存', 'inventory'], {
    keywords: ['Inventory', '库存'],
  }),
  guide('guide-returns', '买家退货怎么处理', ['退货', 'returns']),
  guide('guide-account-health', '账户状况评级下降了怎么办', ['账户状况', 'account health'], {
    paths: ['/performance/dashboard*'],
  }),
  guide('guide-payments', '亚马逊回款周期与付款报告', ['付款', '回款']),
  guide('guide-ads', '新手如何开第一个广告活动', ['广告', 'PPC']),
  guide('guide-vat', '欧洲站 VAT 税号怎么申请', ['VAT', '税务'], {
    hosts: [
      'sellercentral.amazon.de',
      'sellercentral-europe.amazon.com',
      'sellercentral.amazon.fr',
      'sellercentral.amazon.it',
      'sellercentral.amazon.es',
      'sellercentral.amazon.co.uk',
    ],
  }),
  { ...guide('tool-freight', '海运拼箱查价', ['物流', 'shipment']), kind: 'tool' },
];
