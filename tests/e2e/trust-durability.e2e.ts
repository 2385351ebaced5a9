import { afterAll, expect, test } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { SellerNavDB, SELLER_DATA_TABLES } from '../../storage/database';
import { recordTrustCounts } from '../unit/trust/record';
import { freshProfileDir, launchExtension } from './fixtures';
import { extensionCopyGranting } from './pages/sidebar';
import { LOOPBACK_ONLY_ARGS } from './support/trust-guard';

/**
 * Durability of the seller's data across schema upgrades, in real Chromium's IndexedDB. For every frozen
 * fixture database (tests/fixtures/db/v<N>.json, the storage area's; its unit test covers fake-indexeddb):
 *
 * 1. the built extension (a copy with two extra test pages) is installed; once its background has done its
 *    install work, the worker is stopped through the DevTools protocol, the database is deleted, and the
 *    fixture is written raw at its old schema version from a blank extension page, with no Dexie code open;
 * 2. the project's database class with one extra version whose upgrade throws
 *    (tests/e2e/support/trust-upgrade-probe.ts) is opened: the open must fail, and the database must still be
 *    at the old version with every record as it was;
 * 3. the browser restarts with the same profile: the build's own code opens and upgrades the database, and
 *    every seller record is there, read raw and through the settings page's JSON export; the sidebar reads the
 *    cached catalog.
 */

interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURE_DIR = resolve(process.cwd(), 'tests/fixtures/db');
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Fixture) }));

const PROBE_PAGE = 'trust-upgrade-probe.html';
const BLANK_PAGE = 'trust-blank.html';

/** Dexie stores version N as IndexedDB version N × 10. */
const idbVersion = (dexieVersion: number) => Math.round(dexieVersion * 10);

/** Rows as canonical text, order-independent (a database returns them in key order). */
function canonical(rows: readonly unknown[]): string[] {
  return rows.map((row) => JSON.stringify(row, Object.keys(row as object).sort())).sort();
}

/** Every store of the database, raw, with its IndexedDB version (or null when there is no such database). */
async function dumpRaw(page: Page): Promise<{ version: number; tables: Record<string, unknown[]> } | null> {
  return page.evaluate(async () => {
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === 'sellernav')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sellernav');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      tables[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    const version = db.version;
    db.close();
    return { version, tables };
  });
}

/** Recreates the fixture with raw IndexedDB at its old version, reading Dexie's schema syntax for each store. */
async function loadFixtureRaw(page: Page, fixture: Fixture): Promise<void> {
  await page.evaluate(
    async ({ version, stores, tables }) => {
      const keyPathOf = (spec: string): string | string[] => {
        const bare = spec.replace(/^(\+\+|&|\*)/, '');
        return bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('sellernav', version);
        request.onupgradeneeded = () => {
          for (const [name, schema] of Object.entries(stores)) {
            const [primary = '', ...indexes] = schema.split(',').map((part) => part.trim());
            const store = request.result.createObjectStore(name, {
              keyPath: primary === '' || primary === '++' ? null : keyPathOf(primary),
              autoIncrement: primary.startsWith('++'),
            });
            for (const index of indexes.filter(Boolean)) {
              const name = index.replace(/^(&|\*)/, '');
              store.createIndex(name, keyPathOf(index), {
                unique: index.startsWith('&'),
                multiEntry: index.startsWith('*'),
              });
            }
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(tables), 'readwrite');
        for (const [name, rows] of Object.entries(tables)) {
          for (const row of rows) tx.objectStore(name).add(row);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { version: idbVersion(fixture.version), stores: fixture.stores, tables: fixture.tables },
  );
}

/** Deletes the database (every connection to it is closed: the worker was stopped). */
async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('sellernav');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('a connection to the database is still open'));
      }),
  );
}

/** Seller rows of the fixture missing from `tables` (compared as whole records). */
function missingSellerRows(fixture: Fixture, tables: Record<string, unknown[]>): string[] {
  return SELLER_DATA_TABLES.flatMap((table) => {
    const present = new Set(canonical(tables[table] ?? []));
    return canonical(fixture.tables[table] ?? [])
      .filter((row) => !present.has(row))
      .map((row) => `${table}: ${row}`);
  });
}

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

