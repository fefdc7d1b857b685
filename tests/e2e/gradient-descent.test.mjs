// gradient-descent, driven as a learner would: race the optimizers on the bowl (the end points match
// the native `mlplay optimize`), push the learning rate on the ravine until GD blows up and back with
// the keyboard, toggle optimizers, click the map to choose the start, type f(x, y) (and a typo), share
// the link, do the exercise, and use it on a phone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/gradient-descent/';

/** "(−1.5, 2)" -> [-1.5, 2]. */
async function endPoint(page, optimizer) {
  const text = (await page.locator(byTestId(`gd-end-${optimizer}`)).textContent()) ?? '';
  const match = /^\((.+), (.+)\)$/.exec(text.replace(/\u2212/g, '-'));
  assert.ok(match, `end point "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

async function raced(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="gd-status"]')?.textContent.includes('optimizer'), null, { timeout: 30000 });
}

/** Waits until the status (or a cell) shows `pattern`. */
async function until(page, id, pattern) {
  await page.waitForFunction(
    ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    [byTestId(id), pattern.source],
    { timeout: 15000 },
  );
}

function native(args) {
  return JSON.parse(execFileSync(cli, ['optimize', ...args, '--json']).toString());
}

function close(shown, exact, what) {
  assert.ok(Math.abs(shown - exact) <= 1e-5 + 1e-5 * Math.abs(exact), `${what}: page ${shown}, CLI ${exact}`);
}

describe('gradient-descent', () => {
  const env = browserAndSite();

  it('races seven optimizers on the bowl and ends where `mlplay optimize` ends', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await raced(page);
    assert.equal(await page.locator(`${byTestId('gd-results')} tbody tr`).count(), 7);
    assert.equal(await page.locator(byTestId('gd-formula')).textContent(), 'x^2 + y^2');
    for (const optimizer of ['sgd', 'momentum', 'adam', 'adamw']) {
      const [x, y] = await endPoint(page, optimizer);
      const cliResult = native(['--function', 'bowl', '--optimizer', optimizer, '--lr', '0.1', '--steps', '300', '--from', '-2.5,2']);
      close(x, cliResult.end[0], `${optimizer} x`);
      close(y, cliResult.end[1], `${optimizer} y`);
      assert.equal(await page.locator(byTestId(`gd-steps-${optimizer}`)).textContent(), String(cliResult.steps_taken));
    }
    assert.equal(await page.locator(byTestId('gd-state-sgd')).textContent(), 'stable');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows GD blowing up above η = 2/L on the ravine, and recovering with the keyboard', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await raced(page);
    await page.selectOption(byTestId('gd-surface'), 'ravine');
    await until(page, 'gd-formula', /25 y\^2/);
    await until(page, 'gd-lr-value', /^0\.03$/);
    await page.fill(byTestId('gd-lr-exact'), '0.09');
    await page.press(byTestId('gd-lr-exact'), 'Enter');
    await until(page, 'gd-state-sgd', /^blew up: the point left \|x\|, \|y\| < 300 at step \d+/);
    await until(page, 'gd-status', /Blew up \(path stopped\): GD/);
    assert.equal(await page.locator(byTestId('gd-state-adam')).textContent(), 'stable', 'Adam takes η-sized steps');
    const steps = Number(await page.locator(byTestId('gd-steps-sgd')).textContent());
    const cliResult = native(['--function', 'ravine', '--optimizer', 'sgd', '--lr', '0.09', '--steps', '300', '--from', '-2.8,1']);
    assert.equal(cliResult.diverged, true);
    assert.equal(steps, cliResult.steps_taken);
    // the slider, by keyboard: it sits at log10(0.09) ≈ −1.05; two notches down, 10^−1.15 ≈ 0.0708, is below 2/L = 0.08
    await page.focus(byTestId('gd-lr'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await until(page, 'gd-lr-value', /^0\.0708$/);
    await until(page, 'gd-state-sgd', /^stable$/);
    assert.match(page.url(), /lr=0\.0708/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('toggles optimizers and takes the start from a click and the arrow keys', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await raced(page);
    await page.click(byTestId('gd-opt-adagrad'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gd-results"] tbody tr').length === 6);
    assert.equal(await page.locator(byTestId('gd-opt-adagrad')).getAttribute('aria-pressed'), 'false');
    assert.match(page.url(), /opt=sgd\.momentum\.nesterov\.rmsprop\.adam\.adamw/);
    // click three quarters across and one quarter down the [-3, 3]² map: start (1.5, 1.5)
    const box = await page.locator(byTestId('gd-plot')).boundingBox();
    await page.mouse.click(box.x + 0.75 * box.width, box.y + 0.25 * box.height);
    await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="gd-start-x"]').value) - 1.5) < 0.02);
    assert.ok(Math.abs(Number(await page.inputValue(byTestId('gd-start-y'))) - 1.5) < 0.02);
    await page.focus(byTestId('gd-plot'));
    const before = Number(await page.inputValue(byTestId('gd-start-x')));
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((b) => Math.abs(Number(document.querySelector('[data-testid="gd-start-x"]').value) - (b - 0.12)) < 1e-9, before);
    const x = Number(await page.inputValue(byTestId('gd-start-x')));
    const y = Number(await page.inputValue(byTestId('gd-start-y')));
    await until(page, 'gd-status', new RegExp(`from \\(${String(x).replace('-', '−').replace('.', '\\.')}, `));
    const [ex, ey] = await endPoint(page, 'nesterov');
    const cliResult = native(['--function', 'bowl', '--optimizer', 'nesterov', '--lr', '0.1', '--steps', '300', '--from', `${x},${y}`]);
    close(ex, cliResult.end[0], 'nesterov x');
    close(ey, cliResult.end[1], 'nesterov y');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('takes a typed f(x, y), explains a typo by position, and keeps working', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await raced(page);
    await page.fill(byTestId('gd-expr'), 'x^2 + * y');
    await page.press(byTestId('gd-expr'), 'Enter');
    await until(page, 'gd-expr-message', /position 7/);
    assert.match(await page.locator(byTestId('gd-expr-message')).textContent(), /Keeping the bowl surface/);
    assert.equal(await page.locator(byTestId('gd-expr-caret')).textContent(), 'x^2 + * y\n      ^');
    assert.equal(await page.locator(byTestId('gd-expr')).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(byTestId('gd-surface')).inputValue(), 'bowl');
    await page.fill(byTestId('gd-expr'), 'xy');
    await page.click(byTestId('gd-use'));
    await until(page, 'gd-expr-message', /x\*y/);

    await page.fill(byTestId('gd-expr'), 'x^2 + 3y^2');
    await page.click(byTestId('gd-use'));
    await until(page, 'gd-formula', /^x\^2 \+ 3\*y\^2$/);
    assert.equal(await page.locator(byTestId('gd-expr-message')).textContent(), '');
    assert.equal(await page.locator(byTestId('gd-surface')).inputValue(), 'custom');
    await until(page, 'gd-status', /from \(1\.8, 1\.8\)/);
    const [x, y] = await endPoint(page, 'momentum');
    const cliResult = native(['--function', 'x^2 + 3y^2', '--optimizer', 'momentum', '--lr', '0.05', '--steps', '300', '--from', '1.8,1.8']);
    close(x, cliResult.end[0], 'momentum x');
    close(y, cliResult.end[1], 'momentum y');
    // a function undefined where the path goes: the path is stopped and the page says so
    await page.fill(byTestId('gd-expr'), 'log(x) + y^2');
    await page.click(byTestId('gd-use'));
    await until(page, 'gd-formula', /^log\(x\) \+ y\^2$/);
    await page.fill(byTestId('gd-lr-exact'), '5');
    await page.press(byTestId('gd-lr-exact'), 'Enter');
    await until(page, 'gd-state-sgd', /blew up: f became undefined at step \d+/);
    // bad numbers keep the last good value
    await page.fill(byTestId('gd-steps'), '0');
    await page.press(byTestId('gd-steps'), 'Enter');
    assert.match(await page.locator('#gd-steps-message').textContent(), /Steps must be a whole number from 1 to 10,000; keeping 300/);
    await page.fill(byTestId('gd-lr-exact'), 'fast');
    await page.press(byTestId('gd-lr-exact'), 'Enter');
    assert.match(await page.locator('#gd-lr-exact-message').textContent(), /η must be a number .* got “fast”; keeping 5/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const hash = '#s=rosenbrock&lr=0.002&steps=500&sched=cosine&opt=sgd.adam&x=-1&y=1';
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + hash);
    await raced(page);
    assert.equal(await page.locator(byTestId('gd-surface')).inputValue(), 'rosenbrock');
    assert.equal(await page.locator(byTestId('gd-schedule')).inputValue(), 'cosine');
    assert.equal(await page.locator(byTestId('gd-lr-value')).textContent(), '0.002');
    assert.equal(await page.inputValue(byTestId('gd-steps')), '500');
    assert.equal(await page.locator(`${byTestId('gd-results')} tbody tr`).count(), 2);
    const [x, y] = await endPoint(page, 'adam');
    const cliResult = native(['--function', 'rosenbrock', '--optimizer', 'adam', '--lr', '0.002', '--steps', '500', '--from', '-1,1', '--schedule', 'cosine']);
    close(x, cliResult.end[0], 'adam x');
    close(y, cliResult.end[1], 'adam y');
    // change through the UI, reload: the same setup comes back
    await page.selectOption(byTestId('gd-schedule'), 'warmup');
    await page.click(byTestId('gd-opt-momentum'));
    await until(page, 'gd-status', /3 optimizers.*warmup schedule/);
    await page.reload();
    await raced(page);
    assert.equal(await page.locator(byTestId('gd-schedule')).inputValue(), 'warmup');
    assert.equal(await page.locator(`${byTestId('gd-results')} tbody tr`).count(), 3);
    assert.equal(await page.inputValue(byTestId('gd-start-x')), '-1');

    assert.match(await answerExercise(page, '0.5'), /Not quite/);
    assert.match(await openHintAndSolution(page), /2\/25 = 0\.08/);
    assert.match(await answerExercise(page, '0.08'), /Correct/);
    await page.reload();
    assert.match(await page.locator(byTestId('exercise-feedback')).textContent(), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('falls back to the bowl when the link carries a bad f(x, y)', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#s=custom&f=x%2B%2B');
    await raced(page);
    assert.equal(await page.locator(byTestId('gd-surface')).inputValue(), 'bowl');
    assert.equal(await page.inputValue(byTestId('gd-expr')), 'x++');
    assert.match(await page.locator(byTestId('gd-expr-message')).textContent(), /position 4/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await raced(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const box = await page.locator(byTestId('gd-plot')).boundingBox();
    assert.ok(box.width > 250 && box.width <= 390, `map ${box.width}px wide`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
