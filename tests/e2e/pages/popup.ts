import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from '../fixtures';
import type { SidebarPage } from './sidebar';

/** Stars a tool in the sidebar (search, click its star) and waits until the star shows it bookmarked. */
export async function starInSidebar(sidebar: SidebarPage, query: string, title: string): Promise<void> {
  await sidebar.search(query);
  await sidebar.page
    .getByRole('button', { name: `收藏“${title}”` })
    .first()
    .click();
  await sidebar.page
    .getByRole('button', { name: `编辑“${title}”的收藏` })
    .first()
    .waitFor();
  await sidebar.page.keyboard.press('Escape');
}

const SCREENSHOT_DIR = join(process.cwd(), 'test-results/screenshots');

/** The toolbar popup page (popup.html opened in a tab), driven as a seller would: by role and label. */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 400, height: 640 });
    await page.goto(session.pageUrl('popup.html'));
    const popup = new PopupPage(page);
    await page.locator('.sn-popup').waitFor();
    return popup;
  }

  get searchBox(): Locator {
    return this.page.getByRole('combobox');
  }

  /** A grid section: a folder by name, or the unfiled tools ('未分组' / 'Unfiled'). */
  grid(name: string): Locator {
    return this.page.getByRole('list', { name, exact: true });
  }

  /** A bookmarked tool's tile in the grid (not an offered one). */
  tile(name: string): Locator {
    return this.page
      .locator('.sn-popup__tile[data-bookmark-id]')
      .filter({ has: this.page.locator('.sn-popup__tile-name', { hasText: name }) });
  }

  /** Tool names of a section, in the order shown. */
  async namesIn(section: string): Promise<string[]> {
    return this.grid(section).locator('.sn-popup__tile-name').allInnerTexts();
  }

  /** Turns organizing on ("整理") or off ("完成"). */
  async toggleOrganize(): Promise<void> {
    await this.page.getByRole('button', { name: /^(整理|完成|Organize|Done)$/ }).click();
  }

  async addTool(url: string, title: string): Promise<void> {
    const form = this.page.getByRole('form', { name: /按网址添加工具|Add a tool/ });
    await form.getByRole('textbox', { name: /网址|Address/ }).fill(url);
    await form.getByRole('textbox', { name: /名称|Name/ }).fill(title);
    await form.getByRole('button', { name: /^(添加|Add)$/ }).click();
    await this.tile(title).waitFor();
  }

  /** Drags one tile onto another with the mouse, in small steps as a hand would (dnd-kit needs real moves). */
  async dragTile(name: string, ontoName: string): Promise<void> {
    const from = await this.tile(name).locator('.sn-popup__tile-link').boundingBox();
    const to = await this.tile(ontoName).locator('.sn-popup__tile-link').boundingBox();
    if (!from || !to) throw new Error(`tile ${name} or ${ontoName} is not visible`);
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
    await mouse.up();
  }

  /** The popular tools offered under a nearly empty grid ('常用工具' / 'Popular tools'). */
  get offers(): Locator {
    return this.page.getByRole('list', { name: /^(常用工具|Popular tools)$/ });
  }

  /** Names of the offered tools, in the order shown. */
  async offeredNames(): Promise<string[]> {
    return this.offers.locator('.sn-popup__tile-name').allInnerTexts();
  }

  /** Pins an offered tool with its + button. */
  async pin(name: string): Promise<void> {
    const pin = this.offers
      .getByRole('button', { name: `把“${name}”固定到快捷启动`, exact: true })
      .or(this.offers.getByRole('button', { name: `Pin “${name}” to quick launch`, exact: true }));
    await pin.click();
    await this.tile(name).waitFor();
  }

  /** Saves the popup as the seller sees it (its own box, not the tab around it) to test-results/screenshots/. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.locator('.sn-popup').screenshot({ path });
    return path;
  }

  /** While organizing: makes a folder. */
  async newFolder(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: /^(新建文件夹|New folder)$/ });
    await form.getByRole('textbox').fill(name);
    await form.getByRole('button', { name: /^(新建文件夹|New folder)$/ }).click();
    await this.page.getByRole('heading', { name, exact: true }).waitFor();
  }

  /** While organizing: moves a tool to the next folder with the keyboard (Alt+↓ on its handle). */
  async moveToNextFolder(name: string): Promise<void> {
    const handle = this.page.getByRole('button', {
      name: new RegExp(`^(移动“|Move “)${escapeRegExp(name)}”$`),
    });
    await handle.focus();
    await handle.press('Alt+ArrowDown');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
