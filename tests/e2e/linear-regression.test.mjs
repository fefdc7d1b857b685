// linear-regression, driven as a learner would: the Ames model compared with the native CLI (normal
// equation, gradient descent, ridge, lasso); feature scaling off makes descent diverge; the
// one-feature view; a pasted CSV with a duplicated feature (the singular case named) and a broken
// one (row and column named, data kept); bad settings; the shared link; the exercise; phone width.
// No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { root } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openHintAndSolution, openPage, scratchFolder } from './harness.mjs';

const LESSON = 'lessons/linear-regression/';
const AMES = path.join(root, 'datasets/ames.csv');
const FEATURES = 'Gr_Liv_Area,Year_Built,Total_Bsmt_SF,Garage_Cars,Full_Bath,Lot_Area,Neighborhood';

const text = (page, id) => page.locator(byTestId(id)).textContent();
async function trained(page) {
  await page.waitForFunction(() => /^(Done|Stopped|Diverged)/.test(document.querySelector('[data-testid="lr-gd-status"]').textContent), null, { timeout: 90000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await trained(page);
}
/** Waits for a new gradient-descent run to start and finish. */
async function retrained(page, action) {
  await page.evaluate(() => { document.querySelector('[data-testid="lr-gd-status"]').textContent = 'waiting'; });
  await action();
  await trained(page);
}
function linreg(file, args) {
  return JSON.parse(execFileSync(cli, ['linreg', file, '--target', 'Sale_Price', '--seed', '1', '--test-fraction', '0.2', ...args, '--json']).toString());
}
async function coefficient(page, feature, column) {
  const cells = page.locator(`${byTestId('lr-coef-table')} tr[data-feature="${feature}"] td`);
  return Number(await cells.nth(column).textContent());
}
const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.abs(b);

describe('linear-regression', () => {
  const env = browserAndSite();
  const tmp = scratchFolder('lr-e2e-');

  it('fits Ames like the CLI: normal equation, gradient descent reaching it, ridge and lasso', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'lr-credit'), /modeldata/);
    assert.equal(await page.inputValue(byTestId('lr-target')), 'Sale_Price');
    assert.match(await text(page, 'lr-features-summary'), /^7 of 73 columns → 33 features; 2,344 training and 586 test rows/);
    const normal = linreg(AMES, ['--features', FEATURES]);
    assert.ok(close(await numberIn(page, 'lr-test-r2'), normal.test.r2, 1e-3));
    assert.ok(close(await numberIn(page, 'lr-train-mse'), normal.train.mse, 1e-4));
    assert.ok(close(await numberIn(page, 'lr-test-mae'), normal.test.mae, 1e-4));
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 0), normal.coefficients.Gr_Liv_Area, 1e-4));
    assert.ok(close(await coefficient(page, '(intercept)', 0), normal.intercept, 1e-4));
    // Batch gradient descent on standardized features lands on the same coefficients (CLI: same run).
    const gd = linreg(AMES, ['--features', FEATURES, '--method', 'gd', '--standardize', '--lr', '0.3', '--epochs', '1000']);
    assert.equal(await text(page, 'lr-gd-epoch'), '1,000');
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 1), gd.coefficients.Gr_Liv_Area, 1e-4));
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 1), normal.coefficients.Gr_Liv_Area, 1e-3), 'GD reaches the normal equation');
    assert.ok(close(await numberIn(page, 'lr-gd-train-mse'), normal.train.mse, 1e-3));
    assert.ok((await numberIn(page, 'lr-gd-gap')) < 500, 'largest gap per SD is small');
    assert.ok((await numberIn(page, 'lr-kappa-raw')) > 1e9);
    assert.ok((await numberIn(page, 'lr-kappa-scaled')) < 1e3);

    // Ridge, then lasso, by choosing the penalty and typing λ.
    await retrained(page, () => page.selectOption(byTestId('lr-penalty'), 'ridge'));
    assert.match(page.url(), /penalty=ridge/);
    await retrained(page, async () => {
      await page.fill(byTestId('lr-lambda'), '0.5');
      await page.press(byTestId('lr-lambda'), 'Enter');
    });
    const ridge = linreg(AMES, ['--features', FEATURES, '--standardize', '--ridge', '0.5']);
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 0), ridge.coefficients.Gr_Liv_Area, 1e-4));
    assert.ok(close(await numberIn(page, 'lr-test-r2'), ridge.test.r2, 1e-3));
    await retrained(page, () => page.selectOption(byTestId('lr-penalty'), 'lasso'));
    assert.equal(await page.inputValue(byTestId('lr-lambda')), '1000');
    const lasso = linreg(AMES, ['--features', FEATURES, '--standardize', '--lasso', '1000']);
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 0), lasso.coefficients.Gr_Liv_Area, 1e-4));
    const kept = Object.values(lasso.coefficients).filter((c) => c !== 0).length;
    assert.equal(await text(page, 'lr-lasso-kept'), `${kept} of 33 features`);
    assert.ok(kept < 33, 'the lasso sets some coefficients to exactly 0');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('diverges without feature scaling, with the safe step named; mini-batches get close', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#epochs=200');
    await ready(page);
    await retrained(page, () => page.uncheck(byTestId('lr-scale')));
    assert.match(await text(page, 'lr-gd-status'), /^Diverged after \d+ epochs: η = 0\.3 is too large .* 2\/L = [\d.e+-]+\)\. Standardize the features/);
    // The closed form does not care about scaling.
    const normal = linreg(AMES, ['--features', FEATURES]);
    assert.ok(close(await numberIn(page, 'lr-test-r2'), normal.test.r2, 1e-3));
    await retrained(page, () => page.check(byTestId('lr-scale')));
    // Mini-batches of 32 with the batch learning rate: a rare neighbourhood in a small batch blows up.
    await retrained(page, () => page.selectOption(byTestId('lr-gd-method'), 'minibatch'));
    assert.equal(await page.locator(byTestId('lr-batch')).isVisible(), true);
    assert.match(await text(page, 'lr-gd-status'), /^Diverged after \d+ epochs: .*steps on 32 rows/);
    await retrained(page, async () => {
      await page.fill(byTestId('lr-lr'), '0.01');
      await page.press(byTestId('lr-lr'), 'Enter');
    });
    assert.match(await text(page, 'lr-gd-status'), /^Done: 200 epochs of mini-batch/);
    assert.ok(close(await numberIn(page, 'lr-gd-train-mse'), normal.train.mse, 0.05), 'mini-batch descent hovers near the minimum');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws the one-feature line and checks the exercise; restores the setup from the link', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=ames1&test=20&penalty=none&method=batch&epochs=400');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('lr-source')), 'ames1');
    assert.equal(await page.locator(byTestId('lr-line-panel')).isVisible(), true);
    assert.match(await text(page, 'lr-features-summary'), /^1 of 73 columns → 1 feature;/);
    const one = linreg(AMES, ['--features', 'Gr_Liv_Area']);
    const slope = await coefficient(page, 'Gr_Liv_Area', 0);
    assert.ok(close(slope, one.coefficients.Gr_Liv_Area, 1e-4));
    assert.ok(close(await coefficient(page, 'Gr_Liv_Area', 1), slope, 1e-4), 'gradient descent finds the same slope');
    assert.match(await answerExercise(page, '50'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, String(Math.round(slope))), /Correct/);
    // Feature choice goes into the link and comes back on reload.
    await page.click(`${byTestId('lr-features-box')} summary`);
    await retrained(page, () => page.check(`${byTestId('lr-features')} input[data-column="Year_Built"]`));
    assert.match(page.url(), /features=Year_Built%7CGr_Liv_Area/, "in the CSV's column order");
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'lr-features-summary'), /^2 of 73 columns → 2 features;/);
    assert.equal(await page.locator(byTestId('lr-line-panel')).isVisible(), false);
    assert.equal(await text(page, 'lr-gd-epoch'), '400');
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes a pasted CSV, names a duplicated feature, refuses a broken file and keeps the data', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('lr-source'), 'own');
    assert.equal(await page.locator(byTestId('lr-csv-text')).isVisible(), true);
    const rows = ['size_m2,size_ft2,rooms,town,price'];
    for (let i = 0; i < 40; i++) {
      const m2 = 40 + ((i * 37) % 90);
      const rooms = 1 + (i % 5);
      rows.push(`${m2},${(m2 * 10.7639).toFixed(4)},${rooms},${i % 2 ? 'north' : 'south'},${1000 * m2 + 5000 * rooms + (i % 2 ? 20000 : 0) + ((i * 7919) % 3000)}`);
    }
    const csv = rows.join('\n') + '\n';
    fs.writeFileSync(path.join(tmp, 'houses.csv'), csv);
    await retrained(page, async () => {
      await page.fill(byTestId('lr-csv-text'), csv);
      await page.click(byTestId('lr-csv-load'));
    });
    assert.equal(await page.inputValue(byTestId('lr-target')), 'price');
    assert.match(await text(page, 'lr-status'), /no unique solution: .*'size_m2' and 'size_ft2' are identical up to scale and shift/);
    assert.equal(await text(page, 'lr-test-r2'), '–');
    // Leaving one out solves it, and the engine agrees with the CLI.
    await page.click(`${byTestId('lr-features-box')} summary`);
    await retrained(page, () => page.uncheck(`${byTestId('lr-features')} input[data-column="size_ft2"]`));
    const cliFit = JSON.parse(execFileSync(cli, ['linreg', path.join(tmp, 'houses.csv'), '--target', 'price', '--drop', 'size_ft2', '--seed', '1', '--json']).toString());
    assert.ok(close(await coefficient(page, 'size_m2', 0), cliFit.coefficients.size_m2, 1e-4));
    assert.ok(close(await coefficient(page, 'town=south', 0), cliFit.coefficients['town=south'], 1e-4));
    assert.ok(Math.abs(cliFit.coefficients.size_m2 - 1000) < 50);
    // A broken upload: row and column named, the data stays.
    await page.setInputFiles(byTestId('lr-csv-file'), { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,y\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n5,6,7\n6,7,8\n7,8,9\n8,9,10\n9,10,11\n10,11,12\n11,oops,13\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="lr-csv-message"]').textContent !== '');
    assert.match(await text(page, 'lr-csv-message'), /CSV row 12, column 'b': 'oops' is not a number/);
    assert.match(await text(page, 'lr-csv-message'), /Keeping the current data \(40 rows predicting price\)/);
    // The kept data still trains (in a fresh worker after the error).
    await retrained(page, () => page.click(byTestId('lr-train')));
    assert.match(await text(page, 'lr-gd-status'), /^Done/);
    assert.ok(close(await coefficient(page, 'size_m2', 0), cliFit.coefficients.size_m2, 1e-4));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with bad settings and keeps the last good value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#epochs=100');
    await ready(page);
    await page.fill(byTestId('lr-lr'), 'fast');
    await page.press(byTestId('lr-lr'), 'Enter');
    assert.match(await page.locator('#lr-lr-message').textContent(), /Learning rate must be a number from .* not “fast”; keeping 0\.3/);
    await page.fill(byTestId('lr-epochs'), '-5');
    await page.press(byTestId('lr-epochs'), 'Enter');
    assert.match(await page.locator('#lr-epochs-message').textContent(), /Epochs must be a whole number/);
    await retrained(page, () => page.selectOption(byTestId('lr-penalty'), 'ridge'));
    await page.fill(byTestId('lr-lambda'), '-1');
    await page.press(byTestId('lr-lambda'), 'Enter');
    assert.match(await page.locator('#lr-lambda-message').textContent(), /λ must be a number from 0 to/);
    assert.doesNotMatch(page.url(), /lr=fast/);
    await retrained(page, () => page.click(byTestId('lr-train')));
    assert.match(await text(page, 'lr-gd-status'), /^Done: 100 epochs/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.selectOption(byTestId('lr-source'), 'own');
    await page.click(`${byTestId('lr-features-box')} summary`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
