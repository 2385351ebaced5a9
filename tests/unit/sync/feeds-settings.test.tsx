// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/storage/db';
import { useLocaleStore } from '@/stores/locale';
import { FeedsSettings } from '@/components/options/FeedsSettings';
import type { FeedRecord } from '@/storage/types';

const sent: { name: string; data: unknown }[] = [];
vi.mock('@/messaging/protocol', () => ({
  sendMessage: vi.fn(async (name: string, data: unknown) => {
    sent.push({ name, data });
    if (name === 'syncAddFeed') {
      return { ok: false, error: 'login_page' };
    }
    return name === 'syncNow' ? [] : undefined;
  }),
}));

const requested: string[][] = [];

function feed(overrides: Partial<FeedRecord>): FeedRecord {
  return {
    id: 'feed-1',
    url: 'https://nav.example.cn/sellernav.json',
    title: '跨境导航',
    paused: false,
    addedAt: 10,
    lastAttemptAt: 1_700_000_000_000,
    lastSuccessAt: 1_700_000_000_000,
    lastError: null,
    itemCount: 1234,
    etag: null,
    lastModified: null,
    ...overrides,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  requested.length = 0;
  fakeBrowser.permissions.request = async (p) => {
    requested.push(p.origins ?? []);
    return true;
  };
  useLocaleStore.setState({ language: 'zh-CN' });
  await db.feeds.clear();
});
afterEach(cleanup);

test('each feed shows its last sync, item count and last error in plain words', async () => {
  await db.feeds.bulkPut([
    feed({ id: 'starter', url: 'bundled:catalog/starter-feed.json', title: 'x', addedAt: 0, itemCount: 231 }),
    feed({}),
    feed({
      id: 'feed-2',
      url: 'https://wp.example.com/feed',
      title: '',
      addedAt: 20,
      lastError: 'timeout|30 s',
      itemCount: 0,
      lastSuccessAt: null,
      paused: true,
    }),
  ]);
  render(<FeedsSettings />);
  const rows = await screen.findAllByTestId('feed-row');
  expect(rows).toHaveLength(3);
  expect(rows[0]).toHaveTextContent('内置入门目录');
  expect(within(rows[0]!).queryByRole('button')).toBeNull();
  expect(rows[1]).toHaveTextContent('跨境导航');
  expect(rows[1]).toHaveTextContent('1234 条内容');
  expect(rows[1]).toHaveTextContent('上次同步');
  expect(rows[2]).toHaveTextContent('尚未同步');
  expect(rows[2]).toHaveTextContent('已暂停');
  expect(within(rows[2]!).getByRole('alert')).toHaveTextContent('服务器在 30 s 内没有完成响应');
});

test('adding asks for that origin only, in the click, and shows why a feed was refused', async () => {
  render(<FeedsSettings />);
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox'), 'https://nav.example.cn/login?next=feed');
  await user.click(screen.getByRole('button', { name: '添加订阅' }));
  await waitFor(() => expect(screen.getByTestId('feed-add-error')).toHaveTextContent('登录页面'));
  expect(requested).toEqual([['https://nav.example.cn/*']]);
  expect(sent).toEqual([{ name: 'syncAddFeed', data: { url: 'https://nav.example.cn/login?next=feed' } }]);
});

test('pause, sync now and remove (after confirming) go to the background', async () => {
  await db.feeds.put(feed({}));
  render(<FeedsSettings />);
  const user = userEvent.setup();
  const row = await screen.findByTestId('feed-row');
  await user.click(within(row).getByRole('button', { name: '暂停' }));
  await user.click(within(row).getByRole('button', { name: '立即同步' }));
  await user.click(within(row).getByRole('button', { name: '移除' }));
  expect(sent.map((s) => s.name)).toEqual(['syncSetPaused', 'syncNow']);
  fakeBrowser.permissions.remove = async () => true;
  await user.click(within(row).getByRole('button', { name: '确认移除' }));
  await waitFor(() => expect(sent.map((s) => s.name)).toContain('syncRemoveFeed'));
  expect(sent[0]).toEqual({ name: 'syncSetPaused', data: { feedId: 'feed-1', paused: true } });
});
