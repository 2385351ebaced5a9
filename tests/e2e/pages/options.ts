import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../fixtures';

/** The settings page, Feeds section (components/options/FeedsSettings.tsx). */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(session: Pick<ExtensionSession, 'context' | 'pageUrl'>): Promise<OptionsPage> {
    const page = await session.context.newPage();
    await page.goto(session.pageUrl('options.html'));
    await page.getByTestId('feeds-settings').waitFor();
    return new OptionsPage(page);
  }

  get feeds(): Locator {
    return this.page.getByTestId('feeds-settings');
  }

  /** Types the address and clicks Add; resolves with the added-status text or throws the error shown. */
  async addFeed(url: string): Promise<string> {
    await this.feeds.getByRole('textbox').first().fill(url);
    await this.feeds.locator('button[type="submit"]').click();
    const added = this.page.getByTestId('feed-add-status').filter({ hasText: /\d/ });
    const failed = this.page.getByTestId('feed-add-error');
    await added.or(failed).first().waitFor({ timeout: 90_000 });
    if (await failed.isVisible()) throw new Error(await failed.innerText());
    return added.innerText();
  }

  /** The add form's error, after a failed add. */
  async addFeedExpectingError(url: string): Promise<string> {
    await this.feeds.getByRole('textbox').first().fill(url);
    await this.feeds.locator('button[type="submit"]').click();
    const failed = this.page.getByTestId('feed-add-error');
    await failed.waitFor({ timeout: 90_000 });
    return failed.innerText();
  }

  row(feedUrl: string): Locator {
    return this.page.getByTestId('feed-row').filter({ hasText: feedUrl });
  }

  async itemCount(feedUrl: string): Promise<number> {
    const text = await this.row(feedUrl).getByTestId('feed-item-count').innerText();
    return Number(/\d[\d,]*/.exec(text)?.[0]?.replaceAll(',', '') ?? NaN);
  }
}
