import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './fixtures';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

test('the built extension loads in Chromium and serves its side panel page', async () => {
  const page = await session.context.newPage();
  await page.goto(session.pageUrl('sidepanel.html'));
  await expect.poll(() => page.locator('#root').innerText()).toContain('SellerNav');
});
