/**
 * `npm run trust`: the trust gate in one command. Runs every trust check (docs/trust.md says what each one
 * proves), then prints one line per check with the counts the tests recorded in test-results/trust/*.json, and
 * exits non-zero if any check failed or recorded nothing.
 *
 *   npm run trust             run everything (builds both browsers first if .output is missing)
 *   npm run trust -- --build  rebuild both browsers first in any case
 *
 * Builds and browser runs share .output/ with anyone else working in the tree, so they run under
 * /tmp/build.lock when `flock` is available.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Check {
  label: string;
  /** The command, run from the project root. */
  command: string[];
  /** test-results/trust/<name>.json files the check writes. */
  records: string[];
  /** Needs the shared build lock (it builds, or reads .output/ and starts Chromium). */
  shared: boolean;
}

const RESULTS = resolve('test-results/trust');
const LOGS = join(RESULTS, 'logs');
const LOCK = '/tmp/build.lock';
const e2e = (file: string) => ['npx', 'vitest', 'run', '-c', 'vitest.e2e.config.ts', file];

const CHECKS: Check[] = [
  {
    label: 'hostile HTML (both sanitizers) and seeded fuzzing',
    command: ['npx', 'vitest', 'run', 'tests/unit/trust'],
    records: ['fuzz'],
    shared: false,
  },
  {
    label: 'built extension: permissions, CSP, no remote code, web-ext lint',
    command: ['npx', 'vitest', 'run', '-c', 'vitest.build.config.ts'],
    records: ['manifest', 'no-remote-code', 'web-ext-lint'],
    shared: true,
  },
  {
    label: 'hostile feeds in Chromium (corpus + XSS vectors)',
    command: e2e('tests/e2e/trust-hostile.e2e.ts'),
    records: ['hostile-content'],
    shared: true,
  },
  {
    label: 'privacy canary on Seller Central pages',
    command: e2e('tests/e2e/tips.e2e.ts'),
    records: ['privacy-canary'],
    shared: true,
  },
  {
    label: 'quota forced small: sync fails visibly, seller data intact',
    command: e2e('tests/e2e/trust-quota.e2e.ts'),
    records: ['quota'],
    shared: true,
  },
  {
    label: 'schema upgrades in Chromium (fixtures, failing upgrade)',
    command: e2e('tests/e2e/trust-durability.e2e.ts'),
    records: ['durability'],
    shared: true,
  },
];

const hasFlock = existsSync('/usr/bin/flock') || existsSync('/bin/flock');

function locked(command: string[], shared: boolean): string[] {
  return shared && hasFlock ? ['flock', LOCK, ...command] : command;
}

/** Runs a command with its output in a log file; resolves with the exit code and the seconds it took. */
function run(command: string[], logFile: string): Promise<{ code: number; seconds: number }> {
  const started = Date.now();
  const [program, ...args] = command;
  return new Promise((done) => {
    const child = spawn(program!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      writeFileSync(logFile, Buffer.concat(output));
      done({ code: code ?? 1, seconds: (Date.now() - started) / 1000 });
    });
    child.on('error', (error) => {
      writeFileSync(logFile, String(error));
      done({ code: 1, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function readCounts(name: string): Record<string, number | string> | null {
  const path = join(RESULTS, `${name}.json`);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, number | string>;
  } catch {
    return null;
  }
}

function formatCounts(counts: Record<string, number | string>): string {
  return Object.entries(counts)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
}

/** The last lines of a log, without terminal colours, to show why a check failed. */
function tail(logFile: string, lines = 30): string {
  // eslint-disable-next-line no-control-regex
  const text = readFileSync(logFile, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function main(): Promise<number> {
  const rebuild = process.argv.includes('--build');
  // Counts of an earlier run must not stand in for a check that records nothing this time.
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  const started = Date.now();

  const built = ['chrome-mv3', 'firefox-mv3'].every((target) =>
    existsSync(resolve('.output', target, 'manifest.json')),
  );
  if (rebuild || !built) {
    process.stdout.write('building chrome-mv3 and firefox-mv3 …\n');
    const build = await run(
      locked(['sh', '-c', 'npx wxt build >/dev/null && npx wxt build -b firefox >/dev/null'], true),
      join(LOGS, 'build.log'),
    );
    if (build.code !== 0) {
      process.stdout.write(`FAIL  build (${build.seconds.toFixed(0)} s)\n${tail(join(LOGS, 'build.log'))}\n`);
      return 1;
    }
  }

  let failed = 0;
  for (const [index, check] of CHECKS.entries()) {
    const logFile = join(LOGS, `${index + 1}.log`);
    const result = await run(locked(check.command, check.shared), logFile);
    const recorded = check.records.map((name) => [name, readCounts(name)] as const);
    const missing = recorded.filter(([, counts]) => counts === null).map(([name]) => name);
    const ok = result.code === 0 && missing.length === 0;
    if (!ok) failed++;
    const counts = recorded
      .filter(([, c]) => c !== null)
      .map(([name, c]) => (recorded.length > 1 ? `[${name}] ` : '') + formatCounts(c!))
      .join('; ');
    const why =
      result.code !== 0 ? '' : missing.length ? ` — recorded no counts (${missing.join(', ')})` : '';
    process.stdout.write(
      `${ok ? 'PASS' : 'FAIL'}  ${check.label} (${result.seconds.toFixed(0)} s)${why}: ${counts || '—'}\n`,
    );
    if (result.code !== 0) {
      process.stdout.write(`${tail(logFile)}\n      full log: ${logFile}\n`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    failed
      ? `trust gate: ${failed} of ${CHECKS.length} checks failed (${seconds} s)\n`
      : `trust gate: all ${CHECKS.length} checks passed (${seconds} s)\n`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run trust: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
