// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { startSidebarSession } from '@/stores/sidebar-session';
import { useRouter } from '@/stores/router';
import { db } from '@/storage/db';
import { listBookmarks } from '@/storage/bookmarks';
import { saveLanguagePreference } from '@/stores/locale-preference';
import { useSearch } from '@/stores/search';
import { item, items, resetAll, resetStores, seedCatalog } from './catalog-fixture';

let stop: () => void = () => undefined;

async function openSidebar(hash = '') {
  window.location.hash = hash;
  stop = startSidebarSession();
  const user = userEvent.setup();
  render(<SidebarApp />);
  return user;
}

beforeAll(() => {
  // jsdom lays nothing out; give the virtual list's scroller the height of a side panel.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('sn-virtual') ? 600 : 0;
    },
  });
});
beforeEach(async () => {
  await resetAll();
});
afterEach(() => {
  stop();
});

describe('home', () => {
  test('shows the categories nested and named in the UI language, the latest guides, and a focused-ready search box', async () => {
    await seedCatalog();
    await openSidebar();
    const categories = await screen.findByRole('region', { name: '分类' });
    const wiki = within(categories).getByRole('link', { name: /外贸百科/ });
    // 外贸百科 holds its own guide plus the two of its sub-category 账户安全.
    expect(wiki).toHaveAccessibleName('外贸百科，3 项');
    const child = within(categories).getByRole('link', { name: /账户安全/ });
    expect(wiki.closest('li')).toContainElement(child);
    // A name given as `zh` still shows for zh-CN.
    expect(within(categories).getByRole('link', { name: /收款/ })).toBeInTheDocument();

    const latest = screen.getByRole('region', { name: '最新指南' });
    const titles = within(latest)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(titles).toEqual(['亚马逊两步验证收不到验证码', 'FBA 发货流程详解', '亚马逊账户密码忘了怎么办']);
    expect(screen.getByRole('combobox', { name: '搜索指南和工具' })).toBeInTheDocument();
  });

  test('marks guides that arrived since the seller last looked, and only those', async () => {
    await seedCatalog();
    await openSidebar();
    let latest = await screen.findByRole('region', { name: '最新指南' });
    expect(within(latest).getAllByText('新')).toHaveLength(3);

    // Next time the sidebar opens, what was seen is no longer new; a guide synced since is.
    stop();
    cleanup();
    await resetStores();
    await seedCatalog(
      [
        ...items,
        item('guide-vat', { title: '欧洲 VAT 注册指南', date_published: '2024-01-01T00:00:00+08:00' }),
      ],
      { now: Date.now() + 1000 },
    );
    await openSidebar();
    latest = await screen.findByRole('region', { name: '最新指南' });
    await waitFor(() => expect(within(latest).getAllByRole('link')).toHaveLength(4));
    const marked = within(latest).getAllByText('新');
    expect(marked).toHaveLength(1);
    expect(marked[0]!.closest('li')).toHaveTextContent('欧洲 VAT 注册指南');
  });

  test('switching the language in settings renames the categories and the interface', async () => {
    await seedCatalog();
    await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    await act(() => saveLanguagePreference('en'));
    expect(await screen.findByRole('link', { name: /Seller wiki/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Payments/ })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Search guides and tools' })).toBeInTheDocument();
    expect((await db.settings.get('general.uiLanguage'))?.value).toBe('en');
  });

  test('an empty catalog says so instead of showing a blank panel', async () => {
    await openSidebar();
    expect(await screen.findByText('暂无指南。')).toBeInTheDocument();
    expect(screen.getByText('目录里还没有分类。')).toBeInTheDocument();
  });
});

describe('search', () => {
  test('pinyin initials find the Chinese title, with the match marked', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    await user.type(screen.getByRole('combobox'), 'ymx');
    const results = await screen.findByRole('listbox', { name: '搜索结果' });
    await waitFor(() => expect(within(results).getAllByRole('option').length).toBeGreaterThan(0));
    const first = within(results).getAllByRole('option')[0]!;
    expect(first).toHaveTextContent('亚马逊');
    expect(first.querySelector('mark')).toHaveTextContent('亚马逊');
    expect(useRouter.getState().route).toEqual({ name: 'search', query: 'ymx', kind: null });
  });

  test('↓ and Enter open the selected guide in the reader; Esc clears and returns', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    const box = screen.getByRole('combobox');
    await user.type(box, '密码');
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(0));
    await user.keyboard('{ArrowDown}');
    const selected = screen.getAllByRole('option')[0]!;
    expect(selected).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', selected.id);
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: '亚马逊账户密码忘了怎么办' }),
    ).toBeInTheDocument();

    await user.click(box);
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  test('the kind filter keeps only tools', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    await user.type(screen.getByRole('combobox'), 'FBA');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: '工具' }));
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('FBA头程查价');
    expect(screen.getByRole('button', { name: '工具' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('a query with no match says so', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    await user.type(screen.getByRole('combobox'), 'zzzqqq');
    expect(await screen.findByText('没有找到“zzzqqq”相关的内容')).toBeInTheDocument();
  });
  test('a searcher that throws shows an error, and the panel keeps working', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await screen.findByRole('link', { name: /外贸百科/ });
    await act(() => useSearch.getState().ensureIndex());
    const index = useSearch.getState().index!;
    useSearch.setState({
      index: {
        ...index,
        searcher: {
          size: 0,
          search: () => {
            throw new Error('damaged pack');
          },
        },
      },
    });
    await user.type(screen.getByRole('combobox'), 'ymx');
    expect(await screen.findByText('搜索出错，请重新打开侧边栏；分类浏览仍可使用。')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('link', { name: /外贸百科/ })).toBeInTheDocument();
  });
});

