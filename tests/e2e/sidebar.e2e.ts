import { afterAll, beforeAll, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { freshProfileDir, launchExtension, type ExtensionSession } from './fixtures';
import { addFeedInSettings, chooseLanguage, extensionCopyGranting, SidebarPage } from './pages/sidebar';
import { serveFeed, sidebarFeed, type FeedServer } from './sidebar.feed';

/**
 * The seller's day in the sidebar, in real Chromium with the built extension: subscribe to a feed, search in
 * Chinese and pinyin, read a guide, bookmark a tool with a note; then the publisher's site goes down and the
 * browser restarts — everything is still there and readable offline. Screenshots of each view, in zh-CN and
 * English, go to test-results/screenshots/.
 */
let server: FeedServer;
let extension: { dir: string; remove(): void };
let profile: string;
let session: ExtensionSession | undefined;

const launch = () =>
  launchExtension({ userDataDir: profile, extensionDir: extension.dir, args: ['--lang=zh-CN'] });

beforeAll(async () => {
  server = await serveFeed(sidebarFeed);
  extension = extensionCopyGranting([`${server.origin}/*`]);
  profile = freshProfileDir();
  session = await launch();
  await addFeedInSettings(session, server.url);
  // Headless Chromium reports en-US whatever --lang says; the seller's choice in settings wins over it anyway.
  await chooseLanguage(session, 'zh-CN');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  extension?.remove();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('search, read, bookmark, then offline after a restart', async () => {
  const sidebar = await SidebarPage.open(session!);
  await sidebar.waitForHome();
  await expect.poll(() => sidebar.searchBox.evaluate((el) => el === document.activeElement)).toBe(true);

  // Home: categories from the feed, nested, in Chinese; the feed's latest guides marked new.
  const categories = sidebar.region('分类');
  await expect.poll(() => categories.innerText()).toContain('店铺运营');
  expect(await categories.getByRole('link', { name: /账号与安全/ }).count()).toBe(1);
  const latest = sidebar.region('最新指南');
  expect(await latest.innerText()).toContain('亚马逊卖家后台登录密码找回步骤');
  expect(await latest.locator('.sn-new').count()).toBeGreaterThan(0);
  await sidebar.screenshot('sidebar-zh-CN-home');

  // Search in Chinese.
  await sidebar.search('广告预算');
  expect(await sidebar.results.first().innerText()).toContain('亚马逊站内广告预算怎么分配');
  expect(await sidebar.results.first().locator('mark').count()).toBeGreaterThan(0);

  // Search in pinyin initials: ymx → 亚马逊.
  await sidebar.search('ymx');
  const pinyinHits = await sidebar.results.allInnerTexts();
  expect(pinyinHits.length).toBeGreaterThan(0);
  expect(pinyinHits.every((text) => text.includes('亚马逊'))).toBe(true);
  await sidebar.screenshot('sidebar-zh-CN-search');

  // Keyboard: ↓ to the password guide, Enter reads it.
  await sidebar.search('密码找回');
  await sidebar.searchBox.press('ArrowDown');
  await sidebar.searchBox.press('Enter');
  await expect.poll(() => sidebar.readerTitle().innerText()).toBe('亚马逊卖家后台登录密码找回步骤');
  const prose = sidebar.page.locator('.sn-prose');
  expect(await prose.innerText()).toContain('忘记密码');
  const inner = prose.getByRole('link', { name: '账号帮助' });
  expect(await inner.getAttribute('href')).toBe(`${server.origin}/help/account`);
  expect(await inner.getAttribute('target')).toBe('_blank');
  expect(await inner.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await prose.locator('img').getAttribute('loading')).toBe('lazy');
  await expect.poll(() => sidebar.region('相关指南').innerText()).toContain('两步验证换手机后如何登录亚马逊');
  await sidebar.screenshot('sidebar-zh-CN-guide');

  // Browse a category and bookmark a tool with a note.
  await sidebar.searchBox.press('Escape');
  await sidebar.page.goto(sidebar.page.url().replace(/#.*$/, '#/'));
  await sidebar.waitForHome();
  await sidebar.openCategory(/头程物流/);
  await sidebar.screenshot('sidebar-zh-CN-category');
  await sidebar.page.getByRole('button', { name: '收藏“头程运费比价”' }).click();
  await sidebar.page.getByRole('textbox', { name: /备注/ }).fill('美国站海运');
  await sidebar.page.keyboard.press('Enter');
  await expect
    .poll(() =>
      sidebar.page.getByRole('button', { name: '编辑“头程运费比价”的收藏' }).getAttribute('aria-pressed'),
    )
    .toBe('true');
  // The note editor closes only once the note is written; closing the browser before that would race it.
  await expect.poll(() => sidebar.page.getByRole('dialog').count()).toBe(0);

  // The publisher's site goes down; the browser restarts.
  await server.close();
  await session!.close();
  session = await launch();
  const offline = await SidebarPage.open(session);
  await offline.waitForHome();
  const bookmarks = offline.region('我的收藏');
  await expect.poll(() => bookmarks.innerText()).toContain('头程运费比价');
  expect(await bookmarks.innerText()).toContain('美国站海运');
  await offline.search('ymx');
  expect(
    (await offline.results.allInnerTexts()).some((t) => t.includes('亚马逊卖家后台登录密码找回步骤')),
  ).toBe(true);
  await offline.results
    .filter({ hasText: '亚马逊卖家后台登录密码找回步骤' })
    .locator('a.sn-row__title')
    .click();
  await expect.poll(() => offline.readerTitle().innerText()).toBe('亚马逊卖家后台登录密码找回步骤');
  expect(await offline.page.locator('.sn-prose').innerText()).toContain('验证通过后设置新密码');
});

test('the same views in English after switching the language in settings, and in dark mode', async () => {
  await chooseLanguage(session!, 'en');
  const sidebar = await SidebarPage.open(session!);
  await sidebar.waitForHome();
  await expect.poll(() => sidebar.region('Categories').innerText()).toContain('Store operations');
  expect(await sidebar.searchBox.getAttribute('aria-label')).toBe('Search guides and tools');
  await sidebar.screenshot('sidebar-en-home');
  await sidebar.openCategory(/Inbound freight/);
  await sidebar.screenshot('sidebar-en-category');
  await sidebar.page.goto(sidebar.page.url().replace(/#.*$/, '#/'));
  await sidebar.search('FBA');
  await sidebar.screenshot('sidebar-en-search');
  await sidebar.page.goto(sidebar.page.url().replace(/#.*$/, '#/guide/e2e-password'));
  await expect.poll(() => sidebar.readerTitle().innerText()).toBe('亚马逊卖家后台登录密码找回步骤');
  expect(await sidebar.page.getByRole('link', { name: /Read the original/ }).count()).toBe(1);
  await sidebar.screenshot('sidebar-en-guide');
  await chooseLanguage(session!, 'zh-CN');

  // Dark follows the system.
  await sidebar.page.emulateMedia({ colorScheme: 'dark' });
  await sidebar.page.goto(sidebar.page.url().replace(/#.*$/, '#/'));
  await sidebar.waitForHome();
  const background = await sidebar.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 24, 29)');
  await sidebar.screenshot('sidebar-zh-CN-home-dark');
  await sidebar.page.goto(sidebar.page.url().replace(/#.*$/, '#/guide/e2e-password'));
  await expect.poll(() => sidebar.readerTitle().innerText()).toBe('亚马逊卖家后台登录密码找回步骤');
  await sidebar.screenshot('sidebar-zh-CN-guide-dark');
});
