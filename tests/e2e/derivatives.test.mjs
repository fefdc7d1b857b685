// derivatives, driven as a learner would: type f(x), read the critical points (the same as the native
// CLI's), click the curve and use the keyboard to move the tangent, roll a ball downhill, drag the step
// size to both ends of the error trade-off, make typos, plot log x over negative numbers, share the link, do the exercise,
// and use it on a phone.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/derivatives/';

/** Reads a number the page shows ("−1.5708", "3", "2.2e-11"). */
async function shown(page, id) {
  const text = (await page.locator(byTestId(id)).textContent()) ?? '';
  return Number(text.replace(/\u2212/g, '-').replace(/,/g, ''));
}

/** Waits until the page has plotted (the critical-point summary is filled) and the point is drawn. */
async function plotted(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="deriv-critical-summary"]')?.textContent.startsWith('Critical points found'), null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="deriv-slope"]')?.textContent !== '–');
}

async function typeExpression(page, text) {
  await page.fill(byTestId('deriv-expr'), text);
  await page.press(byTestId('deriv-expr'), 'Enter');
}

/** Waits for a shown number to satisfy `test`. */
async function until(page, id, test, what) {
  const deadline = Date.now() + 10000;
  let value;
  while (Date.now() < deadline) {
    value = await shown(page, id);
    if (test(value)) return value;
    await page.waitForTimeout(50);
  }
  assert.fail(`${id}: ${value} is not ${what}`);
}

