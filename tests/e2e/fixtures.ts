import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** `chrome-extension://<id>/<path>` */
  pageUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test a browser restart); a fresh one is made otherwise. */
  userDataDir?: string;
  /** Extra Chromium switches, e.g. `--host-resolver-rules=...`. */
  args?: string[];
  ignoreHTTPSErrors?: boolean;
  /** Load another unpacked build (e.g. a copy whose manifest grants a test feed origin); default EXTENSION_DIR. */
  extensionDir?: string;
}

/** Launches Debian's Chromium headless with the built chrome-mv3 extension loaded. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sellernav-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
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
    userDataDir,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the built extension with its manifest's host permissions replaced by `hostPermissions(built)`.
 * Adding a feed asks for its origin's permission, and a headless browser cannot answer Chromium's prompt (a
 * native dialog); a copy whose manifest already holds the test origin stands in for the seller's "Allow"
 * (permissions.request then resolves at once). Everything else is the build as shipped, unless
 * `withoutStarterCatalog` drops the bundled catalog. Load it with `launchExtension({ extensionDir: dir })`.
 */
export function extensionCopyWithHosts(
  hostPermissions: (built: string[]) => string[],
  options: { withoutStarterCatalog?: boolean } = {},
): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'sellernav-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = hostPermissions(manifest.host_permissions ?? []);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  if (options.withoutStarterCatalog) rmSync(join(dir, 'catalog'), { recursive: true, force: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A fresh profile directory the caller owns (for restart tests). */
export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'sellernav-e2e-'));
}
