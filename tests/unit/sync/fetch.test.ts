import { gzipSync } from 'node:zlib';
import { fetchFeed, SyncFailure } from '@/entrypoints/background/sync-fetch';
import { feedRoute, jsonFeed, startTestServer, toolItem, type TestServer } from './server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function failureOf(promise: Promise<unknown>): Promise<SyncFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncFailure) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetching a feed from a real server on 127.0.0.1', () => {
  test('200 gives the body and its validators; the same ETag next time gives 304', async () => {
    const body = jsonFeed([toolItem('a')]);
    server.routes.set(
      '/feed.json',
      feedRoute(
        () => body,
        () => '"v1"',
      ),
    );
    const first = await fetchFeed(server.url('/feed.json'));
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(new TextDecoder().decode(first.bytes)).toBe(body);
    expect(first.etag).toBe('"v1"');
    const second = await fetchFeed(server.url('/feed.json'), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.status).toBe('not-modified');
    expect(server.requests[1]).toMatchObject({ ifNoneMatch: '"v1"' });
  });

  test('a changed ETag gives the new body', async () => {
    let version = 1;
    server.routes.set(
      '/feed.json',
      feedRoute(
        () => jsonFeed([toolItem(`v${version}`)]),
        () => `"v${version}"`,
      ),
    );
    await fetchFeed(server.url('/feed.json'));
    version = 2;
    const next = await fetchFeed(server.url('/feed.json'), { etag: '"v1"' });
    expect(next.status).toBe('ok');
    expect(next.etag).toBe('"v2"');
  });

  test('a redirect to another http path is followed and the final URL reported', async () => {
    server.routes.set('/old', (_req, res) => {
      res.writeHead(301, { location: '/new.json' });
      res.end();
    });
    server.routes.set(
      '/new.json',
      feedRoute(
        () => jsonFeed([toolItem('a')]),
        () => '"n"',
      ),
    );
    const result = await fetchFeed(server.url('/old'));
    expect(result.status === 'ok' && result.url).toBe(server.url('/new.json'));
  });

  test('too many redirects are refused', async () => {
    server.routes.set('/loop', (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    });
    expect((await failureOf(fetchFeed(server.url('/loop')))).code).toBe('too_many_redirects');
  });

  test.each(['file:///etc/passwd', 'ftp://127.0.0.1/feed.json', 'javascript:alert(1)'])(
    'a redirect to %s is refused',
    async (location) => {
      server.routes.set('/elsewhere', (_req, res) => {
        res.writeHead(302, { location });
        res.end();
      });
      expect((await failureOf(fetchFeed(server.url('/elsewhere')))).code).toBe('bad_redirect');
    },
  );

  test('a redirect to an origin without permission is refused', async () => {
    server.routes.set('/away', (_req, res) => {
      res.writeHead(302, { location: 'http://localhost:9/feed.json' });
      res.end();
    });
    const failure = await failureOf(
      fetchFeed(server.url('/away'), { allowOrigin: (o) => o === server.origin }),
    );
    expect(failure.code).toBe('permission');
  });

  test('a server that trickles a byte a second is abandoned at the timeout', async () => {
    server.routes.set('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 1000);
      res.on('close', () => clearInterval(timer));
    });
    const failure = await failureOf(fetchFeed(server.url('/slow'), { timeoutMs: 1500 }));
    expect(failure.code).toBe('timeout');
  });

  test('a server that never answers is abandoned at the timeout', async () => {
    server.routes.set('/silent', () => undefined);
    expect((await failureOf(fetchFeed(server.url('/silent'), { timeoutMs: 500 }))).code).toBe('timeout');
  });

  test('a body past the cap is cut off at the cap, with or without Content-Length', async () => {
    const big = 'x'.repeat(300_000);
    server.routes.set('/declared', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length) });
      res.end(big);
    });
    let sent = 0;
    server.routes.set('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let closed = false;
      res.on('close', () => (closed = true));
      // An endless body, written as fast as the client reads it.
      const pump = () => {
        while (!closed && sent < 50 * 1024 * 1024) {
          sent += 64 * 1024;
          if (!res.write('y'.repeat(64 * 1024))) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    expect((await failureOf(fetchFeed(server.url('/declared'), { maxBytes: 100_000 }))).code).toBe(
      'too_large',
    );
    expect((await failureOf(fetchFeed(server.url('/chunked'), { maxBytes: 200_000 }))).code).toBe(
      'too_large',
    );
    // The client stopped reading near the cap instead of draining the endless body.
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  test('a gzip bomb is stopped by the cap on decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    server.routes.set('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const failure = await failureOf(fetchFeed(server.url('/bomb'), { maxBytes: 1024 * 1024 }));
    expect(failure.code).toBe('too_large');
    expect(failure.detail).toMatch(/unpacks/);
  });

  test('an HTML sign-in page instead of a feed is named as such', async () => {
    server.routes.set('/login', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!DOCTYPE html><html><head><title>登录</title></head><body><form><input type="password"></form></body></html>',
      );
    });
    expect((await failureOf(fetchFeed(server.url('/login')))).code).toBe('login_page');
  });

  test('an HTML page served as JSON is still refused by its content', async () => {
    server.routes.set('/page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html><body><h1>Welcome</h1></body></html>');
    });
    expect((await failureOf(fetchFeed(server.url('/page')))).code).toBe('html_page');
  });

  test('a feed that opens with a comment before its root element is a feed; an HTML page after one is not', async () => {
    server.routes.set('/commented', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        '<!--\nDescription: a note\n-->\n<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>',
      );
    });
    expect((await fetchFeed(server.url('/commented'))).status).toBe('ok');
    server.routes.set('/commented-page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!-- generated --><html><body><h1>Welcome</h1></body></html>');
    });
    expect((await failureOf(fetchFeed(server.url('/commented-page')))).code).toBe('html_page');
  });

  test('a real feed served as text/html is recognised by its content', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
    server.routes.set('/rss', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(rss);
    });
    const result = await fetchFeed(server.url('/rss'));
    expect(result.status).toBe('ok');
  });

  test('a wrong content type (an image) is refused', async () => {
    server.routes.set('/img', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    });
    const failure = await failureOf(fetchFeed(server.url('/img')));
    expect(failure).toMatchObject({ code: 'content_type', detail: 'image/png' });
  });

  test('HTTP errors are told apart', async () => {
    server.routes.set('/forbidden', (_req, res) => {
      res.writeHead(403);
      res.end();
    });
    server.routes.set('/broken', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    expect((await failureOf(fetchFeed(server.url('/missing')))).code).toBe('not_found');
    expect((await failureOf(fetchFeed(server.url('/forbidden')))).code).toBe('forbidden');
    expect(await failureOf(fetchFeed(server.url('/broken')))).toMatchObject({
      code: 'http_status',
      detail: '503',
    });
  });
});
