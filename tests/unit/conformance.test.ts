import { existsSync } from 'node:fs';
import { CORPUS, passRate, runConformance, type FolderStats } from '../../scripts/conformance';

/**
 * Floors per folder of feedparser's corpus: the share of mapped `Expect:` lines that hold. They may only rise;
 * `npm run conformance -- --failures` lists what still fails.
 */
const FLOORS: Record<string, number> = {
  encoding: 1.0,
  entities: 1.0,
  'wellformed/amp': 1.0,
  'wellformed/atom10': 1.0,
  'wellformed/base': 1.0,
  'wellformed/rss': 0.96,
  'wellformed/lang': 0.9,
  illformed: 1.0,
};

describe.runIf(existsSync(CORPUS))("feedparser's conformance corpus", () => {
  let stats: Map<string, FolderStats>;
  beforeAll(() => {
    stats = runConformance();
  }, 120_000);

  test('no file crashes the parser anywhere in the corpus', () => {
    const crashes = [...stats.values()].flatMap((s) => s.crashes);
    expect(crashes).toEqual([]);
    expect([...stats.values()].reduce((n, s) => n + s.files, 0)).toBeGreaterThan(1700);
  });

  test.each(Object.entries(FLOORS))('%s holds its floor', (folder, floor) => {
    const s = stats.get(folder);
    expect(s, `${folder} was not found in the corpus`).toBeDefined();
    expect(s!.mapped).toBeGreaterThan(0);
    expect(passRate(s!), s!.failures.join('\n')).toBeGreaterThanOrEqual(floor);
  });

  test('every wellformed/sanitize file comes out safe', () => {
    const s = stats.get('wellformed/sanitize')!;
    expect(s.files).toBeGreaterThan(700);
    expect(s.unsafe).toEqual([]);
  });
});