describe('derivatives', () => {
  const env = browserAndSite();

  it('plots x^3 - 3x + 1 and finds the same critical points as `mlplay derive`', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await plotted(page);
    assert.equal(await page.locator(byTestId('deriv-critical-summary')).textContent(), 'Critical points found: x = −1 (max), x = 1 (min)');
    const native = JSON.parse(execFileSync(cli, ['derive', 'x^3 - 3*x + 1', '--from', '-3', '--to', '3', '--json']).toString());
    assert.deepEqual(native.critical_points.map((p) => p.kind), ['max', 'min']);
    const items = await page.locator(`${byTestId('deriv-critical')} button`).allTextContents();
    assert.equal(items.length, 2);
    assert.match(items[0], /^x = −1 · max · f = 3 · f″ = −6/);
    assert.match(items[1], /^x = 1 · min · f = −1 · f″ = 6/);
    assert.match(await page.locator(byTestId('deriv-inflections')).textContent(), /x = 0 · f = 1 · slope −3/);
    // the default point a = 2: f(2) = 3, f'(2) = 9
    assert.equal(await shown(page, 'deriv-fa'), 3);
    assert.equal(await shown(page, 'deriv-exact'), 9);
    assert.ok(Math.abs((await shown(page, 'deriv-slope')) - 9) < 1e-6);
    assert.ok((await shown(page, 'deriv-error')) < 1e-8, 'central difference with h = 1e-5 is good to ~10 digits');
    assert.equal(await page.locator(byTestId('deriv-parsed')).textContent(), 'x^3 - 3*x + 1');
    const best = await shown(page, 'deriv-best-h');
    assert.ok(best > 1e-8 && best < 1e-3, `best h ${best}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('moves the tangent by clicking the curve, by keyboard, and from the critical-point list', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await plotted(page);
    // click three quarters of the way across [-3, 3]: x = 1.5, slope 3·1.5² − 3 = 3.75
    const over = page.locator(`${byTestId('deriv-fplot')} .u-over`);
    const box = await over.boundingBox();
    await over.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-a"]').value !== '2');
    const clicked = Number(await page.inputValue(byTestId('deriv-a')));
    assert.ok(Math.abs(clicked - 1.5) < 0.02, `clicked at a = ${clicked}`);
    const expected = +(3 * clicked ** 2 - 3).toPrecision(6);
    await until(page, 'deriv-exact', (v) => v === expected, String(expected));
    assert.ok(Math.abs((await shown(page, 'deriv-slope')) - expected) < 1e-4);
    assert.match(page.url(), new RegExp(`a=${clicked}(&|$)`));
    // the point typed in
    await page.fill(byTestId('deriv-a'), '1.5');
    await page.press(byTestId('deriv-a'), 'Enter');
    await until(page, 'deriv-exact', (v) => v === 3.75, '3.75');
    // keyboard: focus the plot, arrows move a by 1% of the interval, End jumps to the right end
    await page.focus(byTestId('deriv-fplot'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await until(page, 'deriv-exact', (v) => Math.abs(v - (3 * 1.38 ** 2 - 3)) < 1e-9, 'the slope at 1.38');
    assert.equal(await page.inputValue(byTestId('deriv-a')), '1.38');
    await page.keyboard.press('End');
    await until(page, 'deriv-exact', (v) => v === 24, 'the slope at 3');
    assert.equal(await page.getAttribute(byTestId('deriv-fplot'), 'aria-valuenow'), '3');
    // a critical point from the list: the tangent becomes flat
    await page.locator(`${byTestId('deriv-critical')} button`).first().click();
    await until(page, 'deriv-fa', (v) => Math.abs(v - 3) < 1e-9, 'f(-1) = 3');
    assert.ok(Math.abs(await shown(page, 'deriv-slope')) < 1e-6, 'flat tangent at the maximum');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('rolls a ball downhill into the valley, or out of the picture when the step is too big', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await plotted(page);
    await page.click(byTestId('deriv-roll'));
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-roll-status"]').textContent !== '', null, { timeout: 15000 });
    const settled = await page.locator(byTestId('deriv-roll-status')).textContent();
    assert.match(settled, /^From a = 2 the ball took \d+ steps of η = 0\.05 and stopped where the slope is about 0: x = 1(\.0000\d)?, f = −1/);
    assert.ok(Math.abs(Number(await page.inputValue(byTestId('deriv-a'))) - 1) < 1e-3, 'the point ends at the minimum x = 1');
    await until(page, 'deriv-exact', (v) => Math.abs(v) < 1e-3, 'a flat tangent');
    assert.equal(await page.locator(byTestId('deriv-roll')).textContent(), 'Roll downhill from a');
    // η = 0.9 from a = 2: x ← 2 − 0.9·9 = −6.1, out of [−3, 3] at once
    await page.selectOption(byTestId('deriv-lr'), '0.9');
    assert.match(page.url(), /lr=0\.9(&|$)/);
    await page.fill(byTestId('deriv-a'), '2');
    await page.press(byTestId('deriv-a'), 'Enter');
    await page.click(byTestId('deriv-roll'));
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-roll-status"]').textContent.includes('η = 0.9'));
    assert.match(await page.locator(byTestId('deriv-roll-status')).textContent(), /took 1 step of η = 0\.9 and left the plotted interval: .*: x = −6\.1, f = −207\.681/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows round-off at tiny h and truncation at large h', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await plotted(page);
    await page.focus(byTestId('deriv-h'));
    await page.keyboard.press('Home'); // h = 1e-15
    assert.equal(await page.locator(byTestId('deriv-h-value')).textContent(), '1e-15');
    // ε·|f|/h ≈ 2.2e-16 · 3 / 1e-15: the slope is wrong in the first decimals
    const noisy = await until(page, 'deriv-error', (v) => v > 1e-4, 'a round-off error above 1e-4');
    assert.ok(noisy < 10, `round-off error ${noisy}`);
    await page.keyboard.press('End'); // h = 1
    // for a cubic the central difference is off by exactly h² f'''/6 = 1
    await until(page, 'deriv-error', (v) => Math.abs(v - 1) < 1e-9, 'the truncation error 1');
    assert.equal(await shown(page, 'deriv-slope'), 10);
    assert.match(page.url(), /h=0(&|$)/);
    for (let i = 0; i < 10; ++i) await page.keyboard.press('ArrowLeft'); // back to h = 1e-5
    assert.equal(await page.locator(byTestId('deriv-h-value')).textContent(), '1e-5');
    await until(page, 'deriv-error', (v) => v < 1e-8, 'small again');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains malformed expressions with the position, keeps the last good plot, and keeps working', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await plotted(page);
    const cases = [
      ['x^3 - 3*x +', /expected a number, x, a constant, a function or '\(' at position 12 but found the end/, 11],
      ['sin(x', /missing '\)' at position 6 to close the '\(' at position 4/, 5],
      ['2 * y', /unknown name 'y' at position 5; use x, pi, e/, 4],
      ['x $ 2', /unexpected character '\$' at position 3/, 2],
    ];
    for (const [text, message, spaces] of cases) {
      await typeExpression(page, text);
      // the caret line appears under this very text once the engine has answered
      const caret = `${text}\n${' '.repeat(spaces)}^`;
      await page.waitForFunction((expected) => document.querySelector('[data-testid="deriv-expr-caret"]')?.textContent === expected, caret);
      assert.equal(await page.getAttribute(byTestId('deriv-expr'), 'aria-invalid'), 'true');
      const said = await page.locator(byTestId('deriv-expr-message')).textContent();
      assert.match(said, message, text);
      assert.match(said, /Keeping f\(x\) = x\^3 - 3\*x \+ 1/);
    }
    assert.match(page.url(), /f=x%5E3\+-\+3\*x\+%2B\+1/, 'the hash keeps the last good function');
    assert.equal(await page.locator(byTestId('deriv-critical-summary')).textContent(), 'Critical points found: x = −1 (max), x = 1 (min)');
    // bad interval and point values
    const fields = [
      ['deriv-from', 'left', /From must be a number from -1,000,000 to 1,000,000, got “left”; keeping -3/],
      ['deriv-from', '5', /From must be less than To \(3\); keeping -3/],
      ['deriv-to', '-4', /To must be greater than From \(-3\); keeping 3/],
      ['deriv-a', '7', /Point a must lie in the plotted interval \[-3, 3\]; keeping 2/],
    ];
    for (const [id, text, message] of fields) {
      await page.fill(byTestId(id), text);
      await page.press(byTestId(id), 'Enter');
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
      assert.match(await page.locator(`#${describedBy}`).textContent(), message);
    }
    // and a good one still works
    await page.fill(byTestId('deriv-from'), '-4');
    await page.press(byTestId('deriv-from'), 'Enter');
    await page.fill(byTestId('deriv-to'), '4');
    await page.press(byTestId('deriv-to'), 'Enter');
    await typeExpression(page, 'sin(x)');
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-critical-summary"]').textContent.includes('1.5708'));
    assert.equal(await page.locator(byTestId('deriv-critical-summary')).textContent(), 'Critical points found: x = −1.5708 (min), x = 1.5708 (max)');
    assert.equal(await page.getAttribute(byTestId('deriv-expr'), 'aria-invalid'), null);
    assert.equal(await page.locator(byTestId('deriv-expr-message')).textContent(), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws log x only where it is defined and shows undefined values without crashing', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#f=log(x)&from=-2&to=4&a=1&h=-5`);
    await plotted(page);
    assert.match(await page.locator(byTestId('deriv-status')).textContent(), /f is undefined at \d+ of 801 sample points \(shown as gaps\)/);
    assert.equal(await page.locator(byTestId('deriv-critical-summary')).textContent(), 'Critical points found: none');
    assert.ok(Math.abs((await shown(page, 'deriv-slope')) - 1) < 1e-8, "log'(1) = 1");
    await page.fill(byTestId('deriv-a'), '-1');
    await page.press(byTestId('deriv-a'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-fa"]').textContent === 'undefined');
    assert.equal(await page.locator(byTestId('deriv-slope')).textContent(), 'undefined');
    // still alive: another function plots
    await typeExpression(page, 'exp(-x^2)');
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-critical-summary"]').textContent === 'Critical points found: x = 0 (max)');
    assert.equal(await page.locator(`${byTestId('deriv-inflections')} button`).count(), 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#f=sin(x)&from=-4&to=4&a=1&h=-8`);
    await plotted(page);
    assert.equal(await page.inputValue(byTestId('deriv-expr')), 'sin(x)');
    assert.equal(await page.inputValue(byTestId('deriv-from')), '-4');
    assert.equal(await page.inputValue(byTestId('deriv-to')), '4');
    assert.equal(await page.inputValue(byTestId('deriv-a')), '1');
    assert.equal(await page.inputValue(byTestId('deriv-h')), '-8');
    assert.equal(await page.locator(byTestId('deriv-h-value')).textContent(), '1e-8');
    assert.equal(await shown(page, 'deriv-exact'), +Math.cos(1).toPrecision(6));
    // change through the UI, reload: the same setup comes back
    await page.selectOption(byTestId('deriv-preset'), 'x^4 - 2x^2');
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-critical-summary"]').textContent.includes('x = 0 (max)'));
    assert.equal(await page.locator(byTestId('deriv-critical-summary')).textContent(), 'Critical points found: x = −1 (min), x = 0 (max), x = 1 (min)');
    await page.reload();
    await plotted(page);
    assert.equal(await page.inputValue(byTestId('deriv-expr')), 'x^4 - 2x^2');
    assert.equal(await page.locator(byTestId('deriv-parsed')).textContent(), 'x^4 - 2*x^2');
    assert.equal(await page.inputValue(byTestId('deriv-a')), '1');

    assert.match(await answerExercise(page, '1.5'), /Not quite/);
    assert.match(await openHintAndSolution(page), /Newton's method/);
    assert.match(await answerExercise(page, '1.667'), /Correct/);
    await page.reload();
    assert.match(await page.locator(byTestId('exercise-feedback')).textContent(), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a link with a malformed expression explains it and plots the default', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#f=x%5E%5E2`);
    await plotted(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-expr-message"]').textContent !== '');
    assert.match(await page.locator(byTestId('deriv-expr-message')).textContent(), /at position 3/);
    assert.equal(await page.inputValue(byTestId('deriv-expr')), 'x^^2');
    assert.equal(await page.locator(byTestId('deriv-parsed')).textContent(), 'x^3 - 3*x + 1');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, the demo still works', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await plotted(page);
    await typeExpression(page, 'x sin(1/x)');
    await page.waitForFunction(() => document.querySelector('[data-testid="deriv-parsed"]').textContent === 'x*sin(1/x)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
