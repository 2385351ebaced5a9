// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Category } from '@/core/model';
import { db } from '@/storage/db';
import { addCustomTool, bookmarkItem, listBookmarks } from '@/storage/bookmarks';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { useBookmarks } from '@/stores/bookmarks';
import { useLocaleStore } from '@/stores/locale';
import { usePopup } from '@/stores/popup';
import { TOOL_OPENS_KEY } from '@/stores/popup-popular';
import { PopupApp } from '@/components/popup/PopupApp';
import { catalogItem } from '../storage/bookmarks.helpers';
import { feedRecord, makeFeed } from '../storage/helpers';

vi.mock('@/messaging/protocol', () => ({ sendMessage: vi.fn(async () => undefined) }));

const categories: Category[] = [
  { id: 'research', name: { 'zh-CN': '选品工具', en: 'Product research' }, parent: null },
  { id: 'logistics', name: { 'zh-CN': '找物流', en: 'Logistics' }, parent: null },
  { id: 'payments', name: { 'zh-CN': '收款支付', en: 'Payments' }, parent: null },
  { id: 'marketplaces', name: { 'zh-CN': '跨境平台', en: 'Marketplaces' }, parent: null },
];

const tools = [
  catalogItem('tool-seller-central', {
    title: '亚马逊卖家中心',
    url: 'https://sellercentral.amazon.com/',
    category: 'marketplaces',
  }),
  catalogItem('tool-temu', {
    title: 'Temu 卖家中心',
    url: 'https://seller.temu.example/',
    category: 'marketplaces',
  }),
  catalogItem('tool-payoneer', {
    title: 'Payoneer 派安盈',
    url: 'https://payoneer.example/',
    category: 'payments',
  }),
  catalogItem('tool-pingpong', { title: 'PingPong', url: 'https://pingpong.example/', category: 'payments' }),
  catalogItem('tool-4px', { title: '递四方 4PX', url: 'https://4px.example/', category: 'logistics' }),
  catalogItem('tool-17track', { title: '17TRACK', url: 'https://17track.example/', category: 'logistics' }),
  catalogItem('tool-keepa', { title: 'Keepa', url: 'https://keepa.example/', category: 'research' }),
  catalogItem('tool-helium', { title: 'Helium 10', url: 'https://helium.example/', category: 'research' }),
  catalogItem('tool-sprite', { title: '卖家精灵', url: 'https://sprite.example/', category: 'research' }),
  catalogItem('guide-vat', { kind: 'guide', title: 'VAT 注册指南', url: null, category: 'research' }),
];

async function installCatalog(items = tools): Promise<void> {
  await db.feeds.put(feedRecord('nav'));
  await applyFeed(db, 'nav', prepareFeed({ ...makeFeed(items), categories }), { now: 1_000 });
}

function BookmarkCount() {
  return <span>{useBookmarks((s) => s.bookmarks.length)}</span>;
}

/** Names of the offered tools, in the order shown. */
function offered(): string[] {
  const grid = screen.getByRole('list', { name: '常用工具' });
  return within(grid)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.sn-popup__tile-name')?.textContent ?? '');
}

