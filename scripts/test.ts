import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// `npm test`: lint, types, unit, integration, one production build, e2e.
// Every step runs even after a failure, so one run reports everything; the
// last line is the plain «N passed, N failed» summary that CI reads.

type Counts = { passed: number; failed: number; skipped: number };
const reports = path.join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function vitestCounts(file: string): Counts | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  } catch {
    return null;
  }
}

function playwrightCounts(file: string): Counts | null {
  try {
    const { stats } = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
  } catch {
    return null;
  }
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (label: string, counts: Counts | null, stepOk: boolean) => {
  // A step that failed without a report (a crash, a config error) counts as one failure.
  if (!counts) {
    if (stepOk) totals.passed += 1;
    else totals.failed += 1;
    return;
  }
  if (!stepOk && counts.failed === 0) counts.failed = 1;
  console.log(`  ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
};

add('lint', null, run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
add('typecheck', null, run('typecheck', 'npx', ['tsc', '--noEmit']));

const vitestJson = path.join(reports, 'vitest.json');
const vitestOk = run('unit and integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
add('vitest', vitestCounts(vitestJson), vitestOk);

const buildOk = run('production build', 'npm', ['run', 'build']);
add('build', null, buildOk);

if (buildOk) {
  const playwrightJson = path.join(reports, 'playwright.json');
  const e2eOk = run('e2e (Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  add('e2e', playwrightCounts(playwrightJson), e2eOk);
} else {
  console.log('e2e skipped: the build failed');
  totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
