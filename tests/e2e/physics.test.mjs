// physics, driven as a learner would: run the spring with Euler and watch the energy climb, switch
// to Verlet live and watch it hold; step and compare with the native CLI; blow up a stiff chain and
// reset; add balls and springs and switch gravity off from the keyboard; bad input; the shared link;
// the exercise; phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { answerExercise, byTestId, cli, launch, numberIn, openHintAndSolution, openPage, site } from './harness.mjs';

const LESSON = 'lessons/physics/';

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="physics-run"]').disabled && document.querySelector('[data-testid="physics-energy0"]').textContent !== '–');
}

const text = (page, id) => page.locator(byTestId(id)).textContent();
/** "+1.23e-2" / "−4.00e-5" → number. */
async function drift(page, id = 'physics-drift') {
  return Number((await text(page, id)).replace('−', '-'));
}
async function waitTime(page, seconds) {
  await page.waitForFunction((t) => parseFloat(document.querySelector('[data-testid="physics-time"]').textContent) >= t, seconds, { timeout: 20000 });
}
async function pause(page) {
  await page.click(byTestId('physics-run'));
  await page.waitForFunction(() => document.querySelector('[data-testid="physics-run"]').textContent === 'Run');
}

function native(args) {
  return JSON.parse(execFileSync(cli, ['physics', ...args, '--json']).toString());
}