beforeEach(async () => {
  fakeBrowser.reset();
  useLocaleStore.setState({ language: 'zh-CN' });
  usePopup.setState({
    query: '',
    results: [],
    whatsNew: [],
    whatsNewTotal: 0,
    popular: [],
    popularState: 'idle',
    popularHidden: false,
    catalogVersion: undefined,
  });
  await Promise.all(
    [
      db.bookmarks,
      db.folders,
      db.settings,
      db.feeds,
      db.catalogChunks,
      db.feedManifests,
      db.catalogBlobs,
    ].map((table) => table.clear()),
  );
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(() => cleanup());

describe('the popup on day one (no bookmarks yet)', () => {
  test('offers popular tools, staples first, and says how to keep them', async () => {
    await installCatalog();
    render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    expect(offered()).toEqual([
      '亚马逊卖家中心',
      'Temu 卖家中心',
      'Payoneer 派安盈',
      'PingPong',
      '17TRACK',
      '递四方 4PX',
      'Helium 10',
      'Keepa',
    ]);
    expect(screen.getByText(/点下方工具右上角的 \+ 即可固定/)).toBeInTheDocument();
    // The search box still has the focus: the popup is for typing first.
    expect(screen.getByRole('combobox')).toHaveFocus();
  });

  test('one click on a tile opens the tool in a new tab and counts it, so it is offered first next time', async () => {
    const user = userEvent.setup();
    await installCatalog();
    const created: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => created.push(tab.url ?? ''));
    const first = render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    await user.click(screen.getByRole('button', { name: 'Keepa' }));
    await waitFor(() => expect(created).toEqual(['https://keepa.example/']));
    expect(window.close).toHaveBeenCalled();
    expect((await db.settings.get(TOOL_OPENS_KEY))?.value).toMatchObject({ 'tool-keepa': { count: 1 } });

    // The popup opens again (a fresh page): the tool the seller used leads the offers.
    first.unmount();
    usePopup.setState({ popular: [], popularState: 'idle', catalogVersion: undefined });
    render(<PopupApp />);
    await waitFor(() => expect(offered()[0]).toBe('Keepa'));
    expect(screen.getByRole('button', { name: 'Keepa' })).toHaveAttribute(
      'title',
      expect.stringContaining('您从这里打开过 1 次'),
    );
  });

  test('one click on + pins the tool to the quick-launch grid; the next tool takes its place', async () => {
    const user = userEvent.setup();
    await installCatalog();
    render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    await user.click(screen.getByRole('button', { name: '把“Payoneer 派安盈”固定到快捷启动' }));

    await waitFor(async () =>
      expect((await listBookmarks(db)).map((b) => b.itemId)).toEqual(['tool-payoneer']),
    );
    const grid = await screen.findByRole('list', { name: '未分组' });
    expect(within(grid).getByText('Payoneer 派安盈')).toBeInTheDocument();
    await waitFor(() => expect(offered()).not.toContain('Payoneer 派安盈'));
    expect(offered()).toHaveLength(8);
    expect(offered()).toContain('卖家精灵');
    // The empty-grid hint is gone: the grid has a tool now.
    expect(screen.queryByText(/即可固定/)).toBeNull();
  });

  test('a tool bookmarked elsewhere (same address) is not offered', async () => {
    await installCatalog();
    await addCustomTool({ url: 'https://sellercentral.amazon.com', title: '后台' }, db);
    render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    expect(offered()).not.toContain('亚马逊卖家中心');
    expect(offered()[0]).toBe('Temu 卖家中心');
  });

  test('in English, the offers and the pin speak English', async () => {
    const user = userEvent.setup();
    useLocaleStore.setState({ language: 'en' });
    await installCatalog();
    render(<PopupApp />);
    const grid = await screen.findByRole('list', { name: 'Popular tools' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(8);
    expect(screen.getByText(/press \+ on a tool below to pin it/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pin “Keepa” to quick launch' }));
    await waitFor(async () => expect((await listBookmarks(db)).map((b) => b.title)).toEqual(['Keepa']));
  });

  test('with no catalog yet, the grid says how to add tools; once the catalog is written, tools are offered', async () => {
    render(<PopupApp />);
    expect(await screen.findByText(/还没有书签/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: '常用工具' })).toBeNull();
    // The bundled catalog (or a first sync) lands while the popup is open.
    await installCatalog();
    await screen.findByRole('list', { name: '常用工具' });
    expect(offered()[0]).toBe('亚马逊卖家中心');
    expect(screen.getByText(/即可固定/)).toBeInTheDocument();
  });
});

describe('once the grid is the seller’s own', () => {
  test('with eight bookmarks, nothing is offered and the catalog is not read for it', async () => {
    await installCatalog();
    for (let i = 0; i < 8; i++) {
      await bookmarkItem(catalogItem(`mine-${i}`, { title: `Mine ${i}` }), {}, db);
    }
    // The bookmarks store lives as long as the page: let it catch up with this test's bookmarks first, as it
    // has on a real popup page before its first paint.
    const probe = render(<BookmarkCount />);
    await waitFor(() => expect(useBookmarks.getState().bookmarks).toHaveLength(8));
    probe.unmount();
    render(<PopupApp />);
    await screen.findByText('Mine 7');
    expect(screen.queryByRole('list', { name: '常用工具' })).toBeNull();
    expect(usePopup.getState().popularState).toBe('idle');
  });

  test('the seller can hide the offers for good, and show them again from organize', async () => {
    const user = userEvent.setup();
    await installCatalog();
    const first = render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    await user.click(screen.getByRole('button', { name: '隐藏常用工具' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: '常用工具' })).toBeNull());
    expect(screen.getByText(/还没有书签/)).toBeInTheDocument();

    // Next opening: still hidden, and the catalog's tools are not even read.
    first.unmount();
    usePopup.setState({ popular: [], popularState: 'idle', popularHidden: false, catalogVersion: undefined });
    render(<PopupApp />);
    await waitFor(() => expect(usePopup.getState().popularState).toBe('ready'));
    expect(usePopup.getState().popular).toEqual([]);
    expect(screen.queryByRole('list', { name: '常用工具' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '整理' }));
    await user.click(screen.getByRole('button', { name: '显示常用工具' }));
    await user.click(screen.getByRole('button', { name: '完成' }));
    await screen.findByRole('list', { name: '常用工具' });
    expect(offered()[0]).toBe('亚马逊卖家中心');
  });

  test('while organizing, the offers step aside', async () => {
    const user = userEvent.setup();
    await installCatalog();
    render(<PopupApp />);
    await screen.findByRole('list', { name: '常用工具' });
    await user.click(screen.getByRole('button', { name: '整理' }));
    expect(screen.queryByRole('list', { name: '常用工具' })).toBeNull();
  });
});