describe('browse', () => {
  test('a category lists its own and its sub-categories’ guides and tools, newest first', async () => {
    await seedCatalog();
    const user = await openSidebar();
    await user.click(await screen.findByRole('link', { name: /外贸百科/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '外贸百科' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '外贸百科' });
    const titles = within(list)
      .getAllByRole('listitem')
      .map((row) => row.querySelector('a.sn-row__title')?.textContent);
    expect(titles).toEqual(['亚马逊两步验证收不到验证码', 'FBA 发货流程详解', '亚马逊账户密码忘了怎么办']);
    expect(screen.getByRole('navigation', { name: '子分类' })).toHaveTextContent('账户安全');
    expect(screen.getByText('3 项')).toBeInTheDocument();
  });

  test('keyboard only: a category link opens with Enter, focus lands on its title, ↓/↑ walk the rows', async () => {
    await seedCatalog();
    const user = await openSidebar();
    const link = await screen.findByRole('link', { name: /外贸百科/ });
    link.focus();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: '外贸百科' });
    await waitFor(() => expect(heading).toHaveFocus());
    const rows = await screen.findAllByRole('link', { name: /亚马逊|FBA/ });
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('link', { name: 'FBA 发货流程详解' })).toHaveFocus());
    await user.keyboard('{ArrowUp}');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '亚马逊两步验证收不到验证码' })).toHaveFocus(),
    );
  });

  test('a tool shows its host and summary and opens its own site in a new tab', async () => {
    await seedCatalog();
    await openSidebar('#/category/logistics');
    const link = await screen.findByRole('link', { name: 'FBA头程查价' });
    expect(link).toHaveAttribute('href', 'https://www.freight.example.com/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const row = link.closest('li')!;
    expect(row).toHaveTextContent('freight.example.com');
    expect(row).toHaveTextContent('海运、空运头程报价对比');
  });

  test('renders only a window of a 20,000-item category', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      item(`g${i}`, { category: 'logistics', date_published: null }),
    );
    await seedCatalog(many);
    await openSidebar('#/category/logistics');
    expect(await screen.findByText('20,000 项', {}, { timeout: 15_000 })).toBeInTheDocument();
    const rows = screen.getByRole('list', { name: '找物流' }).querySelectorAll('li');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
  });
});

