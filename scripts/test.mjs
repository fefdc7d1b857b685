// npm test (after setup and build): the native Catch2 tests through CTest, then the browser tests
// (node's test runner + playwright-core + Debian's Chromium). Exits non-zero if anything fails and
// ends with one line counting every test: "tests: N passed, M failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, root } from './paths.mjs';
const only = process.argv[2]; // optional: native | browser

/** Runs a command, echoing its output; resolves with { ok, output }. */
function run(title, command, args) {
  process.stdout.write(`\n== ${title}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const counts = { passed: 0, failed: 0 };
const failedSuites = [];

if (!only || only === 'native') {
  const { ok, output } = await run('native tests (ctest)', 'ctest', ['--test-dir', buildDir('native'), '--output-on-failure', '--parallel', '2']);
  const summary = output.match(/(\d+) tests failed out of (\d+)/);
  if (summary) {
    counts.failed += Number(summary[1]);
    counts.passed += Number(summary[2]) - Number(summary[1]);
  }
  if (!ok) failedSuites.push('native');
  if (!ok && !summary) counts.failed += 1;
}

if (!only || only === 'browser') {
  // `node scripts/test.mjs browser monte-carlo-pi` runs only the files whose names contain that text.
  const filter = process.argv[3] ?? '';
  const files = fs
    .readdirSync(path.join(root, 'tests/e2e'))
    .filter((f) => f.endsWith('.test.mjs') && f.includes(filter))
    .map((f) => path.join('tests/e2e', f));
  const { ok, output } = await run('browser tests (chromium)', process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files]);
  const pass = output.match(/ℹ pass (\d+)/);
  const fail = output.match(/ℹ fail (\d+)/);
  counts.passed += pass ? Number(pass[1]) : 0;
  counts.failed += fail ? Number(fail[1]) : ok ? 0 : 1;
  if (!ok) failedSuites.push('browser');
}

if (failedSuites.length) process.stdout.write(`\nFailed: ${failedSuites.join(', ')} tests (see above).\n`);
process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed\n`);
process.exit(failedSuites.length ? 1 : 0);
