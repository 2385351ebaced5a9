import { SELLER_CENTRAL_MATCH_PATTERNS } from '../../core/sellercentral-hosts';
import { recordTrustCounts } from '../unit/trust/record';
import { readManifest, TARGETS } from './output';

interface ContentScript {
  matches: string[];
}

describe.each(TARGETS)('%s manifest', (target) => {
  const manifest = readManifest(target);

  test('matches the reviewed snapshot (a permission change fails here until updated on purpose)', async () => {
    await expect(JSON.stringify(manifest, null, 2) + '\n').toMatchFileSnapshot(
      `__snapshots__/manifest.${target}.json`,
    );
  });

  test('asks for no broad access', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/\*:\/\/\*\//);
    expect(text).not.toMatch(/\*\.amazon\./);
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('webRequest');
    expect(manifest.host_permissions ?? []).toEqual([]);
  });

  test('runs the content script exactly on the Seller Central host table', () => {
    const scripts = manifest.content_scripts as ContentScript[];
    expect(scripts).toHaveLength(1);
    expect([...scripts[0]!.matches].sort()).toEqual([...SELLER_CENTRAL_MATCH_PATTERNS].sort());
  });

  test('feed origins are optional host permissions only', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test('extension pages keep the default CSP: no remote or eval-ed script', () => {
    const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)
      ?.extension_pages;
    // Unset means the browser's MV3 default "script-src 'self'; object-src 'self'"; a set policy must be as strict.
    if (csp !== undefined) {
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    }
  });
});

test('Firefox declares that it collects no data', () => {
  const gecko = (readManifest('firefox-mv3').browser_specific_settings as { gecko: Record<string, unknown> })
    .gecko;
  expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
});

// Counts for `npm run trust` (one line per check).
afterAll(() => {
  const counts: Record<string, number> = {};
  for (const target of TARGETS) {
    const manifest = readManifest(target) as {
      permissions?: string[];
      host_permissions?: string[];
      optional_host_permissions?: string[];
      content_scripts?: ContentScript[];
    };
    counts[`${target} permissions`] = manifest.permissions?.length ?? 0;
    counts[`${target} host permissions`] = manifest.host_permissions?.length ?? 0;
    counts[`${target} optional hosts`] = manifest.optional_host_permissions?.length ?? 0;
    counts[`${target} content-script matches`] = (manifest.content_scripts ?? []).flatMap(
      (c) => c.matches,
    ).length;
  }
  recordTrustCounts('manifest', counts);
});
