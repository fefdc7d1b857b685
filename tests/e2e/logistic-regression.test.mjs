// logistic-regression, driven as a learner would: Iris petals trained like the native CLI (loss from
// log 3, accuracy, confusion matrix), a click on the probability map and the arrow keys; every feature;
// breast cancer (sigmoid); a pasted CSV and a broken one; bad settings; the shared link; the exercise;
// phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openPage } from './harness.mjs';

const LESSON = 'lessons/logistic-regression/';
const IRIS = path.join(root, 'datasets/iris.csv');
const CANCER = path.join(root, 'datasets/breast-cancer.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
async function trained(page) {
  await page.waitForFunction(() => /^(Done|Stopped|Diverged)/.test(document.querySelector('[data-testid="lg-status"]').textContent), null, { timeout: 90000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await trained(page);
}
async function retrained(page, action) {
  await page.evaluate(() => { document.querySelector('[data-testid="lg-status"]').textContent = 'waiting'; });
  await action();
  await trained(page);
}
function logreg(file, target, args) {
  return JSON.parse(execFileSync(cli, ['logreg', file, '--target', target, '--seed', '1', '--test-fraction', '0.2', ...args, '--json']).toString());
}
const percent = (v) => `${(100 * v).toFixed(1)}%`;
async function confusion(page, k) {
  const out = [];
  for (let i = 0; i < k; i++) {
    const row = [];
    for (let j = 0; j < k; j++) row.push(Number(await page.locator(`${byTestId('lg-confusion')} td[data-cell="${i},${j}"]`).textContent()));
    out.push(row);
  }
  return out;
}

describe('logistic-regression', () => {
  const env = browserAndSite();

  it('trains softmax on Iris petals like the CLI, shows the map and probes a clicked point', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'lg-credit'), /Iris/);
    assert.equal(await page.inputValue(byTestId('lg-x')), 'petal_length');
    assert.equal(await page.inputValue(byTestId('lg-y')), 'petal_width');
    const run = logreg(IRIS, 'species', ['--features', 'petal_length,petal_width', '--lr', '0.5', '--epochs', '300']);
    assert.equal(run.history[0].loss.toFixed(3), '1.099');
    assert.equal(await text(page, 'lg-epoch'), '300');
    assert.equal(await text(page, 'lg-test-acc'), percent(run.test_accuracy));
    assert.ok(Math.abs((await numberIn(page, 'lg-train-loss')) - run.train_loss) < 1e-4);
    assert.deepEqual(await confusion(page, 3), run.confusion);
    assert.ok(run.test_accuracy >= 0.9);
    // Click the map in the bottom-left corner (short petals): setosa, almost surely.
    const map = page.locator(byTestId('lg-map'));
    const boxOnPage = await map.boundingBox();
    await map.click({ position: { x: 70, y: boxOnPage.height - 55 } });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lg-probs"] li').length === 3);
    assert.match(await text(page, 'lg-probe-point'), /petal_length = [\d.]+, petal_width = [\d.]+/);
    assert.ok(parseFloat(await text(page, 'lg-prob-0')) > 90, 'setosa in the corner of short petals');
    // Arrow keys move the probe: far right and up is virginica.
    await map.focus();
    for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => /petal_length = 7\.\d+, petal_width = 2\.\d+/.test(document.querySelector('[data-testid="lg-probe-point"]').textContent));
    assert.ok(parseFloat(await text(page, 'lg-prob-2')) > 75, 'virginica at long, wide petals');
    const sum = [0, 1, 2].map(async (k) => parseFloat(await text(page, `lg-prob-${k}`)));
    const total = (await Promise.all(sum)).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - 100) < 0.3, `probabilities add up to 100%: ${total}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('uses every feature, trains breast cancer with the sigmoid, and restores the link', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await retrained(page, () => page.check(byTestId('lg-all')));
    const all = logreg(IRIS, 'species', ['--lr', '0.5', '--epochs', '300']);
    assert.equal(await text(page, 'lg-test-acc'), percent(all.test_accuracy));
    assert.equal(await page.locator(byTestId('lg-map-note')).isVisible(), true);
    assert.match(page.url(), /all=1/);
    await retrained(page, () => page.selectOption(byTestId('lg-source'), 'cancer'));
    assert.equal(await page.inputValue(byTestId('lg-target')), 'diagnosis');
    // “Use every feature” stays ticked: all 30 measurements.
    const cancer = logreg(CANCER, 'diagnosis', ['--lr', '0.5', '--epochs', '300']);
    assert.equal(await text(page, 'lg-test-acc'), percent(cancer.test_accuracy));
    assert.equal(cancer.model, 'sigmoid');
    assert.deepEqual(await confusion(page, 2), cancer.confusion);
    assert.match(page.url(), /source=cancer/);
    await page.goto(env.server.url + LESSON + '#source=iris&x=sepal_length&y=sepal_width&epochs=50&l2=0.1');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('lg-x')), 'sepal_length');
    assert.equal(await text(page, 'lg-epoch'), '50');
    assert.equal(await page.inputValue(byTestId('lg-l2')), '0.1');
    const sepals = logreg(IRIS, 'species', ['--features', 'sepal_length,sepal_width', '--lr', '0.5', '--epochs', '50', '--l2', '0.1']);
    assert.equal(await text(page, 'lg-test-acc'), percent(sepals.test_accuracy));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes a pasted CSV, refuses a broken one by row and column, and keeps the data', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('lg-source'), 'own');
    const rows = ['hours,sleep,result'];
    for (let i = 0; i < 40; i++) {
      const hours = (i * 13) % 10, sleep = 4 + ((i * 7) % 5);
      rows.push(`${hours},${sleep},${hours + 0.5 * sleep > 7 ? 'pass' : 'fail'}`);
    }
    await retrained(page, async () => {
      await page.fill(byTestId('lg-csv-text'), rows.join('\n'));
      await page.click(byTestId('lg-csv-load'));
    });
    assert.equal(await page.inputValue(byTestId('lg-target')), 'result');
    assert.equal(await page.inputValue(byTestId('lg-x')), 'hours');
    assert.ok(parseFloat(await text(page, 'lg-train-acc')) >= 85, 'a nearly separable set is learned');
    await page.setInputFiles(byTestId('lg-csv-file'), { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,x\n2,3,y\n3,4,x\n4,5,y\n5,6,x\n6,7,y\n7,8,x\n8,9,y\n9,10,x\n10,oops,y\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="lg-csv-message"]').textContent !== '');
    assert.match(await text(page, 'lg-csv-message'), /CSV row 11, column 'b': 'oops' is not a number/);
    assert.match(await text(page, 'lg-csv-message'), /Keeping the current data \(40 rows, classes fail, pass\)/);
    await page.fill(byTestId('lg-csv-text'), 'a,b,c\n1,2,x\n2,3,x\n');
    await page.click(byTestId('lg-csv-load'));
    await page.waitForFunction(() => /single class 'x'/.test(document.querySelector('[data-testid="lg-csv-message"]').textContent));
    await retrained(page, () => page.click(byTestId('lg-train')));
    assert.match(await text(page, 'lg-status'), /^Done/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with bad settings, keeps the last good value, and checks the exercise', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('lg-lr'), 'quick');
    await page.press(byTestId('lg-lr'), 'Enter');
    assert.match(await page.locator('#lg-lr-message').textContent(), /Learning rate must be a number from .* not “quick”; keeping 0\.5/);
    await page.fill(byTestId('lg-epochs'), '0');
    await page.press(byTestId('lg-epochs'), 'Enter');
    assert.match(await page.locator('#lg-epochs-message').textContent(), /Epochs must be a whole number/);
    await page.fill(byTestId('lg-l2'), '-3');
    await page.press(byTestId('lg-l2'), 'Enter');
    assert.match(await page.locator('#lg-l2-message').textContent(), /L2 penalty must be a number from 0 to 100/);
    const all = logreg(IRIS, 'species', ['--lr', '0.5', '--epochs', '300']);
    const wrong = 30 - Math.round(all.test_accuracy * 30);
    assert.match(await answerExercise(page, String(wrong + 3)), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    await page.click(byTestId('exercise-solution'));
    assert.equal(await page.locator('.exercise-solution').isVisible(), true);
    assert.match(await answerExercise(page, String(wrong)), /Correct/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.selectOption(byTestId('lg-source'), 'own');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
