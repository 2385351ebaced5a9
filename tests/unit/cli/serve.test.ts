import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFeedServer, type FeedServer } from '../../../cli/commands/serve';

let dir: string;
let server: FeedServer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sellernav-serve-'));
  await writeFile(
    join(dir, 'feed.json'),
    '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}',
  );
  await writeFile(join(dir, 'feed.xml'), '<rss version="2.0"><channel><title>t</title></channel></rss>');
  server = await startFeedServer({ dir, port: 0 });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('catalog serve', () => {
  test('listens on 127.0.0.1 and serves a feed with ETag, Last-Modified and a feed content type', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(new URL('feed.json', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(Date.parse(res.headers.get('last-modified') ?? '')).not.toBeNaN();
    expect(res.headers.get('content-type')).toContain('application/feed+json');
    expect(await res.text()).toContain('jsonfeed.org');
  });

  test('answers 304 with no body to a matching If-None-Match, and 200 once the file changes', async () => {
    const url = new URL('feed.xml', server.url);
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    await writeFile(
      join(dir, 'feed.xml'),
      '<rss version="2.0"><channel><title>changed</title></channel></rss>',
    );
    const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  test('answers 304 to If-Modified-Since at or after the file time, 200 before it', async () => {
    const url = new URL('feed.json', server.url);
    const when = new Date('2024-05-01T10:00:00Z');
    await utimes(join(dir, 'feed.json'), when, when);
    const same = await fetch(url, { headers: { 'If-Modified-Since': when.toUTCString() } });
    expect(same.status).toBe(304);
    const earlier = await fetch(url, {
      headers: { 'If-Modified-Since': new Date('2024-04-30T00:00:00Z').toUTCString() },
    });
    expect(earlier.status).toBe(200);
  });

  test('If-None-Match that does not match wins over a matching If-Modified-Since', async () => {
    const res = await fetch(new URL('feed.json', server.url), {
      headers: {
        'If-None-Match': '"other"',
        'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString(),
      },
    });
    expect(res.status).toBe(200);
  });

  test('never serves files outside the folder, nor hidden ones', async () => {
    await writeFile(join(dir, '.secret'), 'x');
    for (const path of [
      '/..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/.secret',
      '/missing.json',
    ]) {
      const res = await fetch(`${server.url.slice(0, -1)}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  test('lists the feeds at the root and refuses methods other than GET and HEAD', async () => {
    const list = (await (await fetch(server.url)).json()) as { feeds: string[] };
    expect(list.feeds).toEqual([`${server.url}feed.json`, `${server.url}feed.xml`]);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });
});
