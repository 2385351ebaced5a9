import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Writes a check's counts where `npm run trust` collects them (test-results/trust/<name>.json). */
export function recordTrustCounts(name: string, counts: Record<string, number | string>): void {
  const dir = resolve('test-results/trust');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(counts, null, 2));
}
