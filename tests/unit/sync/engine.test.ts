import { syncAllFeeds, syncFeed, type SyncDeps } from '@/entrypoints/background/sync-engine';
import { getCatalogItem, listItems } from '@/storage/catalog';
import type { StoredItem } from '@/storage/types';
import { feedRecord, freshDb } from '../storage/helpers';
import { feedRoute, jsonFeed, republishedFeed, startTestServer, toolItem, type TestServer } from './server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

function depsFor(db: ReturnType<typeof freshDb>, granted = true) {
  const written: StoredItem[][] = [];
  const deps: SyncDeps = {
    db,
    hasOriginPermission: async () => granted,
    afterWrite: async (items) => void written.push(items),
    fetchOptions: { timeoutMs: 2000 },
  };
  return { deps, written };
}

async function subscribe(db: ReturnType<typeof freshDb>, id: string, path: string, addedAt = 1) {
  await db.feeds.put({ ...feedRecord(id, addedAt), url: server.url(path) });
}

describe('syncing feeds from a real server on 127.0.0.1', () => {
  test('200 stores the feed; unchanged (304) writes no item; a new ETag brings changes', async () => {
    const db = freshDb();
    const { deps, written } = depsFor(db);
    const feed = republishedFeed([toolItem('a'), toolItem('b')], '"1"');
    server.routes.set('/f.json', feed.route);
    await subscribe(db, 'f', '/f.json');

    const first = await syncFeed(deps, 'f');
    expect(first).toMatchObject({ outcome: 'updated', counts: { inserted: 2, itemCount: 2 } });
    expect(written).toHaveLength(1);
    expect(await getCatalogItem('a', db)).toMatchObject({ feedId: 'f', kind: 'tool' });

    const second = await syncFeed(deps, 'f');
    expect(second.outcome).toBe('not-modified');
    expect(server.requests.at(-1)?.ifNoneMatch).toBe('"1"');
    expect((await db.feeds.get('f'))?.lastError).toBeNull();

    feed.publish([toolItem('a', 'Renamed A'), toolItem('c')], '"2"');
    const third = await syncFeed(deps, 'f');
    expect(third).toMatchObject({ outcome: 'updated', counts: { inserted: 1, updated: 1, deleted: 1 } });
    expect((await getCatalogItem('a', db))?.title).toBe('Renamed A');
    expect(await getCatalogItem('b', db)).toBeUndefined();
    expect((await db.feeds.get('f'))?.etag).toBe('"2"');
  });

  test('a broken feed after a good one fails in plain words and keeps the last good copy', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    let body = jsonFeed([toolItem('a')]);
    let tag = '"good"';
    server.routes.set(
      '/f.json',
      feedRoute(
        () => body,
        () => tag,
      ),
    );
    await subscribe(db, 'f', '/f.json');
    await syncFeed(deps, 'f');

    body = body.slice(0, body.length / 2); // truncated
    tag = '"broken"';
    const report = await syncFeed(deps, 'f');
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/^invalid_feed\|.+/);
    const feed = await db.feeds.get('f');
    expect(feed?.lastError).toBe(report.error);
    expect(feed?.etag).toBe('"good"');
    expect(await getCatalogItem('a', db)).toBeDefined();
  });

  test('a feed whose every item is unusable keeps the last good copy', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    const feed = republishedFeed([toolItem('a'), toolItem('b')], '"1"');
    server.routes.set('/f.json', feed.route);
    await subscribe(db, 'f', '/f.json');
    await syncFeed(deps, 'f');
    feed.publish([{ title: 'no id and no url' }, { id: 'x', url: 'javascript:alert(1)' }], '"2"');
    const report = await syncFeed(deps, 'f');
    expect(report.error).toMatch(/^invalid_feed\|/);
    expect((await listItems({}, db)).map((i) => i.id).sort()).toEqual(['a', 'b']);
  });

  test('Last-Modified alone makes a conditional GET too', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    const stamp = new Date(Date.UTC(2024, 0, 1)).toUTCString();
    server.routes.set('/lm.json', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', 'last-modified': stamp });
      res.end(jsonFeed([toolItem('a')]));
    });
    await subscribe(db, 'lm', '/lm.json');
    expect((await syncFeed(deps, 'lm')).outcome).toBe('updated');
    expect((await syncFeed(deps, 'lm')).outcome).toBe('not-modified');
    expect(server.requests.at(-1)?.ifModifiedSince).toBe(stamp);
  });

  test('a feed that tombstones an item removes it from the cache', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    const feed = republishedFeed([toolItem('keep'), toolItem('gone')], '"1"');
    server.routes.set('/f.json', feed.route);
    await subscribe(db, 'f', '/f.json');
    await syncFeed(deps, 'f');
    feed.publish([toolItem('keep'), { id: 'gone', _sellernav: { deleted: true } }], '"2"');
    await syncFeed(deps, 'f');
    expect(await getCatalogItem('gone', db)).toBeUndefined();
    expect((await listItems({}, db)).map((i) => i.id)).toEqual(['keep']);
  });

  test('a revoked origin permission fails the sync without fetching', async () => {
    const db = freshDb();
    const { deps } = depsFor(db, false);
    server.routes.set(
      '/f.json',
      feedRoute(
        () => jsonFeed([toolItem('a')]),
        () => '"1"',
      ),
    );
    await subscribe(db, 'f', '/f.json');
    const report = await syncFeed(deps, 'f');
    expect(report.error).toBe(`permission|${server.origin}`);
    expect(server.requests).toHaveLength(0);
  });

  test('a sign-in page and a timeout are per-feed errors; the other feeds still sync', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    server.routes.set('/login', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><form><input type="password" name="p"></form></body></html>');
    });
    server.routes.set('/slow', () => undefined);
    server.routes.set(
      '/ok.json',
      feedRoute(
        () => jsonFeed([toolItem('ok')]),
        () => '"1"',
      ),
    );
    await subscribe(db, 'login', '/login', 1);
    await subscribe(db, 'slow', '/slow', 2);
    await subscribe(db, 'ok', '/ok.json', 3);
    await db.feeds.put({ ...feedRecord('paused', 4), url: server.url('/ok.json'), paused: true });
    const reports = await syncAllFeeds(deps);
    expect(reports.map((r) => [r.feedId, r.outcome, r.error?.split('|')[0]])).toEqual([
      ['login', 'failed', 'login_page'],
      ['slow', 'failed', 'timeout'],
      ['ok', 'updated', undefined],
    ]);
    expect(await getCatalogItem('ok', db)).toMatchObject({ feedId: 'ok' });
  });

  test('an RSS feed served as text/html syncs', async () => {
    const db = freshDb();
    const { deps } = depsFor(db);
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>WP</title><link>https://wp.example.com/</link>
      <item><title>指南</title><link>https://wp.example.com/guide-1</link><guid>g1</guid><description>步骤</description></item>
      </channel></rss>`;
    server.routes.set('/feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(rss);
    });
    await subscribe(db, 'wp', '/feed');
    const report = await syncFeed(deps, 'wp');
    expect(report.outcome, report.error).toBe('updated');
    expect((await listItems({}, db)).map((i) => i.title)).toEqual(['指南']);
  });
});
