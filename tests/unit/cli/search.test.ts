import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSearchArgs } from '../../../cli/commands/search';

const feedFile = join(mkdtempSync(join(tmpdir(), 'search-cli-')), 'feed.json');
writeFileSync(
  feedFile,
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '测试导航',
    items: [
      {
        id: 'g-pw',
        url: 'https://nav.example.cn/g/pw',
        title: '亚马逊账户密码忘了怎么办',
        content_html: '<p>找回密码</p>',
        _sellernav: { kind: 'guide', category: 'wiki', views: 10 },
      },
      {
        id: 't-payoneer',
        url: 'https://payoneer.example.com/',
        title: 'Payoneer 派安盈',
        tags: ['收款'],
        _sellernav: { kind: 'tool', category: 'pay', views: 5 },
      },
      ...Array.from({ length: 15 }, (_, i) => ({
        id: `t-${i}`,
        url: `https://tools.example.com/${i}`,
        title: `收款工具 ${i}`,
        _sellernav: { kind: 'tool', category: 'pay' },
      })),
    ],
  }),
);

const catalog = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'cli/catalog.ts', 'search', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('catalog search', () => {
  test('prints [{ id, score }] best first, pinyin included', () => {
    const out = JSON.parse(
      execFileSync('npx', ['tsx', 'cli/catalog.ts', 'search', '--feed', feedFile, 'ymx'], {
        encoding: 'utf8',
      }),
    );
    expect(out).toEqual([{ id: 'g-pw', score: expect.any(Number) }]);
  });

  test('at most 10, scores never increasing; words after the options form one query', () => {
    const r = catalog('--feed', feedFile, '收款');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; score: number }[];
    expect(out).toHaveLength(10);
    expect(out.map((h) => h.score)).toEqual(out.map((h) => h.score).sort((a, b) => b - a));
    const two = JSON.parse(catalog('--feed', feedFile, '--kind', 'tool', 'pay', '收款').stdout);
    expect(two[0].id).toBe('t-payoneer');
  });

  test('a missing feed is one line on stderr and exit 1', () => {
    const r = catalog('--feed', join(tmpdir(), 'no-such-feed.json'), '库存');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*:\d+/);
  });
});

describe('search arguments', () => {
  test('options in any order, query from the remaining words', () => {
    expect(parseSearchArgs(['fba', '--feed', 'f.json', '头程', '--kind=guide'])).toEqual({
      feed: 'f.json',
      query: 'fba 头程',
      kind: 'guide',
      limit: 10,
    });
  });

  test.each([
    [['库存'], /--feed is required/],
    [['--feed', 'f.json'], /query is required/],
    [['--feed', 'f.json', '--kind', 'video', 'x'], /--kind must be guide or tool/],
    [['--feed', 'f.json', '--limit', '50', 'x'], /--limit must be/],
    [['--feed', 'f.json', '--color', 'x'], /unknown option/],
  ])('%j is refused', (args, message) => {
    expect(() => parseSearchArgs(args)).toThrow(message);
  });
});
