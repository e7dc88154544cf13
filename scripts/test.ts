import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { briefError } from './brief-error';

// `npm test`: lint, types, unit, integration, one production build, e2e.
// Every step runs even after a failure, so one run reports everything; the
// last line is the plain «N passed, N failed» summary that CI reads.

type Counts = { passed: number; failed: number; skipped: number; failures: string[] };
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

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
};
type PlaywrightResult = { status: string; errors?: { message?: string }[] };
type PlaywrightSpec = { title: string; ok: boolean; tests?: { results?: PlaywrightResult[] }[] };
type PlaywrightSuite = { title: string; file: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] };

const withReason = (name: string, message: string | undefined) => {
  const reason = briefError(message);
  return reason ? `${name} — ${reason}` : name;
};

// A test that timed out reports the timeout first and what it was waiting for after it: both are kept.
const firstError = (spec: PlaywrightSpec) => {
  const failed = spec.tests?.flatMap((test) => test.results ?? []).find((result) => result.status !== 'passed' && result.status !== 'skipped');
  const messages = (failed?.errors ?? []).map((error) => error.message ?? '');
  const timeout = messages.find((message) => message.startsWith('Test timeout'));
  const other = messages.find((message) => !message.startsWith('Test timeout'));
  return [timeout, other].filter(Boolean).join('\n') || undefined;
};

// A flaky spec (failed, then passed on retry) is listed too: CI counts it as a failure.
const failedSpecs = (suite: PlaywrightSuite): string[] => [
  // A file's own suite is titled with its file name: said once.
  ...(suite.specs ?? [])
    .filter((spec) => !spec.ok)
    .map((spec) => withReason(`${suite.file}: ${suite.title === suite.file ? '' : `${suite.title} › `}${spec.title}`, firstError(spec))),
  ...(suite.suites ?? []).flatMap(failedSpecs),
];

function vitestCounts(file: string): Counts | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
    const failures = report.testResults.flatMap((file) => {
      const failed = file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => withReason(`${file.name}: ${test.fullName}`, test.failureMessages?.[0]));
      // A file that fails to load has no failed assertion, only a message.
      return failed.length || file.status !== 'failed' ? failed : [`${file.name}: ${file.message.split('\n')[0]}`];
    });
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests, failures };
  } catch {
    return null;
  }
}

function playwrightCounts(file: string): Counts | null {
  try {
    const { stats, suites } = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightReport;
    return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped, failures: suites.flatMap(failedSpecs) };
  } catch {
    return null;
  }
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
const add = (label: string, counts: Counts | null, stepOk: boolean) => {
  // A step that failed without a report (a crash, a config error) counts as one failure.
  if (!counts) {
    if (stepOk) totals.passed += 1;
    else {
      totals.failed += 1;
      totals.failures.push(`${label} failed`);
    }
    return;
  }
  if (!stepOk && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push(`${label} exited with an error and no failed test`);
  }
  console.log(`  ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  totals.failures.push(...counts.failures);
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
  totals.failures.push('e2e did not run: the build failed');
}

// Repeated at the end, where a log's tail shows them: which tests failed.
for (const failure of totals.failures) console.log(`failed: ${failure}`);

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
