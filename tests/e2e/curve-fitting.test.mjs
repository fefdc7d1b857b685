// curve-fitting, driven as a learner would: the Seattle sinusoid compared with the native CLI; a
// degree-12 polynomial held out at the end (overfitting, closed form vs CLI); stopping a long fit;
// pasting and uploading CSVs, broken ones included; bad input; the shared link; the exercise;
// phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { distDir } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openHintAndSolution, openPage, scratchFolder } from './harness.mjs';

const LESSON = 'lessons/curve-fitting/';
const SEATTLE = path.join(distDir, 'data/weather/seattle-weather.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
async function done(page) {
  await page.waitForFunction(() => /^(Done|Stopped|Diverged)/.test(document.querySelector('[data-testid="cf-status"]').textContent), null, { timeout: 60000 });
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await done(page);
}
async function param(page, name) {
  const item = await page.locator(`${byTestId('cf-params')} li[data-param="${name}"]`).textContent();
  return Number(item.split('=')[1]);
}
function native(file, args) {
  return JSON.parse(execFileSync(cli, ['fit', file, ...args, '--json']).toString());
}
const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.abs(b);

describe('curve-fitting', () => {
  const env = browserAndSite();
  const tmp = scratchFolder('cf-e2e-');

  it('fits the Seattle sinusoid like the native CLI, with the data credited', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'cf-credit'), /NOAA/);
    assert.equal(await page.inputValue(byTestId('cf-x')), 'date');
    assert.equal(await page.inputValue(byTestId('cf-y')), 'temp_max');
    assert.equal(await text(page, 'cf-step-count'), '2,000');
    const cliFit = native(SEATTLE, ['--x', 'date', '--y', 'temp_max', '--model', 'sinusoid', '--period', '365', '--train', '0.8']);
    assert.equal(cliFit.train_points, 1169);
    const period = await param(page, 'period P');
    assert.ok(close(period, cliFit.parameters['period P'], 0.005), `period ${period} vs CLI ${cliFit.parameters['period P']}`);
    assert.ok(close(await param(page, 'amplitude A'), cliFit.parameters['amplitude A'], 0.01));
    assert.ok(close(await numberIn(page, 'cf-train-mse'), cliFit.train_mse, 0.01));
    assert.ok(close(await numberIn(page, 'cf-val-mse'), cliFit.validation_mse, 0.01));
    assert.ok(period > 350 && period < 375, `a yearly period: ${period}`);
    assert.equal(await text(page, 'cf-closed-train'), '–');
    // A text column as y: the engine names the row and column, the selection and the fit stay.
    await page.selectOption(byTestId('cf-y'), 'weather');
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-csv-message"]').textContent !== '');
    assert.match(await text(page, 'cf-csv-message'), /CSV row 2, column 'weather': '\w+' is not a number/);
    assert.equal(await page.inputValue(byTestId('cf-y')), 'temp_max');
    assert.equal(await param(page, 'period P'), period);
    await page.selectOption(byTestId('cf-model'), 'line');
    await done(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-formula"]').textContent.startsWith('y = m·x'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('overfits at degree 12 when the end is held out; the closed form matches the CLI; Stop stops', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('cf-model'), 'poly');
    await done(page);
    await page.selectOption(byTestId('cf-holdout'), 'end');
    await done(page);
    await page.fill(byTestId('cf-degree'), '12');
    assert.equal(await text(page, 'cf-degree-value'), '12');
    await done(page);
    assert.match(page.url(), /model=poly/);
    assert.match(page.url(), /degree=12/);
    const cliFit = native(SEATTLE, ['--x', 'date', '--y', 'temp_max', '--model', 'poly:12', '--train', '0.8', '--holdout', 'end', '--steps', '2000']);
    const closedTrain = await numberIn(page, 'cf-closed-train');
    const closedVal = await numberIn(page, 'cf-closed-val');
    assert.ok(close(closedTrain, cliFit.closed_form.train_mse, 1e-4), `${closedTrain} vs ${cliFit.closed_form.train_mse}`);
    assert.ok(close(closedVal, cliFit.closed_form.validation_mse, 1e-3));
    assert.ok(closedVal > 10 * closedTrain, `extrapolating a degree-12 polynomial overfits: ${closedVal} vs ${closedTrain}`);
    assert.ok(close(await numberIn(page, 'cf-train-mse'), cliFit.train_mse, 0.05), 'gradient descent matches the CLI too');
    assert.match(await text(page, 'cf-condition'), /e\+\d+ · /);

    await page.fill(byTestId('cf-steps'), '100000');
    await page.press(byTestId('cf-steps'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-fit"]').textContent === 'Stop');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="cf-step-count"]').textContent.replace(/,/g, '')) >= 200);
    await page.click(byTestId('cf-fit'));
    await done(page);
    assert.match(await text(page, 'cf-status'), /^Stopped after/);
    assert.ok((await numberIn(page, 'cf-step-count')) < 100000);
    assert.equal(await text(page, 'cf-fit'), 'Fit');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a pasted CSV, refuses broken ones by row and column, and keeps the data', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('cf-source'), 'own');
    assert.equal(await page.locator(byTestId('cf-csv-text')).isVisible(), true);
    const rows = ['label,"hours, studied",score'];
    for (let i = 0; i < 30; i++) rows.push(`s${i},${i / 2},${(40 + 3 * (i / 2) + ((i * 7) % 5) - 2).toFixed(1)}`);
    const csv = rows.join('\n') + '\n';
    fs.writeFileSync(path.join(tmp, 'study.csv'), csv);
    await page.fill(byTestId('cf-csv-text'), csv);
    await page.click(byTestId('cf-csv-load'));
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-x"]').value === 'hours, studied');
    await page.selectOption(byTestId('cf-model'), 'line');
    await done(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-formula"]').textContent.startsWith('y = m·x'));
    assert.equal(await page.inputValue(byTestId('cf-y')), 'score');
    const cliFit = native(path.join(tmp, 'study.csv'), ['--x', 'hours, studied', '--y', 'score', '--model', 'line', '--train', '0.8']);
    const slope = await param(page, 'slope m');
    assert.ok(close(slope, cliFit.parameters['slope m'], 0.01), `slope ${slope} vs ${cliFit.parameters['slope m']}`);
    assert.ok(close(slope, 3, 0.1));

    // A bad upload: the message names the row and the column; the fit stays.
    await page.setInputFiles(byTestId('cf-csv-file'), { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n5,oops\n6,7\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-csv-message"]').textContent !== '');
    assert.match(await text(page, 'cf-csv-message'), /CSV row 4, column 'b': 'oops' is not a number/);
    assert.match(await text(page, 'cf-csv-message'), /Keeping the current data \(30 points of score/);
    assert.equal(await page.inputValue(byTestId('cf-x')), 'hours, studied');
    await page.fill(byTestId('cf-csv-text'), 'a,b\n1,2\n3,4,5\n');
    await page.click(byTestId('cf-csv-load'));
    await page.waitForFunction(() => /row 3 has 3 fields/.test(document.querySelector('[data-testid="cf-csv-message"]').textContent));
    // The page still works: a refit on the kept data.
    await page.click(byTestId('cf-fit'));
    await done(page);
    assert.ok(close(await param(page, 'slope m'), slope, 0.01));
    // A good upload replaces it.
    await page.setInputFiles(byTestId('cf-csv-file'), { name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('t,v\n0,1\n1,3\n2,5\n3,7\n4,9\n5,11\n') });
    await page.waitForFunction(() => document.querySelector('[data-testid="cf-x"]').value === 't');
    await done(page);
    assert.equal(await text(page, 'cf-csv-message'), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says what is wrong with bad settings and keeps the last good value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('cf-lr'), 'fast');
    await page.press(byTestId('cf-lr'), 'Enter');
    assert.match(await page.locator('#cf-lr-message').textContent(), /Learning rate must be a number from 0\.00001 to 1, not “fast”; keeping 0\.02/);
    await page.fill(byTestId('cf-steps'), '-5');
    await page.press(byTestId('cf-steps'), 'Enter');
    assert.match(await page.locator('#cf-steps-message').textContent(), /Steps must be a whole number/);
    assert.doesNotMatch(page.url(), /lr=fast/);
    await page.click(byTestId('cf-fit'));
    await done(page);
    assert.match(await text(page, 'cf-status'), /^Done: 2,000 steps/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#model=poly&degree=5&train=60&holdout=end&steps=500');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('cf-model')), 'poly');
    assert.equal(await page.inputValue(byTestId('cf-degree')), '5');
    assert.equal(await text(page, 'cf-train-value'), '60%');
    assert.equal(await page.inputValue(byTestId('cf-holdout')), 'end');
    assert.equal(await text(page, 'cf-step-count'), '500');
    assert.match(await answerExercise(page, '300'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, '361'), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('cf-degree')), '5', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.selectOption(byTestId('cf-source'), 'own');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
