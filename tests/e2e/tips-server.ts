import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SELLER_CENTRAL_HOSTS } from '../../core/sellercentral-hosts';

export const FIXTURES = join(process.cwd(), 'tests/fixtures/sellercentral');

export interface FixturePage {
  file: string;
  url: string;
  first: string | null;
}

export const FIXTURE_PAGES: FixturePage[] = JSON.parse(
  readFileSync(join(FIXTURES, 'pages.json'), 'utf8'),
).pages;

export interface RecordedRequest {
  method: string;
  host: string;
  url: string;
  body: string;
}

export interface SellerCentralServer {
  port: number;
  /** Every request the server received, in order. */
  requests: RecordedRequest[];
  /** Chromium switch sending every Seller Central host name to this server. */
  hostResolverRules: string;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate (Chromium runs with ignoreHTTPSErrors for these tests). */
function throwawayCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sellernav-tips-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=sellercentral.amazon.com',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture for a host and path: the exact page of pages.json, else any page with that path. */
function fixtureFor(host: string, path: string): FixturePage | undefined {
  const byUrl = (p: FixturePage) => new URL(p.url);
  return (
    FIXTURE_PAGES.find((p) => byUrl(p).host === host && byUrl(p).pathname === path) ??
    FIXTURE_PAGES.find((p) => byUrl(p).pathname === path)
  );
}

/** Serves the fixture pages over HTTPS on 127.0.0.1 as if it were every Seller Central host. */
export async function startSellerCentral(): Promise<SellerCentralServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(throwawayCertificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      requests.push({
        method: req.method ?? '',
        host,
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString(),
      });
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      const page = fixtureFor(host, path);
      if (!page || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(readFileSync(join(FIXTURES, page.file)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    hostResolverRules: `--host-resolver-rules=${SELLER_CENTRAL_HOSTS.map((h) => `MAP ${h}:443 127.0.0.1:${port}`).join(', ')}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
