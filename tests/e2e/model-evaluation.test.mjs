// model-evaluation, driven as a learner would: breast cancer with logistic regression compared with the
// native `mlplay cv`; the threshold slider moved by keyboard; a confusion-matrix cell clicked; Iris with
// plain vs stratified folds and more folds; a bad k and an impossible k; the learner's own CSV (good
// and broken); the bias–variance panel; the shared link; the exercise; phone width. No console errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, root } from './harness.mjs';

const LESSON = 'lessons/model-evaluation/';
const data = (name) => path.join(root, 'datasets', name);

const text = (page, id) => page.locator(byTestId(id)).textContent();
async function done(page) {
  await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-testid="me-status"]').textContent), null, { timeout: 90000 });
}
async function curveDone(page) {
  await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-testid="me-curve-status"]').textContent), null, { timeout: 120000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await done(page);
  await page.waitForFunction(() => /Lowest test MSE/.test(document.querySelector('[data-testid="bv-status"]').textContent), null, { timeout: 60000 });
}
async function rerun(page, action) {
  await page.evaluate(() => (document.querySelector('[data-testid="me-status"]').textContent = ''));
  await action();
  await done(page);
}
function native(file, args) {
  return JSON.parse(execFileSync(cli, ['cv', data(file), ...args, '--json'], { maxBuffer: 64 << 20 }).toString());
}
const tableRows = (page) => page.locator(`${byTestId('me-fold-table')} tbody tr`).allTextContents();
const cellNumber = async (page, id) => Number((await text(page, id)).replace(/[^\d]/g, ''));

