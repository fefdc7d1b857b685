// mnist-draw, driven as a learner would: draw 34 digits through real pointer events (all ten, in
// several styles, sizes, positions, slants and brushes) and require ≥ 95% read right; an empty canvas
// reads nothing and a dot reads without an error; a short in-tab training run lowers the loss and
// shows the test accuracy, survives a reload (IndexedDB) and is undone by the reset; the misread test
// digits, with a failed download and its retry; a learning rate that is not a number or makes
// training diverge; the shared link; the exercise; a phone, drawn on by touch. No console errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, openPage } from './harness.mjs';
import { DRAWINGS, describeDrawing, placeStrokes } from './mnist-draw-strokes.mjs';

const LESSON = 'lessons/mnist-draw/';
const text = (page, id) => page.locator(byTestId(id)).textContent();

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="digit-canvas"]')?.dataset.ready === 'true', null, { timeout: 30000 });
}

/** Waits until the page has read the newest drawing (no read pending or in flight). */
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="digit-canvas"]').dataset.reading === 'false', null, { timeout: 10000 });
}

/** Draws strokes given in canvas fractions with mouse down / many moves / up, like a hand would. */
async function drawStrokes(page, strokes) {
  await page.locator(byTestId('digit-canvas')).scrollIntoViewIfNeeded();
  const box = await page.locator(byTestId('digit-canvas')).boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  for (const stroke of strokes) {
    const [x0, y0] = at(stroke[0]);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    let [px, py] = [x0, y0];
    for (const point of stroke.slice(1)) {
      const [x, y] = at(point);
      const steps = Math.max(1, Math.round(Math.hypot(x - px, y - py) / 12)); // a move event every ~12 px, as a quick hand at 60 Hz gives
      await page.mouse.move(x, y, { steps });
      [px, py] = [x, y];
    }
    await page.mouse.up();
  }
  await settled(page);
}

async function clear(page) {
  await page.click(byTestId('digit-clear'));
  await settled(page);
}

/** The probability the page shows for `digit` (a percentage), from its bar's text. */
async function shownPercent(page, digit) {
  const value = await page.locator(`${byTestId('digit-probs')} li[data-digit="${digit}"] .md-prob-value`).textContent();
  return value.startsWith('<') ? 0 : Number(value.replace('%', ''));
}

