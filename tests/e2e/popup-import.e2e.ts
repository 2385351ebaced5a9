import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchExtension, type ExtensionSession } from './fixtures';
import { chooseLanguage } from './pages/sidebar';
import { PopupPage } from './pages/popup';

/**
 * Import and export in the built extension's settings page: a hostile file is refused with a message and
 * changes nothing; a browser's bookmark file is previewed, imported on confirm, and shows in the popup; the
 * JSON backup downloaded from settings imports into a fresh profile and gives the same popup.
 */
let session: ExtensionSession | undefined;
let work: string;
const patiently = { timeout: 15_000 };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sellernav-import-'));
  session = await launchExtension({ args: ['--lang=zh-CN'] });
  await chooseLanguage(session, 'zh-CN');
});

afterAll(async () => {
  await session?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openImportExport(s: ExtensionSession) {
  const page = await s.context.newPage();
  await page.goto(s.pageUrl('options.html'));
  await page.getByRole('heading', { name: '导入与导出' }).waitFor();
  return page;
}

test('a refused file changes nothing; a bookmark file is previewed, imported, shown in the popup, and backed up', async () => {
  const options = await openImportExport(session!);
  await options.getByLabel('导入文件…').setInputFiles(resolve('tests/fixtures/import/proto-pollution.json'));
  await expect
    .poll(() => options.getByTestId('backup-status').innerText(), patiently)
    .toContain('无法导入“proto-pollution.json”');
  expect(await options.getByTestId('backup-status').innerText()).toContain('您的数据没有任何改动');

  const html = join(work, 'chrome-bookmarks.html');
  writeFileSync(
    html,
    `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><H3 PERSONAL_TOOLBAR_FOLDER="true">书签栏</H3>
<DL><p>
<DT><A HREF="https://www.sellersprite.com/" ADD_DATE="1700000000">卖家精灵</A>
<DT><A HREF="javascript:alert(1)">小工具</A>
<DT><A HREF="https://www.payoneer.com/">Payoneer</A>
<DD>收款
</DL><p>
</DL><p>`,
  );
  await options.getByLabel('导入文件…').setInputFiles(html);
  const preview = options.getByRole('region', { name: '导入“chrome-bookmarks.html”：' });
  await preview.waitFor();
  expect(await preview.innerText()).toContain('1 个非 http(s) 链接');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await expect
    .poll(() => options.getByTestId('backup-status').innerText(), patiently)
    .toContain('已导入 3 项');

  const popup = await PopupPage.open(session!);
  await expect.poll(() => popup.namesIn('书签栏'), patiently).toEqual(['卖家精灵', 'Payoneer']);

  // The JSON backup, downloaded from settings, brings the same list into a fresh profile.
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: '导出完整备份（JSON）' }).click();
  const file = join(work, 'backup.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'sellernav-backup', version: 1 });

  const fresh = await launchExtension({ args: ['--lang=zh-CN'] });
  try {
    await chooseLanguage(fresh, 'zh-CN');
    const restore = await openImportExport(fresh);
    await restore.getByLabel('导入文件…').setInputFiles(file);
    await restore.getByRole('button', { name: '确认导入' }).click();
    await expect
      .poll(() => restore.getByTestId('backup-status').innerText(), patiently)
      .toMatch(/已导入 \d+ 项/);
    const restored = await PopupPage.open(fresh);
    await expect.poll(() => restored.namesIn('书签栏'), patiently).toEqual(['卖家精灵', 'Payoneer']);
  } finally {
    await fresh.close();
  }
});
