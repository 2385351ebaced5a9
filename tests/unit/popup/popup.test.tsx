// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/storage/db';
import { addCustomTool, bookmarkItem, createFolder, listBookmarks } from '@/storage/bookmarks';
import { useLocaleStore } from '@/stores/locale';
import { usePopup } from '@/stores/popup';
import type { QuickLaunchHit } from '@/core/quick-launch/rank';
import { PopupApp } from '@/components/popup/PopupApp';
import { catalogItem } from '../storage/bookmarks.helpers';

const sent: { name: string; data: unknown }[] = [];
let searchAnswer: QuickLaunchHit[] = [];
vi.mock('@/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: unknown) => {
    sent.push({ name, data });
    return name === 'quickLaunchSearch' ? searchAnswer : undefined;
  }),
}));

async function titlesIn(folderName: string | null): Promise<string[]> {
  const folders = await db.folders.toArray();
  const folderId = folderName === null ? null : (folders.find((f) => f.name === folderName)?.id ?? 'missing');
  return (await listBookmarks(db)).filter((b) => b.folderId === folderId).map((b) => b.title);
}

/** Tile names in a grid section, in the order shown. */
function shown(section: string): string[] {
  const grid = screen.getByRole('list', { name: section });
  return within(grid)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.sn-popup__tile-name')?.textContent ?? '');
}

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  searchAnswer = [];
  useLocaleStore.setState({ language: 'zh-CN' });
  usePopup.setState({ query: '', results: [], activeIndex: 0, whatsNew: [], whatsNewTotal: 0 });
  await Promise.all([db.bookmarks.clear(), db.folders.clear(), db.settings.clear()]);
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(() => cleanup());

