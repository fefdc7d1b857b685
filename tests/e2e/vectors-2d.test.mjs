// vectors-2d, driven as a learner would: read the live matrices, transform shapes with the keyboard
// and the mouse, add and remove shapes, compare two orders, type bad numbers, share the link, solve the
// exercise, fly the Asteroids ship, and do it all at phone width without a console error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage, site } from './harness.mjs';

const LESSON = 'lessons/vectors-2d/';

/** The page's number format: at most 3 decimals, no "-0". */
const fmt = (v) => {
  const text = String(Number(v.toFixed(3)));
  return text === '-0' ? '0' : text;
};

/** The native CLI's answer for the same steps, as the page would print it. */
function native(...args) {
  const json = JSON.parse(execFileSync(cli, ['transform', ...args, '--json']).toString());
  return { matrix: json.matrix.flat().map(fmt), points: json.points.map((p) => p.out.map(fmt)), determinant: fmt(json.determinant) };
}

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="v2d-det"]')?.textContent !== '–', null, { timeout: 20000 });
}

async function matrix(page, id) {
  return page.locator(`${byTestId(id)} [data-entry]`).allTextContents();
}

/** Waits until the matrix shown under `id` equals `expected` (the engine answers asynchronously). */
async function matrixBecomes(page, id, expected) {
  await page
    .waitForFunction(
      ([sel, want]) => [...document.querySelectorAll(`${sel} [data-entry]`)].map((c) => c.textContent).join() === want.join(),
      [byTestId(id), expected],
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual(await matrix(page, id), expected, id);
}

async function enter(page, id, text) {
  await page.fill(byTestId(id), text);
  await page.press(byTestId(id), 'Enter');
}

describe('vectors-2d', () => {
  const env = browserAndSite();

  it('shows T, R, S and M = T·R·S for the selected shape, equal to the native CLI', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('v2d-rotate')), '45');
    assert.equal(await page.inputValue(byTestId('v2d-scale-x')), '1.2');
    assert.equal(await page.inputValue(byTestId('v2d-translate-x')), '3');
    const expected = native('--scale', '1.2', '--rotate', '45', '--translate', '3,0', '--point', '-0.2,-0.8', '--point', '0,0.9');
    assert.deepEqual(await matrix(page, 'v2d-matrix-m'), expected.matrix);
    assert.deepEqual(await matrix(page, 'v2d-matrix-t'), ['1', '0', '3', '0', '1', '0', '0', '0', '1']);
    assert.deepEqual(await matrix(page, 'v2d-matrix-s'), ['1.2', '0', '0', '0', '1.2', '0', '0', '0', '1']);
    assert.deepEqual(await matrix(page, 'v2d-matrix-r'), ['0.707', '-0.707', '0', '0.707', '0.707', '0', '0', '0', '1']);
    assert.equal(await page.locator(byTestId('v2d-det')).textContent(), '1.44');
    assert.match(await page.locator(byTestId('v2d-det-note')).textContent(), /areas × 1\.44/);
    // The vertex table: the house's 9 corners, the first and fourth as the CLI maps them.
    const rows = page.locator(`${byTestId('v2d-vertices')} tr`);
    assert.equal(await rows.count(), 9);
    assert.equal(await rows.nth(0).locator('td').nth(2).textContent(), `(${expected.points[0].join(', ')})`);
    assert.equal(await rows.nth(3).locator('td').nth(2).textContent(), `(${expected.points[1].join(', ')})`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('R, S, arrows and N on the scene transform the selected shape, and the hash follows', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.focus(byTestId('v2d-scene'));
    await page.keyboard.press('r'); // +15°
    await page.keyboard.press('r');
    await page.keyboard.press('Shift+R'); // −15°
    assert.equal(await page.inputValue(byTestId('v2d-rotate')), '60');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    assert.equal(await page.inputValue(byTestId('v2d-translate-x')), '3.25');
    assert.equal(await page.inputValue(byTestId('v2d-translate-y')), '1');
    await page.keyboard.press('s'); // ×1.1
    assert.equal(await page.inputValue(byTestId('v2d-scale-x')), '1.32');
    await matrixBecomes(page, 'v2d-matrix-m', native('--scale', '1.32', '--rotate', '60', '--translate', '3.25,1').matrix);
    assert.equal(await page.locator(byTestId('v2d-det')).textContent(), fmt(1.32 * 1.32));
    assert.match(page.url(), /shapes=house_60_1\.32_1\.32_3\.25_1\*triangle/);
    await page.keyboard.press('n');
    assert.equal(await page.inputValue(byTestId('v2d-selected')), '1');
    assert.equal(await page.inputValue(byTestId('v2d-translate-x')), '-3.5');
    await matrixBecomes(page, 'v2d-matrix-m', native('--translate', '-3.5,-2').matrix);
    assert.match(page.url(), /selected=1/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds a shape, drags it with the mouse, scales it with the wheel, and removes it', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('v2d-add-kind'), 'square');
    await page.click(byTestId('v2d-add'));
    assert.equal(await page.inputValue(byTestId('v2d-selected')), '2');
    assert.match(await page.locator(`${byTestId('v2d-selected')} option:checked`).textContent(), /3 · square/);
    await matrixBecomes(page, 'v2d-matrix-m', ['1', '0', '0', '0', '1', '0', '0', '0', '1']);
    // The new square sits at the origin, the middle of the canvas (12 × 9 units shown).
    const box = await page.locator(byTestId('v2d-scene')).boundingBox();
    const unit = box.width / 12;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + unit, box.y + box.height / 2 - unit / 2, { steps: 4 });
    await page.mouse.up();
    const moveX = Number(await page.inputValue(byTestId('v2d-translate-x')));
    const moveY = Number(await page.inputValue(byTestId('v2d-translate-y')));
    assert.ok(Math.abs(moveX - 1) < 0.02 && Math.abs(moveY - 0.5) < 0.02, `dragged to (${moveX}, ${moveY})`);
    await matrixBecomes(page, 'v2d-matrix-m', ['1', '0', fmt(moveX), '0', '1', fmt(moveY), '0', '0', '1']);
    // The wheel scales the shape while the scene has focus (the drag gave it focus).
    await page.mouse.wheel(0, -100);
    assert.equal(await page.inputValue(byTestId('v2d-scale-x')), '1.1');
    assert.equal(await page.inputValue(byTestId('v2d-scale-y')), '1.1');
    assert.match(page.url(), /\*square_0_1\.1_1\.1_/);
    await page.click(byTestId('v2d-remove'));
    assert.equal(await page.locator(`${byTestId('v2d-selected')} option`).count(), 2);
    assert.doesNotMatch(page.url(), /square/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows two orders side by side: rotate-then-translate differs from translate-then-rotate', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await page.locator(byTestId('v2d-formula-left')).textContent(), 'M = T · R · S');
    assert.equal(await page.locator(byTestId('v2d-formula-right')).textContent(), 'M = R · T · S');
    assert.deepEqual(await matrix(page, 'v2d-matrix-left'), native('--scale', '1.2', '--rotate', '45', '--translate', '3,0').matrix);
    const right = native('--scale', '1.2', '--translate', '3,0', '--rotate', '45').matrix;
    assert.deepEqual(await matrix(page, 'v2d-matrix-right'), right);
    assert.deepEqual([right[2], right[5]], ['2.121', '2.121'], 'the move was rotated too');
    assert.match(await page.locator(byTestId('v2d-order-verdict')).textContent(), /Different orders, different matrices/);
    // With no rotation the two products agree.
    await enter(page, 'v2d-rotate', '0');
    await page.waitForFunction(() => /equal/.test(document.querySelector('[data-testid="v2d-order-verdict"]').textContent));
    await enter(page, 'v2d-rotate', '90');
    await page.selectOption(byTestId('v2d-order-right'), 'rst');
    assert.equal(await page.locator(byTestId('v2d-formula-right')).textContent(), 'M = T · S · R');
    await matrixBecomes(page, 'v2d-matrix-right', native('--rotate', '90', '--scale', '1.2', '--translate', '3,0').matrix);
    assert.match(page.url(), /right=rst/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad numbers, keeps the last good value, and keeps working', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const before = await matrix(page, 'v2d-matrix-m');
    const cases = [
      ['v2d-rotate', 'ninety', /Angle must be a number from -360 to 360; keeping 45\./],
      ['v2d-rotate', '1e9', /Angle must be a number from -360 to 360/],
      ['v2d-scale-x', '', /Scale x must be a number from -5 to 5; keeping 1\.2\./],
      ['v2d-translate-y', '3,5', /Move y must be a number from -10 to 10; keeping 0\./],
    ];
    for (const [id, text, message] of cases) {
      await enter(page, id, text);
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
      assert.match(await page.locator(`#${describedBy}`).textContent(), message);
    }
    assert.deepEqual(await matrix(page, 'v2d-matrix-m'), before, 'bad input changes nothing');
    assert.match(page.url(), /house_45_1\.2_1\.2_3_0/);
    await enter(page, 'v2d-rotate', '−90'); // a typographic minus is fine
    assert.equal(await page.getAttribute(byTestId('v2d-rotate'), 'aria-invalid'), null);
    await matrixBecomes(page, 'v2d-matrix-m', native('--scale', '1.2', '--rotate', '-90', '--translate', '3,0').matrix);
    await enter(page, 'v2d-scale-y', '-1.2');
    await page.waitForFunction(() => /mirrored/.test(document.querySelector('[data-testid="v2d-det-note"]').textContent));
    assert.equal(await page.locator(byTestId('v2d-det')).textContent(), '-1.44');
    // A broken link falls back to the default scene.
    await page.goto(`${env.server.url}${LESSON}#shapes=blob_1_2&selected=9&left=xyz`);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('v2d-rotate')), '45');
    assert.equal(await page.inputValue(byTestId('v2d-order-left')), 'srt');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const hash = '#shapes=star_90_2_1_-1_2*arrow_0_1_1_0_0&selected=0&left=rts&right=tsr&seed=7';
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}${hash}`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('v2d-rotate')), '90');
    assert.equal(await page.inputValue(byTestId('v2d-scale-x')), '2');
    assert.equal(await page.inputValue(byTestId('v2d-scale-y')), '1');
    assert.equal(await page.inputValue(byTestId('v2d-translate-x')), '-1');
    assert.equal(await page.inputValue(byTestId('v2d-translate-y')), '2');
    assert.equal(await page.inputValue(byTestId('v2d-order-left')), 'rts');
    assert.equal(await page.inputValue(byTestId('v2d-order-right')), 'tsr');
    assert.equal(await page.inputValue(byTestId('v2d-game-seed')), '7');
    assert.equal(await page.locator(`${byTestId('v2d-vertices')} tr`).count(), 10, 'a star has 10 corners');
    await matrixBecomes(page, 'v2d-matrix-m', native('--scale', '2,1', '--rotate', '90', '--translate', '-1,2').matrix);

    assert.match(await answerExercise(page, '1'), /Not quite/);
    assert.match(await openHintAndSolution(page), /mlplay transform --translate 4,0 --rotate 90 --point 1,2/);
    // The solution's command, run natively, agrees with the answer.
    assert.deepEqual(native('--translate', '4,0', '--rotate', '90', '--point', '1,2').points[0], ['-2', '5']);
    assert.match(await answerExercise(page, '5'), /Correct/);
    await page.reload();
    assert.match(await page.locator(byTestId('exercise-feedback')).textContent(), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('plays Asteroids from the keyboard: turn, thrust, fire, pause, new game', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="v2d-game-shapes"]').textContent !== '–');
    assert.equal(await page.locator(byTestId('v2d-game-shapes')).textContent(), '5', 'ship + 4 asteroids');
    assert.deepEqual(await matrix(page, 'v2d-game-matrix'), ['0.6', '0', '0', '0', '0.6', '0', '0', '0', '1']);
    await page.click(byTestId('v2d-game-start'));
    assert.equal(await page.locator(byTestId('v2d-game-start')).textContent(), 'Pause');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'v2d-game');
    // Turn left for a while: the angle grows and the matrix's 2×2 block becomes 0.6·R(θ).
    await page.keyboard.down('ArrowLeft');
    await page.waitForFunction(() => parseInt(document.querySelector('[data-testid="v2d-game-angle"]').textContent, 10) >= 40);
    await page.keyboard.up('ArrowLeft');
    const m = (await matrix(page, 'v2d-game-matrix')).map(Number);
    assert.ok(m[0] < 0.6 && m[1] < 0 && m[3] > 0, `turned left: ${m}`);
    assert.ok(Math.abs(m[0] * m[0] + m[3] * m[3] - 0.36) < 0.01, 'the first column has length 0.6');
    // Fire: bullets add matrices to the frame.
    await page.keyboard.down(' ');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="v2d-game-shapes"]').textContent) > 5, null, { timeout: 5000 });
    await page.keyboard.up(' ');
    // Thrust: the ship leaves the centre (the matrix's last column is its position).
    await page.keyboard.down('ArrowUp');
    await page.waitForTimeout(400);
    await page.keyboard.up('ArrowUp');
    const moved = (await matrix(page, 'v2d-game-matrix')).map(Number);
    assert.ok(Math.hypot(moved[2], moved[5]) > 0.2, `the ship moved to (${moved[2]}, ${moved[5]})`);
    const vertices = Number(await page.locator(byTestId('v2d-game-vertices')).textContent());
    assert.ok(vertices > 20, `${vertices} vertices this frame`);
    // P pauses: nothing moves.
    await page.keyboard.press('p');
    assert.equal(await page.locator(byTestId('v2d-game-start')).textContent(), 'Play');
    // A frame the worker was already computing when P was pressed may still land: let it.
    await page.waitForTimeout(150);
    const paused = await matrix(page, 'v2d-game-matrix');
    await page.waitForTimeout(300);
    assert.deepEqual(await matrix(page, 'v2d-game-matrix'), paused);
    await page.click(byTestId('v2d-game-new'));
    await matrixBecomes(page, 'v2d-game-matrix', ['0.6', '0', '0', '0', '0.6', '0', '0', '0', '1']);
    assert.equal(await page.locator(byTestId('v2d-game-score')).textContent(), '0');
    assert.equal(await page.locator(byTestId('v2d-game-lives')).textContent(), '3');
    // A bad seed is explained and the old one kept.
    await enter(page, 'v2d-game-seed', 'x');
    assert.match(await page.locator('#v2d-game-seed-message').textContent(), /Seed must be a whole number/);
    await enter(page, 'v2d-game-seed', '12');
    assert.match(page.url(), /seed=12/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works the same on the single-threaded build (a plain static host)', async () => {
    const plain = await site({ isolation: false });
    try {
      const { page, errors, context } = await openPage(env.browser, plain.url + LESSON, { serviceWorker: false });
      await ready(page);
      assert.equal(await page.locator(byTestId('engine-build')).textContent(), 'st');
      assert.deepEqual(await matrix(page, 'v2d-matrix-m'), native('--scale', '1.2', '--rotate', '45', '--translate', '3,0').matrix);
      await page.focus(byTestId('v2d-scene'));
      await page.keyboard.press('Shift+R');
      await matrixBecomes(page, 'v2d-matrix-m', native('--scale', '1.2', '--rotate', '30', '--translate', '3,0').matrix);
      await page.waitForFunction(() => document.querySelector('[data-testid="v2d-game-shapes"]').textContent === '5');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await plain.close();
    }
  });

  it('fits a phone: no sideways scrolling; the touch buttons fly the ship', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await page.waitForFunction(() => document.querySelector('[data-testid="v2d-game-shapes"]').textContent !== '–');
    await page.locator(byTestId('v2d-game-thrust')).scrollIntoViewIfNeeded();
    const thrust = await page.locator(byTestId('v2d-game-thrust')).boundingBox();
    await page.mouse.move(thrust.x + thrust.width / 2, thrust.y + thrust.height / 2);
    await page.mouse.down(); // holding the button starts the game and thrusts
    await page.waitForTimeout(500);
    await page.mouse.up();
    const m = (await matrix(page, 'v2d-game-matrix')).map(Number);
    assert.ok(m[5] > 0.2, `thrust moved the ship up to y = ${m[5]}`);
    assert.equal(await page.locator(byTestId('v2d-game-start')).textContent(), 'Pause');
    await page.click(byTestId('v2d-game-start'));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
