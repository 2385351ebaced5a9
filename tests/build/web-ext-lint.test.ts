import { spawnSync } from 'node:child_process';
import { recordTrustCounts } from '../unit/trust/record';
import { outputDir } from './output';

interface LintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
}

test('web-ext lint finds no errors in the Firefox build', () => {
  const run = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', outputDir('firefox-mv3'), '--output', 'json'],
    {
      encoding: 'utf8',
      timeout: 150_000,
    },
  );
  const report = JSON.parse(run.stdout) as LintReport;
  recordTrustCounts('web-ext-lint', { errors: report.summary.errors, warnings: report.summary.warnings });
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});
