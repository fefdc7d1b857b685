// kmeans, driven as a learner would: blobs animated to convergence and stepped by hand; Iris compared
// with the native CLI; the elbow and silhouette sweep and the exercise; a pasted CSV, broken ones
// included; bad input; colour quantization with the slider dragged and photos uploaded; the shared
// link; phone width; reduced motion. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, root } from './harness.mjs';

const LESSON = 'lessons/kmeans/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
const native = (file, args) => JSON.parse(execFileSync(cli, ['kmeans', path.join(root, 'datasets', file), ...args, '--json']).toString());

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await converged(page);
}
async function converged(page) {
  await page.waitForFunction(() => /^(Converged|Stopped) after \d+ iteration/.test(document.querySelector('[data-testid="km-status"]').textContent), null, { timeout: 60000 });
}
/** Clears the status, does `action`, and waits for the run it starts to converge. */
async function rerun(page, action) {
  await page.evaluate(() => { document.querySelector('[data-testid="km-status"]').textContent = ''; });
  await action();
  await converged(page);
}
async function swept(page) {
  await page.waitForFunction(() => (document.querySelector('[data-testid="km-silhouette"]').dataset.values ?? '').split(',').length === 10, null, { timeout: 60000 });
}
async function logRows(page) {
  return page.locator(`${byTestId('km-log')} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}
const num = (s) => Number(String(s).replace(/,/g, ''));

/** A w × h PNG of one colour (no image library needed). */
function png(w, h, [r, g, b]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0), header.writeUInt32BE(h, 4), header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([r, g, b], y * (1 + 3 * w) + 1 + 3 * x);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('kmeans', () => {
  const env = browserAndSite();

  it('animates k-means on blobs to convergence and steps a run by hand', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#speed=fast');
    await ready(page);
    assert.match(await text(page, 'km-credit'), /blobs drawn by the engine/);
    let rows = await logRows(page);
    const iterations = num(await text(page, 'km-iteration'));
    assert.equal(rows.length, iterations + 1, 'one row per iteration after the start');
    assert.equal(rows[0][0], 'start');
    assert.match(rows[0][1], /^400 assigned/);
    for (let i = 1; i < rows.length; i++) assert.ok(num(rows[i][3]) <= num(rows[i - 1][3]) * (1 + 1e-9), `inertia falls: ${rows[i - 1][3]} → ${rows[i][3]}`);
    assert.equal(await page.locator(`${byTestId('km-sizes')} li`).count(), 4);
    const sizes = await page.locator(`${byTestId('km-sizes')} li`).allTextContents();
    assert.equal(sizes.reduce((s, t) => s + num(t.split(': ')[1]), 0), 400);
    assert.ok(num(await text(page, 'km-silhouette-score')) > 0.3);
    assert.equal(await page.locator(byTestId('km-crosstab-wrap')).isVisible(), true);

    // Restart, then step by hand: one iteration per click.
    await page.click(byTestId('km-restart'));
    await page.waitForFunction(() => document.querySelector('[data-testid="km-iteration"]').textContent === '0');
    assert.equal((await logRows(page)).length, 1);
    assert.equal(await text(page, 'km-moved'), '–');
    // Each Step click is one iteration, until the run converges.
    for (let i = 1; i <= 50; i++) {
      await page.click(byTestId('km-step'));
      await page.waitForFunction((n) => document.querySelector('[data-testid="km-iteration"]').textContent === String(n), i);
      assert.equal((await logRows(page)).length, i + 1);
      const said = await text(page, 'km-status');
      if (/^Converged/.test(said)) break;
      assert.match(said, new RegExp(`^Iteration ${i}: `));
    }
    assert.match(await text(page, 'km-status'), /^Converged after/);
    assert.equal(num(await text(page, 'km-iteration')), iterations, 'stepping by hand ends where the animation did');
    // A further Step says so; Run starts over and animates to the same end.
    await page.click(byTestId('km-step'));
    await page.waitForFunction(() => /already converged/.test(document.querySelector('[data-testid="km-status"]').textContent));
    await rerun(page, () => page.click(byTestId('km-run')));
    assert.equal(num(await text(page, 'km-iteration')), iterations);
    // The canvas shows coloured points.
    const colours = await page.locator(byTestId('km-plot')).evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) if (data[i + 3] > 200) seen.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
      return seen.size;
    });
    assert.ok(colours > 6, `several colours drawn: ${colours}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('clusters Iris exactly like the native CLI with the same seed, and compares with the species', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#speed=fast');
    await ready(page);
    await rerun(page, () => page.selectOption(byTestId('km-source'), 'iris'));
    assert.match(await text(page, 'km-credit'), /Fisher/);
    assert.equal(await page.inputValue(byTestId('km-k')), '3');
    assert.equal(await page.inputValue(byTestId('km-x')), '0');
    const cli = native('iris.csv', ['--k', '3', '--seed', '1']);
    assert.equal(num(await text(page, 'km-inertia')), Number(cli.inertia.toPrecision(5)));
    assert.equal(num(await text(page, 'km-iteration')), cli.iterations);
    const sizes = (await page.locator(`${byTestId('km-sizes')} li`).allTextContents()).map((t) => num(t.split(': ')[1]));
    assert.deepEqual(sizes, cli.sizes);
    assert.equal(await text(page, 'km-crosstab-title'), 'Clusters against species');
    const head = await page.locator(`${byTestId('km-crosstab')} thead th`).allTextContents();
    assert.deepEqual(head, ['cluster', 'setosa', 'versicolor', 'virginica']);
    const table = await page.locator(`${byTestId('km-crosstab')} tbody tr`).evaluateAll((r) => r.map((x) => [...x.cells].slice(1).map((c) => Number(c.textContent))));
    assert.ok(table.some((row) => row[0] === 50 && row[1] === 0 && row[2] === 0), 'setosa is a cluster of its own');
    assert.match(await text(page, 'km-silhouette-score'), /^0\.55/);
    // Random starts and another seed: again like the CLI.
    await rerun(page, () => page.selectOption(byTestId('km-init'), 'random'));
    await rerun(page, async () => {
      await page.fill(byTestId('km-seed'), '7');
      await page.press(byTestId('km-seed'), 'Enter');
    });
    const random = native('iris.csv', ['--k', '3', '--seed', '7', '--init', 'random']);
    assert.equal(num(await text(page, 'km-inertia')), Number(random.inertia.toPrecision(5)));
    assert.match(page.url(), /init=random/);
    assert.match(page.url(), /seed=7/);
    // Standardized: centroids come back in centimetres, and the plot axes can change.
    await rerun(page, () => page.click(byTestId('km-standardize')));
    const standardized = native('iris.csv', ['--k', '3', '--seed', '7', '--init', 'random', '--standardize']);
    assert.equal(num(await text(page, 'km-inertia')), Number(standardized.inertia.toPrecision(5)));
    await page.selectOption(byTestId('km-x'), '2');
    assert.match(page.url(), /x=2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('sweeps k for the elbow and silhouette plots, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=iris&k=3&speed=fast');
    await ready(page);
    await swept(page);
    const inertias = JSON.parse(await page.locator(byTestId('km-elbow')).getAttribute('data-values'));
    assert.equal(inertias.length, 10);
    const cli = native('iris.csv', ['--k', '3', '--sweep', '10', '--n-init', '5', '--seed', '1']);
    assert.ok(Math.abs(inertias[0] - 681.3706) < 1e-6, `k = 1 is the total scatter: ${inertias[0]}`);
    assert.ok(Math.abs(inertias[2] - 78.8514) / 78.85 < 0.01, `k = 3 as scikit-learn: ${inertias[2]}`);
    for (let k = 1; k < 10; k++) assert.ok(inertias[k] <= inertias[k - 1] + 1e-9, 'inertia falls with k');
    assert.ok(Math.abs(inertias[4] - cli.sweep[4].inertia) / cli.sweep[4].inertia < 0.01);
    const silhouettes = JSON.parse(await page.locator(byTestId('km-silhouette')).getAttribute('data-values'));
    assert.equal(silhouettes[0], null);
    assert.ok(Math.abs(silhouettes[1] - 0.681) < 0.005, `k = 2: ${silhouettes[1]}`);
    const best = await page.locator(byTestId('km-silhouette')).getAttribute('data-best');
    assert.equal(best, '2');

    assert.match(await answerExercise(page, '3'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, best), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('km-source')), 'iris', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('clusters a pasted CSV, refuses broken ones by row and column and keeps the data; bad settings get a message', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#speed=fast');
    await ready(page);
    await page.fill(byTestId('km-k'), 'many');
    await page.press(byTestId('km-k'), 'Enter');
    assert.match(await page.locator('#km-k-message').textContent(), /Clusters k must be a whole number from 1 to 20; keeping 4/);
    await page.fill(byTestId('km-spread'), '-2');
    await page.press(byTestId('km-spread'), 'Enter');
    assert.match(await page.locator('#km-spread-message').textContent(), /Spread σ/);
    await page.fill(byTestId('km-n'), '3');
    await page.press(byTestId('km-n'), 'Enter');
    assert.match(await page.locator('#km-n-message').textContent(), /Points must be a whole number from 10 to 5,000; keeping 400/);
    assert.equal(await text(page, 'km-iteration') !== '–', true, 'the run is still shown');

    await page.selectOption(byTestId('km-source'), 'csv');
    assert.equal(await page.locator(byTestId('km-csv-text')).isVisible(), true);
    const rows = ['income,spending,segment'];
    for (let i = 0; i < 30; i++) rows.push(`${i < 15 ? 20 + (i % 5) : 80 + (i % 5)},${i < 15 ? 30 + (i % 3) : 70 + (i % 3)},${i < 15 ? 'thrifty' : 'lavish'}`);
    await rerun(page, async () => {
      await page.fill(byTestId('km-k'), '2');
      await page.press(byTestId('km-k'), 'Enter');
      await converged(page);
      await page.evaluate(() => { document.querySelector('[data-testid="km-status"]').textContent = ''; });
      await page.fill(byTestId('km-csv-text'), rows.join('\n'));
      await page.click(byTestId('km-csv-load'));
    });
    assert.equal(await page.locator(`${byTestId('km-x')} option`).count(), 2);
    assert.equal(await text(page, 'km-crosstab-title'), 'Clusters against segment');
    const table = await page.locator(`${byTestId('km-crosstab')} tbody tr`).evaluateAll((r) => r.map((x) => [...x.cells].slice(1).map((c) => Number(c.textContent))));
    assert.deepEqual(table.map((r) => Math.max(...r)).sort(), [15, 15], 'two clean clusters');

    // A stray word in a column of numbers: refused, naming the row (the header is row 1) and the column.
    const broken = ['a,b', ...Array.from({ length: 12 }, (_, i) => `${i},${i === 2 ? 'oops' : 2 * i}`)].join('\n');
    await page.setInputFiles(byTestId('km-csv-file'), { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.waitForFunction(() => document.querySelector('[data-testid="km-csv-message"]').textContent !== '');
    assert.match(await text(page, 'km-csv-message'), /CSV row 4, column 'b': 'oops' is not a number/);
    assert.match(await text(page, 'km-csv-message'), /Keeping the current data \(30 points × 2 features\)/);
    await page.fill(byTestId('km-csv-text'), 'name,kind\nx,y\nz,w\n');
    await page.click(byTestId('km-csv-load'));
    await page.waitForFunction(() => /no numeric column to cluster/.test(document.querySelector('[data-testid="km-csv-message"]').textContent));
    // k larger than the data: explained, not crashed on.
    await page.fill(byTestId('km-csv-text'), 'x,y\n1,2\n3,4\n5,6\n');
    await page.click(byTestId('km-csv-load'));
    await page.fill(byTestId('km-k'), '5');
    await page.press(byTestId('km-k'), 'Enter');
    await page.waitForFunction(() => /more than the 3 points/.test(document.querySelector('[data-testid="km-status"]').textContent));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('repaints the photo with k colours as the slider moves, and takes an uploaded image', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#speed=fast');
    await ready(page);
    const quantized = () => page.waitForFunction(() => /colours from [\d,]+ sampled pixels/.test(document.querySelector('[data-testid="km-quantize-status"]').textContent), null, { timeout: 60000 });
    await quantized();
    assert.match(await text(page, 'km-photo-credit'), /Beato/);
    assert.match(await text(page, 'km-photo-note'), /downscaled to 640 × 512/);
    assert.equal(await text(page, 'km-q-bits'), '4 (was 24)');
    assert.equal(await page.locator(`${byTestId('km-palette')} li`).count(), 16);
    const rmse16 = Number(await text(page, 'km-q-rmse'));
    // Drag the slider to the far left: 2 colours.
    const slider = page.locator(byTestId('km-colors'));
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    await page.evaluate(() => { document.querySelector('[data-testid="km-quantize-status"]').textContent = ''; });
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 20, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid="km-colors-value"]').textContent === '2');
    await page.waitForFunction(() => /^2 colours from/.test(document.querySelector('[data-testid="km-quantize-status"]').textContent), null, { timeout: 60000 });
    assert.equal(await text(page, 'km-q-bits'), '1 (was 24)');
    assert.equal(await page.locator(`${byTestId('km-palette')} li`).count(), 2);
    assert.ok(Number(await text(page, 'km-q-rmse')) > rmse16, 'fewer colours, larger error');
    assert.match(page.url(), /colors=2/);
    // The repainted image holds only the palette's colours.
    const distinct = await page.locator(byTestId('km-quantized')).evaluate((canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return seen.size;
    });
    assert.equal(distinct, 2);

    await page.setInputFiles(byTestId('km-photo'), { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    await page.waitForFunction(() => /not an image/.test(document.querySelector('[data-testid="km-photo-message"]').textContent));
    assert.match(await text(page, 'km-photo-message'), /The current photo stays/);
    await page.evaluate(() => { document.querySelector('[data-testid="km-quantize-status"]').textContent = ''; });
    await page.setInputFiles(byTestId('km-photo'), { name: 'green.png', mimeType: 'image/png', buffer: png(40, 30, [20, 160, 60]) });
    await quantized();
    assert.match(await text(page, 'km-photo-note'), /“green.png”, 40 × 30 pixels/);
    assert.match(await text(page, 'km-photo-credit'), /nothing is uploaded/);
    assert.equal(await text(page, 'km-q-rmse'), '0.0');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link', async () => {
    const link = '#source=blobs&k=3&init=random&seed=5&standardize=1&n=250&centers=5&spread=0.8&blobSeed=9&speed=slow&colors=8&qinit=random';
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + link);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await ready(page);
    assert.equal(await page.inputValue(byTestId('km-k')), '3');
    assert.equal(await page.inputValue(byTestId('km-init')), 'random');
    assert.equal(await page.inputValue(byTestId('km-seed')), '5');
    assert.equal(await page.isChecked(byTestId('km-standardize')), true);
    assert.equal(await page.inputValue(byTestId('km-n')), '250');
    assert.equal(await page.inputValue(byTestId('km-centers')), '5');
    assert.equal(await page.inputValue(byTestId('km-spread')), '0.8');
    assert.equal(await page.inputValue(byTestId('km-speed')), 'slow');
    assert.equal(await page.inputValue(byTestId('km-qinit')), 'random');
    assert.equal(await text(page, 'km-colors-value'), '8');
    assert.match((await logRows(page))[0][1], /^250 assigned/);
    assert.equal(await page.locator(`${byTestId('km-crosstab')} thead th`).count(), 6, 'five blobs');
    // New blobs: another seed in the link, other points.
    const before = await text(page, 'km-inertia');
    await rerun(page, () => page.click(byTestId('km-regenerate')));
    assert.match(page.url(), /blobSeed=10/);
    assert.notEqual(await text(page, 'km-inertia'), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=wine&k=3&standardize=1&speed=fast', { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.waitForFunction(() => /sampled pixels/.test(document.querySelector('[data-testid="km-quantize-status"]').textContent), null, { timeout: 60000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.equal(await text(page, 'km-crosstab-title'), 'Clusters against cultivar');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
