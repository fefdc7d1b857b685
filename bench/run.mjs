// npm run bench: measured ratios, never bare absolute times (STYLE.md 15). Every figure is measured
// in this one run on this machine: the native engine (CLI), the wasm builds and TF.js's wasm backend
// (both in workers in the same headless Chromium).
// Prints a table and writes bench/results.json as [{case, unit, ours, reference, reference_name, ratio}].
//   node bench/run.mjs [pi,gemm,models,gpt]     (default: all)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDir } from '../scripts/paths.mjs';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(buildDir('native'), 'mlplay');
const cases = (process.argv[2] ?? 'pi,gemm,models,gpt').split(',');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const maxThreads = os.availableParallelism();

function nativePi(threads) {
  const rates = [];
  for (let rep = 0; rep < 5; rep++) {
    const output = execFileSync(cli, ['pi', '--samples', '3e9', '--threads', String(threads), '--json']);
    rates.push(JSON.parse(output.toString()).darts_per_second);
  }
  return median(rates);
}

function nativeGemm(threads) {
  return JSON.parse(execFileSync(cli, ['bench', 'gemm', '--threads', String(threads), '--json']).toString());
}

async function browserResults(query) {
  const { server, url } = await serve({
    dir: path.join(root, 'bench/web'),
    port: 0,
    isolation: true,
    mounts: {
      '/wasm/mt/': path.join(buildDir('wasm-mt'), 'bindings'),
      '/wasm/st/': path.join(buildDir('wasm-st'), 'bindings'),
      '/models/': path.join(root, 'public/models'),
      '/tfjs/': path.join(root, 'node_modules/@tensorflow/tfjs/dist'),
      '/tfjs-wasm/': path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
    },
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`browser: ${m.text()}`));
    await page.goto(`${url}index.html?${query}`);
    const result = await page.evaluate(() => window.benchResults);
    if (result.error) throw new Error(result.error);
    console.log((await page.locator('#log').textContent()).trim().split('\n').map((l) => `  ${l}`).join('\n'));
    return result.results;
  } finally {
    await browser.close();
    server.close();
  }
}

console.log(`mlplay benchmarks on ${os.cpus()[0]?.model ?? 'this CPU'}, ${maxThreads} threads\n`);
const browser = await browserResults(`cases=${cases.join(',')}`);
const tfjsCases = [cases.includes('gemm') && 'tfjs-gemm', cases.includes('models') && 'tfjs-models'].filter(Boolean);
if (tfjsCases.length) {
  // TF.js fixes its thread count when its backend starts: one page per count.
  for (const threads of [...new Set([1, Math.min(2, maxThreads)])]) {
    browser.push(...(await browserResults(`cases=${tfjsCases.join(',')}&threads=${threads}`)));
  }
}
const rows = [];
const add = (name, unit, ours, reference, referenceName) =>
  rows.push({ case: name, unit, ours, reference, reference_name: referenceName, ratio: ours / reference });

if (cases.includes('pi')) {
  const wasm = (build, threads) => browser.find((r) => r.build === build && r.threads === threads)?.dartsPerSecond;
  const native1 = nativePi(1);
  const nativeAll = nativePi(maxThreads);
  add('pi-t1-wasm-st', 'darts/s', wasm('st', 1), native1, 'native engine, 1 thread');
  add('pi-t1-wasm-mt', 'darts/s', wasm('mt', 1), native1, 'native engine, 1 thread');
  add(`pi-t${maxThreads}-wasm-mt`, 'darts/s', wasm('mt', Math.min(maxThreads, 16)), nativeAll, `native engine, ${maxThreads} threads`);
}

