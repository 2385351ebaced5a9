import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Target = 'chrome-mv3' | 'firefox-mv3';
export const TARGETS: Target[] = ['chrome-mv3', 'firefox-mv3'];

export function outputDir(target: Target): string {
  const dir = resolve('.output', target);
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`${dir} is not built: run \`npm run build:all\``);
  return dir;
}

export function readManifest(target: Target): Record<string, unknown> {
  return JSON.parse(readFileSync(join(outputDir(target), 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

export function builtFiles(target: Target, ext: RegExp): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : ext.test(name) ? [path] : [];
    });
  return walk(outputDir(target));
}
