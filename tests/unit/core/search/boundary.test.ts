import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Every relative module the file at `path` reaches, and every bare package it imports on the way. */
function reach(path: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(path)) return { seen, packages };
  seen.add(path);
  const text = readFileSync(path, 'utf8');
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) reach(join(dirname(path), `${spec.replace(/\.ts$/, '')}.ts`), seen, packages);
    else packages.add(spec);
  }
  return { seen, packages };
}

test('the query side of search (what the UI bundles) never reaches pinyin-pro', () => {
  const { seen, packages } = reach(join(process.cwd(), 'core/search/index.ts'));
  expect([...packages]).not.toContain('pinyin-pro');
  expect([...seen].some((p) => p.endsWith('build.ts'))).toBe(false);
});

test('the ingest side does use pinyin-pro (so the check above is looking at the right thing)', () => {
  expect([...reach(join(process.cwd(), 'core/search/build.ts')).packages]).toContain('pinyin-pro');
});
