// monte-carlo-pi, driven as a learner would: pick a stop count, press Run, watch the estimate;
// pause, reset, bad input, the shared link, phone width; mt with COOP/COEP, st without, and the
// service-worker fallback on a plain static host.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { answerExercise, byTestId, cli, launch, numberIn, openPage, site } from './harness.mjs';

const LESSON = 'lessons/monte-carlo-pi/';

async function engineReady(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="pi-run"]').disabled);
  return {
    build: await page.locator(byTestId('engine-build')).textContent(),
    threads: Number(await page.locator(byTestId('engine-threads')).textContent()),
  };
}

/** Runs until the page says it stopped, with "Stop after" set to `stop` darts. */
async function runTo(page, stop) {
  await page.selectOption(byTestId('pi-stop'), String(stop));
  await page.click(byTestId('pi-run'));
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="pi-samples"]').textContent.replace(/,/g, '')) >= n &&
      document.querySelector('[data-testid="pi-run"]').textContent === 'Run',
    stop,
    { timeout: 60000 },
  );
}

function nativeEstimate(samples, seed) {
  const output = execFileSync(cli, ['pi', '--samples', String(samples), '--seed', String(seed), '--json']);
  return JSON.parse(output.toString());
}

describe('monte-carlo-pi', () => {
  let browser;
  let isolated;
  let plain;
  before(async () => {
    browser = await launch();
    isolated = await site({ isolation: true });
    plain = await site({ isolation: false });
  });
  after(async () => {
    await browser?.close();
    await isolated?.close();
    await plain?.close();
  });

  it('with COOP/COEP runs the mt build on every core and reaches 10^7 darts within 0.005 of π', async () => {
    const { page, errors, context } = await openPage(browser, isolated.url + LESSON);
    const engine = await engineReady(page);
    assert.equal(engine.build, 'mt');
    assert.ok(engine.threads > 1, `threads: ${engine.threads}`);
    assert.equal(await page.inputValue(byTestId('pi-threads')), String(engine.threads));
    await runTo(page, 10_000_000);
    assert.equal(await numberIn(page, 'pi-samples'), 10_000_000);
    const estimate = await numberIn(page, 'pi-estimate');
    assert.ok(Math.abs(estimate - Math.PI) < 0.005, `estimate ${estimate}`);
    assert.ok((await numberIn(page, 'pi-rate')) > 1e6, 'darts per second shown');
    assert.match(await page.locator(byTestId('pi-status')).textContent(), /Stopped after 10,000,000 darts/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives the native CLI\'s estimate for the same seed, whatever the threads and batch size', async () => {
    const native = nativeEstimate(10_000_000, 7);
    const expected = native.estimate.toFixed(7);
    for (const setup of ['seed=7&batch=1000000&threads=2', 'seed=7&batch=77777&threads=1']) {
      const { page, errors, context } = await openPage(browser, `${isolated.url}${LESSON}#${setup}`);
      await engineReady(page);
      await runTo(page, 10_000_000);
      assert.equal(await page.locator(byTestId('pi-estimate')).textContent(), expected, setup);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('without COOP/COEP (and no service worker) runs the st build on one thread', async () => {
    const { page, errors, context } = await openPage(browser, plain.url + LESSON, { serviceWorker: false });
    const engine = await engineReady(page);
    assert.equal(engine.build, 'st');
    assert.equal(engine.threads, 1);
    assert.equal(await page.isDisabled(byTestId('pi-threads')), true);
    await runTo(page, 1_000_000);
    const estimate = await numberIn(page, 'pi-estimate');
    assert.ok(Math.abs(estimate - Math.PI) < 0.02, `estimate ${estimate}`);
    assert.match(await page.locator(byTestId('engine-note')).textContent(), /single-threaded WebAssembly with SIMD128/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('on a plain static host the service worker makes the page isolated, so mt runs', async () => {
    const { page, errors, context } = await openPage(browser, plain.url + LESSON, { serviceWorker: true });
    // coi-serviceworker registers, then reloads the page once under its headers.
    await page.waitForFunction(() => window.crossOriginIsolated === true, null, { timeout: 20000 });
    const engine = await engineReady(page);
    assert.equal(engine.build, 'mt');
    await runTo(page, 1_000_000);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('pauses, resumes and resets', async () => {
    const { page, errors, context } = await openPage(browser, isolated.url + LESSON + '#batch=100000');
    await engineReady(page);
    await page.click(byTestId('pi-run'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="pi-samples"]').textContent.replace(/,/g, '')) > 1e6);
    await page.click(byTestId('pi-run')); // pause
    await page.waitForFunction(() => document.querySelector('[data-testid="pi-run"]').textContent === 'Run');
    const paused = await numberIn(page, 'pi-samples');
    await page.waitForTimeout(300);
    assert.equal(await numberIn(page, 'pi-samples'), paused, 'no darts while paused');
    await page.click(byTestId('pi-run')); // resume
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="pi-samples"]').textContent.replace(/,/g, '')) > n, paused);
    await page.click(byTestId('pi-reset'));
    await page.waitForFunction(() => document.querySelector('[data-testid="pi-samples"]').textContent === '0');
    assert.equal(await page.locator(byTestId('pi-estimate')).textContent(), '–');
    assert.equal(await page.locator(byTestId('pi-run')).textContent(), 'Run');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad input, keeps the last good values and keeps working', async () => {
    const { page, errors, context } = await openPage(browser, isolated.url + LESSON + '#seed=3');
    await engineReady(page);
    const cases = [
      ['pi-batch', 'lots', /Darts per batch must be a whole number from 1 to 100,000,000; keeping 1,000,000/],
      ['pi-batch', '0', /Darts per batch must be a whole number/],
      ['pi-seed', '-4', /Seed must be a whole number from 0/],
      ['pi-threads', '99', /Threads must be a whole number from 1 to \d/],
    ];
    for (const [id, text, message] of cases) {
      await page.fill(byTestId(id), text);
      await page.press(byTestId(id), 'Enter');
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
      assert.match(await page.locator(`#${describedBy}`).textContent(), message);
    }
    assert.match(page.url(), /seed=3/);
    assert.match(page.url(), /batch=1000000/);
    await runTo(page, 1_000_000);
    assert.ok(Math.abs((await numberIn(page, 'pi-estimate')) - Math.PI) < 0.02);
    await page.fill(byTestId('pi-batch'), '1,000');
    await page.press(byTestId('pi-batch'), 'Enter');
    assert.equal(await page.getAttribute(byTestId('pi-batch'), 'aria-invalid'), null);
    assert.match(page.url(), /batch=1000(&|$)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(browser, `${isolated.url}${LESSON}#seed=42&batch=5000&threads=1&stop=1000000`);
    await engineReady(page);
    assert.equal(await page.inputValue(byTestId('pi-seed')), '42');
    assert.equal(await page.inputValue(byTestId('pi-batch')), '5000');
    assert.equal(await page.inputValue(byTestId('pi-threads')), '1');
    assert.equal(await page.inputValue(byTestId('pi-stop')), '1000000');

    assert.match(await answerExercise(page, '1000000'), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    assert.equal(await page.locator('.exercise-hint').isVisible(), true);
    assert.match(await answerExercise(page, '2.7e8'), /Correct/);
    await page.reload();
    assert.match(await page.locator(byTestId('exercise-feedback')).textContent(), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, the demo still runs', async () => {
    const { page, errors, context } = await openPage(browser, isolated.url + LESSON, { viewport: { width: 390, height: 844 } });
    await engineReady(page);
    await runTo(page, 1_000_000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
