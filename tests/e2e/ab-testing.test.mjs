// ab-testing, driven as a learner would: the checkout example compared with the native CLI (which
// the native tests pin to SciPy), typing new counts and α, the planner and its simulated check,
// the peeking simulation (A/A false positives, Stop), bad input, the shared link, the exercise,
// phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openPage } from './harness.mjs';

const LESSON = 'lessons/ab-testing/';

const text = (page, id) => page.locator(byTestId(id)).textContent();
/** "[−0.02%, +43.6%]" -> [-0.02, 43.6]. */
const pair = (shown) => shown.replace(/[[\]%pp\s]/g, '').replace(/−/g, '-').split(',').map(Number);

function native(a, b, alpha = 0.05) {
  return JSON.parse(execFileSync(cli, ['abtest', '--a', a, '--b', b, '--alpha', String(alpha), '--json']).toString());
}

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="ab-z"]').textContent !== '–', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="ab-plan-n"]').textContent !== '–', null, { timeout: 20000 });
}
async function peekDone(page) {
  await page.waitForFunction(() => /^(Done|Stopped)/.test(document.querySelector('[data-testid="ab-peek-status"]').textContent), null, { timeout: 90000 });
}
/** Types into a field and presses Enter, as a keyboard user would. */
async function type(page, id, value) {
  await page.fill(byTestId(id), value);
  await page.press(byTestId(id), 'Enter');
}
async function messageFor(page, id) {
  const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
  return page.locator(`#${describedBy}`).textContent();
}
/** The shown numbers of the test agree with the CLI's to the digits shown. */
async function matchesCli(page, json) {
  assert.equal(await text(page, 'ab-z'), json.z.toFixed(3));
  assert.equal(await text(page, 'ab-rate-a'), `${(100 * json.a.rate).toFixed(2)}%`);
  assert.equal(await text(page, 'ab-rate-b'), `${(100 * json.b.rate).toFixed(2)}%`);
  const p = await numberIn(page, 'ab-p');
  assert.ok(Math.abs(p - json.p_value) <= 0.0051 * json.p_value, `p ${p} vs ${json.p_value}`);
  const [dLow, dHigh] = pair(await text(page, 'ab-diff-ci'));
  assert.ok(Math.abs(dLow - 100 * json.difference_ci[0]) < 0.0051 && Math.abs(dHigh - 100 * json.difference_ci[1]) < 0.0051);
  const [lLow, lHigh] = pair(await text(page, 'ab-lift-ci'));
  assert.ok(Math.abs(lLow - 100 * json.lift_ci[0]) < 0.051 && Math.abs(lHigh - 100 * json.lift_ci[1]) < 0.051);
}

