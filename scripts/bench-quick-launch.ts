/**
 * `npm run bench:quick-launch [-- --quick]`: the popup's and omnibox's search (bookmarks first, then a
 * 20,000-item catalog, pinyin included), typed a keystroke at a time, and the import/export pipeline on a
 * large bookmark list. Prints figures only; nothing here asserts a time.
 *
 * The search runs the very code the background runs (core/quick-launch/search.ts) over in-memory sources, so
 * the figures are the CPU work per keystroke; in the extension the bookmarks are also read from IndexedDB at
 * each query (a table of a few hundred rows).
 */
import type { CatalogItem } from '../core/model';
import { buildSearchPack } from '../core/search/build';
import { createSearcher } from '../core/search';
import { createQuickLaunchSearch } from '../core/quick-launch/search';
import { omniboxSuggestions } from '../core/quick-launch/omnibox';
import type { LaunchBookmark } from '../core/quick-launch/rank';
import { emptySellerData, parseBackupJson, serializeBackup, type SellerData } from '../core/backup/schema';
import { planImport } from '../core/backup/merge';
import { parseNetscapeBookmarks, serializeNetscapeBookmarks } from '../core/backup/netscape';
import { seededRandom } from './seeded-random';

const quick = process.argv.includes('--quick');
const CATALOG = quick ? 2_000 : 20_000;
const BOOKMARKS = 300;
const BACKUP_BOOKMARKS = quick ? 1_000 : 5_000;

