// genetic-algorithm, driven as a learner would: evolve "Hello world" to the end and compare with the
// native CLI; type a new target, a bad one and a bad mutation rate; step, pause and resume (the run
// stays the CLI's run); turn elitism off; place, drag and remove cities on the map and evolve a tour;
// the shared link; the exercise; phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/genetic-algorithm/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
const native = (args) => JSON.parse(execFileSync(cli, ['ga', ...args, '--json']).toString());

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="ga-generation"]').textContent === '0', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="tsp-generation"]').textContent === '0', null, { timeout: 20000 });
}
async function statusMatches(page, id, pattern, timeout = 60000) {
  await page.waitForFunction(([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`).textContent),
    [id, pattern.source], { timeout });
}

describe('genetic-algorithm', () => {
  const env = browserAndSite();

  it('evolves "Hello world" in as many generations as the CLI, shows the population and the curve', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await page.locator(`${byTestId('ga-population-list')} li`).count(), 12);
    assert.match(await text(page, 'ga-status'), /Generation 0: random strings/);
    const cliRun = native(['--target', 'Hello world', '--population', '200', '--mutation', '0.01', '--seed', '1']);
    assert.equal(cliRun.solved, true);
    assert.equal(await numberIn(page, 'ga-best-distance'), cliRun.history[0].distance, 'generation 0 is the CLI\'s');
    await page.click(byTestId('ga-run'));
    await statusMatches(page, 'ga-status', /^Reached the target in/);
    assert.equal(await numberIn(page, 'ga-generation'), cliRun.generations);
    assert.equal(await text(page, 'ga-best'), 'Hello world');
    assert.equal(await text(page, 'ga-best-distance'), '0');
    assert.equal(await text(page, 'ga-best-fitness'), '1.0000');
    assert.ok((await numberIn(page, 'ga-rate')) > 0, 'generations per second shown');
    assert.equal(await page.locator(`${byTestId('ga-best')} .ga-miss`).count(), 0, 'every letter marked as matching');
    assert.equal(await text(page, 'ga-run'), 'Run');
    assert.ok(await page.locator(`${byTestId('ga-plot')} canvas`).count() >= 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes a typed target, refuses bad ones and a bad mutation rate next to the control, and keeps the last good value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('ga-target'), 'Genetic!');
    await page.press(byTestId('ga-target'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-best"]').textContent.length === 8);
    assert.match(page.url(), /target=Genetic%21/);
    await page.fill(byTestId('ga-target'), '50% off @home');
    await page.press(byTestId('ga-target'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-target-message"]').textContent !== '');
    assert.match(await text(page, 'ga-target-message'), /'%' \(position 3\), '@' \(position 9\) are not in the alphabet .*keeping “Genetic!”/);
    assert.equal(await page.getAttribute(byTestId('ga-target'), 'aria-invalid'), 'true');
    await page.fill(byTestId('ga-target'), '');
    await page.press(byTestId('ga-target'), 'Enter');
    await page.waitForFunction(() => /the target is empty/.test(document.querySelector('[data-testid="ga-target-message"]').textContent));
    await page.fill(byTestId('ga-mutation-text'), '1.5');
    await page.press(byTestId('ga-mutation-text'), 'Enter');
    assert.match(await text(page, 'ga-mutation-message'), /Mutation rate must be a number from 0 to 1, not “1\.5”; keeping 0\.01/);
    assert.match(page.url(), /mut=0\.01/);
    // The slider by keyboard: one step is 0.001.
    await page.focus(byTestId('ga-mutation'));
    await page.keyboard.press('ArrowRight');
    assert.equal(await text(page, 'ga-mutation-value'), '0.011');
    assert.equal(await page.inputValue(byTestId('ga-mutation-text')), '0.011');
    assert.match(page.url(), /mut=0\.011/);
    // Still the last good target, and it evolves like the CLI with the new rate.
    const cliRun = native(['--target', 'Genetic!', '--mutation', '0.011']);
    await page.click(byTestId('ga-run'));
    await statusMatches(page, 'ga-status', /^Reached the target in/);
    assert.equal(await text(page, 'ga-best'), 'Genetic!');
    assert.equal(await numberIn(page, 'ga-generation'), cliRun.generations);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('steps, pauses and resumes the same seeded run; elitism can be switched off', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#target=Pause+and+resume&pace=slow');
    await ready(page);
    await page.click(byTestId('ga-step'));
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-generation"]').textContent === '1');
    await page.click(byTestId('ga-step'));
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-generation"]').textContent === '2');
    await page.click(byTestId('ga-run'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="ga-generation"]').textContent) >= 5);
    await page.click(byTestId('ga-run'));
    await statusMatches(page, 'ga-status', /^Paused at generation/);
    const paused = await numberIn(page, 'ga-generation');
    await page.selectOption(byTestId('ga-pace'), 'fast');
    await page.click(byTestId('ga-run'));
    await statusMatches(page, 'ga-status', /^Reached the target in/);
    const cliRun = native(['--target', 'Pause and resume']);
    assert.ok(cliRun.generations > paused);
    assert.equal(await numberIn(page, 'ga-generation'), cliRun.generations, 'pausing does not change the run');
    await page.uncheck(byTestId('ga-elitism'));
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-generation"]').textContent === '0');
    assert.match(page.url(), /elit=off/);
    await page.click(byTestId('ga-step'));
    await page.waitForFunction(() => document.querySelector('[data-testid="ga-generation"]').textContent === '1');
    const cliOff = native(['--target', 'Pause and resume', '--no-elitism', '--max-generations', '1']);
    assert.equal(await numberIn(page, 'ga-best-distance'), cliOff.history[1].distance);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('evolves a tour through cities the learner adds, drags and removes', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await text(page, 'tsp-cities'), '20');
    const cliTour = native(['--cities', '20', '--seed', '1', '--generations', '0']);
    assert.ok(Math.abs((await numberIn(page, 'tsp-best')) - cliTour.best_length) < 1e-4, 'generation 0 matches the CLI');
    const canvas = page.locator(byTestId('tsp-canvas'));
    let box = null;
    /** The map in view, and where (x, y) of the unit square is on the screen now. */
    const at = async (x, y) => {
      await canvas.scrollIntoViewIfNeeded();
      box = await canvas.boundingBox();
      return [box.x + 14 + x * (box.width - 28), box.y + 14 + (1 - y) * (box.height - 28)];
    };
    // Click an empty corner to add a city (the default cities are random; pick a spot far from all of them).
    const xy = cliTour.xy;
    let spot = null;
    for (let gx = 0.05; gx < 1 && !spot; gx += 0.1) {
      for (let gy = 0.05; gy < 1 && !spot; gy += 0.1) {
        let near = Infinity;
        for (let i = 0; i < xy.length; i += 2) near = Math.min(near, Math.hypot(xy[i] - gx, xy[i + 1] - gy));
        if (near > 0.08) spot = [gx, gy];
      }
    }
    await page.mouse.click(...(await at(spot[0], spot[1])));
    await page.waitForFunction(() => document.querySelector('[data-testid="tsp-cities"]').textContent === '21');
    assert.match(page.url(), /cities=/);
    // Drag the new city to the middle.
    await page.mouse.move(...(await at(spot[0], spot[1])));
    await page.mouse.down();
    await page.mouse.move(...(await at(0.5, 0.5)), { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => {
      const xy = (new URLSearchParams(location.hash.slice(1)).get('cities') ?? '').split(/[;,]/).map(Number);
      return xy.length === 42 && Math.abs(xy[40] - 0.5) < 0.01 && Math.abs(xy[41] - 0.5) < 0.01;
    });
    // Double-click it away again.
    await page.mouse.dblclick(...(await at(0.5, 0.5)));
    await page.waitForFunction(() => document.querySelector('[data-testid="tsp-cities"]').textContent === '20');
    const start = await numberIn(page, 'tsp-best');
    await page.click(byTestId('tsp-run'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="tsp-generation"]').textContent.replace(/,/g, '')) >= 300, null, { timeout: 60000 });
    await page.click(byTestId('tsp-run'));
    await statusMatches(page, 'tsp-status', /^Paused at generation/);
    const best = await numberIn(page, 'tsp-best');
    assert.ok(best < 0.8 * start, `the tour shortened: ${start} -> ${best}`);
    assert.ok(best <= await numberIn(page, 'tsp-mean'));
    assert.ok((await numberIn(page, 'tsp-rate')) > 0);
    // Too few cities: a message, nothing breaks.
    await page.click(byTestId('tsp-clear'));
    assert.match(await text(page, 'tsp-map-message'), /map is empty/);
    await page.mouse.click(...(await at(0.2, 0.2)));
    await page.waitForFunction(() => /at least 3 cities; there is 1/.test(document.querySelector('[data-testid="tsp-map-message"]').textContent));
    await page.mouse.click(...(await at(0.8, 0.2)));
    await page.mouse.click(...(await at(0.5, 0.8)));
    await page.waitForFunction(() => document.querySelector('[data-testid="tsp-generation"]').textContent === '0');
    assert.equal(await text(page, 'tsp-map-message'), '');
    assert.ok(Math.abs((await numberIn(page, 'tsp-best')) - (0.6 + 2 * Math.hypot(0.3, 0.6))) < 0.02);
    // Random cities by keyboard.
    await page.focus(byTestId('tsp-random'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="tsp-cities"]').textContent === '20');
    assert.match(page.url(), /cseed=2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const hash = '#target=Evolve&pop=300&mut=0.02&elit=off&seed=7&pace=slow&cities=0.1,0.1;0.9,0.1;0.5,0.9&tpop=50&tmut=0.05&telit=off';
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + hash);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('ga-target')), 'Evolve');
    assert.equal(await page.inputValue(byTestId('ga-population')), '300');
    assert.equal(await text(page, 'ga-mutation-value'), '0.02');
    assert.equal(await page.isChecked(byTestId('ga-elitism')), false);
    assert.equal(await page.inputValue(byTestId('ga-seed')), '7');
    assert.equal(await page.inputValue(byTestId('ga-pace')), 'slow');
    assert.equal(await text(page, 'tsp-cities'), '3');
    assert.equal(await page.inputValue(byTestId('tsp-population')), '50');
    assert.equal(await text(page, 'tsp-mutation-value'), '0.05');
    assert.equal(await page.isChecked(byTestId('tsp-elitism')), false);
    const cliRun = native(['--target', 'Evolve', '--population', '300', '--mutation', '0.02', '--no-elitism', '--seed', '7', '--max-generations', '0']);
    assert.equal(await numberIn(page, 'ga-best-distance'), cliRun.history[0].distance);
    assert.match(await answerExercise(page, '0.8179'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, '0.82'), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('ga-target')), 'Evolve', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.click(byTestId('ga-run'));
    await statusMatches(page, 'ga-status', /^Reached the target in/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