describe('ab-testing', () => {
  const env = browserAndSite();

  it('tests the checkout example like the native CLI, plans 35,060 visitors per arm and simulates peeking', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await matchesCli(page, native('203/4532', '248/4621'));
    assert.equal(await text(page, 'ab-lift'), '+19.8%');
    assert.match(await text(page, 'ab-verdict'), /^Significant at α = 0\.05 \(p = 0\.0498 < 0\.05\)/);
    assert.equal(await text(page, 'ab-level'), '95%');
    // The planner: 4.48% baseline, +10% lift, 80% power (SciPy's formula gives 35,060).
    assert.equal(await text(page, 'ab-plan-n'), '35,060');
    assert.equal(await text(page, 'ab-plan-total'), '70,120');
    assert.equal(await text(page, 'ab-plan-rate-b'), '4.928%');
    // The A/A peeking simulation runs on load: about 5% at the end, far more with 10 looks.
    await peekDone(page);
    assert.equal(await numberIn(page, 'ab-peek-count'), 2000);
    const end = parseFloat(await text(page, 'ab-peek-end'));
    const any = parseFloat(await text(page, 'ab-peek-any'));
    const bonferroni = parseFloat(await text(page, 'ab-peek-bonf'));
    assert.ok(end > 3 && end < 7.5, `fixed horizon ${end}%`);
    assert.ok(any > 14 && any < 25, `peeking ${any}%`);
    assert.ok(bonferroni < end + 1.5, `Bonferroni ${bonferroni}%`);
    assert.match(await page.locator(byTestId('ab-paths-plot')).textContent(), /crossed at some look \(\d+ of 20\)/);
    // Check the plan by simulation: about 80% of experiments at n come out significant.
    await page.click(byTestId('ab-plan-simulate'));
    await page.waitForFunction(() => document.querySelector('[data-testid="ab-plan-sim"]').textContent !== '–', null, { timeout: 90000 });
    const simulated = parseFloat(await text(page, 'ab-plan-sim'));
    assert.ok(simulated > 76 && simulated < 84, `simulated power ${simulated}%`);
    assert.match(await text(page, 'ab-plan-status'), /of 2,000 simulated experiments came out significant/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('recomputes as the learner types counts and α, and keeps the setup in the link', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await type(page, 'ab-conversions-b', '300');
    await page.waitForFunction(() => document.querySelector('[data-testid="ab-rate-b"]').textContent === '6.49%');
    await matchesCli(page, native('203/4532', '300/4621'));
    assert.match(page.url(), /cb=300/);
    await type(page, 'ab-conversions-b', '248');
    await type(page, 'ab-alpha', '0.01');
    await page.waitForFunction(() => /^Not significant at α = 0\.01/.test(document.querySelector('[data-testid="ab-verdict"]').textContent));
    assert.equal(await text(page, 'ab-level'), '99%');
    await matchesCli(page, native('203/4532', '248/4621', 0.01));
    assert.equal(await text(page, 'ab-plan-alpha'), '0.01');
    assert.notEqual(await text(page, 'ab-plan-n'), '35,060', 'a smaller α needs more visitors');
    assert.match(page.url(), /alpha=0\.01/);
    // Planner inputs.
    await type(page, 'ab-mde', '20');
    await page.waitForFunction(() => document.querySelector('[data-testid="ab-plan-rate-b"]').textContent === '5.376%');
    assert.match(page.url(), /mde=20/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores a shared link and stops a long simulation', async () => {
    const setup = 'na=1000&ca=50&nb=1000&cb=80&alpha=0.1&base=10&mde=-20&power=90&pa=5&pb=6&n=100000&looks=5&exps=20000&seed=3';
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#${setup}`);
    await ready(page);
    for (const [id, value] of [['ab-visitors-a', '1000'], ['ab-conversions-a', '50'], ['ab-conversions-b', '80'], ['ab-alpha', '0.1'],
      ['ab-baseline', '10'], ['ab-mde', '-20'], ['ab-power', '90'], ['ab-peek-rate-b', '6'], ['ab-peek-visitors', '100000'],
      ['ab-peek-looks', '5'], ['ab-peek-experiments', '20000'], ['ab-peek-seed', '3']]) {
      assert.equal(await page.inputValue(byTestId(id)), value, id);
    }
    await matchesCli(page, native('50/1000', '80/1000', 0.1));
    assert.equal(await text(page, 'ab-plan-rate-b'), '8.000%');
    assert.equal(await text(page, 'ab-level'), '90%');
    // 20,000 experiments of 100,000 visitors per arm take a while: Stop ends it between batches.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="ab-peek-count"]').textContent.replace(/,/g, '')) > 0, null, { timeout: 30000 });
    assert.equal(await text(page, 'ab-peek-run'), 'Stop');
    await page.click(byTestId('ab-peek-run'));
    await peekDone(page);
    assert.match(await text(page, 'ab-peek-status'), /^Stopped after [\d,]+ experiments/);
    assert.equal(await text(page, 'ab-peek-run'), 'Run');
    assert.ok((await numberIn(page, 'ab-peek-count')) < 20000);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad input next to the control, keeps the last good values and keeps working', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const z = await text(page, 'ab-z');
    const cases = [
      ['ab-visitors-a', 'lots', /A’s visitors must be a number from 1 to 1,000,000,000, got “lots”; keeping 4532/],
      ['ab-visitors-a', '0', /A’s visitors must be a number from 1 to/],
      ['ab-visitors-a', '100', /A’s visitors cannot be fewer than A’s 203 conversions; keeping 4532/],
      ['ab-conversions-a', '5000', /A’s conversions cannot exceed A’s 4,532 visitors; keeping 203/],
      ['ab-conversions-b', '12.5', /B’s conversions must be a whole number; keeping 248/],
      ['ab-alpha', '0.9', /α must be a number from 0\.0001 to 0\.5, got “0\.9”; keeping 0\.05/],
      ['ab-mde', '0', /Lift to detect must not be 0/],
      ['ab-power', '100', /Power must be a number from 1 to 99\.9 %, got “100”; keeping 80/],
      ['ab-peek-looks', '0', /Looks must be a whole number from 1 to 100; keeping 10/],
      ['ab-peek-rate-a', '-1', /True rate A must be a number from 0 to 100 %/],
    ];
    for (const [id, value, message] of cases) {
      await type(page, id, value);
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      assert.match(await messageFor(page, id), message);
    }
    assert.equal(await text(page, 'ab-z'), z, 'the results stay');
    assert.match(page.url(), /na=4532&ca=203/);
    // Data no test can use: the engine explains, the page keeps going.
    await type(page, 'ab-conversions-a', '0');
    await type(page, 'ab-conversions-b', '0');
    await page.waitForFunction(() => /neither arm has a conversion/.test(document.querySelector('[data-testid="ab-status"]').textContent));
    assert.equal(await text(page, 'ab-z'), '–');
    await type(page, 'ab-conversions-b', '5');
    await page.waitForFunction(() => document.querySelector('[data-testid="ab-z"]').textContent !== '–');
    assert.equal(await text(page, 'ab-lift'), 'undefined (A: 0%)');
    // A lift that takes B past 100%.
    await type(page, 'ab-baseline', '60');
    await type(page, 'ab-mde', '100');
    await page.waitForFunction(() => /gives B a rate of 120%, which is not a probability/.test(document.querySelector('[data-testid="ab-plan-status"]').textContent));
    assert.equal(await text(page, 'ab-plan-n'), '–');
    await type(page, 'ab-mde', '10');
    await page.waitForFunction(() => document.querySelector('[data-testid="ab-plan-n"]').textContent !== '–');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('checks the exercise and remembers it', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await answerExercise(page, '18'), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    assert.equal(await page.locator('.exercise-hint').isVisible(), true);
    await page.fill(byTestId('exercise-answer'), '36');
    await page.press(byTestId('exercise-answer'), 'Enter');
    assert.match(await text(page, 'exercise-feedback'), /Correct/);
    await page.reload();
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, everything still works', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await peekDone(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    for (const id of ['ab-rates-plot', 'ab-null-plot']) {
      const box = await page.locator(byTestId(id)).boundingBox();
      assert.ok(box.width > 250 && box.width <= 390, `${id} width ${box.width}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
