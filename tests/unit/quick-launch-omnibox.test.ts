import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerQuickLaunch } from '@/entrypoints/background/quick-launch';
import { db } from '@/storage/db';
import { applyFeed, prepareFeed } from '@/storage/catalog-write';
import { buildSearchPack } from '@/core/search/build';
import { addCustomTool } from '@/storage/bookmarks';
import { feedRecord, makeFeed, makeItem } from './storage/helpers';

/**
 * The omnibox as the background wires it: `sn` + text suggests bookmarks then catalog items; Enter opens the
 * chosen one or the best match. fake-browser leaves omnibox, i18n and commands unmocked, so this test gives
 * them the few members the background uses.
 */
type Listener<A extends unknown[]> = (...args: A) => void;
function event<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (l: Listener<A>) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => listeners.length > 0,
    fire: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

const inputChanged = event<[string, (s: { content: string; description: string }[]) => void]>();
const inputEntered = event<[string, string]>();
const command = event<[string, { windowId?: number } | undefined]>();
const defaults: string[] = [];

beforeAll(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.omnibox, {
    setDefaultSuggestion: (s: { description: string }) => void defaults.push(s.description),
    onInputChanged: inputChanged,
    onInputEntered: inputEntered,
  });
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string) =>
      ({ quickLaunch_kindBookmark: '书签', quickLaunch_kindGuide: '指南', quickLaunch_kindTool: '工具' })[
        key
      ] ?? key,
  });
  Object.assign(fakeBrowser.commands, { onCommand: command });
  await Promise.all([db.bookmarks.clear(), db.folders.clear()]);
  await db.feeds.put(feedRecord('nav'));
  const items = [
    makeItem('tool-ymx', { title: '亚马逊卖家中心', url: 'https://sellercentral.amazon.com/' }),
    makeItem('guide-pw', { kind: 'guide', title: '亚马逊账户密码忘了怎么办', url: null, category: 'wiki' }),
  ];
  await applyFeed(db, 'nav', prepareFeed(makeFeed(items)), { now: 1, buildSearchPack });
  await addCustomTool({ url: 'https://www.amz123.com/', title: '亚马逊导航 <AMZ123> & 工具' }, db);
  registerQuickLaunch();
});

function suggestionsFor(text: string): Promise<{ content: string; description: string }[]> {
  return new Promise((resolve) => inputChanged.fire(text, resolve));
}

async function opened(text: string, disposition: string): Promise<string> {
  const created = new Promise<string>((resolve) =>
    fakeBrowser.tabs.onCreated.addListener((tab) => resolve(tab.url ?? '')),
  );
  inputEntered.fire(text, disposition);
  return created;
}

test('typing after the keyword suggests bookmarks first, then catalog items, as escaped XML', async () => {
  expect(defaults).toEqual(['quickLaunch_omniboxDefault']);
  const suggestions = await suggestionsFor('yamaxun');
  expect(suggestions.map((s) => s.content)).toEqual([
    'https://www.amz123.com/',
    'https://sellercentral.amazon.com/',
    'sellernav-guide:guide-pw',
  ]);
  expect(suggestions[0]!.description).toBe(
    '<match>亚马逊</match>导航 &lt;AMZ123&gt; &amp; 工具 <dim>· 书签</dim> <url>https://www.amz123.com/</url>',
  );
  expect(suggestions[2]!.description).toBe('<match>亚马逊</match>账户密码忘了怎么办 <dim>· 指南</dim>');
});

test('Enter with nothing chosen opens the best match; a chosen guide opens in the sidebar page', async () => {
  expect(await opened('ymx', 'newForegroundTab')).toBe('https://www.amz123.com/');
  expect(await opened('mima', 'newForegroundTab')).toMatch(/\/sidepanel\.html#\/guide\/guide-pw$/);
  expect(await opened('sellernav-guide:guide-pw', 'newBackgroundTab')).toMatch(/#\/guide\/guide-pw$/);
  expect(await opened('nothing-matches-this', 'newForegroundTab')).toMatch(
    /#\/search\?q=nothing-matches-this$/,
  );
});
