import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Routes by path; replace a route to change what the server answers next time. */
  routes: Map<string, Handler>;
  /** Requests seen, in order (path and the conditional headers). */
  requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (random port) whose answers each test sets per path. */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({
      path,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with an ETag, answering 304 when the client already has it. */
export function feedRoute(
  body: () => string,
  etag: () => string,
  contentType = 'application/feed+json',
): Handler {
  return (req, res) => {
    const tag = etag();
    if (req.headers['if-none-match'] === tag) {
      res.writeHead(304, { etag: tag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': contentType,
      etag: tag,
      'last-modified': new Date(0).toUTCString(),
    });
    res.end(body());
  };
}

/**
 * A JSON feed at one route that the test publishes again: `publish(items, etag)` changes what the next request
 * gets, the way a publisher's site changes between two syncs.
 */
export function republishedFeed(
  items: object[],
  etag: string,
): { route: Handler; publish(items: object[], etag: string): void } {
  let current = { items, etag };
  return {
    route: feedRoute(
      () => jsonFeed(current.items),
      () => current.etag,
    ),
    publish: (nextItems, nextEtag) => {
      current = { items: nextItems, etag: nextEtag };
    },
  };
}

export function jsonFeed(items: object[], extra: object = {}): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Loopback feed',
    _sellernav: {
      categories: [{ id: 'logistics', name: { 'zh-CN': '物流', en: 'Logistics' }, parent: null }],
    },
    items,
    ...extra,
  });
}

export function toolItem(id: string, title = `Tool ${id}`): object {
  return {
    id,
    url: `https://tools.example.com/${id}`,
    title,
    summary: `${title} summary`,
    _sellernav: { kind: 'tool', category: 'logistics' },
  };
}
