// The wasm engine itself, loaded in a module worker the way web/engine/worker.ts loads it: both
// builds start, report what they are, and turn C++ exceptions into JS Errors with the C++ message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, site } from './harness.mjs';

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

describe('wasm engine', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await site({ isolation: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const build of ['mt', 'st']) {
    it(`${build}: reports its build, counts darts like its coordinates say, and throws C++ errors as JS Errors`, async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
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
  }
});
