// pca, driven as a learner would: Iris standardized and raw compared with the native CLI; picking
// samples by clicking and dragging on the projection and rebuilding them with the k slider; wine
// and the exercise; the digit sets with eigen-digits; MNIST with Stop; pasted CSVs, broken ones
// included; bad input; the shared link; phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, root } from './harness.mjs';

const LESSON = 'lessons/pca/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
const native = (file, args) => JSON.parse(execFileSync(cli, ['pca', path.join(root, 'datasets', file), ...args, '--json']).toString());

async function done(page) {
  await page.waitForFunction(() => /^(Stopped after )?\d+ components of/.test(document.querySelector('[data-testid="pca-status"]').textContent), null, { timeout: 90000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await done(page);
}
/** Waits for the status to change to a finished fit after an action. */
async function refitted(page, action) {
  await page.evaluate(() => { document.querySelector('[data-testid="pca-status"]').textContent = ''; });
  await action();
  await done(page);
}
async function eigenRows(page) {
  return page.locator(`${byTestId('pca-eigen-table')} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}
async function reconError(page) {
  await page.waitForTimeout(150);
  return Number(await text(page, 'pca-recon-error'));
}
/** CSS-pixel position of a dot of the given colour on the projection canvas. */
async function dotOf(page, [r, g, b]) {
  const found = await page.locator(byTestId('pca-projection')).evaluate((canvas, rgb) => {
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const scale = canvas.width / canvas.clientWidth;
    const near = (x, y) => {
      const i = 4 * (y * width + x);
      return Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 30;
    };
    // The middle of a dot: the pixel and its four neighbours all have the colour.
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        if (near(x, y) && near(x - 1, y) && near(x + 1, y) && near(x, y - 1) && near(x, y + 1)) return [(x + 0.5) / scale, (y + 0.5) / scale];
      }
    }
    return null;
  }, [r, g, b]);
  assert.ok(found, `a dot of colour ${r},${g},${b} on the canvas`);
  return found;
}
const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.abs(b);

describe('pca', () => {
  const env = browserAndSite();

  it('finds the Iris eigenvalues like the native CLI, standardized and raw, with the SVD relation', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'pca-credit'), /Fisher/);
    assert.equal(await page.isChecked(byTestId('pca-standardize')), true);
    assert.equal(await text(page, 'pca-shape'), '150 × 4');
    const cliStd = native('iris.csv', ['--standardize']);
    const rows = await eigenRows(page);
    assert.equal(rows.length, 4);
    for (let k = 0; k < 4; k++) assert.ok(close(Number(rows[k][1]), cliStd.eigenvalues[k], 1e-3), `λ${k + 1} ${rows[k][1]} vs CLI ${cliStd.eigenvalues[k]}`);
    assert.equal(rows[0][1], '2.918');
    assert.equal(await text(page, 'pca-two'), '95.8%');
    assert.equal(await text(page, 'pca-total'), '4');
    const legend = await page.locator(`${byTestId('pca-legend')} li`).allTextContents();
    assert.deepEqual(legend.map((s) => s.trim()), ['setosa', 'versicolor', 'virginica']);
    // σ²/(n−1) = λ and the vectors agree.
    const svd = await page.locator(`${byTestId('pca-svd')} tbody tr`).evaluateAll((r) => r.map((x) => [...x.cells].map((c) => c.textContent)));
    assert.equal(svd.length, 3);
    assert.equal(svd[0][2], svd[0][3]);
    assert.equal(svd[0][4], '1.000000');
    // A 4 × 4 correlation matrix with ones on the diagonal.
    const diagonal = await page.locator(`${byTestId('pca-covariance')} tr:nth-child(2) td:nth-of-type(1)`).textContent();
    assert.equal(diagonal, '1');

    const cliRaw = native('iris.csv', []);
    await refitted(page, () => page.click(byTestId('pca-standardize')));
    assert.match(page.url(), /standardize=0/);
    assert.ok(close(Number((await eigenRows(page))[0][1]), cliRaw.eigenvalues[0], 1e-3));
    assert.equal(await text(page, 'pca-two'), `${(100 * (cliRaw.explained_variance_ratio[0] + cliRaw.explained_variance_ratio[1])).toFixed(1)}%`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('picks samples by clicking, dragging and arrow keys, and rebuilds them from k components', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="pca-sample-label"]').textContent.startsWith('#0'));
    assert.match(await text(page, 'pca-sample-label'), /#0 \(species setosa\)/);
    const canvas = page.locator(byTestId('pca-projection'));
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // Click on a green (virginica) dot, found by its colour on the canvas.
    const [gx, gy] = await dotOf(page, [22, 163, 74]);
    await page.mouse.click(box.x + gx, box.y + gy);
    await page.waitForFunction(() => /virginica/.test(document.querySelector('[data-testid="pca-sample-label"]').textContent));
    const clicked = Number(await page.inputValue(byTestId('pca-sample')));
    assert.ok(clicked >= 100, `a virginica sample: ${clicked}`);
    assert.match(page.url(), new RegExp(`sample=${clicked}`));
    // Drag from there to a blue (setosa) dot: the pick follows the pointer.
    const [bx, by] = await dotOf(page, [37, 99, 235]);
    await page.mouse.move(box.x + gx, box.y + gy);
    await page.mouse.down();
    await page.mouse.move(box.x + bx, box.y + by, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(() => /setosa/.test(document.querySelector('[data-testid="pca-sample-label"]').textContent));
    assert.ok(Number(await page.inputValue(byTestId('pca-sample'))) < 50);
    // Keyboard: arrows step through samples.
    const before = Number(await page.inputValue(byTestId('pca-sample')));
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="pca-sample"]').value) === b + 1, before);
    // k = 4 rebuilds exactly; fewer components lose something.
    await page.fill(byTestId('pca-sample'), '100');
    await page.press(byTestId('pca-sample'), 'Enter');
    await page.fill(byTestId('pca-recon-k'), '4');
    await page.waitForFunction(() => document.querySelector('[data-testid="pca-k-value"]').textContent === '4');
    assert.ok((await reconError(page)) < 1e-9);
    await page.fill(byTestId('pca-recon-k'), '1');
    const e1 = await reconError(page);
    await page.fill(byTestId('pca-recon-k'), '2');
    const e2 = await reconError(page);
    assert.ok(e1 > e2 && e2 > 1e-6, `error falls with k: ${e1} > ${e2}`);
    const rows = await page.locator(`${byTestId('pca-recon-table')} tbody tr`).count();
    assert.equal(rows, 4);
    assert.match(page.url(), /k=2/);
    assert.match(page.url(), /sample=100/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('wine shows why standardizing matters, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await refitted(page, () => page.selectOption(byTestId('pca-source'), 'wine'));
    assert.equal(await page.isChecked(byTestId('pca-standardize')), false, 'wine starts unstandardized');
    assert.equal(await text(page, 'pca-shape'), '178 × 13');
    assert.equal(await text(page, 'pca-found'), '13 of 13');
    const raw = Number((await eigenRows(page))[0][2].replace('%', ''));
    assert.ok(raw > 99.5, `proline dominates: PC1 ${raw}%`);
    const loadings = await page.locator(`${byTestId('pca-loadings')} tbody tr`).evaluateAll((r) => r.map((x) => [x.cells[0].textContent, Number(x.cells[1].textContent)]));
    const top = loadings.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
    assert.equal(top[0], 'proline');
    await refitted(page, () => page.click(byTestId('pca-standardize')));
    const two = await text(page, 'pca-two');
    assert.equal(two, '55.4%');
    assert.match(await answerExercise(page, '99.8'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, two.replace('%', '')), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('pca-source')), 'wine', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws eigen-digits and rebuilds digits on the 8×8 set and on MNIST, and Stop stops', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await refitted(page, () => page.selectOption(byTestId('pca-source'), 'digits'));
    assert.equal(await text(page, 'pca-shape'), '1,797 × 64');
    assert.equal(await page.locator(`${byTestId('pca-eigendigits')} canvas`).count(), 16);
    assert.equal(await page.locator(byTestId('pca-recon-images')).isVisible(), true);
    assert.equal((await page.locator(`${byTestId('pca-legend')} li`).count()), 10);
    await page.fill(byTestId('pca-recon-k'), '1');
    const e1 = await reconError(page);
    await page.fill(byTestId('pca-recon-k'), '20');
    const e20 = await reconError(page);
    assert.ok(e20 < 0.5 * e1, `20 components rebuild better: ${e20} vs ${e1}`);

    await refitted(page, () => page.selectOption(byTestId('pca-source'), 'mnist'));
    assert.equal(await text(page, 'pca-shape'), '3,000 × 784');
    assert.equal(await text(page, 'pca-found'), '20 of 784');
    assert.match(await text(page, 'pca-credit'), /MNIST/);
    const rows = await eigenRows(page);
    const share = Number(rows[0][2].replace('%', ''));
    assert.ok(share > 8 && share < 12, `PC1 of MNIST explains about 10%: ${share}`);
    const svd = await page.locator(`${byTestId('pca-svd')} tbody tr`).evaluateAll((r) => r.map((x) => [...x.cells].map((c) => c.textContent)));
    assert.ok(close(Number(svd[1][2]), Number(svd[1][3]), 1e-3));
    assert.match(await text(page, 'pca-covariance-caption'), /784 features/);
    // Ask for 200 components, then stop part-way.
    await page.fill(byTestId('pca-components'), '200');
    await page.press(byTestId('pca-components'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="pca-fit"]').textContent === 'Stop');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="pca-eigen-table"] tbody tr').length >= 35, null, { timeout: 60000 });
    await page.click(byTestId('pca-fit'));
    await page.waitForFunction(() => /^Stopped after \d+ components/.test(document.querySelector('[data-testid="pca-status"]').textContent), null, { timeout: 60000 });
    const found = Number((await text(page, 'pca-found')).split(' ')[0]);
    assert.ok(found >= 35 && found < 200, `stopped at ${found}`);
    assert.equal(await text(page, 'pca-fit'), 'Fit');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('analyses a pasted CSV, refuses broken ones by row and column, and keeps the data; bad settings get a message', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('pca-components'), 'many');
    await page.press(byTestId('pca-components'), 'Enter');
    assert.match(await page.locator('#pca-components-message').textContent(), /Components must be a whole number from 1 to 784; keeping 4/);
    await page.fill(byTestId('pca-sample'), '-3');
    await page.press(byTestId('pca-sample'), 'Enter');
    assert.match(await page.locator('#pca-sample-message').textContent(), /Sample # must be a whole number from 0 to 149/);

    await page.selectOption(byTestId('pca-source'), 'csv');
    assert.equal(await page.locator(byTestId('pca-csv-text')).isVisible(), true);
    const rows = ['x,y,group'];
    for (let i = 0; i < 20; i++) rows.push(`${i},${2 * i + (i % 3) * 0.1},${i < 10 ? 'low' : 'high'}`);
    await refitted(page, async () => {
      await page.fill(byTestId('pca-csv-text'), rows.join('\n'));
      await page.click(byTestId('pca-csv-load'));
    });
    assert.equal(await text(page, 'pca-shape'), '20 × 2');
    assert.equal(await text(page, 'pca-found'), '2 of 2');
    const share = Number((await eigenRows(page))[0][2].replace('%', ''));
    assert.ok(share > 99.9, `points on a line: PC1 ${share}%`);
    assert.match(await text(page, 'pca-status'), /Colours: group/);

    await page.setInputFiles(byTestId('pca-csv-file'), { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n5,oops\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="pca-csv-message"]').textContent !== '');
    assert.match(await text(page, 'pca-csv-message'), /CSV row 4, column 'b': 'oops' is not a number/);
    assert.match(await text(page, 'pca-csv-message'), /Keeping the current data \(20 samples × 2 features\)/);
    await done(page);
    assert.equal(await text(page, 'pca-shape'), '20 × 2');
    await page.fill(byTestId('pca-csv-text'), 'name,kind\nx,y\n');
    await page.click(byTestId('pca-csv-load'));
    await page.waitForFunction(() => /no numeric column/.test(document.querySelector('[data-testid="pca-csv-message"]').textContent));
    await done(page);
    // Still usable: the slider rebuilds the kept data.
    await page.fill(byTestId('pca-recon-k'), '2');
    assert.ok((await reconError(page)) < 1e-9);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=wine&standardize=1&components=5&x=1&y=3&sample=7&k=3');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('pca-source')), 'wine');
    assert.equal(await page.isChecked(byTestId('pca-standardize')), true);
    assert.equal(await page.inputValue(byTestId('pca-components')), '5');
    assert.equal((await eigenRows(page)).length, 5);
    assert.equal(await page.inputValue(byTestId('pca-y-axis')), '3');
    assert.equal(await page.inputValue(byTestId('pca-sample')), '7');
    assert.equal(await text(page, 'pca-k-value'), '3');
    await page.waitForFunction(() => document.querySelector('[data-testid="pca-sample-label"]').textContent.startsWith('#7'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=wine&standardize=1', { viewport: { width: 390, height: 844 } });
    await ready(page);
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await refitted(page, () => page.selectOption(byTestId('pca-source'), 'digits'));
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen (digits)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