describe('physics', () => {
  let browser;
  let server;
  let plain;
  before(async () => {
    browser = await launch();
    server = await site({ isolation: true });
    plain = await site({ isolation: false });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await plain?.close();
  });

  it('Euler makes the energy climb; switching to Verlet live stops the climb', async () => {
    const { page, errors, context } = await openPage(browser, server.url + LESSON);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('physics-integrator')), 'euler');
    // 1 kg at y = 2.1 m on a 20 N/m spring stretched 1 m: E₀ = m g y + ½ k x² = 20.601 + 10
    assert.equal(await text(page, 'physics-energy0'), '30.601');
    assert.equal(await text(page, 'physics-balls'), '2');
    await page.click(byTestId('physics-run'));
    assert.equal(await page.getAttribute(byTestId('physics-run'), 'aria-pressed'), 'true');
    await waitTime(page, 3);
    const eulerDrift = await drift(page);
    assert.ok(eulerDrift > 0.02, `Euler drift after 3 s: ${eulerDrift}`);
    assert.ok(Number(await text(page, 'physics-fps')) > 5, 'frames stream in');

    await page.selectOption(byTestId('physics-integrator'), 'verlet');
    await page.waitForFunction(() => /Switched to Verlet/.test(document.querySelector('[data-testid="physics-status"]').textContent));
    const t0 = parseFloat(await text(page, 'physics-time'));
    const before = await drift(page);
    await waitTime(page, t0 + 3);
    const afterVerlet = await drift(page);
    assert.ok(Math.abs(afterVerlet - before) < 0.005, `Verlet held the energy: ${before} → ${afterVerlet}`);
    assert.match(page.url(), /integrator=verlet/);

    await pause(page);
    assert.match(await text(page, 'physics-status'), /Paused at t = /);
    const paused = await text(page, 'physics-time');
    await page.waitForTimeout(300);
    assert.equal(await text(page, 'physics-time'), paused, 'nothing moves while paused');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('steps exactly like the native CLI', async () => {
    for (const [integrator, scene] of [['euler', 'spring'], ['rk4', 'chain']]) {
      const { page, errors, context } = await openPage(browser, `${server.url}${LESSON}#scene=${scene}&integrator=${integrator}&dt=0.01`);
      await ready(page);
      for (let i = 0; i < 5; i++) {
        await page.click(byTestId('physics-step'));
        await page.waitForFunction((n) => document.querySelector('[data-testid="physics-steps"]').textContent === String(n), i + 1);
      }
      assert.match(await text(page, 'physics-status'), /Stepped once: t = 0\.05 s/);
      const expected = native(['--integrator', integrator, '--steps', '5', '--dt', '0.01', '--scene', scene]);
      assert.equal(await text(page, 'physics-energy'), expected.final_energy.toFixed(3), `${integrator} on ${scene}`);
      assert.equal(await text(page, 'physics-energy0'), expected.initial_energy.toFixed(3));
      assert.equal(await drift(page), Number(expected.relative_drift.toExponential(2)));
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('stiff springs blow Euler up; the page says so, Reset recovers and semi-implicit Euler holds', async () => {
    const { page, errors, context } = await openPage(browser, `${server.url}${LESSON}#scene=chain&integrator=euler&dt=0.005`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('physics-stiffness')), '400');
    await page.click(byTestId('physics-run'));
    await page.waitForFunction(() => /Blown up at t = /.test(document.querySelector('[data-testid="physics-status"]').textContent), null, { timeout: 20000 });
    assert.match(await text(page, 'physics-status'), /Euler is unstable at Δt = 0\.005 s/);
    assert.equal(await page.isDisabled(byTestId('physics-run')), true);
    assert.ok((await drift(page)) > 3, 'energy past 4 E₀');
    await page.focus(byTestId('physics-canvas'));
    await page.keyboard.press('g'); // edits wait for a reset
    assert.match(await text(page, 'physics-status'), /blown up: press Reset before changing the scene/);
    assert.equal(await page.isChecked(byTestId('physics-gravity')), true);
    await page.click(byTestId('physics-reset'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="physics-run"]').disabled);
    assert.equal(await text(page, 'physics-steps'), '0');
    assert.equal(await drift(page), 0);
    await page.selectOption(byTestId('physics-integrator'), 'semi-implicit');
    await page.click(byTestId('physics-run'));
    await waitTime(page, 2);
    await pause(page);
    assert.ok(Math.abs(await drift(page)) < 0.1, 'semi-implicit Euler keeps the chain');
    assert.doesNotMatch(await text(page, 'physics-status'), /Blown up/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds balls and a spring and switches gravity off from the keyboard and the mouse', async () => {
    const { page, errors, context } = await openPage(browser, server.url + LESSON);
    await ready(page);
    await page.focus(byTestId('physics-canvas'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-balls"]').textContent === '3');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-balls"]').textContent === '4');
    assert.match(await text(page, 'physics-status'), /Added a 1 kg ball/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('n'); // selects 0, 1, 2, 3: the last two stay
    assert.match(await text(page, 'physics-status'), /Two balls selected/);
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-springs"]').textContent === '2');
    assert.match(await text(page, 'physics-status'), /Joined balls 2 and 3 with a 20 N\/m spring/);
    await page.keyboard.press('s'); // nothing selected any more
    assert.match(await text(page, 'physics-status'), /Select two balls first/);

    const withGravity = await numberIn(page, 'physics-energy0');
    await page.keyboard.press('g');
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-status"]').textContent === 'Gravity off.');
    assert.equal(await page.isChecked(byTestId('physics-gravity')), false);
    assert.match(page.url(), /gravity=off/);
    const withoutGravity = await numberIn(page, 'physics-energy0');
    assert.ok(withoutGravity < withGravity, `E₀ without gravity ${withoutGravity} < ${withGravity}`);

    // A click on empty space adds a ball there; a click on a ball selects it.
    const box = await page.locator(byTestId('physics-canvas')).boundingBox();
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.5);
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-balls"]').textContent === '5');
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.5);
    assert.match(await text(page, 'physics-status'), /Ball 4 selected/);

    await page.keyboard.press('p'); // run with the new balls
    await waitTime(page, 1);
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.querySelector('[data-testid="physics-run"]').textContent === 'Run');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad input, keeps the last good values and keeps working', async () => {
    const { page, errors, context } = await openPage(browser, server.url + LESSON + '#dt=0.01');
    await ready(page);
    const cases = [
      ['physics-dt', 'abc', /Time step Δt must be a number from 0\.0005 to 0\.2 s, not “abc”; keeping 0\.01\./],
      ['physics-dt', '5', /not “5”; keeping 0\.01/],
      ['physics-dt', '', /not an empty box/],
      ['physics-stiffness', '-3', /Spring stiffness k must be a number from 0\.1 to 100,000 N\/m, not “-3”; keeping 20\./],
    ];
    for (const [id, value, message] of cases) {
      await page.fill(byTestId(id), value);
      await page.press(byTestId(id), 'Enter');
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
      assert.match(await page.locator(`#${describedBy}`).textContent(), message);
    }
    assert.match(page.url(), /dt=0\.01(&|$)/);
    await page.click(byTestId('physics-run'));
    await waitTime(page, 0.5);
    await page.fill(byTestId('physics-dt'), '0.02');
    await page.press(byTestId('physics-dt'), 'Enter');
    assert.equal(await page.getAttribute(byTestId('physics-dt'), 'aria-invalid'), null);
    assert.match(page.url(), /dt=0\.02(&|$)/);
    assert.equal(Number(await page.inputValue(byTestId('physics-dt-slider'))).toFixed(2), Math.log10(0.02).toFixed(2));
    // The slider moves the time step too (keyboard: arrows on the focused slider).
    await page.focus(byTestId('physics-dt-slider'));
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /Time step Δt = 0\.04 s/.test(document.querySelector('[data-testid="physics-status"]').textContent));
    assert.equal(await page.inputValue(byTestId('physics-dt')), '0.04');
    const t = parseFloat(await text(page, 'physics-time'));
    await waitTime(page, t + 0.5);
    await pause(page);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(browser, `${server.url}${LESSON}#scene=jelly&integrator=rk4&dt=0.004&k=800&gravity=off&speed=0.5`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('physics-scene')), 'jelly');
    assert.equal(await page.inputValue(byTestId('physics-integrator')), 'rk4');
    assert.equal(await page.inputValue(byTestId('physics-dt')), '0.004');
    assert.equal(await page.inputValue(byTestId('physics-stiffness')), '800');
    assert.equal(await page.inputValue(byTestId('physics-speed')), '0.5');
    assert.equal(await page.isChecked(byTestId('physics-gravity')), false);
    // Without gravity the jelly's energy is all kinetic: 9 balls × ½ · 0.5 kg · (2 m/s)² = 9 J.
    assert.equal(await text(page, 'physics-energy0'), '9.000');
    assert.equal(await text(page, 'physics-springs'), '20');

    assert.match(await answerExercise(page, '400'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, '1600'), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('physics-stiffness')), '800', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the exercise\'s answer holds in the demo: k = 1500 stays bounded, k = 1700 blows up at Δt = 0.05', async () => {
    for (const [k, blows] of [[1500, false], [1700, true]]) {
      const { page, errors, context } = await openPage(browser, `${server.url}${LESSON}#scene=spring&integrator=verlet&dt=0.05&k=${k}`);
      await ready(page);
      await page.click(byTestId('physics-run'));
      await waitTime(page, blows ? 0.1 : 3);
      if (blows) {
        await page.waitForFunction(() => /Blown up/.test(document.querySelector('[data-testid="physics-status"]').textContent));
      } else {
        await pause(page);
        assert.ok(Number(await text(page, 'physics-max-drift')) < 1, `k = ${k}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('runs on the single-threaded build too (plain static host, no service worker)', async () => {
    const { page, errors, context } = await openPage(browser, `${plain.url}${LESSON}#integrator=rk4`, { serviceWorker: false });
    await ready(page);
    assert.equal(await text(page, 'engine-build'), 'st');
    await page.click(byTestId('physics-run'));
    await waitTime(page, 1);
    await pause(page);
    assert.ok(Math.abs(await drift(page)) < 1e-6, 'RK4 keeps the spring\'s energy');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, the demo still runs', async () => {
    const { page, errors, context } = await openPage(browser, server.url + LESSON + '#scene=balls&integrator=verlet', { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.click(byTestId('physics-run'));
    await waitTime(page, 1);
    await pause(page);
    assert.ok(Math.abs(await drift(page)) < 1e-9, 'Verlet keeps the bouncing balls\' energy');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
