// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '@/storage/db';
import { addCustomTool, createFolder } from '@/storage/bookmarks';
import { readSellerData } from '@/storage/backup';
import { serializeNetscapeBookmarks } from '@/core/backup/netscape';
import { emptySellerData, serializeBackup } from '@/core/backup/schema';
import { TIPS_MIRROR_KEY } from '@/storage/tips-keys';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocaleStore } from '@/stores/locale';
import { ImportExportSettings } from '@/components/options/ImportExportSettings';

const blobs: Blob[] = [];

beforeEach(async () => {
  useLocaleStore.setState({ language: 'zh-CN' });
  await Promise.all(
    [db.bookmarks, db.folders, db.notes, db.dismissedTips, db.settings, db.feeds].map((t) => t.clear()),
  );
  blobs.length = 0;
  // jsdom has no object URLs: capture what would be downloaded.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => cleanup());

const fileInput = () => screen.getByLabelText('导入文件…');

describe('import and export in settings', () => {
  test('a bad file gets a clear message naming it, and nothing changes', async () => {
    const user = userEvent.setup();
    await addCustomTool({ url: 'https://keep.example/', title: 'Keep' }, db);
    const before = await readSellerData(db);
    render(<ImportExportSettings />);
    const text = readFileSync(join('tests/fixtures/import', 'bookmark-javascript-url.json'), 'utf8');
    await user.upload(
      fileInput(),
      new File([text], 'bookmark-javascript-url.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '无法导入“bookmark-javascript-url.json”：文件中书签第 1 条的“url”的数据无效。 您的数据没有任何改动。',
    );
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
    expect(await readSellerData(db)).toEqual(before);
  });

  test('a bookmark HTML file is previewed, then imported on confirm, without duplicates', async () => {
    const user = userEvent.setup();
    await addCustomTool({ url: 'https://already.example/', title: 'Already' }, db);
    const html = serializeNetscapeBookmarks({
      folders: [{ id: 'f', name: '物流', order: 0, createdAt: 0 }],
      bookmarks: [
        {
          id: '1',
          itemId: null,
          url: 'https://already.example/',
          title: 'Already',
          note: '',
          folderId: null,
          order: 0,
          createdAt: 0,
          updatedAt: 0,
        },
        {
          id: '2',
          itemId: null,
          url: 'https://www.4px.com/',
          title: '递四方',
          note: '报价',
          folderId: 'f',
          order: 0,
          createdAt: 0,
          updatedAt: 0,
        },
      ],
    });
    render(<ImportExportSettings />);
    await user.upload(fileInput(), new File([html], 'bookmarks.html', { type: 'text/html' }));
    const preview = await screen.findByRole('region', { name: '导入“bookmarks.html”：' });
    const row = (kind: string) => within(preview).getByRole('row', { name: new RegExp(`^${kind}`) });
    expect(
      within(row('书签'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1']);
    expect(
      within(row('文件夹'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '0']);
    expect(await db.bookmarks.count()).toBe(1);
    await user.click(within(preview).getByRole('button', { name: '确认导入' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入 2 项。');
    const { bookmarks, folders } = await readSellerData(db);
    expect(bookmarks.map((b) => b.title).sort()).toEqual(['Already', '递四方']);
    expect(folders.map((f) => f.name)).toEqual(['物流']);
  });

  test('importing dismissed tips updates the mirror the Seller Central card reads', async () => {
    const user = userEvent.setup();
    fakeBrowser.reset();
    const file = serializeBackup(
      {
        ...emptySellerData(),
        dismissedTips: [
          {
            id: 'never:guide-pw',
            guideId: 'guide-pw',
            scope: 'never',
            pageKey: null,
            until: null,
            createdAt: 1,
          },
        ],
      },
      new Date(0),
    );
    render(<ImportExportSettings />);
    await user.upload(fileInput(), new File([file], 'backup.json', { type: 'application/json' }));
    await user.click(await screen.findByRole('button', { name: '确认导入' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入 1 项。');
    const mirror = (await fakeBrowser.storage.local.get(TIPS_MIRROR_KEY))[TIPS_MIRROR_KEY];
    expect(JSON.stringify(mirror)).toContain('guide-pw');
  });

  test('export writes a JSON backup and a bookmark HTML file of what the seller has', async () => {
    const user = userEvent.setup();
    const folder = await createFolder('选品', db);
    await addCustomTool({ url: 'https://www.sellersprite.com/', title: '卖家精灵', folderId: folder.id }, db);
    render(<ImportExportSettings />);
    await user.click(screen.getByRole('button', { name: '导出完整备份（JSON）' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const backup = JSON.parse(await blobs[0]!.text());
    expect(backup).toMatchObject({ format: 'sellernav-backup', version: 1 });
    expect(backup.data.bookmarks[0]).toMatchObject({ title: '卖家精灵', folderId: folder.id });
    await user.click(screen.getByRole('button', { name: '导出书签（HTML，各浏览器通用）' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    const html = await blobs[1]!.text();
    expect(html).toContain('<DT><H3 ADD_DATE=');
    expect(html).toContain('>卖家精灵</A>');
    expect(screen.getByRole('status')).toHaveTextContent(/已导出 sellernav-bookmarks-\d{4}-\d\d-\d\d\.html/);
  });
});
