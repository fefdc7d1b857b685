// npm run bench: measured ratios, never bare absolute times (STYLE.md 15). Every figure is measured
// in this one run on this machine: the native CLI, and the wasm builds in headless Chromium.
// Prints a table and writes bench/results.json as [{case, unit, ours, reference, reference_name, ratio}].
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDir, distDir } from '../scripts/paths.mjs';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function nativePi(threads) {
  const rates = [];
  for (let rep = 0; rep < 5; rep++) {
    const output = execFileSync(path.join(buildDir('native'), 'mlplay'), ['pi', '--samples', '3e9', '--threads', String(threads), '--json']);
    rates.push(JSON.parse(output.toString()).darts_per_second);
  }
  return median(rates);
}

async function browserResults(cases) {
  const { server, url } = await serve({
    dir: path.join(root, 'bench/web'),
    port: 0,
    isolation: true,
    mounts: { '/wasm/': path.join(distDir, 'wasm') },
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`browser: ${m.text()}`));
    await page.goto(`${url}index.html?cases=${cases}`);
    const result = await page.evaluate(() => window.benchResults);
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

const maxThreads = os.availableParallelism();
console.log(`mlplay benchmarks on ${os.cpus()[0]?.model ?? 'this CPU'}, ${maxThreads} threads\n`);

const rows = [];
const browser = await browserResults('pi');
const wasm = (build, threads) => browser.results.find((r) => r.build === build && r.threads === threads)?.dartsPerSecond;

const native1 = nativePi(1);
const nativeAll = nativePi(maxThreads);
const add = (name, ours, reference, referenceName) =>
  rows.push({ case: name, unit: 'darts/s', ours, reference, reference_name: referenceName, ratio: ours / reference });
add('pi-t1-wasm-st', wasm('st', 1), native1, 'native engine, 1 thread');
add('pi-t1-wasm-mt', wasm('mt', 1), native1, 'native engine, 1 thread');
add(`pi-t${maxThreads}-wasm-mt`, wasm('mt', Math.min(maxThreads, 16)), nativeAll, `native engine, ${maxThreads} threads`);
add(`pi-t${maxThreads}-native`, nativeAll, native1, 'native engine, 1 thread');

const fmt = (x) => (x >= 1e6 ? `${(x / 1e9).toFixed(3)} G` : x.toPrecision(4));
console.log('case                    ours            reference                         ratio');
for (const r of rows) {
  console.log(`${r.case.padEnd(22)}  ${fmt(r.ours).padStart(8)} ${r.unit}  ${`${fmt(r.reference)} (${r.reference_name})`.padEnd(34)} ${r.ratio.toFixed(2)}×`);
}
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log('\nwrote bench/results.json');
