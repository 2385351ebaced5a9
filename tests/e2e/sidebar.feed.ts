import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * Feeds for the sidebar's end-to-end test and benchmark, written for this project (not copied from any site),
 * and a tiny loopback server that serves them with an ETag, the way a publisher's site would.
 */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html?: string;
  date_published?: string;
  tags?: string[];
  _sellernav: { kind: 'guide' | 'tool'; category: string; views?: number };
}

const categories = [
  { id: 'ops', name: { 'zh-CN': '店铺运营', en: 'Store operations' }, parent: null },
  { id: 'ops-account', name: { 'zh-CN': '账号与安全', en: 'Account & security' }, parent: 'ops' },
  { id: 'ops-ads', name: { 'zh-CN': '站内广告', en: 'Sponsored ads' }, parent: 'ops' },
  { id: 'freight', name: { 'zh-CN': '头程物流', en: 'Inbound freight' }, parent: null },
  { id: 'money', name: { 'zh-CN': '收款结汇', en: 'Getting paid' }, parent: null },
];

export function sidebarFeed(origin: string): object {
  const guide = (
    id: string,
    title: string,
    category: string,
    date: string,
    views: number,
    tags: string[],
    body: string,
  ): JsonFeedItem => ({
    id,
    url: `${origin}/guides/${id}`,
    title,
    summary: body.replace(/<[^>]+>/g, '').slice(0, 60),
    content_html: body,
    date_published: `${date}T09:00:00+08:00`,
    tags,
    _sellernav: { kind: 'guide', category, views },
  });
  const tool = (
    id: string,
    title: string,
    url: string,
    category: string,
    summary: string,
    tags: string[],
  ) => ({
    id,
    url,
    title,
    summary,
    tags,
    _sellernav: { kind: 'tool' as const, category },
  });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'E2E 卖家导航',
    home_page_url: `${origin}/`,
    feed_url: `${origin}/sellernav.json`,
    language: 'zh-CN',
    _sellernav: { categories },
    items: [
      guide(
        'e2e-password',
        '亚马逊卖家后台登录密码找回步骤',
        'ops-account',
        '2025-11-20',
        1520,
        ['密码', '登录', 'password'],
        '<h2>在登录页重置</h2><p>在卖家中心登录页选择“忘记密码”，按提示输入注册邮箱并填写收到的验证码。</p>' +
          '<p>验证通过后设置新密码；连续输错多次会被暂时锁定，请隔天再试。</p>' +
          '<p>更多说明见 <a href="/help/account">账号帮助</a>。</p><img src="/img/reset.png" alt="重置密码示意图">',
      ),
      guide(
        'e2e-2fa',
        '两步验证换手机后如何登录亚马逊',
        'ops-account',
        '2025-11-18',
        880,
        ['两步验证', '登录'],
        '<p>旧手机不可用时，可使用备用验证方式或联系卖家支持更换绑定的手机号码。</p>',
      ),
      guide(
        'e2e-ads',
        '亚马逊站内广告预算怎么分配',
        'ops-ads',
        '2025-11-10',
        2300,
        ['广告', 'PPC'],
        '<p>新品期把预算集中在精准匹配的核心词上，稳定出单后再逐步放量。</p>',
      ),
      guide(
        'e2e-ship',
        'FBA 发货前的外箱标签检查清单',
        'freight',
        '2025-10-02',
        640,
        ['FBA', '发货', '标签'],
        '<ol><li>每箱一张箱唛</li><li>外箱尺寸与重量符合要求</li><li>货件编号与计划一致</li></ol>',
      ),
      tool(
        'e2e-tool-freight',
        '头程运费比价',
        'https://freight-quotes.example.com/',
        'freight',
        '海运、空运、快递头程报价一页对比',
        ['物流', '报价'],
      ),
      tool(
        'e2e-tool-track',
        '货件轨迹查询',
        'https://track.example.com/',
        'freight',
        '输入单号查看头程与尾程轨迹',
        ['物流', '查询'],
      ),
      tool('e2e-tool-pay', '跨境收款账户', 'https://pay.example.com/', 'money', '多币种收款与结汇', ['收款']),
      tool('e2e-tool-fx', '汇率换算器', 'https://fx.example.com/', 'money', '实时汇率与费用估算', ['汇率']),
    ],
  };
}

