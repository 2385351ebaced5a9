import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../fixtures';

/**
 * The settings page, "Seller Central tips" section (components/options/TipsSettings.tsx), found by data
 * attributes so the same steps work in zh-CN and English. Each change is saved through the background,
 * which rebuilds the content script's mirror before it answers; the controlled inputs show the new value
 * only once that answer is back, so "the input shows it" means "the next page view sees it".
 */
export class TipsSettingsPage {
  private constructor(readonly page: Page) {}

  static async open(session: Pick<ExtensionSession, 'context' | 'pageUrl'>): Promise<TipsSettingsPage> {
    const page = await session.context.newPage();
    await page.goto(session.pageUrl('options.html'));
    await page.getByTestId('tips-enabled').waitFor();
    return new TipsSettingsPage(page);
  }

  get section(): Locator {
    return this.page.getByTestId('tips-settings');
  }

  private async setChecked(input: Locator, on: boolean): Promise<void> {
    if ((await input.isChecked()) !== on) await input.click();
    await expect.poll(() => input.isChecked(), { timeout: 10_000 }).toBe(on);
  }

  setEnabled(on: boolean): Promise<void> {
    return this.setChecked(this.page.getByTestId('tips-enabled'), on);
  }

  setMarketplace(host: string, on: boolean): Promise<void> {
    return this.setChecked(this.section.locator(`input[data-host="${host}"]`), on);
  }

  /** The frequency cap in minutes: 0 (every view), 60, 1440 (the default) or 10080. */
  async setFrequency(minutes: number): Promise<void> {
    const radio = this.section.locator(`input[data-minutes="${minutes}"]`);
    await radio.click();
    await expect.poll(() => radio.isChecked(), { timeout: 10_000 }).toBe(true);
  }

  async frequency(): Promise<number> {
    return Number(await this.section.locator('input[data-minutes]:checked').getAttribute('data-minutes'));
  }

  hiddenRow(guideId: string): Locator {
    return this.page.locator(`[data-testid="tips-hidden-row"][data-guide-id="${guideId}"]`);
  }

  /** Reads the hidden list again, as when the seller comes back to the settings tab. */
  async refresh(): Promise<void> {
    await this.page.reload();
    await this.page.getByTestId('tips-enabled').waitFor();
  }

  async showAgain(guideId: string): Promise<void> {
    await this.hiddenRow(guideId).getByTestId('tips-show-again').click();
    await this.hiddenRow(guideId).waitFor({ state: 'detached', timeout: 10_000 });
  }
}
