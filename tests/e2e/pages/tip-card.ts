import type { Page } from 'playwright-core';

/**
 * The Seller Central tip card as a test sees it: Playwright's CSS engine pierces the card's (open) shadow root.
 * "Has the content script looked at this page yet" is read from the User Timing measure it records after each
 * evaluation, so a test can assert "no card" without guessing a delay.
 */
export class TipCard {
  constructor(private readonly page: Page) {}

  readonly wrap = () => this.page.locator('sellernav-tip .sn');
  readonly card = () => this.page.locator('sellernav-tip [data-testid="tip-card"]');
  readonly badge = () => this.page.locator('sellernav-tip [data-testid="tip-badge"]');

  /** Number of evaluations the content script has finished on this document. */
  async evaluations(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('sellernav:tips-work').length);
  }

  /** Waits until the content script has evaluated the page at least `count` times. */
  async waitForEvaluation(count = 1): Promise<void> {
    await this.page.waitForFunction(
      (n) => performance.getEntriesByName('sellernav:tips-work').length >= n,
      count,
      { timeout: 15_000 },
    );
  }

  /** Guide ids on offer (card or badge), or [] when nothing is shown. */
  async guideIds(): Promise<string[]> {
    if ((await this.wrap().count()) === 0) return [];
    const ids = (await this.wrap().getAttribute('data-guides')) ?? '';
    return ids.split(' ').filter(Boolean);
  }

  async mode(): Promise<string | null> {
    return (await this.wrap().count()) ? this.wrap().getAttribute('data-mode') : null;
  }

  /** Waits for a card or badge offering guides, and returns their ids. */
  async waitForGuides(): Promise<string[]> {
    await this.wrap().waitFor({ state: 'attached', timeout: 15_000 });
    return this.guideIds();
  }

  async openFromBadge(): Promise<void> {
    if ((await this.mode()) === 'badge') await this.badge().click();
    await this.card().waitFor({ state: 'visible' });
  }

  async neverShow(guideId: string): Promise<void> {
    await this.openFromBadge();
    const row = this.page.locator('sellernav-tip li', {
      has: this.page.locator(`[data-guide-id="${guideId}"]`),
    });
    await row.locator('[data-testid="tip-never"]').click();
  }

  async closeForPage(): Promise<void> {
    await this.openFromBadge();
    await this.page.locator('sellernav-tip [data-testid="tip-close"]').click();
  }

  async clickGuide(guideId: string): Promise<void> {
    await this.openFromBadge();
    await this.page.locator(`sellernav-tip [data-guide-id="${guideId}"]`).click();
  }
}
