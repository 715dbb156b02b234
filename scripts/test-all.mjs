#!/usr/bin/env node
// The one test command (`npm test`), locally and in CI: lint, type check, unit and integration
// tests on every database driver available, then browser tests. Every step runs even when an
// earlier one failed, so one run shows every problem. The last line is the only summary CI reads:
// `tests: N passed, M failed[, K skipped]`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const chromium = '/usr/bin/chromium';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const totals = { passed: 0, failed: 0, skipped: 0 };
const reportDir = await mkdtemp(join(tmpdir(), 'klynge-test-report-'));

try {
  await check('biome check', bin('biome'), ['check', '--error-on-warnings', '.']);
  await check('tsc', bin('tsc'), ['--noEmit', '-p', '.']);

  const projects = ['unit', 'pglite'];
  if (process.env.DATABASE_URL) projects.push('postgres');
  await vitest(`vitest (${projects.join(', ')})`, projects, []);
  if (!process.env.DATABASE_URL) console.log('PostgreSQL suite skipped: DATABASE_URL not set');

  if (existsSync(chromium)) {
    await vitest('vitest (e2e)', ['e2e'], []);
  } else if (inCi) {
    console.log(`Browser tests FAILED: ${chromium} is missing (.ci/run installs it)`);
    totals.failed += 1;
  } else {
    console.log(`Browser tests skipped: ${chromium} not found (apt-get install chromium)`);
  }
} finally {
  await rm(reportDir, { recursive: true, force: true });
}

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;

/** A whole-tree check (lint, types) counts as one test. */
async function check(title, command, args) {
  const { code, seconds } = await run(title, command, args);
  const ok = code === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  console.log(`── ${title}: ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
}

/** Runs vitest with its usual output, and counts tests from a JSON report written beside it. */
async function vitest(title, projects, extraArgs) {
  const reportFile = join(reportDir, `${projects.join('-')}.json`);
  const args = ['run', ...projects.flatMap((p) => ['--project', p])];
  args.push('--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs);
  const { code, seconds } = await run(title, bin('vitest'), args);

  const report = await readFile(reportFile, 'utf8')
    .then(JSON.parse)
    .catch(() => null);
  if (!report) {
    // Crashed before reporting (bad config, global setup failed): never let that read as green.
    totals.failed += 1;
    console.log(`── ${title}: FAILED (exit ${code}, no test report) in ${seconds} s`);
    return;
  }
  let failed = report.numFailedTests;
  // A file that fails to load or whose hooks throw has no failed test of its own: count the file.
  for (const file of report.testResults ?? []) {
    const failedTests = file.assertionResults.filter((t) => t.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) failed += 1;
  }
  // Errors outside any test (unhandled rejections, teardown failures) only show in the exit code.
  if (code !== 0 && failed === 0) failed = 1;
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += report.numPassedTests;
  totals.failed += failed;
  totals.skipped += skipped;
  const outcome = failed > 0 ? `FAILED (${failed} failed)` : 'passed';
  console.log(`── ${title}: ${outcome}, ${report.numPassedTests} passed, ${skipped} skipped in ${seconds} s`);
}

/** Streams the child's output as it comes; resolves with its exit code and the elapsed seconds. */
function run(title, command, args) {
  console.log(`\n── ${title}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const finish = (code) => resolve({ code, seconds: ((performance.now() - started) / 1000).toFixed(1) });
    child.on('error', (error) => {
      console.error(`${title}: could not start ${command}: ${error.message}`);
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? `signal ${signal}`));
  });
}
