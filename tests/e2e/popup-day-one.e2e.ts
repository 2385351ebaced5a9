import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './fixtures';
import { chooseLanguage } from './pages/sidebar';
import { PopupPage } from './pages/popup';

/**
 * The popup on day one, in real Chromium with the built extension and nothing but its bundled catalog: popular
 * tools are offered at once; one click opens one (and it is offered first from then on), one click pins one;
 * the pinned tools are sorted into a folder; search finds the catalog by pinyin. Screenshots of each state, in
 * zh-CN and English, light and dark, go to test-results/screenshots/popup-*.png (looked at by hand; nothing is
 * asserted on pixels).
 */
const patiently = { timeout: 15_000 };

const LANGUAGES = [
  { language: 'zh-CN', folder: '物流', unfiled: '未分组' },
  { language: 'en', folder: 'Logistics', unfiled: 'Unfiled' },
] as const;

describe.each(LANGUAGES)('the popup on day one ($language)', ({ language, folder, unfiled }) => {
  let session: ExtensionSession | undefined;

  beforeAll(async () => {
    session = await launchExtension({ args: [`--lang=${language}`] });
    await chooseLanguage(session, language);
  });
  afterAll(async () => {
    await session?.close();
  });

  test('offers popular tools at once; one click opens one, one click pins one', async () => {
    const popup = await PopupPage.open(session!);
    await expect.poll(() => popup.offeredNames(), patiently).toHaveLength(8);
    const offered = await popup.offeredNames();
    // Seller Central leads; payments and logistics follow, before the other categories.
    expect(offered[0]).toMatch(/Seller Central/);
    expect(offered.slice(0, 6).join(' ')).toMatch(/Payoneer|PingPong|连连|万里汇|Airwallex/);
    expect(offered.slice(0, 6).join(' ')).toMatch(/4PX|Flexport|云途|DHL/);
    await popup.screenshot(`popup-empty-${language}`);
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot(`popup-empty-dark-${language}`);
    await popup.page.emulateMedia({ colorScheme: 'light' });

    // One click opens a tool. There is no network here: the browser's request for the site shows what opened.
    const requested: string[] = [];
    session!.context.on('request', (request) => requested.push(request.url()));
    const chosen = offered[3]!;
    await popup.offers
      .getByRole('button', { name: chosen, exact: true })
      .click()
      .catch(() => undefined); // the popup closes itself once the tool is open
    await expect.poll(() => requested.length, patiently).toBeGreaterThan(0);

    // Opened once from here, it now leads the offers; one click on + pins it, and the next offer fills in.
    const again = await PopupPage.open(session!);
    await expect.poll(async () => (await again.offeredNames())[0], patiently).toBe(chosen);
    await again.pin(chosen);
    await expect.poll(() => again.namesIn(unfiled), patiently).toEqual([chosen]);
    await expect.poll(() => again.offeredNames(), patiently).not.toContain(chosen);
    expect(await again.offeredNames()).toHaveLength(8);
  });

  test('pinned tools sorted into a folder (screenshot), and search results (screenshot)', async () => {
    const popup = await PopupPage.open(session!);
    await expect.poll(() => popup.offeredNames(), patiently).toHaveLength(8);
    const [sellerCentral, second] = await popup.offeredNames();
    await popup.pin(sellerCentral!);
    await popup.pin(second!);
    const logistics = (await popup.offeredNames()).find((name) => /4PX|Flexport|云途|DHL/.test(name));
    expect(logistics).toBeDefined();
    await popup.pin(logistics!);

    await popup.toggleOrganize();
    await popup.newFolder(folder);
    await popup.moveToNextFolder(logistics!);
    await expect.poll(() => popup.namesIn(folder), patiently).toEqual([logistics]);
    await popup.toggleOrganize();
    expect(await popup.namesIn(unfiled)).toEqual(expect.arrayContaining([sellerCentral, second]));
    await popup.screenshot(`popup-folders-${language}`);
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot(`popup-folders-dark-${language}`);
    await popup.page.emulateMedia({ colorScheme: 'light' });

    // Keyboard focus on a tile shows a ring that is not clipped by the scrolling area.
    await popup.tile(sellerCentral!).locator('.sn-popup__tile-link').focus();
    await popup.page.keyboard.press('Shift+Tab');
    await popup.page.keyboard.press('Tab');
    await popup.screenshot(`popup-focus-${language}`);

    await popup.searchBox.focus();
    await popup.searchBox.pressSequentially('yamaxun');
    await expect.poll(() => popup.page.getByRole('option').count(), patiently).toBeGreaterThan(2);
    expect(await popup.page.getByRole('option').first().innerText()).toMatch(/亚马逊/);
    await popup.screenshot(`popup-search-${language}`);
  });
});
