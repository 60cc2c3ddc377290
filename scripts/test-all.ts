/**
 * `npm test`: every tier in one command, stopping at the first failure —
 * typecheck, lint and format check, unit tests, both builds, web-ext lint, then end-to-end tests in real
 * Chromium and Firefox.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

/** Each vitest tier also writes a JSON report, so the run can end on one plain total line. */
const REPORTS = 'artifacts/test-reports';
const json = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];

const steps: [string, string[]][] = [
  ['typecheck (all, then the engine without browser or Node types)', ['npm', 'run', '--silent', 'typecheck']],
  ['lint (eslint) and format (prettier --check)', ['npm', 'run', '--silent', 'lint']],
  ['unit tests', ['npx', 'vitest', 'run', ...json('unit')]],
  ['build (Chrome MV3 + Firefox)', ['npm', 'run', '--silent', 'build']],
  ['web-ext lint (Firefox)', ['npm', 'run', '--silent', 'lint:firefox']],
  ['browsers for e2e', ['npx', 'tsx', 'scripts/ensure-browsers.ts']],
  ['end-to-end tests (Chromium + Firefox)', ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', ...json('e2e')]],
];

mkdirSync(REPORTS, { recursive: true });
const started = Date.now();
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(cmd!, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds} s)`);
}
console.log(`\nAll tiers passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit', 'e2e']) {
  const file = `${REPORTS}/${name}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
