/**
 * `npm run bench:content`: what the Seller Central content script costs.
 *
 * 1. The gzip size of its entry bundle (.output/chrome-mv3/content-scripts/sellercentral.js; budget ≤ 15 KB,
 *    aim ≤ 6 KB).
 * 2. Its main-thread time in real Chromium (the built extension, the bundled starter catalog indexed by the
 *    background at install) on a Seller Central page where no guide fits and on one with a tip (budget ≤ 2 ms
 *    with no tip, aim ≤ 0.5 ms). Two figures per page, medians over the runs:
 *    - "work": the script's own work after it has read extension storage (page text, match, card), from the
 *      User Timing measure the script records;
 *    - "traced": every main-thread slice Chromium's trace attributes to the script (compile and evaluation of
 *      the bundle, callbacks, the card's DOM), from a DevTools trace.
 * 3. The same no-tip page with a 20,000-guide catalog (the index keeps at most MAX_INDEXED_GUIDES of them).
 *
 * Usage: `npm run bench:content [-- --runs N]` (builds first).
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchExtension, EXTENSION_DIR, type ExtensionSession } from '../tests/e2e/fixtures';
import { startSellerCentral } from '../tests/e2e/tips-server';
import { buildMatchIndex } from '../core/match/index';
import { serializeMatchIndex } from '../core/match/stored';
import type { CatalogItem } from '../core/model';

const SCRIPT = 'content-scripts/sellercentral.js';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const MATCH_INDEX_KEY = 'tips:matchIndex';

declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

interface TraceEvent {
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  name: string;
  args?: { data?: Record<string, unknown>; name?: string };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Milliseconds of main-thread slices that name the content script, overlapping slices counted once. */
function tracedScriptTime(events: TraceEvent[]): number {
  const mentions = (e: TraceEvent) => JSON.stringify(e.args ?? {}).includes(SCRIPT);
  // The page's main thread: the one that evaluated the content script.
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && mentions(e));
  if (!evaluation) return NaN;
  const slices = events
    .filter(
      (e) =>
        e.ph === 'X' && e.tid === evaluation.tid && e.pid === evaluation.pid && typeof e.dur === 'number',
    )
    .filter(mentions)
    .map((e) => {
      if (process.env.BENCH_DEBUG) console.log(e.name, ((e.dur ?? 0) / 1000).toFixed(3));
      return e;
    })
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of slices) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total / 1000;
}

async function measure(
  session: ExtensionSession,
  url: string,
): Promise<{ work: number; traced: number; card: boolean }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('sellernav:tips-work').length > 0, null, {
    timeout: 15_000,
  });
  await page.waitForTimeout(200);
  const work = await page.evaluate(() =>
    performance.getEntriesByName('sellernav:tips-work').reduce((sum, e) => sum + e.duration, 0),
  );
  const card = (await page.locator('sellernav-tip').count()) > 0;
  const traced = tracedScriptTime(await readTrace(cdp));
  await page.close();
  return { work, traced, card };
}

async function series(session: ExtensionSession, label: string, url: string): Promise<void> {
  const results = [];
  await measure(session, url); // warm-up: disk cache, code cache
  for (let i = 0; i < RUNS; i++) results.push(await measure(session, url));
  const cards = results.filter((r) => r.card).length;
  console.log(
    `${label.padEnd(34)} work ${median(results.map((r) => r.work)).toFixed(3)} ms   traced ${median(
      results.map((r) => r.traced),
    ).toFixed(3)} ms   (median of ${RUNS}; card shown in ${cards}/${RUNS})`,
  );
}

function syntheticCatalog(size: number): CatalogItem[] {
  const words = [
    '物流',
    '选品',
    '关键词',
    'listing',
    'review',
    'coupon',
    'deal',
    'A+',
    '图片',
    '视频',
    'VAT',
    '品牌',
  ];
  return Array.from({ length: size }, (_, i) => ({
    id: `bench-${i}`,
    kind: 'guide',
    title: `${words[i % words.length]} 指南 ${i} ${words[(i * 7) % words.length]} tips`,
    url: `https://nav.example.cn/g/${i}`,
    summary: null,
    content_html: null,
    date_published: null,
    date_modified: null,
    tags: [words[(i * 3) % words.length]!, `tag${i % 500}`],
    category: 'wiki',
    views: i % 1000,
    match: i % 10 === 0 ? { hosts: null, paths: [`/bench/${i}*`], keywords: [`bench-keyword-${i}`] } : null,
    image: null,
  }));
}

async function main(): Promise<void> {
  const bundle = readFileSync(join(EXTENSION_DIR, SCRIPT));
  const gz = gzipSync(bundle, { level: 9 }).length;
  console.log(
    `content script entry bundle: ${(bundle.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(2)} KB gzip (budget 15 KB, aim 6 KB)`,
  );

  const server = await startSellerCentral();
  const session = await launchExtension({ args: [server.hostResolverRules], ignoreHTTPSErrors: true });
  try {
    const deadline = Date.now() + 60_000;
    while (
      !(await session.serviceWorker.evaluate(
        async (key) => Boolean((await chrome.storage.local.get(key))[key]),
        MATCH_INDEX_KEY,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('no match index 60 s after install');
      await new Promise((r) => setTimeout(r, 250));
    }
    await series(session, 'no tip (starter catalog)', 'https://sellercentral.amazon.com/apps/widget-builder');
    await series(
      session,
      'tip: forgot password (starter)',
      'https://sellercentral.amazon.com/ap/forgotpassword',
    );

    const big = buildMatchIndex(syntheticCatalog(20_000));
    const bytes = Buffer.byteLength(serializeMatchIndex(big));
    await session.serviceWorker.evaluate(
      ([key, value]) => chrome.storage.local.set({ [key as string]: value }),
      [MATCH_INDEX_KEY, serializeMatchIndex(big)] as const,
    );
    console.log(
      `20,000-guide catalog: index keeps ${big.guides.length} guides, ${(bytes / 1024).toFixed(0)} KB of JSON`,
    );
    await series(
      session,
      'no tip (20,000-guide catalog)',
      'https://sellercentral.amazon.com/apps/widget-builder',
    );
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
