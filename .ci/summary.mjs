// The result of `npm test` for .ci/run (`node .ci/summary.mjs LOG STATUS`), from the two JSON
// reports and the exit codes that `npm test` prints last in its output: a line for the unit tests
// and one for the end-to-end tests, with the names of what failed, then, last,
// `counts PASSED FAILED PARTS...` for .ci/run to add up.
// A part that ended without its report, or with an exit code its report does not explain
// (vitest's unhandled errors, a failed UI build), counts as one failure, named.
import { existsSync, readFileSync } from 'node:fs';

const log = existsSync(process.argv[2]) ? readFileSync(process.argv[2], 'utf8') : '';
const exits = /^unit tests: exit (\d+); end-to-end tests: exit (\d+)$/m.exec(log);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const shown = (names) => names.slice(0, 10).map((name) => `    ${name}`);

function unit(report) {
  const failedNames = [];
  let failed = 0;
  for (const file of report.testResults) {
    const name = file.name.replace(`${process.cwd()}/`, '');
    const tests = file.assertionResults.filter((test) => test.status === 'failed');
    failed += tests.length;
    failedNames.push(...tests.map((test) => `${name} > ${test.fullName}`));
    // A file that failed with no failing test did not load, or failed in a hook.
    if (file.status === 'failed' && tests.length === 0) {
      failed++;
      failedNames.push(`${name}: ${file.message.split('\n')[0]}`);
    }
  }
  const skipped = report.numPendingTests + report.numTodoTests;
  return { passed: report.numPassedTests, failed, skipped, failedNames };
}

function e2e(report) {
  const failedNames = report.errors.map((error) => `(outside a test) ${error.message}`);
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'unexpected') failedNames.push(`${spec.file} > ${path}${spec.title}`);
      }
    }
    for (const inner of suite.suites ?? []) walk(inner, `${path}${inner.title} > `);
  };
  for (const suite of report.suites) walk(suite, '');
  const { expected, flaky, unexpected, skipped } = report.stats;
  return {
    passed: expected + flaky,
    failed: unexpected + report.errors.length,
    skipped,
    failedNames,
  };
}

let passed = 0;
let failed = 0;
const parts = [];
const lines = [];
for (const [part, file, count, exit] of [
  ['unit', 'test-results/vitest.json', unit, exits?.[1]],
  ['e2e', 'test-results/playwright.json', e2e, exits?.[2]],
]) {
  const report = read(file);
  const result =
    report === null ? { passed: 0, failed: 0, skipped: 0, failedNames: [] } : count(report);
  if (report === null) {
    result.failed = 1;
    result.failedNames.push(`no report: ${file} was not written (exit ${exit ?? 'unknown'})`);
  } else if (exit !== undefined && exit !== '0' && result.failed === 0) {
    result.failed = 1;
    result.failedNames.push(`exit ${exit} with no failing test: see the output above`);
  }
  passed += result.passed;
  failed += result.failed;
  if (result.failed > 0) parts.push(part);
  const skipped = result.skipped > 0 ? `, ${result.skipped} skipped` : '';
  lines.push(`${part}: ${result.passed} passed, ${result.failed} failed${skipped}`);
  lines.push(...shown(result.failedNames));
}
// Without the exit codes (npm test cut short), a failure the reports do not show still counts.
const status = process.argv[3] ?? '0';
if (exits === null && status !== '0' && parts.length === 0) {
  failed++;
  parts.push('npm-test');
  lines.push(`npm test: exit ${status}, and it did not say how its parts ended`);
}
console.log([...lines, `counts ${passed} ${failed} ${parts.join(' ')}`].join('\n'));