const WORDS_A = ['亚马逊', '速卖通', 'Shopify', 'TikTok Shop', 'Temu', '独立站', '沃尔玛', 'eBay'];
const WORDS_B = ['选品', '广告', '物流', '收款', '合规', '账号', '库存', '退货', '评论', '品牌备案'];
const WORDS_C = [
  '入门指南',
  '常见问题',
  '避坑清单',
  '操作步骤',
  '数据分析',
  '旺季准备',
  '费用说明',
  '案例复盘',
];

/** A catalog of `size` items (about a quarter tools) spread over nested categories, for the benchmark. */
export function bigFeed(origin: string, size: number): object {
  // Every topic sits under one root, so browsing the root lists the whole catalog in one virtual list.
  const bigCategories = [
    { id: 'library', name: { 'zh-CN': '资料库', en: 'Library' }, parent: null },
    ...WORDS_B.map((w, i) => ({
      id: `topic-${i}`,
      name: { 'zh-CN': w, en: `Topic ${i}` },
      parent: 'library',
    })),
  ];
  const items = Array.from({ length: size }, (_, i) => {
    const a = WORDS_A[i % WORDS_A.length]!;
    const b = WORDS_B[Math.floor(i / WORDS_A.length) % WORDS_B.length]!;
    const c = WORDS_C[Math.floor(i / 80) % WORDS_C.length]!;
    const category = `topic-${Math.floor(i / WORDS_A.length) % WORDS_B.length}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    if (i % 4 === 3) {
      return {
        id: `tool-${i}`,
        url: `https://tool-${i}.example.com/`,
        title: `${a}${b}工具 ${i}`,
        summary: `${a}卖家常用的${b}工具，提供${c}。`,
        tags: [a, b],
        _sellernav: { kind: 'tool', category },
      };
    }
    return {
      id: `guide-${i}`,
      url: `${origin}/guides/${i}`,
      title: `${a}${b}${c}（第 ${i} 篇）`,
      summary: `关于${a}${b}的${c}，适合刚起步的卖家。`,
      content_html:
        `<h2>${b}要点</h2><p>${a}卖家在${b}环节最容易忽视的是细节：先核对后台设置，再记录每一步的结果。</p>`.repeat(
          3,
        ) + `<ul><li>${c}一</li><li>${c}二</li><li>${c}三</li></ul>`,
      date_published: `202${4 + (i % 2)}-${month}-${day}T10:00:00+08:00`,
      tags: [a, b, c],
      _sellernav: { kind: 'guide', category, views: (i * 37) % 5000 },
    };
  });
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Bench ${size}`,
    home_page_url: `${origin}/`,
    language: 'zh-CN',
    _sellernav: { categories: bigCategories },
    items,
  };
}

export interface FeedServer {
  origin: string;
  url: string;
  /** Stops answering (the publisher's site is down). */
  close(): Promise<void>;
}

/** Serves `makeFeed(origin)` at `/sellernav.json` on 127.0.0.1 with an ETag (304 when unchanged). */
export async function serveFeed(makeFeed: (origin: string) => object): Promise<FeedServer> {
  let body = Buffer.alloc(0);
  let etag = '';
  const server: Server = createServer((req, res) => {
    if (req.url !== '/sellernav.json') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/feed+json; charset=utf-8', ETag: etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  body = Buffer.from(JSON.stringify(makeFeed(origin)));
  etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  return {
    origin,
    url: `${origin}/sellernav.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
