// The wasm engine itself, loaded in a module worker the way web/engine/worker.ts loads it: both
// builds start, report what they are, and turn C++ exceptions into JS Errors with the C++ message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserAndSite } from './harness.mjs';

/** Runs `body` (a function of the engine module) in a module worker on `page`; returns its result. */
async function inEngineWorker(page, build, body) {
  return page.evaluate(
    async ({ build, body }) => {
      const source = `
        self.onmessage = async () => {
          try {
            const engine = await (await import(new URL('wasm/${build}/mlplay.mjs', '${location.href}').href)).default();
            const result = await (${body})(engine);
            self.postMessage({ ok: true, result });
          } catch (error) {
            self.postMessage({ ok: false, message: String(error && error.message || error) });
          }
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
      const reply = await new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.postMessage(null);
      });
      worker.terminate();
      return reply;
    },
    { build, body: body.toString() },
  );
}

const probe = (engine) => {
  const caught = (fn) => {
    try {
      fn();
      return 'no error';
    } catch (error) {
      return `${error instanceof Error ? 'Error' : typeof error}: ${error.message}`;
    }
  };
  const info = engine.buildInfo();
  const estimator = new engine.PiEstimator(5, 0, 0);
  const inside = estimator.throwDarts(100000);
  const xy = estimator.darts(0, 100000);
  let fromCoordinates = 0;
  for (let i = 0; i < xy.length; i += 2) fromCoordinates += Math.fround(Math.fround(xy[i] * xy[i]) + Math.fround(xy[i + 1] * xy[i + 1])) < 1 ? 1 : 0;
  estimator.delete();
  return {
    info,
    inside,
    fromCoordinates,
    threadsError: caught(() => engine.setNumThreads(info.maxThreads + 1)),
    resumeError: caught(() => new engine.PiEstimator(1, 10, 11)),
    countError: caught(() => new engine.PiEstimator(1, 0, 0).throwDarts(-3)),
    stillWorks: new engine.PiEstimator(5, 0, 0).throwDarts(100000),
  };
};

/** The Model façade: build from a spec, train, predict, look inside, save and load. */
const modelProbe = (engine) => {
  const spec = JSON.stringify({ input: [2], layers: [{ type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: 2 }] });
  const model = new engine.Model(spec, JSON.stringify({ optimizer: 'adam', lr: 0.05 }), 7);
  // two blobs: (−1, −1) → class 0, (1, 1) → class 1
  const x = new Float32Array(64 * 2);
  const y = new Float32Array(64);
  for (let i = 0; i < 64; i++) {
    const label = i % 2;
    const jitter = ((i * 37) % 11) / 20 - 0.25;
    x[2 * i] = (label ? 1 : -1) + jitter;
    x[2 * i + 1] = (label ? 1 : -1) - jitter;
    y[i] = label;
  }
  const first = model.evaluate(x, y);
  let last = first;
  for (let step = 0; step < 100; step++) last = model.trainBatch(x, y);
  const logits = model.predict(x);
  let correct = 0;
  for (let i = 0; i < 64; i++) correct += (logits[2 * i + 1] > logits[2 * i] ? 1 : 0) === y[i] ? 1 : 0;
  const activations = model.activations(x.subarray(0, 4)); // two samples
  const parameters = model.parameters(false).map((p) => `${p.name}:${p.shape.join('x')}`);
  const gradients = model.parameters(true).length;
  const bytes = model.save();
  const copy = new engine.Model(spec, '{}', 99);
  const before = copy.predict(x)[0];
  copy.load(bytes);
  const after = copy.predict(x)[0];
  const caught = (fn) => {
    try {
      fn();
      return 'no error';
    } catch (error) {
      return `${error instanceof Error ? 'Error' : typeof error}: ${error.message}`;
    }
  };
  const result = {
    first,
    last,
    correct,
    activationShapes: activations.map((a) => a.shape.join('x')),
    parameters,
    gradients,
    summary: model.summary(),
    savedBytes: bytes.length,
    loadChanged: before !== after,
    loadMatches: after === logits[0],
    badSpec: caught(() => new engine.Model(JSON.stringify({ input: [2], layers: [{ type: 'linear', out: 0 }] }), '{}', 1)),
    badInput: caught(() => model.predict(new Float32Array(3))),
    badBytes: caught(() => copy.load(new Uint8Array([1, 2, 3]))),
  };
  model.delete();
  copy.delete();
  return result;
};

describe('wasm engine', () => {
  const env = browserAndSite();

  for (const build of ['mt', 'st']) {
    it(`${build}: reports its build, counts darts like its coordinates say, and throws C++ errors as JS Errors`, async () => {
      const page = await env.browser.newPage();
      await page.goto(env.server.url);
      const reply = await inEngineWorker(page, build, probe);
      assert.equal(reply.ok, true, reply.message);
      const r = reply.result;
      assert.equal(r.info.build, build);
      assert.equal(r.info.simd, true);
      assert.ok(build === 'st' ? r.info.maxThreads === 1 : r.info.maxThreads >= 2, `maxThreads ${r.info.maxThreads}`);
      assert.equal(r.inside, r.fromCoordinates);
      assert.equal(r.stillWorks, r.inside, 'same seed, same darts; the instance survives the errors');
      assert.match(r.threadsError, new RegExp(`^Error: set_num_threads: ${r.info.maxThreads + 1} threads requested; this build supports 1 to ${r.info.maxThreads}$`));
      assert.equal(r.resumeError, 'Error: PiEstimator: cannot resume from 11 inside out of 10 darts');
      assert.match(r.countError, /^Error: PiEstimator.throwDarts: count: expected a whole number from 0 to 2\^53, got -3$/);
      await page.close();
    });

    it(`${build}: the Model façade trains from a spec, predicts, shows its insides and round-trips safetensors`, async () => {
      const page = await env.browser.newPage();
      await page.goto(env.server.url);
      const reply = await inEngineWorker(page, build, modelProbe);
      assert.equal(reply.ok, true, reply.message);
      const r = reply.result;
      assert.ok(r.last < 0.2 * r.first, `loss ${r.first} -> ${r.last}`);
      assert.ok(r.correct >= 62, `${r.correct}/64 correct`);
      assert.deepEqual(r.activationShapes, ['2x8', '2x8', '2x2']);
      assert.deepEqual(r.parameters, ['0.weight:8x2', '0.bias:8', '2.weight:2x8', '2.bias:2']);
      assert.equal(r.gradients, 4);
      assert.equal(r.summary.parameterCount, 8 * 2 + 8 + 2 * 8 + 2);
      assert.equal(r.summary.layers[0].description, 'linear 2→8');
      assert.ok(r.savedBytes > 8 + 38 * 4);
      assert.equal(r.loadChanged, true);
      assert.equal(r.loadMatches, true);
      assert.equal(r.badSpec, "Error: model spec: layer 0 (linear): 'out' must be a positive integer, got 0");
      assert.equal(r.badInput, 'Error: Model.predict: 3 values is not a whole number of samples of 2');
      assert.equal(r.badBytes, 'Error: load_safetensors: truncated file: 3 bytes, but the header length alone takes bytes 0..8');
      await page.close();
    });
  }
});
