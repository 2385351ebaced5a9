/**
 * `catalog serve [dir] [--port N]`: serves a folder of feeds on 127.0.0.1 with ETag and Last-Modified, and
 * answers 304 to a matching conditional request, so sync can be tried (and tested) against a real server.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors';

export interface FeedServerOptions {
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Called with one line per request (the CLI prints them on stderr). */
  log?: (line: string) => void;
}

export interface FeedServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/feed+json; charset=utf-8',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const FEED_EXTENSIONS = new Set(['.json', '.xml', '.rss', '.atom']);

interface Validator {
  mtimeMs: number;
  size: number;
  etag: string;
}

/** Strong ETag from the bytes, cached per (mtime, size) so an unchanged file is not hashed again. */
async function validatorFor(
  path: string,
  mtimeMs: number,
  size: number,
  cache: Map<string, Validator>,
): Promise<string> {
  const known = cache.get(path);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.etag;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const etag = `"${hash.digest('base64url').slice(0, 27)}"`;
  cache.set(path, { mtimeMs, size, etag });
  return etag;
}

/** RFC 9110 §13.1.2: If-None-Match uses weak comparison; `*` matches any current representation. */
function noneMatch(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

function notModifiedSince(header: string, mtimeMs: number): boolean {
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/** The file under `root` that a URL path names, or null when it would leave `root`. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.'))) return null;
  return path;
}

async function listing(root: string, base: string): Promise<string> {
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isFile() && FEED_EXTENSIONS.has(extname(d.name).toLowerCase()))
    .map((d) => d.name)
    .sort();
  return `${JSON.stringify({ feeds: names.map((n) => new URL(encodeURIComponent(n), base).href) }, null, 2)}\n`;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  base: string,
  cache: Map<string, Validator>,
): Promise<void> {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = new URL(req.url ?? '/', base).pathname;
  if (pathname === '/') {
    const body = await listing(root, base);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const path = fileFor(root, pathname);
  const info = path ? await stat(path).catch(() => null) : null;
  if (!path || !info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const etag = await validatorFor(path, info.mtimeMs, info.size, cache);
  const lastModified = new Date(info.mtimeMs).toUTCString();
  const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
  if (inm !== undefined ? noneMatch(inm, etag) : ims !== undefined && notModifiedSince(ims, info.mtimeMs)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Starts the feed server on 127.0.0.1. */
export async function startFeedServer({ dir, port = 0, log }: FeedServerOptions): Promise<FeedServer> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`${dir}: no such folder`);
  const cache = new Map<string, Validator>();
  let base = 'http://127.0.0.1/';
  const server: Server = createServer((req, res) => {
    handle(req, res, root, base, cache)
      .then(() => log?.(`${req.method} ${req.url} ${res.statusCode}`))
      .catch((error: unknown) => {
        log?.(`${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot listen: ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const actual = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${actual}/`;
  return {
    url: base,
    port: actual,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const DEFAULT_DIR = join('public', 'catalog');
const DEFAULT_PORT = 8787;

export async function run(args: string[]): Promise<number> {
  let dir: string | undefined;
  let port = DEFAULT_PORT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port') {
      const value = args[++i];
      port = Number(value);
      if (!value || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliError(`--port needs a number from 0 to 65535, not "${value ?? ''}"`);
      }
    } else if (arg.startsWith('--'))
      throw new CliError(`unknown option ${arg}; usage: catalog serve [dir] [--port N]`);
    else if (dir === undefined) dir = arg;
    else throw new CliError('usage: catalog serve [dir] [--port N]');
  }
  const server = await startFeedServer({
    dir: dir ?? DEFAULT_DIR,
    port,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${server.url}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      void server.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
