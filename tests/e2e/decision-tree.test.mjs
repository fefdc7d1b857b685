// decision-tree, driven as a learner would: the Titanic tree compared with the native CLI; clicking and
// keyboard-selecting nodes; the criterion and the depth slider; walking a passenger down the tree; the
// Iris decision regions; bad settings and broken CSVs (a message, nothing lost); a pasted CSV; the
// shared link; the exercise; phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, scratchFolder } from './harness.mjs';

const LESSON = 'lessons/decision-tree/';
const TITANIC = path.join(root, 'datasets/titanic.csv');
const IRIS = path.join(root, 'datasets/iris.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
const percentIn = async (page, id) => Number((await text(page, id)).replace('%', '')) / 100;
async function grown(page) {
  await page.waitForFunction(() => /^(Grew|Kept)/.test(document.querySelector('[data-testid="dt-status"]').textContent), null, { timeout: 60000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await grown(page);
}
/** Waits for a new tree after an action (the status line is rewritten by every fit). */
async function regrow(page, action) {
  await page.evaluate(() => (document.querySelector('[data-testid="dt-status"]').textContent = ''));
  await action();
  await grown(page);
}
function native(file, args) {
  return JSON.parse(execFileSync(cli, ['tree', file, ...args, '--json']).toString());
}
const close = (a, b) => Math.abs(a - b) < 0.0006; // the page shows one decimal of a percent

describe('decision-tree', () => {
  const env = browserAndSite();
  const tmp = scratchFolder('dt-e2e-');

  it('grows the Titanic tree the CLI grows, and shows a clicked node', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'dt-credit'), /Encyclopedia Titanica/);
    const ref = native(TITANIC, ['--target', 'survived', '--drop', 'country,fare', '--missing', 'fill', '--max-depth', '3', '--criterion', 'gini', '--sweep', '15']);
    assert.ok(close(await percentIn(page, 'dt-train-acc'), ref.train_accuracy));
    assert.ok(close(await percentIn(page, 'dt-test-acc'), ref.test_accuracy));
    assert.equal(await text(page, 'dt-leaves'), String(ref.leaves));
    assert.equal(await text(page, 'dt-rows'), `${ref.train_rows} · ${ref.test_rows}`);
    assert.match(await text(page, 'dt-data-note'), /Filled 2 empty 'age' cells with 29/);
    // The importances, most important first, as the CLI ranks them.
    const first = await page.locator(`${byTestId('dt-importances')} li`).first().getAttribute('data-feature');
    assert.equal(first, ref.importances[0].feature);
    assert.equal(await page.locator(`${byTestId('dt-tree')} .dt-node`).count(), ref.nodes);
    // Click the root: its rule, rows and impurity as the CLI reports them.
    await page.click(`${byTestId('dt-tree')} [data-node="0"]`);
    const info = byTestId('dt-node-info');
    assert.equal(await page.locator(info).getAttribute('data-node'), '0');
    assert.match(await page.locator(`${info} dd[data-field="Question"]`).textContent(), new RegExp(`^${ref.root.rule}\\?`));
    assert.equal(await page.locator(`${info} dd[data-field="Training rows"]`).textContent(), String(ref.tree[0].samples));
    assert.equal(Number(await page.locator(`${info} dd[data-field="Gini impurity"]`).textContent()), +ref.root.impurity.toFixed(4));
    // Keyboard: Tab to the root's right child and press Enter; the path root → child lights up.
    const right = ref.tree[0].right;
    await page.focus(`${byTestId('dt-tree')} [data-node="${right}"]`);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(info).getAttribute('data-node'), String(right));
    assert.equal(await page.locator(`${byTestId('dt-tree')} .dt-node.on-path`).count(), 2);
    assert.match(await page.locator(`${info} dd[data-field="Class mix"]`).textContent(), new RegExp(`no ${ref.tree[right].value[0]} .*yes ${ref.tree[right].value[1]}`));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('switches criterion and depth like the CLI, and walks a passenger down the tree', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await regrow(page, () => page.selectOption(byTestId('dt-criterion'), 'entropy'));
    await regrow(page, () => page.fill(byTestId('dt-depth'), '5'));
    assert.equal(await text(page, 'dt-depth-value'), '5');
    assert.match(page.url(), /criterion=entropy/);
    assert.match(page.url(), /depth=5/);
    const ref = native(TITANIC, ['--target', 'survived', '--drop', 'country,fare', '--missing', 'fill', '--max-depth', '5', '--criterion', 'entropy']);
    assert.ok(close(await percentIn(page, 'dt-train-acc'), ref.train_accuracy));
    assert.ok(close(await percentIn(page, 'dt-test-acc'), ref.test_accuracy));
    assert.equal(await text(page, 'dt-leaves'), String(ref.leaves));
    assert.equal(await page.locator(`${byTestId('dt-node-info')} dt`).nth(3).textContent(), 'Entropy impurity');
    // Walk held-out passenger 7: one step per question, then the leaf; the leaf is selected in the tree.
    await page.fill(byTestId('dt-walk-row'), '7');
    await page.press(byTestId('dt-walk-row'), 'Enter');
    assert.match(page.url(), /walk=7/);
    assert.match(await text(page, 'dt-walk-who'), /^CSV row \d+: survived (yes|no), gender (male|female), age/);
    const steps = await page.locator(`${byTestId('dt-walk-steps')} li`).allTextContents();
    assert.ok(steps.length >= 1 && steps.length <= 5, `${steps.length} steps`);
    assert.match(steps[0], /^gender ≠ female\? (Yes|No) — gender is (male|female)\.$/);
    assert.match(await text(page, 'dt-walk-verdict'), /^Leaf \d+: survived = (yes|no) \(.*\)\. Actually: (yes|no) — (right|wrong)\.$/);
    const leaf = (await text(page, 'dt-walk-verdict')).match(/^Leaf (\d+)/)[1];
    assert.equal(await page.locator(byTestId('dt-node-info')).getAttribute('data-node'), leaf);
    assert.equal(await page.locator(`${byTestId('dt-tree')} .dt-node.on-path`).count(), steps.length + 1);
    await page.click(byTestId('dt-walk-random'));
    assert.notEqual(await text(page, 'dt-walk-who'), '');
    // The depth sweep chart got 15 depths.
    assert.equal(await page.locator(`${byTestId('dt-depth-plot')} canvas`).count() > 0, true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws Iris decision regions and matches the CLI on two features', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await regrow(page, () => page.selectOption(byTestId('dt-source'), 'iris'));
    assert.equal(await page.locator(byTestId('dt-regions')).isVisible(), true);
    assert.equal(await page.locator(byTestId('dt-features')).isVisible(), false);
    assert.equal(await page.inputValue(byTestId('dt-iris-x')), 'petal_length');
    const ref = native(IRIS, ['--target', 'species', '--features', 'petal_length,petal_width', '--max-depth', '3']);
    assert.ok(close(await percentIn(page, 'dt-train-acc'), ref.train_accuracy));
    assert.ok(close(await percentIn(page, 'dt-test-acc'), ref.test_accuracy));
    // The canvas shows three region colours.
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="dt-regions"]');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) if (data[i + 3] > 0) seen.add(`${data[i] >> 5},${data[i + 1] >> 5},${data[i + 2] >> 5}`);
      return seen.size;
    });
    assert.ok(colours >= 3, `${colours} colours`);
    await regrow(page, () => page.selectOption(byTestId('dt-iris-x'), 'sepal_length'));
    assert.match(page.url(), /irisX=sepal_length/);
    const sepal = native(IRIS, ['--target', 'species', '--features', 'sepal_length,petal_width', '--max-depth', '3']);
    assert.ok(close(await percentIn(page, 'dt-train-acc'), sepal.train_accuracy));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with bad settings and bad CSVs, and keeps the tree', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const before = await text(page, 'dt-test-acc');
    await page.fill(byTestId('dt-min-leaf'), 'lots');
    await page.press(byTestId('dt-min-leaf'), 'Enter');
    assert.match(await page.locator('#dt-min-leaf-message').textContent(), /Min samples leaf must be a whole number from 1 to 100,000; keeping 1/);
    await page.fill(byTestId('dt-min-split'), '1');
    await page.press(byTestId('dt-min-split'), 'Enter');
    assert.match(await page.locator('#dt-min-split-message').textContent(), /Min samples split must be a whole number from 2/);
    // Refusing empty cells: the engine names the row and column; the setting and the tree stay.
    await regrow(page, () => page.selectOption(byTestId('dt-missing'), 'error'));
    assert.match(await text(page, 'dt-data-message'), /CSV row \d+, column '\w+' is empty; leave out rows/);
    assert.equal(await page.inputValue(byTestId('dt-missing')), 'fill');
    assert.equal(await text(page, 'dt-test-acc'), before);
    assert.doesNotMatch(page.url(), /missing=error/);
    // Ticking country (49 levels) is refused with advice; the box is unticked again.
    await regrow(page, () => page.check(`${byTestId('dt-features')} input[data-column="country"]`));
    assert.match(await text(page, 'dt-data-message'), /country.*too many to one-hot encode/);
    assert.equal(await page.isChecked(`${byTestId('dt-features')} input[data-column="country"]`), false);
    // A pasted CSV with one class only.
    await page.selectOption(byTestId('dt-source'), 'own');
    await page.fill(byTestId('dt-csv-text'), 'x,label\n1,a\n2,a\n3,a\n4,a\n5,a\n');
    await page.click(byTestId('dt-csv-load'));
    await page.waitForFunction(() => /single class|one class/.test(document.querySelector('[data-testid="dt-data-message"]').textContent));
    assert.equal(await text(page, 'dt-test-acc'), before, 'the Titanic tree is still shown');
    // A broken CSV: the row is named.
    await page.fill(byTestId('dt-csv-text'), 'a,b\n1,2\n3,4,5\n');
    await page.click(byTestId('dt-csv-load'));
    await page.waitForFunction(() => /row 3 has 3 fields/.test(document.querySelector('[data-testid="dt-data-message"]').textContent));
    // A good one: the last column is the target; text columns are one-hot encoded.
    const rows = ['outlook,humidity,windy,play'];
    for (let i = 0; i < 40; i++) rows.push(`${['sunny', 'overcast', 'rainy'][i % 3]},${60 + ((i * 7) % 40)},${i % 2 ? 'yes' : 'no'},${i % 3 === 1 || (i % 3 === 0 && (60 + ((i * 7) % 40)) < 80) ? 'yes' : 'no'}`);
    const csv = rows.join('\n') + '\n';
    fs.writeFileSync(path.join(tmp, 'play.csv'), csv);
    await regrow(page, async () => {
      await page.fill(byTestId('dt-csv-text'), csv);
      await page.click(byTestId('dt-csv-load'));
    });
    assert.equal(await text(page, 'dt-data-message'), '');
    assert.equal(await page.inputValue(byTestId('dt-target')), 'play');
    const ref = native(path.join(tmp, 'play.csv'), ['--target', 'play', '--max-depth', '3']);
    assert.ok(close(await percentIn(page, 'dt-train-acc'), ref.train_accuracy));
    assert.equal(await page.locator(`${byTestId('dt-features')} input`).count(), 3);
    assert.match(await page.locator(`${byTestId('dt-tree')} [data-node="0"]`).getAttribute('aria-label'), /asks (outlook|humidity)/);
    assert.equal(await text(page, 'dt-walk-noun'), 'row');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=iris&criterion=entropy&depth=2&minLeaf=3&irisY=sepal_width');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('dt-source')), 'iris');
    assert.equal(await page.inputValue(byTestId('dt-criterion')), 'entropy');
    assert.equal(await page.inputValue(byTestId('dt-depth')), '2');
    assert.equal(await page.inputValue(byTestId('dt-min-leaf')), '3');
    assert.equal(await page.inputValue(byTestId('dt-iris-y')), 'sepal_width');
    const ref = native(IRIS, ['--target', 'species', '--features', 'petal_length,sepal_width', '--max-depth', '2', '--criterion', 'entropy', '--min-samples-leaf', '3']);
    assert.ok(close(await percentIn(page, 'dt-test-acc'), ref.test_accuracy));
    assert.match(await answerExercise(page, '0.5'), /Not quite/);
    await openHintAndSolution(page);
    // The answer is the Gini impurity of the women's node of the default Titanic tree (CLI).
    const titanic = native(TITANIC, ['--target', 'survived', '--drop', 'country,fare', '--missing', 'fill', '--max-depth', '3']);
    const women = titanic.tree[titanic.tree[0].right];
    assert.match(await answerExercise(page, women.impurity.toFixed(3)), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('dt-depth')), '2', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#depth=6', { viewport: { width: 390, height: 844 } });
    await ready(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width}px wide`);
    // The tree scrolls inside its own box.
    const box = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="dt-tree"]');
      return { client: el.clientWidth, scroll: el.scrollWidth };
    });
    assert.ok(box.client <= 390 && box.scroll > box.client, JSON.stringify(box));
    await page.click(`${byTestId('dt-tree')} [data-node="0"]`);
    assert.equal(await page.locator(byTestId('dt-node-info')).getAttribute('data-node'), '0');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