const rng = seededRandom;
const random = rng(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const WORDS = (
  '亚马逊 头程 物流 海运 空运 快递 货代 清关 关税 入库 仓储 库存 补货 发货 退货 评论 广告 关键词 选品 类目 品牌 商标 ' +
  '专利 账户 密码 登录 验证 申诉 绩效 收款 提现 税务 增值税 欧洲站 美国站 日本站 店铺 运营 促销 优惠券 定价 利润 ' +
  '佣金 包装 标签 速卖通 独立站 跨境 外贸 卖家 客服 采购 供应商 数据 分析 插件 工具 软件 翻译 图片 视频 推广 海外仓'
).split(' ');
const BRANDS =
  'Seller Jungle Helium Keepa Payoneer PingPong Lian Flexport Yun Cainiao Shopify Temu Sprite Sorftime Ziniao'.split(
    ' ',
  );

function catalogItem(i: number): CatalogItem {
  const tool = random() < 0.4;
  const title = tool
    ? `${pick(BRANDS)}${pick(BRANDS)} ${pick(WORDS)}${pick(WORDS)}`
    : `${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}怎么办 ${i}`;
  return {
    id: `item-${i}`,
    kind: tool ? 'tool' : 'guide',
    title,
    url: `https://nav.example.cn/${tool ? 'tools' : 'guides'}/${i}`,
    summary: `${pick(WORDS)}、${pick(WORDS)}和${pick(WORDS)}的做法`,
    content_html: null,
    date_published: new Date(1_600_000_000_000 + i * 86_400_000).toISOString(),
    date_modified: null,
    tags: [pick(WORDS), pick(WORDS)],
    category: null,
    views: Math.floor(1000 * random() ** 3),
    match: null,
    image: null,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

async function benchSearch(): Promise<void> {
  const items = Array.from({ length: CATALOG }, (_, i) => catalogItem(i));
  const [pack, packMs] = time(() => buildSearchPack(items));
  const bookmarks: LaunchBookmark[] = Array.from({ length: BOOKMARKS }, (_, i) => {
    const item = items[(i * 7) % items.length]!;
    return i % 2 === 0
      ? { id: `b${i}`, itemId: item.id, url: item.url!, title: item.title, note: '' }
      : {
          id: `b${i}`,
          itemId: null,
          url: `https://tool${i}.example.com/`,
          title: `${pick(WORDS)}${pick(BRANDS)}`,
          note: pick(WORDS),
        };
  });
  const search = createQuickLaunchSearch({
    bookmarks: async () => bookmarks,
    catalog: async () => ({ pack, items }),
  });
  const [, coldMs] = await (async () => {
    const started = performance.now();
    await search.search('y', 8);
    return [null, performance.now() - started] as const;
  })();

  const queries = [
    'yamaxun',
    'ymx',
    '头程物流',
    'fba',
    'payoneer',
    'mjjl',
    'wuliu',
    'seller jungle',
    '关键词工具',
    'hwc',
  ];
  // The catalog searcher alone, on the same keystrokes, interleaved (which runs first alternates, so neither
  // pays the other's JIT warm-up): what quick-launch adds is the difference.
  const catalogOnly = createSearcher(pack);
  const perKeystroke: number[] = [];
  const catalogAlone: number[] = [];
  const strokes = queries.flatMap((q) => Array.from({ length: q.length }, (_, n) => q.slice(0, n + 1)));
  const rounds = quick ? 1 : 3;
  // Best of the rounds per keystroke (the work is the same each round once warm; load only adds time).
  const bestQuickLaunch = strokes.map(() => Infinity);
  const bestCatalog = strokes.map(() => Infinity);
  const runQuickLaunch = async (stroke: string, k: number) => {
    const started = performance.now();
    const hits = await search.search(stroke, 8);
    const took = performance.now() - started;
    perKeystroke.push(took);
    bestQuickLaunch[k] = Math.min(bestQuickLaunch[k]!, took);
    return hits;
  };
  const runCatalog = (stroke: string, k: number) => {
    const started = performance.now();
    catalogOnly.search(stroke, { limit: 16 });
    const took = performance.now() - started;
    catalogAlone.push(took);
    bestCatalog[k] = Math.min(bestCatalog[k]!, took);
  };
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [k, stroke] of strokes.entries()) {
      const last = k === strokes.length - 1 || strokes[k + 1]!.length === 1;
      let hits: unknown[];
      if ((round + k) % 2 === 0) {
        hits = await runQuickLaunch(stroke, k);
        runCatalog(stroke, k);
      } else {
        runCatalog(stroke, k);
        hits = await runQuickLaunch(stroke, k);
      }
      if (last && round === 0 && hits.length > 0) found++;
    }
  }
  // Garbage per keystroke: heap growth across one call, kept only when no collection ran inside it.
  const allocated = async (run: (stroke: string) => unknown) => {
    const sizes: number[] = [];
    for (const stroke of strokes) {
      const before = process.memoryUsage().heapUsed;
      await run(stroke);
      const grown = process.memoryUsage().heapUsed - before;
      if (grown > 0) sizes.push(grown / 1024);
    }
    return percentile(
      sizes.sort((a, b) => a - b),
      0.5,
    );
  };
  const quickLaunchKb = await allocated((stroke) => search.search(stroke, 8));
  const catalogKb = await allocated((stroke) => catalogOnly.search(stroke, { limit: 16 }));
  perKeystroke.sort((a, b) => a - b);
  catalogAlone.sort((a, b) => a - b);
  bestQuickLaunch.sort((a, b) => a - b);
  bestCatalog.sort((a, b) => a - b);
  const hits = await search.search('yamaxun', 6);
  const [, omniboxMs] = time(() =>
    omniboxSuggestions(hits, { bookmark: '书签', guide: '指南', tool: '工具' }, true),
  );
  console.log(
    `quick-launch search: ${CATALOG} catalog items, ${BOOKMARKS} bookmarks (node ${process.version})`,
  );
  console.log(`  search pack build (sync side, once)     ${ms(packMs)}`);
  console.log(`  first query (index from stored pack)    ${ms(coldMs)}`);
  console.log(
    `  per keystroke (${perKeystroke.length} keystrokes)         p50 ${ms(percentile(perKeystroke, 0.5))}  p95 ${ms(percentile(perKeystroke, 0.95))}  max ${ms(perKeystroke.at(-1)!)}`,
  );
  console.log(
    `  core/search alone (limit 16)            p50 ${ms(percentile(catalogAlone, 0.5))}  p95 ${ms(percentile(catalogAlone, 0.95))}  max ${ms(catalogAlone.at(-1)!)}`,
  );
  console.log(
    `  best of ${rounds} per keystroke: quick-launch   p50 ${ms(percentile(bestQuickLaunch, 0.5))}  p95 ${ms(percentile(bestQuickLaunch, 0.95))}  max ${ms(bestQuickLaunch.at(-1)!)}`,
  );
  console.log(
    `  best of ${rounds} per keystroke: core alone     p50 ${ms(percentile(bestCatalog, 0.5))}  p95 ${ms(percentile(bestCatalog, 0.95))}  max ${ms(bestCatalog.at(-1)!)}`,
  );
  console.log(
    `  garbage per keystroke (median)          quick-launch ${quickLaunchKb.toFixed(0)} KB, core alone ${catalogKb.toFixed(0)} KB`,
  );
  console.log(`  omnibox suggestions (escape + markup)   ${ms(omniboxMs)}`);
  console.log(`  queries with hits                       ${found}/${queries.length}`);
}

function benchBackup(): void {
  const folders = Array.from({ length: 50 }, (_, i) => ({
    id: `f${i}`,
    name: `文件夹 ${i}`,
    order: i,
    createdAt: 1,
  }));
  const data: SellerData = {
    ...emptySellerData(),
    folders,
    bookmarks: Array.from({ length: BACKUP_BOOKMARKS }, (_, i) => ({
      id: `b${i}`,
      itemId: i % 3 === 0 ? `item-${i}` : null,
      url: `https://tool${i}.example.com/path?q=${i}`,
      title: `${pick(WORDS)} ${pick(BRANDS)} ${i}`,
      note: i % 4 === 0 ? `${pick(WORDS)}，${pick(WORDS)}` : '',
      folderId: i % 5 === 0 ? null : `f${i % 50}`,
      order: i,
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    })),
  };
  const [json, serializeMs] = time(() => serializeBackup(data, new Date()));
  const [parsed, parseMs] = time(() => parseBackupJson(json));
  const [plan, planMs] = time(() => planImport(data, parsed, () => crypto.randomUUID()));
  const [html, htmlMs] = time(() => serializeNetscapeBookmarks(data));
  let n = 0;
  const [fromHtml, htmlParseMs] = time(() =>
    parseNetscapeBookmarks(html, { newId: () => `n${n++}`, now: 0 }),
  );
  console.log(`backup: ${BACKUP_BOOKMARKS} bookmarks in 50 folders`);
  console.log(`  JSON export (serialize, ${(json.length / 1024).toFixed(0)} KB)       ${ms(serializeMs)}`);
  console.log(`  JSON import (parse + validate)         ${ms(parseMs)}`);
  console.log(`  plan against the same data (dedupe)    ${ms(planMs)}  (adds ${plan.add.bookmarks.length})`);
  console.log(`  Netscape HTML export (${(html.length / 1024).toFixed(0)} KB)          ${ms(htmlMs)}`);
  console.log(
    `  Netscape HTML import (htmlparser2)     ${ms(htmlParseMs)}  (${fromHtml.data.bookmarks.length} bookmarks)`,
  );
}

await benchSearch();
benchBackup();
