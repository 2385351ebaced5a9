import { afterAll, beforeAll, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildMatchIndex } from '../../core/match/index';
import { parseFeed } from '../../core/feed/index';
import { recordTrustCounts } from '../unit/trust/record';
import { launchExtension, type ExtensionSession } from './fixtures';
import { TipCard } from './pages/tip-card';
import { FIXTURES, startSellerCentral, type SellerCentralServer } from './tips-server';

/**
 * Seller Central tips in real Chromium with the built extension, on real Seller Central host names: the
 * fixture pages are served over HTTPS from 127.0.0.1 (throwaway certificate, `--host-resolver-rules`). The
 * catalog is the bundled starter catalog, written and indexed by the background at install (the real path),
 * except for the orders check, which needs a catalog without an orders guide (tests/fixtures/sellercentral/
 * tips-feed.json). Every request and every extension message is recorded, and the form fields are filled with
 * a canary that must turn up nowhere.
 */

/** The few extension APIs the service-worker snippets below use (they run inside Chromium, not in Node). */
declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
  tabs: { query(filter: object): Promise<{ url?: string }[]> };
  storage: {
    local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

const CANARY = `CANARY-${randomUUID()}`;
const MATCH_INDEX_KEY = 'tips:matchIndex';

interface LoggedRequest {
  url: string;
  type: string;
  postData: string;
  initiator: string;
}

let server: SellerCentralServer;
let session: ExtensionSession;
const pageRequests: LoggedRequest[] = [];
const cdpSessions: CDPSession[] = [];

beforeAll(async () => {
  server = await startSellerCentral();
  session = await launchExtension({ args: [server.hostResolverRules], ignoreHTTPSErrors: true });
  // Record every message that reaches the background, as it arrives.
  await session.serviceWorker.evaluate(() => {
    const log: string[] = [];
    (globalThis as { __tipsMessages?: string[] }).__tipsMessages = log;
    chrome.runtime.onMessage.addListener((message) => {
      log.push(JSON.stringify(message));
    });
  });
  // The real path: at install the background loads the starter catalog and writes the match index.
  const indexed = () =>
    session.serviceWorker.evaluate(
      async (key) => Boolean((await chrome.storage.local.get(key))[key]),
      MATCH_INDEX_KEY,
    );
  const deadline = Date.now() + 60_000;
  while (!(await indexed())) {
    if (Date.now() > deadline) throw new Error('The background wrote no match index within 60 s of install.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A new tab on `url` with every network request of the page recorded (Chrome DevTools Protocol). */
async function open(url: string): Promise<{ page: Page; card: TipCard }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  cdpSessions.push(cdp);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => {
    pageRequests.push({
      url: event.request.url,
      type: event.type ?? '',
      postData: event.request.postData ?? '',
      initiator: JSON.stringify(event.initiator),
    });
  });
  await page.goto(url);
  return { page, card: new TipCard(page) };
}

/** Types the canary into every field the seller could type into. */
async function fillFormFields(page: Page): Promise<void> {
  for (const field of await page
    .locator('input:not([type="hidden"]), textarea, [contenteditable="true"]')
    .all()) {
    const numeric = await field.evaluate((el) => (el as HTMLInputElement).type === 'number');
    await field.fill(numeric ? '7' : CANARY);
  }
}

test('the password guide comes first on the forgot-password page, in English, German and Japanese', async () => {
  for (const url of [
    'https://sellercentral.amazon.com/ap/forgotpassword?openid.mode=checkid',
    'https://sellercentral.amazon.de/ap/forgotpassword',
    'https://sellercentral-japan.amazon.com/ap/forgotpassword',
  ]) {
    const { page, card } = await open(url);
    await fillFormFields(page);
    const ids = await card.waitForGuides();
    expect(ids[0], url).toBe('guide-password-reset');
    expect(ids.length).toBeLessThanOrEqual(3);
    // The card lives in its own shadow root: the page's CSS and the card's cannot touch each other.
    expect(await page.locator('sellernav-tip').evaluate((el) => el.shadowRoot !== null)).toBe(true);
    await page.close();
  }
});

test('the card follows a history.pushState to Send to Amazon', async () => {
  const { page, card } = await open('https://sellercentral.amazon.com/home');
  await card.waitForEvaluation();
  await fillFormFields(page);
  expect(await card.guideIds()).not.toContain('guide-send-to-amazon');
  await page.locator('#go-send').click();
  await expect.poll(() => page.url()).toContain('/fba/sendtoamazon');
  await expect.poll(async () => (await card.guideIds())[0], { timeout: 10_000 }).toBe('guide-send-to-amazon');
  // Still the same document: the URL changed without a page load.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  await fillFormFields(page);
  await page.close();
});

test('"never show this guide again" and "close for this page" stay closed after a reload', async () => {
  const url = 'https://sellercentral.amazon.com/ap/forgotpassword';
  const { page, card } = await open(url);
  await fillFormFields(page);
  expect(await card.waitForGuides()).toContain('guide-password-reset');
  await card.neverShow('guide-password-reset');
  await expect.poll(() => card.guideIds()).not.toContain('guide-password-reset');

  await page.reload();
  await card.waitForEvaluation();
  await fillFormFields(page);
  expect(await card.guideIds()).not.toContain('guide-password-reset');

  // The other guides of this page: close the card for this page; it stays away on the next visit.
  if ((await card.guideIds()).length > 0) {
    await card.closeForPage();
    await expect.poll(() => card.guideIds()).toEqual([]);
    await page.reload();
    await card.waitForEvaluation();
    expect(await card.guideIds()).toEqual([]);
    expect(await page.locator('sellernav-tip').count()).toBe(0);
  }
  await page.close();
});

test('clicking a guide opens it in the side panel: the click gesture survives the message', async () => {
  const { page, card } = await open('https://sellercentral.amazon.de/returns/list');
  const [guide] = await card.waitForGuides();
  expect(guide).toBeTruthy();
  await card.clickGuide(guide!);
  const guideRoute = `sidepanel.html#/guide/${guide}`;
  // The side panel is a document of its own (not a tab): DevTools lists it among the browser's targets.
  const cdp = await session.context.newCDPSession(page);
  await expect
    .poll(
      async () =>
        (await cdp.send('Target.getTargets')).targetInfos.some(
          (target) => target.type === 'page' && target.url.endsWith(guideRoute),
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
  // …and no tab was opened as a fallback.
  const tabs = await session.serviceWorker.evaluate(() =>
    chrome.tabs.query({}).then((all) => all.map((t) => t.url ?? '')),
  );
  expect(tabs.some((url) => url.includes('sidepanel.html'))).toBe(false);
  await cdp.detach();
  await page.close();
});

test('no card on the orders page when no guide fits it', async () => {
  // A catalog with no orders guide, indexed by the very code the background runs after a sync.
  const feed = parseFeed({ bytes: readFileSync(join(FIXTURES, 'tips-feed.json')) });
  const index = buildMatchIndex(feed.items, { tombstones: feed.tombstones });
  await session.serviceWorker.evaluate(
    ([key, value]) => chrome.storage.local.set({ [key as string]: value }),
    [MATCH_INDEX_KEY, JSON.stringify(index)] as const,
  );

  const orders = await open('https://sellercentral.amazon.com/orders-v3');
  await fillFormFields(orders.page);
  await orders.card.waitForEvaluation();
  expect(await orders.card.guideIds()).toEqual([]);
  expect(await orders.page.locator('sellernav-tip').count()).toBe(0);

  // The same catalog does offer a card where a guide fits: the check above is not vacuous.
  const returns = await open('https://sellercentral.amazon.de/returns/list');
  expect((await returns.card.waitForGuides())[0]).toBe('guide-returns');
  await orders.page.close();
  await returns.page.close();
});

test('the extension made no request and the canary typed into the forms is nowhere', async () => {
  // Every request the pages made was a page load of a Seller Central fixture, none started by the extension…
  // except, on pages with a tip, the card module read from the extension's own package (no network). The
  // content script asks for it at its per-session URL, never the extension's fixed id (Chrome then serves it
  // from the package, which the log shows as a second request with no script initiator).
  const own = pageRequests.filter((request) => request.url.startsWith('chrome-extension://'));
  const imported = own.filter((request) => request.initiator.includes('content-scripts/sellercentral.js'));
  expect(imported.length).toBeGreaterThan(0);
  for (const request of imported) expect(new URL(request.url).hostname).not.toBe(session.extensionId);
  for (const request of own) {
    const url = new URL(request.url);
    expect(request.type, request.url).toBe('Script');
    expect(url.pathname + url.search).toBe('/sellercentral-card.js');
    expect(request.postData).toBe('');
  }
  const fromPages = pageRequests.filter((request) => !own.includes(request));
  expect(fromPages.length).toBeGreaterThan(0);
  for (const request of fromPages) {
    expect(request.type, request.url).toBe('Document');
    expect(new URL(request.url).hostname).toMatch(/^sellercentral(-europe|-japan)?\.amazon\./);
    expect(request.initiator, request.url).not.toContain('chrome-extension://');
    expect(request.url + request.postData).not.toContain(CANARY);
  }
  // The server saw the same: page loads only.
  expect(server.requests.length).toBeGreaterThan(0);
  for (const request of server.requests) {
    expect(request.method).toBe('GET');
    expect(request.url + request.body).not.toContain(CANARY);
  }

  // Extension messages: the card did talk to the background (ids and hashed page keys), never the canary.
  const messages = await session.serviceWorker.evaluate(
    () => (globalThis as { __tipsMessages?: string[] }).__tipsMessages ?? [],
  );
  expect(messages.some((m) => m.includes('tipsDismiss'))).toBe(true);
  expect(messages.join('\n')).not.toContain(CANARY);
  expect(messages.join('\n')).not.toContain('forgotpassword');

  // Extension storage and every IndexedDB database of the extension.
  const storage = await session.serviceWorker.evaluate(async () =>
    JSON.stringify(await chrome.storage.local.get(null)),
  );
  expect(storage).toContain('guide-password-reset');
  expect(storage).not.toContain(CANARY);
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(session.pageUrl('options.html'));
  const databases = await extensionPage.evaluate(async () => {
    const dump: Record<string, unknown[]> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump[`${info.name}/${store}`] = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
  // The seller's "never show" is in the database (the dump is real), the canary is not.
  expect(databases).toContain('never:guide-password-reset');
  expect(databases).not.toContain(CANARY);
  await extensionPage.close();

  // Counts for `npm run trust` (the privacy canary line).
  const places = [
    ...pageRequests.map((r) => r.url + r.postData),
    ...server.requests.map((r) => r.url + r.body),
    ...messages,
    storage,
    databases,
  ];
  recordTrustCounts('privacy-canary', {
    'page requests': pageRequests.length,
    'network requests started by the extension': pageRequests.filter(
      (r) => r.initiator.includes('chrome-extension://') && !r.url.startsWith('chrome-extension://'),
    ).length,
    'card module reads from the extension package': own.length,
    'messages checked': messages.length,
    'storage and IndexedDB bytes checked': storage.length + databases.length,
    'canary hits': places.filter((place) => place.includes(CANARY)).length,
  });
});
