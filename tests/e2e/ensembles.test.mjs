// ensembles, driven as a learner would: the bias–variance picture; the Titanic forest compared with the
// native CLI (bagging vs √d, OOB vs test); stepping AdaBoost's rounds; gradient boosting on Ames streamed,
// stopped and compared with the CLI; bad input; the shared link; the exercise; phone width.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, openPage } from './harness.mjs';

const LESSON = 'lessons/ensembles/';
const TITANIC = path.join(root, 'datasets/titanic.csv');
const AMES = path.join(root, 'datasets/ames.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
const percentIn = async (page, id) => Number((await text(page, id)).replace('%', '')) / 100;
const dollars = async (page, id) => Number((await text(page, id)).replace(/,/g, ''));
function native(command, file, args) {
  return JSON.parse(execFileSync(cli, [command, file, ...args, '--json']).toString());
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => /^(Done|Stopped)/.test(document.querySelector('[data-testid="en-gb-status"]').textContent), null, { timeout: 120000 });
}
async function forestDone(page, action) {
  await page.evaluate(() => (document.querySelector('[data-testid="en-rf-status"]').textContent = ''));
  await action();
  await page.waitForFunction(() => /trees on/.test(document.querySelector('[data-testid="en-rf-status"]').textContent), null, { timeout: 60000 });
}

describe('ensembles', () => {
  const env = browserAndSite();

  it('shows a forest cutting a deep tree\'s variance, and a forest that matches the CLI', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const treeVar = Number(await text(page, 'en-bv-tree-var'));
    const forestVar = Number(await text(page, 'en-bv-forest-var'));
    assert.ok(forestVar < 0.6 * treeVar, `variance ${forestVar} vs ${treeVar}`);
    assert.ok(Number(await text(page, 'en-bv-forest-bias')) < 0.05);
    await page.click(byTestId('en-bv-redraw'));
    await page.waitForFunction((v) => document.querySelector('[data-testid="en-bv-tree-var"]').textContent !== v, String(treeVar.toFixed(4)));
    assert.match(page.url(), /bvSeed=1/);

    const args = ['--target', 'survived', '--drop', 'country,fare', '--missing', 'fill', '--trees', '100', '--min-samples-leaf', '3'];
    const rf = native('forest', TITANIC, [...args, '--max-features', 'sqrt']);
    assert.ok(Math.abs((await percentIn(page, 'en-rf-oob')) - rf.oob_error) < 0.0006);
    assert.ok(Math.abs((await percentIn(page, 'en-rf-test')) - rf.test_error) < 0.0006);
    assert.ok(Math.abs((await percentIn(page, 'en-rf-single')) - rf.single_tree_test_error) < 0.0006);
    assert.equal(await text(page, 'en-rf-m'), `4 of ${rf.features}`);
    await forestDone(page, () => page.selectOption(byTestId('en-rf-features'), 'all'));
    const bag = native('forest', TITANIC, [...args, '--max-features', 'all']);
    assert.ok(Math.abs((await percentIn(page, 'en-rf-oob')) - bag.oob_error) < 0.0006);
    assert.ok(Math.abs(bag.oob_error - bag.test_error) < 0.03, 'OOB error tracks the test error');
    assert.match(page.url(), /features=all/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('steps AdaBoost rounds: weights, errors and accuracy', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="en-ada-rounds"]').textContent !== '–');
    const first = Number(await text(page, 'en-ada-error'));
    assert.ok(first > 0 && first < 0.5);
    const acc1 = await percentIn(page, 'en-ada-acc');
    await page.focus(byTestId('en-ada-round'));
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await text(page, 'en-ada-round-value'), '6');
    await page.fill(byTestId('en-ada-round'), '40');
    const acc40 = await percentIn(page, 'en-ada-acc');
    assert.ok(acc40 > acc1, `${acc40} after 40 rounds vs ${acc1} after 1`);
    assert.match(page.url(), /round=40/);
    await page.selectOption(byTestId('en-ada-data'), 'circles');
    await page.waitForFunction(() => document.querySelector('[data-testid="en-ada-error"]').textContent !== '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('boosts Ames like the CLI, streams the errors and stops', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#gbTrees=60&lr=0.5&depth=2');
    await ready(page);
    assert.equal(await text(page, 'en-gb-count'), '60');
    const ref = native('boost', AMES, ['--target', 'Sale_Price', '--trees', '60', '--learning-rate', '0.5', '--max-depth', '2']);
    const train = await dollars(page, 'en-gb-train');
    const val = await dollars(page, 'en-gb-val');
    assert.ok(Math.abs(train - Math.sqrt(ref.train_mse.at(-1))) < 1, `${train} vs ${Math.sqrt(ref.train_mse.at(-1))}`);
    assert.ok(Math.abs(val - Math.sqrt(ref.validation_mse.at(-1))) < 1);
    assert.ok(Math.abs(Number(await text(page, 'en-gb-r2')) - ref.test_r2) < 0.001);
    // Bad input: a message, the last good value kept.
    await page.fill(byTestId('en-gb-trees'), '0');
    await page.press(byTestId('en-gb-trees'), 'Enter');
    assert.match(await page.locator('#en-gb-trees-message').textContent(), /Trees must be a whole number from 1 to 2,000; keeping 60/);
    // A long run can be stopped.
    await page.fill(byTestId('en-gb-trees'), '2000');
    await page.press(byTestId('en-gb-trees'), 'Enter');
    await page.click(byTestId('en-gb-run'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="en-gb-count"]').textContent) > 60, null, { timeout: 60000 });
    await page.click(byTestId('en-gb-run'));
    await page.waitForFunction(() => /^Stopped/.test(document.querySelector('[data-testid="en-gb-status"]').textContent), null, { timeout: 60000 });
    assert.ok(Number(await text(page, 'en-gb-count')) < 2000);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores the link, checks the exercise and fits a phone', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#features=all&trees=100&leaf=3&gbTrees=20', { viewport: { width: 390, height: 844 } });
    await ready(page);
    assert.equal(await page.inputValue(byTestId('en-rf-features')), 'all');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    const oob = (await text(page, 'en-rf-oob')).replace('%', '');
    assert.match(await answerExercise(page, '25'), /Not quite/);
    assert.match(await answerExercise(page, oob), /Correct/);
    await page.click(byTestId('exercise-solution'));
    assert.equal(await page.locator('.exercise-solution').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
