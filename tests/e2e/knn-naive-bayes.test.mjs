// knn-naive-bayes, driven as a learner would: Iris regions and accuracies compared with the native
// CLI (knn and gnb on all features); k moved with the keyboard; wine with and without
// standardization; drawing points by clicking and by the form, bad coordinates, undo/clear; a bad
// seed; the shared link; the exercise; phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, root } from './harness.mjs';

const LESSON = 'lessons/knn-naive-bayes/';
const IRIS = path.join(root, 'datasets/iris.csv');
const WINE = path.join(root, 'datasets/wine.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
/** The percentage at the start of a score such as "95.6% (43/45)". */
async function percentIn(page, id) {
  return Number((await text(page, id)).split('%')[0]);
}
async function done(page) {
  await page.waitForFunction(() => /^(Done|Add points)/.test(document.querySelector('[data-testid="kn-status"]').textContent), null, { timeout: 60000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await done(page);
}
/** Waits for a new result after an action that changes the setup. */
async function refit(page, action) {
  await page.evaluate(() => (document.querySelector('[data-testid="kn-status"]').textContent = ''));
  await action();
  await done(page);
}
function native(command, file, args) {
  return JSON.parse(execFileSync(cli, [command, file, ...args, '--json']).toString());
}
const pct = (accuracy) => Number((100 * accuracy).toFixed(1));

describe('knn-naive-bayes', () => {
  const env = browserAndSite();

  it('shows Iris regions and accuracies that match the native CLI, and k follows the keyboard', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'kn-credit'), /Fisher/);
    assert.equal(await page.inputValue(byTestId('kn-x')), 'petal_length');
    assert.equal(await page.inputValue(byTestId('kn-y')), 'petal_width');
    assert.match(await text(page, 'kn-status'), /Done: k = 5, euclidean distance, uniform votes; 105 training and 45 test points/);
    const common = ['--target', 'species', '--standardize', '--test-fraction', '0.3', '--seed', '0'];
    const knn = native('knn', IRIS, [...common, '--k', '5']);
    const gnb = native('gnb', IRIS, common);
    assert.equal(knn.train_rows, 105);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knn.test_accuracy));
    assert.equal(await percentIn(page, 'kn-gnb-all'), pct(gnb.test_accuracy));
    // The two-feature scores agree with the CLI restricted to the same pair.
    const pair = ['--features', 'petal_length,petal_width'];
    const knnPair = native('knn', IRIS, [...common, ...pair, '--k', '5']);
    assert.match(await text(page, 'kn-knn-test'), new RegExp(`^${pct(knnPair.test_accuracy).toFixed(1)}% \\(\\d+/45\\)`));
    const gnbPair = native('gnb', IRIS, [...common, ...pair]);
    assert.match(await text(page, 'kn-gnb-train'), new RegExp(`^${pct(gnbPair.train_accuracy).toFixed(1)}% \\(\\d+/105\\)`));
    const setosa = await page.locator(`${byTestId('kn-gaussians')} tbody tr`).first().textContent();
    assert.match(setosa, /^setosa0\.333/);
    // The picture is painted: region colours behind the points.
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="kn-knn-plot"]');
      const g = canvas.getContext('2d');
      const { data } = g.getImageData(Math.round(canvas.width * 0.5), Math.round(canvas.height * 0.3), 1, 1);
      return data[0] !== 255 || data[1] !== 255 || data[2] !== 255;
    });
    assert.ok(painted, 'the k-NN regions are drawn');

    // k = 1 with the keyboard: Home on the slider.
    await refit(page, async () => {
      await page.focus(byTestId('kn-k'));
      await page.keyboard.press('Home');
    });
    assert.equal(await text(page, 'kn-k-value'), '1');
    assert.match(page.url(), /k=1(&|$)/);
    const knn1 = native('knn', IRIS, [...common, '--k', '1', '--sweep', '30']);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knn1.test_accuracy));
    await refit(page, () => page.keyboard.press('ArrowRight'));
    assert.equal(await text(page, 'kn-k-value'), '2');
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knn1.sweep[1].test_accuracy), 'k = 2 on all features, from the sweep');
    // Manhattan distance and 1/d votes: still the CLI's numbers.
    await refit(page, () => page.selectOption(byTestId('kn-metric'), 'manhattan'));
    await refit(page, () => page.selectOption(byTestId('kn-weights'), 'distance'));
    const knnM = native('knn', IRIS, [...common, '--k', '2', '--metric', 'manhattan', '--weights', 'distance']);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knnM.test_accuracy));
    assert.match(page.url(), /metric=manhattan/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('on wine, k-NN needs standardization and naive Bayes does not', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await refit(page, () => page.selectOption(byTestId('kn-data'), 'wine'));
    assert.equal(await page.inputValue(byTestId('kn-x')), 'flavanoids');
    assert.match(await text(page, 'kn-credit'), /Forina/);
    const common = ['--target', 'cultivar', '--test-fraction', '0.3', '--seed', '0'];
    const scaled = native('knn', WINE, [...common, '--k', '5', '--standardize']);
    const raw = native('knn', WINE, [...common, '--k', '5']);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(scaled.test_accuracy));
    const gnbScaled = await percentIn(page, 'kn-gnb-all');
    await refit(page, () => page.uncheck(byTestId('kn-standardize')));
    assert.match(page.url(), /std=0/);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(raw.test_accuracy));
    assert.ok(raw.test_accuracy < scaled.test_accuracy - 0.1, `raw ${raw.test_accuracy} vs standardized ${scaled.test_accuracy}`);
    assert.equal(await percentIn(page, 'kn-gnb-all'), gnbScaled, 'naive Bayes does not care about scale');
    // Another pair of features.
    await refit(page, () => page.selectOption(byTestId('kn-y'), 'proline'));
    assert.match(page.url(), /y=proline/);
    assert.match(await page.locator(`${byTestId('kn-gaussians')} thead`).textContent(), /θ proline/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws points by clicking and by typing, refuses bad coordinates, and keeps them in the link', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await refit(page, () => page.selectOption(byTestId('kn-data'), 'drawn'));
    assert.equal(await text(page, 'kn-count'), '45');
    assert.equal(await page.locator(byTestId('kn-draw')).isVisible(), true);
    assert.equal(await page.locator(byTestId('kn-x')).isVisible(), false);
    // A click adds a point of the chosen class where it lands.
    await page.selectOption(byTestId('kn-class'), 'B');
    const canvas = page.locator(byTestId('kn-knn-plot'));
    const box = await canvas.boundingBox();
    await refit(page, () => canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.4 } }));
    assert.equal(await text(page, 'kn-count'), '46');
    assert.match(page.url(), /points=[^&]*%2C1(&|$)/, 'the last point is of class B (index 1)');
    // The keyboard way, with a bad coordinate first.
    await page.fill(byTestId('kn-px'), 'eleven');
    await page.press(byTestId('kn-px'), 'Enter');
    assert.match(await text(page, 'kn-point-message'), /x must be a number from 0 to 10, not “eleven”; keeping 5/);
    await page.click(byTestId('kn-add'));
    assert.equal(await text(page, 'kn-count'), '46', 'nothing added while x is bad');
    await page.fill(byTestId('kn-px'), '2.5');
    await page.press(byTestId('kn-px'), 'Enter');
    await page.fill(byTestId('kn-py'), '9');
    await page.press(byTestId('kn-py'), 'Enter');
    await page.selectOption(byTestId('kn-class'), 'C');
    await refit(page, () => page.click(byTestId('kn-add')));
    assert.equal(await text(page, 'kn-count'), '47');
    assert.match(page.url(), /points=[^&]*2.5%2C9%2C2(&|$)/);
    await refit(page, () => page.click(byTestId('kn-undo')));
    assert.equal(await text(page, 'kn-count'), '46');
    const trainScore = await text(page, 'kn-knn-train');
    // Reload: the drawn points come back from the link.
    await page.reload();
    await ready(page);
    assert.equal(await text(page, 'kn-count'), '46');
    assert.equal(await text(page, 'kn-knn-train'), trainScore);
    // Clear: nothing to fit until two classes are drawn.
    await refit(page, () => page.click(byTestId('kn-clear')));
    assert.match(await text(page, 'kn-status'), /Add points of at least two classes \(0 drawn so far\)/);
    // Every point trains (test share 0%), so two points are enough.
    await refit(page, async () => {
      await page.focus(byTestId('kn-test'));
      await page.keyboard.press('Home');
    });
    assert.equal(await text(page, 'kn-test-value'), '0%');
    await page.selectOption(byTestId('kn-class'), 'A');
    await refit(page, () => page.click(byTestId('kn-add')));
    assert.match(await text(page, 'kn-status'), /Add points/);
    await page.fill(byTestId('kn-px'), '8');
    await page.press(byTestId('kn-px'), 'Enter');
    await page.selectOption(byTestId('kn-class'), 'B');
    await refit(page, () => page.click(byTestId('kn-add')));
    assert.match(await text(page, 'kn-status'), /^Done: k = 2,/, 'k shrinks to the training points');
    assert.match(await text(page, 'kn-k-note'), /k = 5 is more than the 2 training points; using k = 2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with a bad seed and keeps the last good one', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const before = await text(page, 'kn-knn-test');
    await page.fill(byTestId('kn-seed'), '-3');
    await page.press(byTestId('kn-seed'), 'Enter');
    assert.match(await page.locator('#kn-seed-message').textContent(), /Split seed must be a whole number from 0 to 1,000,000,000; keeping 0/);
    assert.equal(await text(page, 'kn-knn-test'), before);
    assert.match(page.url(), /seed=0/);
    await refit(page, async () => {
      await page.fill(byTestId('kn-seed'), '7');
      await page.press(byTestId('kn-seed'), 'Enter');
    });
    assert.equal(await page.locator('#kn-seed-message').textContent(), '');
    const knn = native('knn', IRIS, ['--target', 'species', '--standardize', '--test-fraction', '0.3', '--seed', '7', '--k', '5']);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knn.test_accuracy));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=wine&k=9&metric=manhattan&weights=distance&test=20&seed=4&x=alcohol&y=nonsense');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('kn-data')), 'wine');
    assert.equal(await text(page, 'kn-k-value'), '9');
    assert.equal(await page.inputValue(byTestId('kn-metric')), 'manhattan');
    assert.equal(await page.inputValue(byTestId('kn-weights')), 'distance');
    assert.equal(await text(page, 'kn-test-value'), '20%');
    assert.equal(await page.inputValue(byTestId('kn-seed')), '4');
    assert.equal(await page.inputValue(byTestId('kn-x')), 'flavanoids', 'an unknown feature falls back to the default pair');
    const knn = native('knn', WINE, ['--target', 'cultivar', '--standardize', '--test-fraction', '0.2', '--seed', '4', '--k', '9', '--metric', 'manhattan', '--weights', 'distance']);
    assert.equal(await percentIn(page, 'kn-knn-all'), pct(knn.test_accuracy));

    const answer = await page.locator('form.exercise-form').getAttribute('data-answer');
    assert.match(await answerExercise(page, String(Number(answer) + 3)), /Not quite/);
    await openHintAndSolution(page);
    // Do the exercise on the page: Iris, sepal pair, k = 1.
    await page.goto(env.server.url + LESSON + '#data=iris&x=sepal_length&y=sepal_width&k=1');
    await page.reload();
    await ready(page);
    const [right, total] = (await text(page, 'kn-knn-train')).match(/\((\d+)\/(\d+)\)/).slice(1).map(Number);
    assert.equal(total - right, Number(answer), 'the answer is what the page shows');
    assert.match(await answerExercise(page, String(total - right)), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await text(page, 'kn-k-value'), '1', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#data=drawn', { viewport: { width: 390, height: 844 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
