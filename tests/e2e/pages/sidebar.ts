import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { extensionCopyWithHosts, type ExtensionSession } from '../fixtures';

export const SCREENSHOT_DIR = resolve(process.cwd(), 'test-results/screenshots');

/**
 * A copy of the built extension whose host permissions are exactly `origins` (the test feed's origin, or none),
 * standing in for the seller's "Allow" click on Chromium's permission prompt (see extensionCopyWithHosts).
 */
export function extensionCopyGranting(
  origins: string[],
  options: { withoutStarterCatalog?: boolean } = {},
): { dir: string; remove(): void } {
  // Benchmarks compare exact catalog sizes (0 and 20,000): without the bundled starter, nothing else is cached.
  return extensionCopyWithHosts(() => origins, options);
}

/** Adds a feed the way a seller does: settings page, address, "add". Resolves when the sync is done. */
export async function addFeedInSettings(session: ExtensionSession, feedUrl: string): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(session.pageUrl('options.html'));
  const section = page.getByTestId('feeds-settings');
  await section.getByRole('textbox').first().fill(feedUrl);
  await section.locator('button[type="submit"]').click();
  const added = page.getByTestId('feed-add-status').filter({ hasText: /已添加|Added|\d/ });
  const failed = page.getByTestId('feed-add-error');
  await added.or(failed).first().waitFor({ timeout: 90_000 });
  if (await failed.isVisible()) throw new Error(`Adding ${feedUrl} failed: ${await failed.innerText()}`);
  await page.close();
}

/** Chooses the interface language on the settings page (General section). */
export async function chooseLanguage(
  session: ExtensionSession,
  value: 'zh-CN' | 'en' | 'auto',
): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(session.pageUrl('options.html'));
  await page.locator('select').first().selectOption(value);
  await page
    .getByRole('status')
    .filter({ hasText: /已保存|Saved/ })
    .waitFor();
  await page.close();
}

/** The side panel page, driven as a seller would: by role and label, keyboard first. */
export class SidebarPage {
  constructor(
    readonly page: Page,
    private readonly session: ExtensionSession,
  ) {}

  static async open(session: ExtensionSession, hash = ''): Promise<SidebarPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 760 });
    const sidebar = new SidebarPage(page, session);
    await page.goto(session.pageUrl(`sidepanel.html${hash}`));
    return sidebar;
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  get searchBox(): Locator {
    return this.page.getByRole('combobox');
  }

  get results(): Locator {
    return this.page.getByRole('listbox').getByRole('option');
  }

  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  async waitForHome(): Promise<void> {
    await this.page.locator('.sn-home').waitFor();
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill('');
    await this.searchBox.pressSequentially(query);
    await this.results.first().waitFor();
  }

  async openCategory(name: string | RegExp): Promise<void> {
    await this.page.locator('.sn-tree').getByRole('link', { name }).first().click();
    await this.page.locator('.sn-virtual li').first().waitFor();
  }

  readerTitle(): Locator {
    return this.page.locator('.sn-reader__title');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  get extensionId(): string {
    return this.session.extensionId;
  }
}
