/**
 * Reading a feed's bytes from where the user pointed: a local file or an http(s) URL. The network path has a
 * timeout and a byte cap, and decodes nothing (the core decodes from bytes, since `Response.text()` would
 * assume UTF-8).
 */
import { readFile, stat } from 'node:fs/promises';
import { concatBytes } from '../core/bytes';
import { CliError } from './errors';

export interface SourceBytes {
  bytes: Uint8Array;
  /** The final URL after redirects, or null for a file. */
  url: string | null;
  contentType: string | null;
}

export interface ReadOptions {
  maxBytes: number;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : '';
    return (detail || error.message).split('\n')[0]!;
  }
  return String(error);
}

async function fetchBytes(
  url: string,
  { maxBytes, timeoutMs = DEFAULT_TIMEOUT_MS }: ReadOptions,
): Promise<SourceBytes> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        accept:
          'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
      },
    });
  } catch (error) {
    if (signal.aborted) throw new CliError(`${url}: no answer within ${timeoutMs / 1000} s`);
    throw new CliError(`${url}: cannot fetch (${describe(error)})`);
  }
  if (!response.ok)
    throw new CliError(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes)
    throw new CliError(`${url}: the feed is larger than the ${maxBytes / 1048576} MB limit`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new CliError(`${url}: the feed is larger than the ${maxBytes / 1048576} MB limit`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (signal.aborted)
      throw new CliError(`${url}: the download did not finish within ${timeoutMs / 1000} s`);
    throw new CliError(`${url}: the download failed (${describe(error)})`);
  }
  const bytes = concatBytes(chunks, total);
  return { bytes, url: response.url || url, contentType: response.headers.get('content-type') };
}

async function readLocal(path: string, { maxBytes }: ReadOptions): Promise<SourceBytes> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path}: is a folder, not a feed file`);
    if (info.size > maxBytes)
      throw new CliError(`${path}: the file is larger than the ${maxBytes / 1048576} MB limit`);
    return { bytes: new Uint8Array(await readFile(path)), url: null, contentType: null };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EACCES') throw new CliError(`${path}: permission denied`);
    throw new CliError(`${path}: cannot read (${describe(error)})`);
  }
}

/** Bytes of a file path or an http(s) URL; other URL schemes are refused. */
export async function readSource(fileOrUrl: string, options: ReadOptions): Promise<SourceBytes> {
  if (/^https?:\/\//i.test(fileOrUrl)) return fetchBytes(fileOrUrl, options);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(fileOrUrl) && !/^file:/i.test(fileOrUrl)) {
    throw new CliError(`${fileOrUrl}: only http(s) URLs and file paths can be read`);
  }
  const path = /^file:/i.test(fileOrUrl) ? new URL(fileOrUrl).pathname : fileOrUrl;
  return readLocal(decodeURIComponent(path === fileOrUrl ? path : path), options);
}
