/**
 * `npm run bench:popup`: the toolbar popup in real Chromium (Debian's, headless, the built chrome-mv3) on day
 * one — no bookmarks, so it reads the catalog's tools and ranks the popular ones to offer. Two catalogs: the
 * bundled starter catalog alone, and the starter plus a 20,000-item feed (about 5,000 tools) synced the way a
 * seller adds one. Prints, median and p95 over repeated opens of a fresh popup page after one warm-up:
 *   - open → popup painted: navigation start to the first frame with the search box;
 *   - open → offers painted: navigation start to the first frame with the popular tools;
 * and the popup page's JS heap after the offers show (after a forced GC). Build first: `npm run build`.
 *
 * Env: BENCH_ITEMS (default 20000), BENCH_OPENS (default 11).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DATABASE_NAME } from '../storage/database';
import { freshProfileDir, launchExtension, type ExtensionSession } from '../tests/e2e/fixtures';
import { addFeedInSettings, extensionCopyGranting } from '../tests/e2e/pages/sidebar';
import { bigFeed, serveFeed } from '../tests/e2e/sidebar.feed';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const OPENS = Number(process.env.BENCH_OPENS ?? 11);

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/** Runs before the page's scripts: notes the first animation frame showing the search box, then the offers. */
const PROBE = `(() => {
  const probe = (window.__bench = { painted: null, offers: null });
  const watch = () => {
    const now = performance.now();
    if (probe.painted === null && document.querySelector('.sn-popup input[role=combobox]')) probe.painted = now;
    if (probe.offers === null && document.querySelector('.sn-popup__offer')) probe.offers = now;
    if (probe.offers === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

interface Probe {
  painted: number | null;
  offers: number | null;
}

async function openPopup(session: ExtensionSession): Promise<{ page: Page; probe: Probe }> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.addInitScript(PROBE);
  await page.goto(session.pageUrl('popup.html'));
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.offers !== null, null, {
    timeout: 30_000,
  });
  const probe = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
  return { page, probe };
}

interface Figures {
  label: string;
  tools: number;
  painted: number[];
  offers: number[];
  heapMb: number;
}

async function measure(label: string, session: ExtensionSession): Promise<Figures> {
  await (await openPopup(session)).page.close(); // warm-up: the browser compiles the bundle once
  const painted: number[] = [];
  const offers: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { page, probe } = await openPopup(session);
    painted.push(probe.painted!);
    offers.push(probe.offers!);
    await page.close();
  }
  const { page } = await openPopup(session);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  // Tools in the merged catalog, from its categories record (what the offers were ranked from).
  const tools = await page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const get = request.result
            .transaction('catalogBlobs')
            .objectStore('catalogBlobs')
            .get('categories');
          get.onsuccess = () => {
            const categories = (get.result as { value?: { tools: number }[] } | undefined)?.value ?? [];
            resolve(categories.reduce((sum, c) => sum + c.tools, 0));
            request.result.close();
          };
          get.onerror = () => resolve(NaN);
        };
        request.onerror = () => resolve(NaN);
      }),
    DATABASE_NAME,
  );
  await page.close();
  return { label, tools, painted, offers, heapMb: heap.usedSize / 1024 / 1024 };
}

async function run(label: string, items: number): Promise<Figures> {
  const server = await serveFeed((origin) => bigFeed(origin, items));
  const extension = extensionCopyGranting([`${server.origin}/*`]);
  const profile = freshProfileDir();
  const session = await launchExtension({ userDataDir: profile, extensionDir: extension.dir });
  try {
    if (items > 0) await addFeedInSettings(session, server.url);
    return await measure(label, session);
  } finally {
    await session.close();
    await server.close();
    extension.remove();
    rmSync(profile, { recursive: true, force: true });
  }
}

const results = [
  await run('starter catalog', 0),
  await run(`starter + ${ITEMS.toLocaleString('en')} items`, ITEMS),
];
let browser = 'chromium';
try {
  browser = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
  }).trim();
} catch {
  // keep the generic name
}
console.log(`bench:popup — ${browser}, headless; ${OPENS} opens after one warm-up; no bookmarks (day one)`);
for (const r of results) {
  console.log(`\n${r.label} (${r.tools.toLocaleString('en')} tools in categories)`);
  console.log(
    `  open → popup painted   median ${ms(quantile(r.painted, 0.5))}  p95 ${ms(quantile(r.painted, 0.95))}`,
  );
  console.log(
    `  open → offers painted  median ${ms(quantile(r.offers, 0.5))}  p95 ${ms(quantile(r.offers, 0.95))}`,
  );
  console.log(`  popup JS heap after offers: ${r.heapMb.toFixed(1)} MB`);
}
