import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();

function filesUnder(dir: string, ext = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

const importsOf = (file: string) =>
  [
    ...readFileSync(join(root, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1]!);

describe('the shared core stays pure', () => {
  const coreFiles = filesUnder('core');
  test.each(coreFiles)('%s imports nothing browser-, node- or app-specific', (file) => {
    for (const spec of importsOf(file)) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(
        /^(node:|wxt|webextension-polyfill|react|dexie|zustand|@\/(storage|components|entrypoints|stores|messaging|cli))/,
      );
      if (spec.startsWith('.')) {
        const target = relative(root, join(root, file, '..', spec));
        expect(target.startsWith('core'), `${file} reaches outside core/ via ${spec}`).toBe(true);
      }
    }
  });
});

const componentFiles = filesUnder('components');
describe.runIf(componentFiles.length > 0)('the data flows one way', () => {
  test.each(componentFiles)('%s does not fetch or open the database itself', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/\bfetch\(|from ['"]dexie['"]|@\/storage\/db/);
  });
});
