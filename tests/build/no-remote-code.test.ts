import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { recordTrustCounts } from '../unit/trust/record';
import { builtFiles, TARGETS } from './output';

/** What would let the extension run code it did not ship: the stores reject it, and so do we. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['setTimeout/setInterval with a string', /set(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['a remote <script src>', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
  ['a remote module import', /import\s*\(\s*['"`]https?:/],
  ['importScripts of a URL', /importScripts\s*\(\s*['"`]https?:/],
];

describe.each(TARGETS)('%s bundles', (target) => {
  const files = builtFiles(target, /\.(js|html)$/);

  test('exist', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  test.each(FORBIDDEN)('contain no %s', (_label, pattern) => {
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(hits.map((file) => relative(process.cwd(), file))).toEqual([]);
  });
});

// Counts for `npm run trust`: files scanned and forbidden hits, over both builds.
afterAll(() => {
  const files = TARGETS.flatMap((target) => builtFiles(target, /\.(js|html)$/));
  const hits = files.filter((file) =>
    FORBIDDEN.some(([, pattern]) => pattern.test(readFileSync(file, 'utf8'))),
  );
  recordTrustCounts('no-remote-code', {
    'files scanned': files.length,
    'files with forbidden code': hits.length,
  });
});
