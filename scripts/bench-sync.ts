/**
 * `npm run bench:sync`: the sync of a 20,000-item feed in real Chromium (the built extension, IndexedDB on
 * disk), cold (fetch + parse + diff + write) and unchanged (304), with the share of each step.
 * Build first (`npx wxt build`, under /tmp/build.lock). `BENCH_ITEMS=2000` for a quick run while developing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { freshProfileDir, launchExtension } from '../tests/e2e/fixtures';
import { loopbackExtensionCopy, sendFromPage, timedSendFromPage } from '../tests/e2e/sync-extension';
import type { AddFeedResult, SyncFeedReport } from '../messaging/sync';
import { measureLayouts } from './bench-sync-layouts';
import { makeBenchFeed } from './bench-sync-feed';

const COUNT = Number(process.env.BENCH_ITEMS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function fmt(n: number | undefined): string {
  return `${(n ?? 0).toFixed(0).padStart(6)} ms`;
}

async function main() {
  const bodies = new Map<string, { body: Buffer; etag: string }>();
  const put = (path: string, text: string) => {
    const body = Buffer.from(text);
    bodies.set(path, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
  };
  for (let r = 0; r < RUNS; r++) {
    put(`/feed-${r}.json`, makeBenchFeed(COUNT, 'html', r));
    put(`/text-${r}.json`, makeBenchFeed(COUNT, 'text', r));
  }
  const server = createServer((req, res) => {
    const entry = bodies.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!entry) return void res.writeHead(404).end();
    if (req.headers['if-none-match'] === entry.etag)
      return void res.writeHead(304, { etag: entry.etag }).end();
    res.writeHead(200, { 'content-type': 'application/feed+json', etag: entry.etag });
    res.end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const size = bodies.get('/feed-0.json')!.body.length;
  console.log(
    `bench:sync — ${COUNT} items, feed ${(size / 1048576).toFixed(1)} MB, ${RUNS} runs, Chromium (real IndexedDB)`,
  );

  const extension = loopbackExtensionCopy();
  const profile = freshProfileDir();
  const session = await launchExtension({ extensionDir: extension.dir, userDataDir: profile });
  try {
    const page = await session.context.newPage();
    await page.goto(session.pageUrl('options.html'));
    if (process.argv.includes('--layouts')) {
      console.log(`\nlayouts (raw IndexedDB, ${COUNT} items of ~1 KB):`);
      console.log('layout                          durability   write    read 1 category   read 1 item');
      for (const row of await measureLayouts(page, COUNT)) {
        console.log(
          `${row.layout.padEnd(31)} ${row.durability.padEnd(9)} ${fmt(row.writeMs)}   ${fmt(row.readCategoryMs)}        ${fmt(row.readOneMs)}`,
        );
      }
      return;
    }
    const rows: { label: string; t: NonNullable<SyncFeedReport['timings']> }[] = [];
    const roundTrips: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      for (const [label, path] of [
        ['cold', `/feed-${r}.json`],
        ['cold, no HTML to sanitize', `/text-${r}.json`],
      ] as const) {
        const added = await sendFromPage<AddFeedResult>(page, 'syncAddFeed', { url: origin + path });
        if (!added.ok) throw new Error(`sync failed: ${added.error}`);
        rows.push({ label, t: added.report.timings! });
        if (label === 'cold') {
          const timed = await timedSendFromPage<SyncFeedReport[]>(page, 'syncNow', { feedId: added.feedId });
          roundTrips.push(timed.ms);
          const [again] = timed.res;
          if (again?.outcome !== 'not-modified') throw new Error(`expected 304, got ${again?.outcome}`);
          rows.push({ label: 'unchanged (304)', t: again.timings! });
        }
        await sendFromPage(page, 'syncRemoveFeed', { feedId: added.feedId });
      }
    }
    console.log(
      'run                         fetch+net    parse  prepare     diff  search-pack    write  match-index   WORK',
    );
    for (const { label, t } of rows) {
      console.log(
        `${label.padEnd(27)} ${fmt(t.fetch)} ${fmt(t.parse)} ${fmt(t.prepare)} ${fmt(t.diff)} ${fmt(t.searchPack)}    ${fmt(t.write)} ${fmt(t.matchIndex)}   ${fmt(t.work)}`,
      );
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const pick = (label: string, key: keyof NonNullable<SyncFeedReport['timings']>) =>
      median(rows.filter((r) => r.label === label).map((r) => r.t[key]));
    const cold = pick('cold', 'work');
    const parse = pick('cold', 'parse');
    const sanitize = Math.max(0, parse - pick('cold, no HTML to sanitize', 'parse'));
    console.log(
      `\nmedian cold work: ${cold.toFixed(0)} ms (budget 1500) — shares: parse ${((100 * (parse - sanitize)) / cold).toFixed(0)} %, sanitize ≈ ${((100 * sanitize) / cold).toFixed(0)} %, prepare ${((100 * pick('cold', 'prepare')) / cold).toFixed(0)} %, diff ${((100 * pick('cold', 'diff')) / cold).toFixed(0)} %, search pack ${((100 * pick('cold', 'searchPack')) / cold).toFixed(0)} %, write ${((100 * pick('cold', 'write')) / cold).toFixed(0)} %, match index ${((100 * pick('cold', 'matchIndex')) / cold).toFixed(0)} %`,
    );
    console.log(
      `median unchanged (304) work: ${pick('unchanged (304)', 'work').toFixed(1)} ms (budget 20); whole "sync now" round trip from the settings page incl. messaging, lock, connection and the 304 exchange: ${median(roundTrips).toFixed(1)} ms`,
    );
    const core =
      pick('cold', 'parse') + pick('cold', 'prepare') + pick('cold', 'diff') + pick('cold', 'write');
    console.log(
      `median cold parse + diff + write (the budgeted part): ${core.toFixed(0)} ms (budget 1500); derived indexes of other areas on top: search pack ${pick('cold', 'searchPack').toFixed(0)} ms, match index ${pick('cold', 'matchIndex').toFixed(0)} ms`,
    );
    console.log('(sanitize ≈ parse of the feed minus parse of the same feed with plain-text bodies)');
  } finally {
    await session.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
    extension.remove();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
