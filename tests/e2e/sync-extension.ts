import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, EXTENSION_DIR } from './fixtures';

/**
 * The sync tests and `npm run bench:sync` fetch feeds from a server on 127.0.0.1. Adding a feed asks for its
 * origin's permission, and a headless browser cannot click the permission prompt; so these runs load a copy of
 * the built extension whose manifest already grants `http://127.0.0.1/*` (permissions.request then resolves
 * at once, as it does for an origin the seller granted before). Everything else is the real build.
 */
export function loopbackExtensionCopy(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'sellernav-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface SyncSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  pageUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchFrom(extensionDir: string, userDataDir: string): Promise<SyncSession> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

export function freshUserDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sellernav-sync-profile-'));
}

/** Sends one protocol message from an extension page, in @webext-core/messaging's wire format. */
export async function sendFromPage<T>(page: Page, type: string, data: unknown): Promise<T> {
  return (await timedSendFromPage<T>(page, type, data)).res;
}

/** Same, with the round trip page → background → page measured in the page (ms). */
export async function timedSendFromPage<T>(
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res: T; ms: number }> {
  const { reply, ms } = await page.evaluate(
    async ({ type, data }) => {
      const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
      // The page is an extension page: `chrome.runtime` is there (not typed in this Node-side file).
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const started = performance.now();
      const reply = (await runtime.sendMessage(message)) as { res?: unknown; err?: { message: string } };
      return { reply, ms: performance.now() - started };
    },
    { type, data },
  );
  if (reply?.err) throw new Error(reply.err.message);
  return { res: reply?.res as T, ms };
}