if (cases.includes('gemm')) {
  const peakAt = (t) => browser.find((r) => r.case === 'peak' && r.threads === t).gflops;
  const threadCounts = [...new Set(browser.filter((r) => r.case === 'gemm' && r.impl === 'ours').map((r) => r.threads))];
  if (threadCounts.length > 1) {
    const [one, many] = [peakAt(1), peakAt(Math.max(...threadCounts))];
    console.log(`wasm SIMD128 peak: ${one.toFixed(1)} GFLOP/s on 1 thread, ${many.toFixed(1)} on ${Math.max(...threadCounts)} at once (${(many / one).toFixed(2)}× one)`);
  }
  for (const t of threadCounts) {
    const native = nativeGemm(t);
    for (const ours of browser.filter((r) => r.case === 'gemm' && r.impl === 'ours' && r.threads === t)) {
      const tfjs = browser.find((r) => r.impl === 'tfjs' && r.n === ours.n && r.threads === t);
      const nat = native.find((r) => r.n === ours.n);
      const name = `gemm-${ours.n}-t${t}`;
      if (tfjs) add(`${name}-wasm`, 'GFLOP/s', ours.gflops, tfjs.gflops, `TF.js wasm (XNNPACK), ${t} thread(s)`);
      add(`${name}-peak`, 'GFLOP/s', ours.gflops, peakAt(t), `wasm SIMD128 mul+add peak, ${t} thread(s) at once`);
      if (nat) add(`${name}-native`, 'GFLOP/s', ours.gflops, nat.gflops, 'native engine (same code)');
    }
  }
}

function nativeModels(threads) {
  const mlp = JSON.parse(execFileSync(cli, ['bench', 'mlp', '--threads', String(threads), '--json']).toString());
  const cnn = JSON.parse(execFileSync(cli, ['bench', 'cnn', '--threads', String(threads), '--json']).toString());
  return [...mlp, ...cnn];
}

if (cases.includes('models')) {
  const ours = browser.filter((r) => r.impl === 'ours' && r.value !== undefined);
  for (const t of [...new Set(ours.map((r) => r.threads))]) {
    const native = nativeModels(t);
    for (const r of ours.filter((o) => o.threads === t)) {
      const tfjs = browser.find((o) => o.impl === 'tfjs' && o.case === r.case && o.threads === t);
      const nat = native.find((o) => o.case === r.case);
      const unit = r.case.endsWith('-infer') ? 'images/s' : 'samples/s';
      const natValue = nat ? (nat.samples_per_second ?? 1000 / nat.milliseconds) : undefined;
      const reference = tfjs?.backend === 'cpu' ? 'TF.js cpu (its wasm backend cannot train conv)' : `TF.js wasm, ${t} thread(s)`;
      if (tfjs) add(`${r.case}-t${t}-wasm`, unit, r.value, tfjs.value, reference);
      if (natValue) add(`${r.case}-t${t}-native`, unit, r.value, natValue, 'native engine (same code)');
      if (r.case.endsWith('-infer')) {
        const name = r.case === 'cnn-infer' ? 'bench cnn' : 'mnist-draw cnn';
        const theirs = tfjs ? `, TF.js wasm ${(1000 / tfjs.value).toFixed(4)} ms` : '';
        console.log(`${name} single-image inference, wasm t=${t}: ${(1000 / r.value).toFixed(4)} ms (target <= 0.1 ms)${theirs}`);
      }
    }
  }
}

if (cases.includes('gpt')) {
  // The minigpt lesson's shipped model: KV-cache sampling, 1000 tokens at temperature 0.8 (1 thread both sides).
  const native = median([1, 2, 3].map((seed) => JSON.parse(execFileSync(cli, ['sample', 'gpt', '--tokens', '1000',
    '--temperature', '0.8', '--seed', String(seed), '--json']).toString()).tokens_per_second));
  const wasm = browser.find((r) => r.case === 'gpt-sample');
  const withAttention = browser.find((r) => r.case === 'gpt-sample-attention');
  add('gpt-sample-wasm-mt', 'tokens/s', wasm.value, native, 'native engine (same code)');
  add('gpt-sample-attn-wasm-mt', 'tokens/s', withAttention.value, native, 'native engine, no attention copy');
  console.log(`minigpt sampling: wasm mt ${wasm.value.toFixed(0)} tokens/s (target >= 500), native ${native.toFixed(0)} tokens/s, ratio ${(wasm.value / native).toFixed(2)} (target >= 0.6)`);
}

const fmt = (x, unit) => (unit === 'darts/s' ? `${(x / 1e9).toFixed(3)} G` : unit === 'GFLOP/s' ? x.toFixed(1) : x.toFixed(0));
console.log('\ncase                   unit       ours   reference                                   ratio');
for (const r of rows) {
  console.log(
    `${r.case.padEnd(22)} ${r.unit.padEnd(8)} ${fmt(r.ours, r.unit).padStart(8)}   ${`${fmt(r.reference, r.unit)} ${r.reference_name}`.padEnd(42)} ${r.ratio.toFixed(2)}×`,
  );
}
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log('\nwrote bench/results.json');