test('there is at least one frozen fixture database', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

const probeBundle = build({
  entryPoints: [resolve(process.cwd(), 'tests/e2e/support/trust-upgrade-probe.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
}).then((result) => result.outputFiles[0]!.text);

const currentVersion = new SellerNavDB({ name: 'trust-verno-probe' }).verno;
const counts = {
  fixtures: 0,
  'seller records checked': 0,
  'records lost': 0,
  'failed upgrades rolled back': 0,
};

test.each(fixtures.map((f) => [f.name, f] as const))(
  '%s: a failing upgrade changes nothing; the real build upgrades it in Chromium with every seller record',
  async (_name, fixture) => {
    const extension = extensionCopyGranting([]);
    cleanups.push(extension.remove);
    writeFileSync(join(extension.dir, BLANK_PAGE), '<!doctype html><title>blank</title>');
    writeFileSync(join(extension.dir, 'trust-upgrade-probe.js'), await probeBundle);
    writeFileSync(
      join(extension.dir, PROBE_PAGE),
      '<!doctype html><title>probe</title><script type="module" src="/trust-upgrade-probe.js"></script>',
    );
    const profile = freshProfileDir();
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));

    const first = await launchExtension({
      userDataDir: profile,
      extensionDir: extension.dir,
      args: LOOPBACK_ONLY_ARGS,
    });
    const blank = await first.context.newPage();
    await blank.goto(first.pageUrl(BLANK_PAGE));
    // The install work (the bundled starter catalog) is done, then the worker is stopped: nothing holds the
    // database open while it is replaced by the old one.
    await expect
      .poll(async () => ((await dumpRaw(blank))?.tables.feeds ?? []).map((f) => (f as { id: string }).id), {
        timeout: 60_000,
      })
      .toContain('starter');
    const cdp = await first.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await deleteDatabase(blank);
    expect(await dumpRaw(blank)).toBeNull();
    await loadFixtureRaw(blank, fixture);
    const loaded = await dumpRaw(blank);
    expect(loaded?.version).toBe(idbVersion(fixture.version));
    expect(missingSellerRows(fixture, loaded!.tables)).toEqual([]);

    // A release whose upgrade throws: the open fails, the version and every record stay as they were.
    const probe = await first.context.newPage();
    await probe.goto(first.pageUrl(PROBE_PAGE));
    await probe.waitForFunction(() => 'trustOpenWithFailingUpgrade' in globalThis);
    const outcome = await probe.evaluate(() =>
      (
        globalThis as unknown as {
          trustOpenWithFailingUpgrade(): Promise<{ opened: boolean; error: string }>;
        }
      ).trustOpenWithFailingUpgrade(),
    );
    expect(outcome.opened).toBe(false);
    expect(outcome.error).toContain('this upgrade fails on purpose');
    const afterFailure = await dumpRaw(blank);
    expect(afterFailure?.version).toBe(idbVersion(fixture.version));
    for (const [table, rows] of Object.entries(fixture.tables)) {
      expect(canonical(afterFailure!.tables[table] ?? []), table).toEqual(canonical(rows));
    }
    counts['failed upgrades rolled back']++;
    const firstId = first.extensionId;
    await first.close();

    // The browser starts again on the same profile: the build's own code opens the old database.
    const updated = await launchExtension({
      userDataDir: profile,
      extensionDir: extension.dir,
      args: LOOPBACK_ONLY_ARGS,
    });
    try {
      expect(updated.extensionId).toBe(firstId);
      // The settings page opens the database through the app's own code and exports what it reads.
      const options = await updated.context.newPage();
      await options.goto(updated.pageUrl('options.html'));
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: /导出完整备份|Export full backup/ }).click(),
      ]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        data: Record<string, unknown[]>;
      };
      const upgraded = await dumpRaw(options);
      expect(upgraded?.version).toBe(idbVersion(currentVersion));

      const lost = missingSellerRows(fixture, upgraded!.tables);
      const lostInExport = missingSellerRows(fixture, exported.data);
      counts.fixtures++;
      counts['seller records checked'] += SELLER_DATA_TABLES.reduce(
        (n, table) => n + (fixture.tables[table]?.length ?? 0),
        0,
      );
      counts['records lost'] += new Set([...lost, ...lostInExport]).size;
      expect(lost).toEqual([]);
      expect(lostInExport).toEqual([]);

      // The cached catalog came through too: the fixture's chunks are there, record for record, and the
      // sidebar reader opens a fixture guide (one whose id no other feed, such as the starter catalog, also has).
      const fixtureFeeds = new Set((fixture.tables.feeds ?? []).map((f) => f.id));
      const chunksNow = (upgraded!.tables.catalogChunks ?? []) as { feedId: string }[];
      expect(canonical(chunksNow.filter((c) => fixtureFeeds.has(c.feedId)))).toEqual(
        canonical(fixture.tables.catalogChunks ?? []),
      );
      type Item = { id: string; kind: string; title: string };
      const itemsOf = (chunks: readonly unknown[]) =>
        chunks.flatMap((c) => (c as { items?: Item[] }).items ?? []);
      const otherIds = new Set(
        itemsOf(chunksNow.filter((c) => !fixtureFeeds.has(c.feedId))).map((i) => i.id),
      );
      const guide = itemsOf(fixture.tables.catalogChunks ?? []).find(
        (item) => item.kind === 'guide' && !otherIds.has(item.id),
      );
      if (guide) {
        const sidebar = await updated.context.newPage();
        await sidebar.goto(updated.pageUrl(`sidepanel.html#/guide/${encodeURIComponent(guide.id)}`));
        await expect.poll(() => sidebar.locator('.sn-reader__title').textContent()).toBe(guide.title);
      }
    } finally {
      await updated.close();
    }
  },
);

test('every fixture was checked (counts for npm run trust)', () => {
  recordTrustCounts('durability', counts);
  expect(counts.fixtures).toBe(fixtures.length);
});
