import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './fixtures';
import { TipCard } from './pages/tip-card';
import { TipsSettingsPage } from './pages/tips-settings';
import { startSellerCentral, type SellerCentralServer } from './tips-server';

/**
 * The seller's tips settings, proven in real Chromium with the built extension on real Seller Central host
 * names (fixture pages served over HTTPS from 127.0.0.1, as tips.e2e.ts does): each change is made on the
 * settings page the way a seller makes it, and judged on the next Seller Central page view. The catalog is
 * the bundled starter catalog the background indexes at install.
 */

/** The few extension APIs the service-worker snippets below use (they run inside Chromium, not in Node). */
declare const chrome: {
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

const MATCH_INDEX_KEY = 'tips:matchIndex';
const MIRROR_KEY = 'tips:mirror';
const PASSWORD_GUIDE = 'guide-password-reset';
const SCREENSHOTS = join(process.cwd(), 'test-results/screenshots');

let server: SellerCentralServer;

function localeMessage(language: 'en' | 'zh-CN', key: string): string {
  const file = join(process.cwd(), 'public/_locales', language.replace('-', '_'), 'messages.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>)[key]!.message;
}

/**
 * Starts Chromium in a UI language. Chromium on Linux takes it from LANGUAGE (the `--lang` switch is not
 * read there); the card speaks it through browser.i18n and the settings page follows it ("auto").
 */
async function launchIn(language: 'en_US' | 'zh_CN'): Promise<ExtensionSession> {
  const previous = process.env['LANGUAGE'];
  process.env['LANGUAGE'] = language;
  try {
    const session = await launchExtension({
      args: [server.hostResolverRules, `--lang=${language.replace('_', '-')}`],
      ignoreHTTPSErrors: true,
    });
    // The real path: at install the background loads the starter catalog and writes the match index.
    const deadline = Date.now() + 60_000;
    while (
      !(await session.serviceWorker.evaluate(
        async (key) => Boolean((await chrome.storage.local.get(key))[key]),
        MATCH_INDEX_KEY,
      ))
    ) {
      if (Date.now() > deadline)
        throw new Error('The background wrote no match index within 60 s of install.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return session;
  } finally {
    if (previous === undefined) delete process.env['LANGUAGE'];
    else process.env['LANGUAGE'] = previous;
  }
}

/** A Seller Central page view in a new tab, once the content script has looked at it. */
async function view(session: ExtensionSession, url: string): Promise<{ page: Page; card: TipCard }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const card = new TipCard(page);
  await card.waitForEvaluation();
  return { page, card };
}

/** Guide ids on offer at `url` on a fresh page view ([] = no card at all), and how the card appeared. */
async function offered(session: ExtensionSession, url: string) {
  const { page, card } = await view(session, url);
  const ids = await card.guideIds();
  const mode = await card.mode();
  const element = await page.locator('sellernav-tip').count();
  await page.close();
  return { ids, mode, element };
}

/** Test set-up only: forget when the card last opened by itself, so a test starts with no frequency cap running. */
async function forgetShowings(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(async (key) => {
    const mirror = (await chrome.storage.local.get(key))[key] as { lastShown: object } | undefined;
    if (mirror) await chrome.storage.local.set({ [key]: { ...mirror, lastShown: {} } });
  }, MIRROR_KEY);
}

/** Test set-up only: as if the card had last opened by itself `ms` ago (the cap counts from there). */
async function backdateShowings(session: ExtensionSession, ms: number): Promise<void> {
  await session.serviceWorker.evaluate(
    async ([key, ago]) => {
      const mirror = (await chrome.storage.local.get(key as string))[key as string] as
        { lastShown: Record<string, number> } | undefined;
      if (!mirror) return;
      const lastShown = Object.fromEntries(
        Object.keys(mirror.lastShown).map((id) => [id, Date.now() - (ago as number)]),
      );
      await chrome.storage.local.set({ [key as string]: { ...mirror, lastShown } });
    },
    [MIRROR_KEY, ms] as const,
  );
}

/** Waits until the background has recorded that the card opened by itself with this guide. */
async function waitUntilRecordedShown(session: ExtensionSession, guideId: string): Promise<void> {
  await expect
    .poll(
      () =>
        session.serviceWorker.evaluate(
          async ([key, id]) => {
            const mirror = (await chrome.storage.local.get(key!))[key!] as
              { lastShown: Record<string, number> } | undefined;
            return typeof mirror?.lastShown[id!] === 'number';
          },
          [MIRROR_KEY, guideId] as const,
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

beforeAll(async () => {
  server = await startSellerCentral();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

describe('settings applied on the next Seller Central page view', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchIn('en_US');
  });
  afterAll(async () => {
    await session?.close();
  });

  test('turning tips off in settings hides the card on the next page view; on again brings it back', async () => {
    const url = 'https://sellercentral.amazon.com/ap/forgotpassword';
    expect((await offered(session, url)).ids).toContain(PASSWORD_GUIDE);

    const settings = await TipsSettingsPage.open(session);
    await settings.setEnabled(false);
    // Every marketplace choice is greyed out with tips off.
    expect(await settings.section.locator('input[data-host]:enabled').count()).toBe(0);
    expect(await offered(session, url)).toEqual({ ids: [], mode: null, element: 0 });
    expect((await offered(session, 'https://sellercentral.amazon.de/returns/list')).element).toBe(0);

    await settings.setEnabled(true);
    expect((await offered(session, url)).ids).toContain(PASSWORD_GUIDE);
    await settings.page.close();
  });

  test('turning amazon.de off hides the card there, not on amazon.com', async () => {
    const settings = await TipsSettingsPage.open(session);
    await settings.setMarketplace('sellercentral.amazon.de', false);

    for (const url of [
      'https://sellercentral.amazon.de/ap/forgotpassword',
      'https://sellercentral.amazon.de/returns/list',
    ]) {
      expect(await offered(session, url), url).toEqual({ ids: [], mode: null, element: 0 });
    }
    expect((await offered(session, 'https://sellercentral.amazon.com/ap/forgotpassword')).ids).toContain(
      PASSWORD_GUIDE,
    );
    // The other European and unified hosts are untouched.
    expect((await offered(session, 'https://sellercentral-europe.amazon.com/returns/list')).ids).toContain(
      'guide-returns',
    );

    // The choice survives a reload of the settings page, and turning it back on restores the card on .de.
    await settings.page.reload();
    await settings.page.getByTestId('tips-enabled').waitFor();
    expect(await settings.section.locator('input[data-host="sellercentral.amazon.de"]').isChecked()).toBe(
      false,
    );
    await settings.setMarketplace('sellercentral.amazon.de', true);
    expect((await offered(session, 'https://sellercentral.amazon.de/returns/list')).ids[0]).toBe(
      'guide-returns',
    );
    await settings.page.close();
  });

  test('the daily cap keeps a closed card from opening again on the next view; the changed cap applies', async () => {
    await forgetShowings(session);
    const settings = await TipsSettingsPage.open(session);
    expect(await settings.frequency()).toBe(24 * 60);

    // First view: the card opens by itself; the seller closes it.
    const first = await view(session, 'https://sellercentral.amazon.com/inventory');
    expect(await first.card.mode()).toBe('open');
    const guides = await first.card.guideIds();
    expect(guides[0]).toBe('guide-inventory');
    await waitUntilRecordedShown(session, guides[0]!);
    await first.card.closeForPage();
    await expect.poll(() => first.card.guideIds()).toEqual([]);
    await first.page.close();

    // The same page: closed for this page.
    expect((await offered(session, 'https://sellercentral.amazon.com/inventory')).element).toBe(0);
    // The same guides on another page within the day: only the small badge, the card does not open by itself.
    const elsewhere = 'https://sellercentral.amazon.co.uk/inventory';
    expect(await offered(session, elsewhere)).toMatchObject({ ids: guides, mode: 'badge' });

    // The seller asks for the card on every page view: it opens again at once.
    await settings.setFrequency(0);
    expect(await offered(session, elsewhere)).toMatchObject({ ids: guides, mode: 'open' });
    // …and back to daily: having just opened, it stays a badge.
    await settings.setFrequency(24 * 60);
    expect(await offered(session, elsewhere)).toMatchObject({ ids: guides, mode: 'badge' });

    // Two hours later: still within the day, so a badge; the seller picks "at most once an hour": it opens.
    await backdateShowings(session, 2 * 60 * 60 * 1000);
    expect(await offered(session, elsewhere)).toMatchObject({ ids: guides, mode: 'badge' });
    await settings.setFrequency(60);
    expect(await offered(session, elsewhere)).toMatchObject({ ids: guides, mode: 'open' });
    await settings.setFrequency(24 * 60);
    await settings.page.close();
  });

  test('"show again" in the hidden-guides list brings a never-shown guide back', async () => {
    const url = 'https://sellercentral.amazon.fr/ap/forgotpassword';
    const { page, card } = await view(session, url);
    expect(await card.guideIds()).toContain(PASSWORD_GUIDE);
    await card.neverShow(PASSWORD_GUIDE);
    await expect.poll(() => card.guideIds()).not.toContain(PASSWORD_GUIDE);
    await page.close();
    // Gone on every page, every marketplace.
    for (const other of [url, 'https://sellercentral.amazon.com/ap/forgotpassword']) {
      expect((await offered(session, other)).ids, other).not.toContain(PASSWORD_GUIDE);
    }

    const settings = await TipsSettingsPage.open(session);
    const row = settings.hiddenRow(PASSWORD_GUIDE);
    await row.waitFor();
    // Listed by its title from the catalog, not by its id.
    expect(await row.innerText()).not.toContain(PASSWORD_GUIDE);
    // The guides closed on the inventory page in the test before are listed too.
    expect(await settings.hiddenRow('guide-inventory').count()).toBe(1);

    await settings.showAgain(PASSWORD_GUIDE);
    expect((await offered(session, url)).ids).toContain(PASSWORD_GUIDE);
    // Still listed after a reload: the other hidden guides stay hidden.
    await settings.refresh();
    // The list loads after the section's controls: wait for it before judging what it holds.
    await expect.poll(() => settings.hiddenRow('guide-inventory').count()).toBe(1);
    expect(await settings.hiddenRow(PASSWORD_GUIDE).count()).toBe(0);
    expect((await offered(session, 'https://sellercentral.amazon.com/inventory')).element).toBe(0);
    await settings.page.close();
  });

  test('screenshots in English', async () => {
    await takeScreenshots(session, 'en');
  });
});

describe('Chinese UI', () => {
  test('screenshots in zh-CN', async () => {
    const session = await launchIn('zh_CN');
    try {
      await takeScreenshots(session, 'zh-CN');
    } finally {
      await session.close();
    }
  });
});

/**
 * The card open and folded into its badge on a Seller Central page, and the settings section with a few hidden
 * guides, to test-results/screenshots/tips-*-<language>.png (looked at by hand; nothing is asserted on pixels).
 */
async function takeScreenshots(session: ExtensionSession, language: 'en' | 'zh-CN'): Promise<void> {
  await forgetShowings(session);
  const { page, card } = await view(session, 'https://sellercentral.amazon.com/ap/forgotpassword');
  expect(await card.mode()).toBe('open');
  // The card speaks the browser's language (the guide titles are the catalog's own, here Chinese).
  const heading = await page.locator('sellernav-tip .head strong').innerText();
  expect(heading).toBe(localeMessage(language, 'tips_card_heading'));
  await page.screenshot({ path: join(SCREENSHOTS, `tips-card-${language}.png`) });
  await page.locator('sellernav-tip [data-testid="tip-collapse"]').click();
  await card.badge().waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, `tips-badge-${language}.png`) });
  // Unfold again (the fold is a setting that lasts), then put two guides away for the settings screenshot.
  await card.openFromBadge();
  const ids = await card.guideIds();
  await card.neverShow(ids[0]!);
  if (ids[1]) {
    await page.locator(`sellernav-tip [data-testid="tip-snooze-week"]`).click();
  }
  await page.close();

  const settings = await TipsSettingsPage.open(session);
  await settings.hiddenRow(ids[0]!).waitFor();
  expect(await settings.page.getByTestId('tips-settings-title').innerText()).toBe(
    localeMessage(language, 'tips_settings_title'),
  );
  await settings.page.setViewportSize({ width: 1100, height: 1400 });
  await settings.section.screenshot({ path: join(SCREENSHOTS, `tips-settings-${language}.png`) });
  await settings.page.close();
}
