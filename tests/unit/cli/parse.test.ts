import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer } from '../../../cli/commands/serve';
import { toParseOutput } from '../../../cli/commands/parse';
import { CliError } from '../../../cli/errors';
import { readSource } from '../../../cli/io';
import { loadFeedFromArg } from '../../../cli/load-feed';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sellernav-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gb2312Rss = () => {
  // "亚马逊" and "密码" in GB2312, declared only in the XML declaration.
  const head = '<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>';
  const gb = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  const enc = new TextEncoder();
  return new Uint8Array([
    ...enc.encode(head),
    ...gb('d1c7c2edd1b7'),
    ...enc.encode('</title><item><title>'),
    ...gb('c3dcc2eb'),
    ...enc.encode('</title><link>https://nav.example.cn/1</link></item></channel></rss>'),
  ]);
};

describe('catalog parse', () => {
  test('prints exactly the brief fields for each item', async () => {
    const file = join(dir, 'feed.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'T',
        items: [{ id: 'a', url: 'https://x.example/a', title: 'A', _sellernav: { views: 3, kind: 'tool' } }],
      }),
    );
    const out = toParseOutput(await loadFeedFromArg(file));
    expect(Object.keys(out)).toEqual(['title', 'items', 'warnings']);
    expect(Object.keys(out.items[0]!)).toEqual([
      'id',
      'kind',
      'title',
      'url',
      'summary',
      'content_html',
      'date_published',
      'tags',
      'category',
    ]);
    expect(out.items[0]).toMatchObject({ id: 'a', kind: 'tool', url: 'https://x.example/a' });
  });

  test('decodes a GB2312 RSS file by its XML declaration', async () => {
    const file = join(dir, 'gb.xml');
    await writeFile(file, gb2312Rss());
    const feed = await loadFeedFromArg(file);
    expect(feed.title).toBe('亚马逊');
    expect(feed.items[0]!.title).toBe('密码');
  });

  test('fetches a URL, decodes it by its XML declaration and records where it came from', async () => {
    const server = await startFeedServer({ dir, port: 0 });
    try {
      const feed = await loadFeedFromArg(`${server.url}gb.xml`);
      expect(feed.items[0]!.title).toBe('密码');
      expect(feed.feed_url).toBe(`${server.url}gb.xml`);
    } finally {
      await server.close();
    }
  });

  test('gives one clear line for a missing file, a bad scheme, and an HTTP error', async () => {
    await expect(loadFeedFromArg(join(dir, 'nope.json'))).rejects.toThrow(/no such file/);
    await expect(loadFeedFromArg('ftp://example.com/feed')).rejects.toThrow(/only http\(s\) URLs/);
    const server = await startFeedServer({ dir, port: 0 });
    try {
      await expect(loadFeedFromArg(`${server.url}missing.xml`)).rejects.toThrow(/answered 404/);
    } finally {
      await server.close();
    }
  });

  test('stops a download that passes the byte cap or the timeout', async () => {
    let stall = false;
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (stall) return; // never answers the body
      res.end('x'.repeat(4096));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await expect(readSource(url, { maxBytes: 1000 })).rejects.toThrow(/larger than/);
      stall = true;
      const error = await readSource(url, { maxBytes: 1000, timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as Error).message).toMatch(/within 0.3 s/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('the command exits 1 with one line on stderr and no stack for an unusable feed', async () => {
    const file = join(dir, 'page.html');
    await writeFile(file, '<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</body></html>');
    const r = spawnSync('npx', ['tsx', 'cli/catalog.ts', 'parse', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/web page, not a feed/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+/);
  });
});
