/**
 * `npm start`: opens the built extension in Debian's Chromium with a fresh profile, so a person sees SellerNav
 * with its bundled catalog and no feed server. With a display it stays open until the browser is closed; with
 * none (or HEADLESS=1) it opens headless, saves screenshots to test-results/start/ and exits.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extensionDir = resolve('.output/chrome-mv3');
const headless = process.env.HEADLESS === '1' || !process.env.DISPLAY;
const profile = mkdtempSync(join(tmpdir(), 'sellernav-start-'));

const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: null,
  args: [
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
console.log(`SellerNav is loaded (extension id ${extensionId}).`);
console.log(`Side panel page: chrome-extension://${extensionId}/sidepanel.html`);
console.log(`Popup page:      chrome-extension://${extensionId}/popup.html`);

if (headless) {
  const out = resolve('test-results/start');
  mkdirSync(out, { recursive: true });
  await page.setViewportSize({ width: 420, height: 800 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, 'sidepanel.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`No display: screenshots saved to ${out}/`);
  await context.close();
} else {
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
}