describe('the popup grid', () => {
  test('shows bookmarks grouped in folders, and a bookmark added elsewhere appears live', async () => {
    const tools = await createFolder('选品', db);
    await addCustomTool({ url: 'https://www.sellersprite.com/', title: '卖家精灵', folderId: tools.id }, db);
    await bookmarkItem(catalogItem('tool-payoneer', { title: 'Payoneer' }), {}, db);
    render(<PopupApp />);
    expect(await screen.findByText('卖家精灵')).toBeInTheDocument();
    expect(shown('选品')).toEqual(['卖家精灵']);
    expect(shown('未分组')).toEqual(['Payoneer']);
    // Focus is in the search box as the popup opens.
    expect(screen.getByRole('combobox')).toHaveFocus();
    await act(() => bookmarkItem(catalogItem('tool-4px', { title: '递四方' }), {}, db));
    await waitFor(() => expect(shown('未分组')).toEqual(['Payoneer', '递四方']));
  });

  test('keyboard: Alt+arrows on a handle reorder within a folder and move between folders; the order persists', async () => {
    const user = userEvent.setup();
    const daily = await createFolder('每日', db);
    for (const name of ['A', 'B', 'C']) {
      await addCustomTool({ url: `https://${name}.example/`, title: name, folderId: daily.id }, db);
    }
    await addCustomTool({ url: 'https://loose.example/', title: 'Loose' }, db);
    render(<PopupApp />);
    await user.click(await screen.findByRole('button', { name: '整理' }));
    const handleC = screen.getByRole('button', { name: '移动“C”' });
    handleC.focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(async () => expect(await titlesIn('每日')).toEqual(['A', 'C', 'B']));
    await waitFor(() => expect(shown('每日')).toEqual(['A', 'C', 'B']));
    await waitFor(() => expect(screen.getByRole('button', { name: '移动“C”' })).toHaveFocus());
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(async () => expect(await titlesIn(null)).toEqual(['Loose', 'C']));
    expect(await titlesIn('每日')).toEqual(['A', 'B']);
    await waitFor(() => expect(shown('未分组')).toEqual(['Loose', 'C']));
    // At the first folder there is no previous one: nothing moves.
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(await titlesIn(null)).toEqual(['Loose', 'C']);
  });

  test('organize: create, rename and delete a folder (its tools are kept)', async () => {
    const user = userEvent.setup();
    await addCustomTool({ url: 'https://a.example/', title: 'A' }, db);
    render(<PopupApp />);
    await user.click(await screen.findByRole('button', { name: '整理' }));
    const form = screen.getByRole('form', { name: '新建文件夹' });
    await user.type(within(form).getByRole('textbox'), '物流');
    await user.click(within(form).getByRole('button', { name: '新建文件夹' }));
    expect(await screen.findByRole('heading', { name: '物流' })).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox'), '物流');
    await user.click(within(form).getByRole('button', { name: '新建文件夹' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('已经有同名的文件夹');

    await user.click(screen.getByRole('button', { name: '重命名' }));
    const rename = screen.getByRole('textbox', { name: '重命名' });
    await user.clear(rename);
    await user.type(rename, '货代{Enter}');
    expect(await screen.findByRole('heading', { name: '货代' })).toBeInTheDocument();

    const folderId = (await db.folders.toArray())[0]!.id;
    const a = (await listBookmarks(db))[0]!;
    await db.bookmarks.put({ ...a, folderId });
    await user.click(screen.getByRole('button', { name: '删除文件夹' }));
    await user.click(screen.getByRole('button', { name: '确认删除' }));
    await waitFor(async () => expect(await db.folders.count()).toBe(0));
    expect(await titlesIn(null)).toEqual(['A']);
  });

  test('add a tool by address: http(s) is added, anything else is refused with the reason', async () => {
    const user = userEvent.setup();
    render(<PopupApp />);
    await user.click(await screen.findByRole('button', { name: '整理' }));
    const form = screen.getByRole('form', { name: '按网址添加工具' });
    const url = within(form).getByRole('textbox', { name: '网址（http:// 或 https://）' });
    await user.type(url, 'javascript:alert(1)');
    await user.click(within(form).getByRole('button', { name: '添加' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('不能添加 javascript: 链接');
    expect(await db.bookmarks.count()).toBe(0);
    await user.clear(url);
    await user.type(url, 'https://www.amz123.com/');
    await user.type(within(form).getByRole('textbox', { name: '名称（可选）' }), 'AMZ123 导航');
    await user.click(within(form).getByRole('button', { name: '添加' }));
    await waitFor(async () => expect(await titlesIn(null)).toEqual(['AMZ123 导航']));
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  test('edit a bookmark title and note', async () => {
    const user = userEvent.setup();
    await addCustomTool({ url: 'https://a.example/', title: 'A' }, db);
    render(<PopupApp />);
    await user.click(await screen.findByRole('button', { name: '整理' }));
    await user.click(screen.getByRole('button', { name: '编辑“A”' }));
    const title = screen.getByRole('textbox', { name: '名称' });
    await user.clear(title);
    await user.type(title, 'Amazon 后台');
    await user.type(screen.getByRole('textbox', { name: '备注' }), '每天看');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () =>
      expect((await listBookmarks(db))[0]).toMatchObject({ title: 'Amazon 后台', note: '每天看' }),
    );
  });
});

describe('the popup search box', () => {
  test('typing asks the background; Enter opens the top hit in a new tab', async () => {
    const user = userEvent.setup();
    searchAnswer = [
      {
        source: 'bookmark',
        id: 'b1',
        kind: 'bookmark',
        itemId: null,
        title: '卖家精灵',
        url: 'https://www.sellersprite.com/',
        titleRanges: [[0, 2]],
      },
      {
        source: 'catalog',
        id: 'tool-x',
        kind: 'tool',
        itemId: 'tool-x',
        title: '卖家之家',
        url: 'https://x.example/',
        titleRanges: [],
      },
    ];
    const created: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => created.push(tab.url ?? ''));
    render(<PopupApp />);
    await user.type(screen.getByRole('combobox'), 'mj');
    expect(sent.filter((m) => m.name === 'quickLaunchSearch').at(-1)?.data).toEqual({
      query: 'mj',
      limit: 8,
    });
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['卖卖家精灵书签', '卖卖家之家工具']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(created).toEqual(['https://www.sellersprite.com/']));
    expect(window.close).toHaveBeenCalled();
  });

  test('the clear button empties the search, brings the grid back and keeps the focus in the box', async () => {
    const user = userEvent.setup();
    await addCustomTool({ url: 'https://a.example/', title: 'A' }, db);
    searchAnswer = [
      {
        source: 'bookmark',
        id: 'b1',
        kind: 'bookmark',
        itemId: null,
        title: 'A',
        url: 'https://a.example/',
        titleRanges: [],
      },
    ];
    render(<PopupApp />);
    expect(screen.queryByRole('button', { name: '清空搜索' })).toBeNull();
    await user.type(screen.getByRole('combobox'), 'a');
    await screen.findAllByRole('option');
    await user.click(screen.getByRole('button', { name: '清空搜索' }));
    expect(screen.getByRole('combobox')).toHaveValue('');
    expect(screen.getByRole('combobox')).toHaveFocus();
    expect(screen.queryByRole('option')).toBeNull();
    expect(await screen.findByRole('list', { name: '未分组' })).toBeInTheDocument();
  });

  test('arrow keys move the selection; Enter opens the selected hit', async () => {
    const user = userEvent.setup();
    searchAnswer = [
      {
        source: 'bookmark',
        id: 'b1',
        kind: 'bookmark',
        itemId: null,
        title: 'One',
        url: 'https://one.example/',
        titleRanges: [],
      },
      {
        source: 'catalog',
        id: 't2',
        kind: 'tool',
        itemId: 't2',
        title: 'Two',
        url: 'https://two.example/',
        titleRanges: [],
      },
    ];
    const created: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => created.push(tab.url ?? ''));
    render(<PopupApp />);
    await user.type(screen.getByRole('combobox'), 'o');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(created).toEqual(['https://two.example/']));
  });
});
