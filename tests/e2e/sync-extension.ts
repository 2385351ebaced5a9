import type { Page } from 'playwright-core';
import { extensionCopyWithHosts } from './fixtures';

/**
 * The sync tests and `npm run bench:sync` fetch feeds from a server on 127.0.0.1: they load a copy of the built
 * extension whose manifest grants `http://127.0.0.1/*` on top of the host permissions it ships with.
 */
export function loopbackExtensionCopy(): { dir: string; remove(): void } {
  return extensionCopyWithHosts((built) => [...built, 'http://127.0.0.1/*']);
}

/** Sends one protocol message from an extension page, in @webext-core/messaging's wire format. */
export async function sendFromPage<T>(page: Page, type: string, data: unknown): Promise<T> {
  return (await timedSendFromPage<T>(page, type, data)).res;
}

/** Same, with the round trip page → background → page measured in the page (ms). */
export async function timedSendFromPage<T>(
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res: T; ms: number }> {
  const { reply, ms } = await page.evaluate(
    async ({ type, data }) => {
      const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
      // The page is an extension page: `chrome.runtime` is there (not typed in this Node-side file).
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const started = performance.now();
      const reply = (await runtime.sendMessage(message)) as { res?: unknown; err?: { message: string } };
      return { reply, ms: performance.now() - started };
    },
    { type, data },
  );
  if (reply?.err) throw new Error(reply.err.message);
  return { res: reply?.res as T, ms };
}