describe('read', () => {
  test('a guide renders offline from the cache, sanitized again, links in new tabs, images lazy', async () => {
    await seedCatalog();
    await openSidebar('#/guide/guide-password-reset');
    const title = await screen.findByRole('heading', { level: 1, name: '亚马逊账户密码忘了怎么办' });
    const article = title.closest('article')!;
    expect(article.querySelector('script')).toBeNull();
    expect(article.innerHTML).not.toMatch(/onerror|javascript:/i);
    const inner = within(article).getByRole('link', { name: '登录页' });
    expect(inner).toHaveAttribute('href', 'https://nav.example.cn/help/signin');
    expect(inner).toHaveAttribute('target', '_blank');
    expect(inner).toHaveAttribute('rel', 'noopener noreferrer');
    const image = within(article).getByRole('img', { name: '步骤一' });
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('src', 'https://nav.example.cn/img/step1.png');
    expect(within(article).getByText('坏链接')).not.toHaveAttribute('href');

    const original = within(article).getByRole('link', { name: /查看原文/ });
    expect(original).toHaveAttribute('href', 'https://nav.example.cn/guides/guide-password-reset');
    expect(original).toHaveAttribute('target', '_blank');
    const related = await within(article).findByRole('region', { name: '相关指南' });
    await waitFor(() => expect(related).toHaveTextContent('亚马逊两步验证收不到验证码'));
  });

  test('a guide that left the catalog says so', async () => {
    await seedCatalog();
    await openSidebar('#/guide/no-such-guide');
    expect(await screen.findByRole('alert')).toHaveTextContent('已不在目录中');
  });
});

describe('bookmark', () => {
  test('starring a tool bookmarks it with a note, and it shows on home', async () => {
    await seedCatalog();
    const user = await openSidebar('#/category/logistics');
    await user.click(await screen.findByRole('button', { name: '收藏“FBA头程查价”' }));
    const note = await screen.findByRole('textbox', { name: /备注/ });
    expect(note).toHaveFocus();
    await user.type(note, '美国站头程{Enter}');
    await waitFor(async () => {
      const saved = await listBookmarks(db);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ itemId: 'tool-freight', note: '美国站头程' });
    });
    expect(screen.getByRole('button', { name: '编辑“FBA头程查价”的收藏' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.click(screen.getByRole('button', { name: '返回' }));
    const bookmarks = await screen.findByRole('region', { name: '我的收藏' });
    await waitFor(() => expect(bookmarks).toHaveTextContent('FBA头程查价'));
    expect(bookmarks).toHaveTextContent('美国站头程');
  });

  test('a filled star offers removal instead of removing at once', async () => {
    await seedCatalog();
    const user = await openSidebar('#/guide/guide-2fa');
    await user.click(await screen.findByRole('button', { name: '收藏“亚马逊两步验证收不到验证码”' }));
    expect(await screen.findByRole('textbox', { name: /备注/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: /备注/ })).toBeNull();
    await user.click(await screen.findByRole('button', { name: /编辑.*的收藏/ }));
    expect(await listBookmarks(db)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: '取消收藏' }));
    await waitFor(async () => expect(await listBookmarks(db)).toHaveLength(0));
  });
});

describe('status line', () => {
  test('says when the catalog synced, and names a failing feed with a link to settings', async () => {
    await seedCatalog();
    await openSidebar();
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('5分钟前同步'));
    expect(status).toHaveTextContent('5 条');
    await act(() => db.feeds.update('main', { lastError: 'The server answered 500.' }));
    await waitFor(() => expect(status).toHaveTextContent('订阅源“跨境导航”同步失败'));
    expect(within(status).getByRole('link', { name: '设置' })).toHaveAttribute('href', '/options.html');
  });
});
