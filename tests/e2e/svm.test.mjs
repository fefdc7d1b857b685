// svm, driven as a learner would: the linear soft margin with sub-gradient descent beside SMO; C moved
// with the keyboard and the hard margin; kernels on moons; Iris one-vs-rest and its grid search
// compared with the native CLI; stopping a grid search; a bad seed; the shared link; the exercise;
// phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, root } from './harness.mjs';

const LESSON = 'lessons/svm/';
const IRIS = path.join(root, 'datasets/iris.csv');
const GRID_C = [0.01, 0.1, 1, 10, 100, 1000];
const GRID_GAMMA = [0.01, 0.1, 1, 10, 100];

const text = (page, id) => page.locator(byTestId(id)).textContent();
const percentIn = async (page, id) => Number((await text(page, id)).split('%')[0]);
const supportCount = async (page) => Number((await text(page, 'svm-support')).split(' ')[0]);
async function done(page) {
  await page.waitForFunction(() => /^Done/.test(document.querySelector('[data-testid="svm-status"]').textContent), null, { timeout: 60000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await done(page);
}
async function refit(page, action) {
  await page.evaluate(() => (document.querySelector('[data-testid="svm-status"]').textContent = ''));
  await action();
  await done(page);
}
async function gridDone(page) {
  await page.waitForFunction(() => /^(Done|Stopped)/.test(document.querySelector('[data-testid="svm-grid-status"]').textContent), null, { timeout: 120000 });
}
function native(args) {
  return JSON.parse(execFileSync(cli, ['svm', IRIS, '--target', 'species', '--standardize', ...args, '--json']).toString());
}
const pct = (accuracy) => Number((100 * accuracy).toFixed(1));

describe('svm', () => {
  const env = browserAndSite();

  it('fits a soft linear margin by SMO and by sub-gradient descent; C and the hard margin follow the keyboard', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'svm-status'), /^Done: linear kernel, C = 1, one machine; 60 training and 20 test points/);
    assert.equal(await page.locator(byTestId('svm-sgd')).isVisible(), true);
    const gap = (await text(page, 'svm-sgd-gap')).match(/best J = (\d+(?:\.\d+)?), SMO: (\d+(?:\.\d+)?)/);
    const [sgd, smo] = [Number(gap[1]), Number(gap[2])];
    assert.ok(sgd >= smo * 0.9999 && sgd < smo * 1.05, `sub-gradient ${sgd} near SMO ${smo}`);
    assert.match(await text(page, 'svm-margin'), /^\d/);
    const soft = await supportCount(page);
    // C = 10 with ten presses of the right arrow (0.1 a step on the log scale).
    await page.focus(byTestId('svm-c'));
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await done(page);
    await page.waitForFunction(() => /C = 10,/.test(document.querySelector('[data-testid="svm-status"]').textContent));
    assert.equal(await text(page, 'svm-c-value'), '10');
    assert.match(page.url(), /logC=1\.0/);
    assert.ok((await supportCount(page)) <= soft, 'a larger C keeps fewer support vectors');
    const steps10 = Number((await text(page, 'svm-steps')).split(' ')[0].replace(/,/g, ''));
    await refit(page, () => page.check(byTestId('svm-hard')));
    assert.match(await text(page, 'svm-c-value'), /hard/);
    assert.equal(await page.locator(byTestId('svm-c')).isDisabled(), true);
    const stepsHard = Number((await text(page, 'svm-steps')).split(' ')[0].replace(/,/g, ''));
    assert.ok(stepsHard > 10 * steps10, `a hard margin on overlapping data takes far more SMO steps: ${stepsHard} vs ${steps10}`);
    assert.match(await text(page, 'svm-status'), /10⁶ \(hard margin\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('bends with the RBF kernel on moons, and gamma is its reach', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=moons');
    await ready(page);
    const linear = await percentIn(page, 'svm-train');
    await refit(page, () => page.selectOption(byTestId('svm-kernel'), 'rbf'));
    assert.equal(await page.locator(byTestId('svm-gamma')).isVisible(), true);
    const rbf = await percentIn(page, 'svm-train');
    assert.ok(rbf > linear, `RBF ${rbf}% beats linear ${linear}% on moons`);
    await refit(page, () => page.fill(byTestId('svm-gamma'), '2'));
    assert.equal(await text(page, 'svm-gamma-value'), '100');
    assert.equal(await percentIn(page, 'svm-train'), 100, 'γ = 100 memorizes the training points');
    assert.ok((await supportCount(page)) > 40, 'and nearly every point is a support vector');
    await refit(page, () => page.selectOption(byTestId('svm-kernel'), 'poly'));
    assert.equal(await page.locator(byTestId('svm-degree')).isVisible(), true);
    assert.equal(await page.locator(byTestId('svm-sgd')).isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('separates Iris one-vs-rest and cross-validates C and gamma like the native CLI', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=iris&kernel=rbf');
    await ready(page);
    assert.match(await text(page, 'svm-credit'), /Fisher/);
    assert.equal(await page.inputValue(byTestId('svm-x')), 'petal_length');
    assert.match(await text(page, 'svm-status'), /3 one-vs-rest machines; 112 training and 38 test points/);
    const split = ['--features', 'petal_length,petal_width', '--test-fraction', '0.25', '--seed', '0'];
    const fit = native([...split, '--kernel', 'rbf', '--C', '1', '--gamma', '1']);
    assert.equal(fit.multiclass, 'one-vs-rest');
    assert.equal(await percentIn(page, 'svm-train'), pct(fit.train_accuracy));
    assert.equal(await percentIn(page, 'svm-test-acc'), pct(fit.test_accuracy));
    assert.equal(await supportCount(page), fit.n_support);

    await page.click(byTestId('svm-grid-run'));
    await gridDone(page);
    const grid = native([...split, '--kernel', 'rbf', '--grid-C', GRID_C.join(','), '--grid-gamma', GRID_GAMMA.join(','), '--folds', '5']).grid;
    const cells = await page.locator(`${byTestId('svm-heat')} td button`).allTextContents();
    assert.equal(cells.length, 30);
    GRID_C.forEach((_, a) => GRID_GAMMA.forEach((_, g) => assert.equal(Number(cells[a * 5 + g].replace('%', '')), pct(grid.mean_accuracy[a][g]))));
    const best = page.locator(`${byTestId('svm-heat')} button.best`);
    assert.equal(await best.getAttribute('data-c'), String(grid.best_C));
    assert.equal(await best.getAttribute('data-gamma'), String(grid.best_gamma));
    // Clicking the best cell uses its C and γ.
    await refit(page, () => best.click());
    assert.equal(await text(page, 'svm-c-value'), String(grid.best_C));
    assert.equal(await text(page, 'svm-gamma-value'), String(grid.best_gamma));
    assert.equal(await page.locator(`${byTestId('svm-heat')} td button`).count(), 30, 'the heat map stays');
    // Another feature pair.
    await refit(page, () => page.selectOption(byTestId('svm-y'), 'sepal_width'));
    assert.match(page.url(), /y=sepal_width/);
    assert.equal(await page.locator(`${byTestId('svm-heat')} td button`).count(), 0, 'a new setup clears the old heat map');
    // A grid search can be stopped.
    await page.click(byTestId('svm-grid-run'));
    await page.waitForFunction(() => /cells scored/.test(document.querySelector('[data-testid="svm-grid-status"]').textContent));
    await page.click(byTestId('svm-grid-run'));
    await gridDone(page);
    assert.match(await text(page, 'svm-grid-status'), /^Stopped after \d+ of 30 cells/);
    assert.equal(await text(page, 'svm-grid-run'), 'Run grid search');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with a bad seed and keeps the last good one', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const before = await text(page, 'svm-support');
    await page.fill(byTestId('svm-seed'), 'abc');
    await page.press(byTestId('svm-seed'), 'Enter');
    assert.match(await page.locator('#svm-seed-message').textContent(), /Data seed must be a whole number from 0 to 1,000,000,000; keeping 0/);
    assert.equal(await text(page, 'svm-support'), before);
    await refit(page, async () => {
      await page.fill(byTestId('svm-seed'), '5');
      await page.press(byTestId('svm-seed'), 'Enter');
    });
    assert.match(page.url(), /seed=5/);
    assert.equal(await page.locator('#svm-seed-message').textContent(), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=iris&kernel=poly&degree=2&logC=1.0&logGamma=-0.5&test=30&seed=3');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('svm-kernel')), 'poly');
    assert.equal(await page.inputValue(byTestId('svm-degree')), '2');
    assert.equal(await text(page, 'svm-c-value'), '10');
    assert.equal(await text(page, 'svm-gamma-value'), '0.316');
    assert.equal(await text(page, 'svm-test-value'), '30%');
    const fit = native(['--features', 'petal_length,petal_width', '--test-fraction', '0.3', '--seed', '3', '--kernel', 'poly', '--degree', '2', '--coef0', '1', '--C', '10', '--gamma', '0.316']);
    assert.equal(await percentIn(page, 'svm-test-acc'), pct(fit.test_accuracy));
    assert.equal(await supportCount(page), fit.n_support);

    const answer = Number(await page.locator('form.exercise-form').getAttribute('data-answer'));
    assert.match(await answerExercise(page, '50'), /Not quite/);
    await openHintAndSolution(page);
    // Do the exercise on the page.
    await page.goto(env.server.url + LESSON + '#data=moons&kernel=rbf');
    await page.reload();
    await ready(page);
    await page.click(byTestId('svm-grid-run'));
    await gridDone(page);
    const shown = Number((await text(page, 'svm-grid-status')).match(/with ([\d.]+)% mean accuracy/)[1]);
    assert.equal(shown, answer, 'the answer is what the page shows');
    assert.match(await answerExercise(page, String(shown)), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('svm-kernel')), 'rbf', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=iris&kernel=rbf', { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.click(byTestId('svm-grid-run'));
    await gridDone(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