describe('mnist-draw', () => {
  const env = browserAndSite();

  it('reads at least 95% of 34 hand-drawn digits, drawn through pointer events', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await text(page, 'digit-prediction'), '', 'empty canvas, empty prediction');
    const failures = [];
    let times = [];
    for (const drawing of DRAWINGS) {
      if ((await page.inputValue(byTestId('digit-brush'))) !== drawing.brush) await page.selectOption(byTestId('digit-brush'), drawing.brush);
      await drawStrokes(page, placeStrokes(drawing));
      const read = await text(page, 'digit-prediction');
      const sure = await shownPercent(page, read);
      times.push(Number(await text(page, 'digit-inference-ms')));
      if (read !== String(drawing.label)) failures.push(`${describeDrawing(drawing)}: read ${read} (${sure}%)`);
      await clear(page);
      assert.equal(await text(page, 'digit-prediction'), '');
    }
    const correct = DRAWINGS.length - failures.length;
    times = times.sort((a, b) => a - b);
    console.log(`mnist-draw: ${correct} of ${DRAWINGS.length} drawings read right; median network time ${times[times.length >> 1]} ms`);
    for (const failure of failures) console.log(`  misread: ${failure}`);
    assert.ok(correct / DRAWINGS.length >= 0.95, `only ${correct} of ${DRAWINGS.length}:\n${failures.join('\n')}`);
    assert.match(await text(page, 'digit-model-source'), /shipped model/);
    assert.equal(await page.locator(`${byTestId('digit-filters')} canvas`).count(), 16);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the 28×28 image, the bars and feature maps; a dot or scribble gets an answer, not an error; keys clear', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    // A single click: a dot.
    const box = await page.locator(byTestId('digit-canvas')).boundingBox();
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await settled(page);
    assert.match(await text(page, 'digit-prediction'), /^[0-9]$/);
    assert.doesNotMatch(await text(page, 'digit-summary'), /could not/);
    // The shipped model learned "not sure" from scribbles with a uniform target: no bar is confident.
    const dotPercents = [];
    for (let d = 0; d < 10; d++) dotPercents.push(await shownPercent(page, d));
    assert.ok(Math.max(...dotPercents) < 50, `a dot should get a low-confidence answer, got ${Math.max(...dotPercents)}%`);
    console.log(`mnist-draw: a dot reads ${await text(page, 'digit-prediction')}: “${await text(page, 'digit-summary')}”`);
    // A scribble.
    await clear(page);
    const scribble = Array.from({ length: 14 }, (_, i) => [0.5 + 0.3 * Math.sin(i * 1.7), 0.5 + 0.3 * Math.cos(i * 2.3)]);
    await drawStrokes(page, [scribble]);
    assert.match(await text(page, 'digit-prediction'), /^[0-9]$/);
    const percents = [];
    for (let d = 0; d < 10; d++) percents.push(await shownPercent(page, d));
    const total = percents.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - 100) < 1.5, `bars add up to ${total}%`);
    assert.ok(Math.max(...percents) < 50, `a scribble should get a low-confidence answer, got ${Math.max(...percents)}%`);
    console.log(`mnist-draw: a scribble reads ${await text(page, 'digit-prediction')}, ${Math.max(...percents)}% sure: “${await text(page, 'digit-summary')}”`);
    // The image the network sees has ink; the feature maps are drawn; the timings are shown.
    const ink = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="digit-seen"]');
      const data = canvas.getContext('2d').getImageData(0, 0, 28, 28).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i];
      return sum / 255;
    });
    assert.ok(ink > 20, `the 28×28 image has ink (${ink})`);
    assert.equal(await page.locator(`${byTestId('digit-maps')} canvas`).count(), 16);
    assert.ok(Number(await text(page, 'digit-inference-ms')) > 0);
    // Time 1,000 readings of this drawing: a row per fused step and the total per reading.
    await page.click(byTestId('digit-profile'));
    await page.waitForSelector(`${byTestId('digit-profile-table')}:not([hidden])`);
    const steps = await page.locator(`${byTestId('digit-profile-table')} tbody tr`).allTextContents();
    assert.equal(steps.length, 4, steps.join(' | '));
    assert.match(steps[0], /conv2d 1→16 3×3 \+ batchnorm \+ relu \+ maxpool 2×2/);
    const perReading = Number(await text(page, 'digit-profile-total'));
    assert.ok(perReading > 0 && perReading < 10_000, `${perReading} µs per reading`);
    console.log(`mnist-draw: 1,000 readings back to back, ${perReading} µs each`);
    // Undo a stroke with the keyboard, then clear with Delete.
    await clear(page);
    await page.click(byTestId('digit-profile'));
    assert.match(await text(page, 'digit-profile-status'), /Draw a digit first/);
    const [top, bar] = placeStrokes(DRAWINGS.find((d) => d.t === '7-bar'));
    await drawStrokes(page, [top]);
    assert.equal(await text(page, 'digit-prediction'), '7');
    await drawStrokes(page, [bar]);
    await page.focus(byTestId('digit-canvas'));
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await text(page, 'digit-prediction'), '7');
    await page.keyboard.press('Control+z');
    await settled(page);
    assert.equal(await text(page, 'digit-prediction'), '', 'undoing the only stroke left empties the canvas');
    await drawStrokes(page, [top]);
    await page.focus(byTestId('digit-canvas'));
    await page.keyboard.press('Delete');
    await settled(page);
    assert.equal(await text(page, 'digit-prediction'), '');
    assert.match(await text(page, 'digit-summary'), /Draw a digit/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('trains in the tab: the loss falls, the accuracy shows, reload keeps the model, reset restores the shipped one', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#start=scratch&epochs=1&digits=3000&test=1000&batch=32&lr=0.003`);
    await ready(page);
    await drawStrokes(page, placeStrokes(DRAWINGS.find((d) => d.t === '3-round')));
    const versionBefore = Number(await text(page, 'digit-model-version'));
    await page.evaluate(() => {
      window.__losses = [];
      const loss = document.querySelector('[data-testid="digit-loss"]');
      new MutationObserver(() => window.__losses.push(Number(loss.textContent))).observe(loss, { childList: true, characterData: true, subtree: true });
    });
    await page.click(byTestId('digit-train'));
    assert.equal(await text(page, 'digit-train'), 'Stop');
    await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-testid="digit-train-status"]').textContent), null, { timeout: 90000 });
    const losses = (await page.evaluate(() => window.__losses)).filter((v) => Number.isFinite(v) && v > 0);
    assert.ok(losses.length >= 2, `loss reported ${losses.length} times`);
    assert.ok(losses.at(-1) < 0.6 * losses[0], `loss ${losses[0]} → ${losses.at(-1)}`);
    const accuracy = await text(page, 'digit-test-accuracy');
    assert.match(accuracy, /^\d{1,3}\.\d%$/);
    assert.ok(Number(accuracy.replace('%', '')) > 70, `test accuracy ${accuracy} after one short epoch`);
    assert.equal(await page.locator(byTestId('digit-train-progress')).evaluate((p) => p.value), 1);
    assert.match(await text(page, 'digit-samples-per-second'), /^[\d,]+$/);
    assert.match(await text(page, 'digit-epoch-time'), /^\d+\.\d s$/);
    assert.equal(await text(page, 'digit-train'), 'Train');
    await settled(page);
    assert.ok(Number(await text(page, 'digit-model-version')) > versionBefore, 'the drawing was read again with the new weights');
    assert.equal(await page.getAttribute(byTestId('digit-model-source'), 'data-source'), 'stored');
    console.log(`mnist-draw: 1 epoch on 3,000 digits: loss ${losses[0]} → ${losses.at(-1)}, ${accuracy} of 1,000 test digits, ${await text(page, 'digit-samples-per-second')} digits/s`);

    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute(byTestId('digit-model-source'), 'data-source'), 'stored');
    assert.match(await text(page, 'digit-model-source'), new RegExp(`trained in this browser .*${accuracy.replace('.', '\\.')} on 1,000 test digits`));

    await page.click(byTestId('digit-reset-model'));
    await page.waitForFunction(() => document.querySelector('[data-testid="digit-model-source"]').dataset.source === 'shipped');
    assert.match(await text(page, 'digit-model-source'), /shipped model/);
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute(byTestId('digit-model-source'), 'data-source'), 'shipped');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('stops a training run on request', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#start=finetune&epochs=3&digits=60000&test=1000`);
    await ready(page);
    await page.click(byTestId('digit-train'));
    await page.waitForFunction(() => document.querySelector('[data-testid="digit-loss"]').textContent !== '–', null, { timeout: 60000 });
    await page.click(byTestId('digit-train'));
    await page.waitForFunction(() => /^Stopped/.test(document.querySelector('[data-testid="digit-train-status"]').textContent), null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="digit-train"]').textContent === 'Train');
    assert.equal(await page.getAttribute(byTestId('digit-model-source'), 'data-source'), 'stored');
    // Drawing still works with the partly trained weights.
    await drawStrokes(page, placeStrokes(DRAWINGS.find((d) => d.t === '1-stick')));
    assert.equal(await text(page, 'digit-prediction'), '1');
    await page.click(byTestId('digit-reset-model'));
    await page.waitForFunction(() => document.querySelector('[data-testid="digit-model-source"]').dataset.source === 'shipped');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains a bad learning rate, and a diverging run keeps the last good weights', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#start=finetune&optimizer=momentum&epochs=1&digits=3000&test=1000`);
    await ready(page);
    for (const bad of ['NaN', 'fast', '1e9', '-0.1']) {
      await page.fill(byTestId('digit-lr'), bad);
      await page.press(byTestId('digit-lr'), 'Enter');
      assert.equal(await page.getAttribute(byTestId('digit-lr'), 'aria-invalid'), 'true', bad);
      assert.match(await page.locator('#digit-lr-message').textContent(), /Peak learning rate must be a number from 0\.000001 to 10.*keeping 0\.003/);
    }
    assert.match(page.url(), /lr=0\.003/);
    await page.fill(byTestId('digit-batch'), '0');
    await page.press(byTestId('digit-batch'), 'Enter');
    assert.match(await page.locator('#digit-batch-message').textContent(), /Batch size must be a whole number from 1 to 1,024; keeping 64/);

    // A peak learning rate of 10 with momentum and small batches: the loss soon stops being finite.
    // Which setting tips over first depends on the weights, so up to three are tried.
    await page.fill(byTestId('digit-lr'), '10');
    await page.press(byTestId('digit-lr'), 'Enter');
    assert.equal(await page.getAttribute(byTestId('digit-lr'), 'aria-invalid'), null);
    let status = '';
    for (const [optimizer, batch] of [['momentum', '16'], ['nesterov', '16'], ['momentum', '4']]) {
      await page.selectOption(byTestId('digit-optimizer'), optimizer);
      await page.fill(byTestId('digit-batch'), batch);
      await page.press(byTestId('digit-batch'), 'Enter');
      await page.click(byTestId('digit-train'));
      await page.waitForFunction(() => /^(Training diverged|Done)/.test(document.querySelector('[data-testid="digit-train-status"]').textContent), null, { timeout: 90000 });
      await page.waitForFunction(() => document.querySelector('[data-testid="digit-train"]').textContent === 'Train');
      status = await text(page, 'digit-train-status');
      if (status.startsWith('Training diverged')) break;
      await page.click(byTestId('digit-reset-model'));
      await page.waitForFunction(() => document.querySelector('[data-testid="digit-model-source"]').dataset.source === 'shipped');
    }
    assert.match(status, /^Training diverged and stopped: .+ The last good weights are back in use/);
    assert.equal(await page.getAttribute(byTestId('digit-train-status'), 'data-state'), 'error');
    // The page still reads drawings afterwards, with the restored (finite) weights and no error.
    await drawStrokes(page, placeStrokes(DRAWINGS[0]));
    assert.notEqual(await page.getAttribute(byTestId('digit-summary'), 'data-state'), 'error', `after the divergence: ${await text(page, 'digit-summary')}`);
    assert.match(await text(page, 'digit-prediction'), /^[0-9]$/);
    await page.click(byTestId('digit-reset-model'));
    await page.waitForFunction(() => document.querySelector('[data-testid="digit-model-source"]').dataset.source === 'shipped');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lists misread test digits, after a failed download and a retry', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await context.route('**/data/mnist/**', (route) => route.abort('connectionrefused'));
    await page.click(byTestId('digit-mistakes-load'));
    await page.waitForSelector(`${byTestId('digit-mistakes-retry')}:not([hidden])`, { timeout: 20000 });
    assert.match(await text(page, 'digit-mistakes-status'), /Could not load MNIST/);
    assert.equal(await page.getAttribute(byTestId('digit-mistakes-status'), 'data-state'), 'error');
    await context.unroute('**/data/mnist/**');
    errors.length = 0; // the refused download logs a network error in the console; that was the point
    await page.click(byTestId('digit-mistakes-retry'));
    await page.waitForFunction(() => /It misreads/.test(document.querySelector('[data-testid="digit-mistakes-status"]').textContent), null, { timeout: 60000 });
    const status = await text(page, 'digit-mistakes-status');
    const [, wrong, scored] = status.match(/It misreads ([\d,]+) of ([\d,]+) test digits/);
    assert.equal(scored, '10,000');
    assert.ok(Number(wrong.replace(/,/g, '')) < 100, `${wrong} misread: the shipped model should be above 99%`);
    const shown = await page.locator(`${byTestId('digit-mistakes')} li`).count();
    assert.equal(shown, Math.min(60, Number(wrong.replace(/,/g, ''))));
    assert.match(await page.locator(`${byTestId('digit-mistakes')} canvas`).first().getAttribute('aria-label'), /Test digit \d+: a \d, read as \d with/);
    // Drawing still works with the model after the failed download replaced the worker.
    await drawStrokes(page, placeStrokes(DRAWINGS.find((d) => d.t === '7-plain')));
    assert.equal(await text(page, 'digit-prediction'), '7');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its retrain settings from the link, and the exercise checks the answer', async () => {
    const setup = 'start=finetune&optimizer=rmsprop&lr=0.01&batch=128&epochs=3&digits=10000&test=1000&augment=off&seed=7&brush=thick';
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#${setup}`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('digit-start')), 'finetune');
    assert.equal(await page.inputValue(byTestId('digit-optimizer')), 'rmsprop');
    assert.equal(await page.inputValue(byTestId('digit-lr')), '0.01');
    assert.equal(await page.inputValue(byTestId('digit-batch')), '128');
    assert.equal(await page.inputValue(byTestId('digit-epochs')), '3');
    assert.equal(await page.inputValue(byTestId('digit-digits')), '10000');
    assert.equal(await page.inputValue(byTestId('digit-test-digits')), '1000');
    assert.equal(await page.isChecked(byTestId('digit-augment')), false);
    assert.equal(await page.inputValue(byTestId('digit-seed')), '7');
    assert.equal(await page.inputValue(byTestId('digit-brush')), 'thick');
    await page.selectOption(byTestId('digit-optimizer'), 'lion');
    await page.fill(byTestId('digit-epochs'), '5');
    await page.press(byTestId('digit-epochs'), 'Enter');
    await page.check(byTestId('digit-augment'));
    assert.match(page.url(), /optimizer=lion/);
    assert.match(page.url(), /epochs=5/);
    assert.match(page.url(), /augment=on/);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('digit-optimizer')), 'lion');
    assert.equal(await page.inputValue(byTestId('digit-epochs')), '5');

    assert.match(await answerExercise(page, '200704'), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    assert.equal(await page.locator('.exercise-hint').isVisible(), true);
    assert.match(await answerExercise(page, '200,832'), /Correct/);
    await page.click('.md-layers summary');
    assert.match(await text(page, 'digit-parameters'), /^[\d,]+$/);

    // The weights download as safetensors: an 8-byte header length, a JSON header, raw tensors.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('digit-download'))]);
    assert.equal(download.suggestedFilename(), 'mnist-cnn.safetensors');
    const bytes = fs.readFileSync(await download.path());
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8'));
    const tensors = Object.entries(header).filter(([name]) => name !== '__metadata__');
    const weights = tensors.reduce((sum, [, t]) => sum + (t.dtype === 'F32' ? t.shape.reduce((a, b) => a * b, 1) : 0), 0);
    assert.ok(weights >= Number((await text(page, 'digit-parameters')).replace(/,/g, '')), `${weights} floats in the file`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone and reads a digit drawn by touch, without scrolling the page', async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url + LESSON);
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await page.locator(byTestId('digit-canvas')).scrollIntoViewIfNeeded();
    const box = await page.locator(byTestId('digit-canvas')).boundingBox();
    assert.ok(box.width >= 250 && box.width <= 390, `canvas ${box.width}px wide`);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // A finger drawing a 7: touch start, many moves, end (CDP touch events become pointer events).
    const cdp = await context.newCDPSession(page);
    for (const stroke of placeStrokes(DRAWINGS.find((d) => d.t === '7-plain'))) {
      const points = [];
      for (let i = 1; i < stroke.length; i++) {
        for (let k = 0; k < 20; k++) {
          const f = k / 20;
          points.push([stroke[i - 1][0] + f * (stroke[i][0] - stroke[i - 1][0]), stroke[i - 1][1] + f * (stroke[i][1] - stroke[i - 1][1])]);
        }
      }
      points.push(stroke.at(-1));
      const touch = ([x, y]) => ({ x: box.x + x * box.width, y: box.y + y * box.height });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touch(points[0])] });
      for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [touch(p)] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    }
    await settled(page);
    assert.equal(await text(page, 'digit-prediction'), '7');
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'drawing did not scroll the page');
    const overflowAfter = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflowAfter <= 0, `page is ${overflowAfter}px wider than the phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
