import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, freshProfileDir, launchExtension, type ExtensionSession } from './fixtures';
import { chooseLanguage, SidebarPage } from './pages/sidebar';
import { PopupPage, starInSidebar } from './pages/popup';

/**
 * The popup in real Chromium with the built extension: a tool starred in the sidebar shows in the popup's grid;
 * a drag-and-drop reorder survives a browser restart (same profile); the keyboard commands and the omnibox
 * keyword are declared in the built manifest and registered in the browser.
 */
let profile: string;
let session: ExtensionSession | undefined;
const patiently = { timeout: 15_000 };

beforeAll(async () => {
  profile = freshProfileDir();
  session = await launchExtension({ userDataDir: profile, args: ['--lang=zh-CN'] });
  await chooseLanguage(session, 'zh-CN');
});

afterAll(async () => {
  await session?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('a tool starred in the sidebar shows in the popup; a drag-and-drop reorder survives a restart', async () => {
  // The seller stars a tool of the bundled starter catalog in the sidebar.
  const sidebar = await SidebarPage.open(session!);
  await starInSidebar(sidebar, '4px', '递四方 4PX');

  const popup = await PopupPage.open(session!);
  const names = () => popup.namesIn('未分组');
  await expect.poll(names, patiently).toEqual(['递四方 4PX']);

  // A bookmark added while the popup is open appears without reloading it.
  await starInSidebar(sidebar, 'yunexpress', '云途物流 YunExpress');
  await expect.poll(names, patiently).toEqual(['递四方 4PX', '云途物流 YunExpress']);

  await popup.toggleOrganize();
  await popup.addTool('https://www.amz123.com/', 'AMZ123');
  expect(await names()).toEqual(['递四方 4PX', '云途物流 YunExpress', 'AMZ123']);
  await popup.toggleOrganize(); // done: out of organizing, a tile is dragged by the tile itself

  await popup.dragTile('AMZ123', '递四方 4PX');
  await expect.poll(names, patiently).toEqual(['AMZ123', '递四方 4PX', '云途物流 YunExpress']);

  // The browser closes and starts again with the same profile.
  await session!.close();
  session = await launchExtension({ userDataDir: profile, args: ['--lang=zh-CN'] });
  const after = await PopupPage.open(session);
  await expect
    .poll(() => after.namesIn('未分组'), patiently)
    .toEqual(['AMZ123', '递四方 4PX', '云途物流 YunExpress']);

  // The search box has focus; Enter opens the top hit (pinyin finds 云途).
  await expect
    .poll(() => after.searchBox.evaluate((el) => el === document.activeElement), patiently)
    .toBe(true);
  await after.searchBox.pressSequentially('yuntu');
  await expect
    .poll(() => after.page.getByRole('option').first().innerText(), patiently)
    .toContain('云途物流');
  // No network here, so the tool's page cannot load; the browser's request for it shows what was opened.
  const requested: string[] = [];
  session.context.on('request', (request) => requested.push(request.url()));
  // The popup closes itself once the tool is open, so the key press may not see its page survive.
  await after.searchBox.press('Enter').catch(() => undefined);
  await expect.poll(() => requested, patiently).toContain('https://www.yunexpress.com/');
});

test('the keyboard commands and the omnibox keyword are declared in the built manifest and registered', async () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default?: string }; description?: string }>;
    omnibox: { keyword: string };
  };
  expect(manifest.omnibox.keyword).toBe('sn');
  expect(manifest.commands._execute_action?.suggested_key?.default).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/);
  expect(manifest.commands['toggle-sidebar']?.suggested_key?.default).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/);
  expect(manifest.commands['toggle-sidebar']?.description).toMatch(/^__MSG_\w+__$/);

  const registered = await session!.serviceWorker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
      }
    ).chrome;
    return (await api.commands.getAll()).map((c) => ({ name: c.name, shortcut: c.shortcut }));
  });
  expect(registered.map((c) => c.name).sort()).toEqual(['_execute_action', 'toggle-sidebar']);
  expect(registered.find((c) => c.name === 'toggle-sidebar')?.shortcut).toMatch(/Shift\+D/);
});