describe('model-evaluation', () => {
  const env = browserAndSite();

  it('cross-validates logistic regression on breast cancer exactly as the native CLI, and the threshold moves the point', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const cv = native('breast-cancer.csv', ['--target', 'diagnosis', '--model', 'logreg', '--l2', '0.01', '--folds', '5', '--test-fraction', '0.2', '--seed', '0']);
    assert.match(await text(page, 'me-status'), /^Done: logistic regression \(lr 0\.5, 200 epochs, L2 0\.01\), 5 stratified folds of 455 rows/);
    assert.match(await text(page, 'me-split-note'), /569 rows.*455 rows are cross-validated in 5 folds.*114 rows \(black\) are the test set/);
    assert.equal(await page.locator(`${byTestId('me-split-bar')} .me-seg`).count(), 6);
    const rows = await tableRows(page);
    assert.equal(rows.length, 5);
    cv.per_fold.forEach((f, i) => assert.ok(rows[i].includes(f.accuracy.toFixed(3)), `fold ${i + 1}: ${rows[i]} has ${f.accuracy.toFixed(3)}`));
    const pct = (v) => `${(100 * v).toFixed(1)}%`;
    assert.equal(await text(page, 'me-accuracy'), `${pct(cv.mean.accuracy)} ± ${pct(cv.sd.accuracy)}`);
    assert.equal(await text(page, 'me-auc'), cv.mean.roc_auc.toFixed(3));
    assert.equal(await text(page, 'me-holdout'), pct(cv.test.accuracy));
    assert.match(await page.locator(byTestId('me-holdout-row')).textContent(), /^test set114/);
    // The out-of-fold confusion matrix, and a clicked cell lists its rows.
    const cells = await page.locator(`${byTestId('me-confusion')} td button`).allTextContents();
    assert.deepEqual(cells.map(Number), cv.confusion_matrix.flat());
    await page.locator(`${byTestId('me-confusion')} button[data-true="1"][data-predicted="0"]`).click();
    const listed = await page.locator(`${byTestId('me-cell-rows')} li`).count();
    assert.equal(listed, cv.confusion_matrix[1][0]);
    assert.match(await text(page, 'me-cell-rows'), /are malignant and were predicted benign/);
    assert.match(await text(page, 'me-cell-rows'), /CSV row \d+ \(fold \d, p\(benign\) = 0\.\d\d\): mean_radius/);
    // ROC AUC of the out-of-fold probabilities, and the threshold table at t = 0.5 counted from the CLI's probabilities.
    assert.equal(await page.inputValue(byTestId('me-positive')), '1');
    assert.equal(await text(page, 'me-roc-auc'), `(AUC ${cv.roc_auc.toFixed(3)})`);
    assert.equal(await text(page, 'me-ap'), `(AP ${cv.average_precision.toFixed(3)})`);
    const at50 = { tp: await cellNumber(page, 'me-tp'), fn: await cellNumber(page, 'me-fn'), fp: await cellNumber(page, 'me-fp'), tn: await cellNumber(page, 'me-tn') };
    assert.equal(at50.tp + at50.fn, cv.per_class[1].support);
    assert.equal(at50.fp + at50.tn, cv.per_class[0].support);
    // With probabilities ≥ 0.5 meaning "malignant", the 2 × 2 table at t = 0.5 is the confusion matrix (no ties at 0.5).
    assert.equal(at50.tp, cv.confusion_matrix[1][1]);
    assert.equal(at50.fp, cv.confusion_matrix[0][1]);
    // Lower the threshold by keyboard: recall can only rise, false positives too.
    await page.focus(byTestId('me-threshold'));
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    assert.equal(await text(page, 'me-threshold-value'), '0.10');
    assert.match(page.url(), /t=10/);
    assert.ok((await cellNumber(page, 'me-tp')) >= at50.tp);
    assert.ok((await cellNumber(page, 'me-fp')) >= at50.fp);
    assert.ok(Number(await text(page, 'me-tpr')) >= at50.tp / (at50.tp + at50.fn));
    await page.keyboard.press('Home');
    assert.equal(await cellNumber(page, 'me-fp'), cv.per_class[0].support, 'at t = 0 everything is called malignant');
    await curveDone(page);
    assert.match(await text(page, 'me-curve-status'), /^Done: with \d+ training rows/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows why stratified folds exist on Iris, and takes more folds and other models', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=iris&model=knn&test=0&pos=0');
    await ready(page);
    assert.match(await text(page, 'me-credit'), /Fisher/);
    assert.match(await text(page, 'me-mix-caption'), /Stratified: each fold gets the same share/);
    const mix = await page.locator(`${byTestId('me-class-mix')} .me-fold-cells`).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
    assert.equal(mix.length, 6);
    for (const row of mix.slice(1)) assert.match(row, /10 setosa, 10 versicolor, 10 virginica/);
    await rerun(page, () => page.uncheck(byTestId('me-stratified')));
    assert.match(page.url(), /strat=0/);
    assert.match(await text(page, 'me-mix-caption'), /Plain folds: the counts of a class differ by up to \d+ between folds/);
    const plain = native('iris.csv', ['--target', 'species', '--model', 'knn', '--k', '5', '--folds', '5', '--no-stratify']);
    assert.equal(await text(page, 'me-accuracy'), `${(100 * plain.mean.accuracy).toFixed(1)}% ± ${(100 * plain.sd.accuracy).toFixed(1)}%`);
    assert.equal(await text(page, 'me-holdout'), '– (no test set)');
    // Ten folds by the slider.
    await rerun(page, () => page.fill(byTestId('me-folds'), '10'));
    assert.equal(await text(page, 'me-folds-value'), '10');
    assert.equal((await tableRows(page)).length, 10);
    assert.equal(await page.locator(`${byTestId('me-fold-diagram')} .me-fold-row`).count(), 10);
    // A bad k keeps the last good one; an impossible k is refused by the engine and the last setup stays.
    const before = await text(page, 'me-accuracy');
    await page.fill(byTestId('me-k'), 'abc');
    await page.press(byTestId('me-k'), 'Enter');
    assert.match(await page.locator('#me-k-message').textContent(), /Neighbours k must be a whole number from 1 to 1,000; keeping 5/);
    await page.fill(byTestId('me-k'), '200');
    await page.press(byTestId('me-k'), 'Enter');
    await page.waitForFunction(() => /could not evaluate/.test(document.querySelector('[data-testid="me-data-message"]').textContent));
    assert.match(await text(page, 'me-data-message'), /n_neighbors|neighbou?rs|more than/i);
    assert.equal(await text(page, 'me-accuracy'), before);
    assert.equal(await page.inputValue(byTestId('me-k')), '5');
    // Other models.
    for (const model of ['tree', 'svm', 'gnb', 'forest']) {
      await rerun(page, () => page.selectOption(byTestId('me-model'), model));
      assert.match(page.url(), new RegExp(`model=${model}`));
    }
    assert.match(await text(page, 'me-status'), /random forest \(50 trees\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes the learner\'s own CSV, and says what is wrong with a broken one', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('me-data'), 'own');
    assert.equal(await page.locator(byTestId('me-own')).isVisible(), true);
    const lines = ['height,weight,kind'];
    for (let i = 0; i < 40; i++) lines.push(`${(i % 2 ? 170 : 150) + (i % 7)},${(i % 2 ? 70 : 50) + (i % 5)},${i % 2 ? 'tall' : 'short'}`);
    await rerun(page, async () => {
      await page.fill(byTestId('me-csv-text'), lines.join('\n'));
      await page.click(byTestId('me-csv-load'));
    });
    assert.equal(await page.inputValue(byTestId('me-target')), 'kind');
    assert.match(await text(page, 'me-split-note'), /^40 rows/);
    assert.equal(await text(page, 'me-accuracy'), '100.0% ± 0.0%');
    const good = await text(page, 'me-split-note');
    await page.fill(byTestId('me-csv-text'), 'a,b\n1,2,3\n');
    await page.click(byTestId('me-csv-load'));
    await page.waitForFunction(() => /Could not read the CSV|could not evaluate/.test(document.querySelector('[data-testid="me-data-message"]').textContent));
    assert.match(await text(page, 'me-data-message'), /row 2 has 3 fields, expected 2/);
    assert.equal(await text(page, 'me-split-note'), good, 'the last good data stays');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('splits the polynomial test error into bias, variance and noise', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=iris&test=0');
    await ready(page);
    const terms = async () => Object.fromEntries(await Promise.all(['bv-bias2', 'bv-variance', 'bv-noise2', 'bv-sum', 'bv-test'].map(async (id) => [id, Number(await text(page, id))])));
    const low = await terms();
    assert.equal(await text(page, 'bv-degree-value'), '3');
    assert.ok(Math.abs(low['bv-bias2'] + low['bv-variance'] + low['bv-noise2'] - low['bv-sum']) < 0.002);
    assert.ok(Math.abs(low['bv-sum'] - low['bv-test']) / low['bv-test'] < 0.05, 'the decomposition adds up to the measured test MSE');
    await page.focus(byTestId('bv-degree'));
    await page.keyboard.press('End');
    assert.equal(await text(page, 'bv-degree-value'), '12');
    assert.match(page.url(), /deg=12/);
    const high = await terms();
    assert.ok(high['bv-variance'] > high['bv-bias2'], 'degree 12 overfits: variance dominates');
    assert.ok(high['bv-test'] > low['bv-test']);
    await page.focus(byTestId('bv-degree'));
    await page.keyboard.press('Home');
    const one = await terms();
    assert.ok(one['bv-bias2'] > one['bv-variance'], 'degree 1 underfits: bias dominates');
    const best = Number((await text(page, 'bv-status')).match(/Lowest test MSE at degree (\d+)/)[1]);
    assert.ok(best >= 3 && best <= 7, `best degree ${best}`);
    // More noise: recomputed.
    await page.evaluate(() => (document.querySelector('[data-testid="bv-status"]').textContent = ''));
    await page.fill(byTestId('bv-noise'), '0.6');
    await page.waitForFunction(() => /Lowest test MSE/.test(document.querySelector('[data-testid="bv-status"]').textContent));
    assert.equal(Number(await text(page, 'bv-noise2')), 0.36);
    assert.match(page.url(), /noise=60/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=wine&model=tree&depth=2&folds=4&strat=0&test=30&seed=3&pos=2&t=70&deg=7&pts=40');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('me-data')), 'wine');
    assert.equal(await page.inputValue(byTestId('me-model')), 'tree');
    assert.equal(await text(page, 'me-depth-value'), '2');
    assert.equal(await page.isChecked(byTestId('me-stratified')), false);
    assert.equal(await text(page, 'me-test-value'), '30%');
    assert.equal(await page.inputValue(byTestId('me-positive')), '2');
    assert.equal(await text(page, 'me-threshold-value'), '0.70');
    assert.equal(await text(page, 'bv-degree-value'), '7');
    assert.equal(await page.inputValue(byTestId('bv-points')), '40');
    const cv = native('wine.csv', ['--target', 'cultivar', '--model', 'tree', '--max-depth', '2', '--folds', '4', '--no-stratify', '--test-fraction', '0.3', '--seed', '3', '--positive', 'class_2']);
    assert.equal(await text(page, 'me-accuracy'), `${(100 * cv.mean.accuracy).toFixed(1)}% ± ${(100 * cv.sd.accuracy).toFixed(1)}%`);
    assert.equal(await text(page, 'me-roc-auc'), `(AUC ${cv.roc_auc.toFixed(3)})`);

    const answer = Number(await page.locator('form.exercise-form').getAttribute('data-answer'));
    assert.match(await answerExercise(page, '0.2'), /Not quite/);
    await openHintAndSolution(page);
    // Do the exercise on the page: the starting setup, raise t until no false positive is left.
    await page.goto(env.server.url + LESSON + '#data=cancer&model=logreg&l2=0.01&pos=1&t=50');
    await page.reload();
    await ready(page);
    await page.focus(byTestId('me-threshold'));
    while ((await cellNumber(page, 'me-fp')) > 0) await page.keyboard.press('ArrowRight');
    const shown = Number(await text(page, 'me-threshold-value'));
    assert.equal(shown, answer, 'the answer is what the page shows');
    assert.match(await answerExercise(page, String(shown)), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await text(page, 'me-threshold-value'), '0.69', 'setup kept on reload');
    assert.equal(await cellNumber(page, 'me-fn'), 18);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=wine&folds=10', { viewport: { width: 390, height: 844 } });
    await ready(page);
    await curveDone(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
