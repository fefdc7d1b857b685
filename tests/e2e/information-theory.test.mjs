// information-theory, driven as a learner would: the default distributions compared with the native
// CLI (which the native tests pin to SciPy), dragging a bar with the mouse and with the keyboard,
// the presets (KL's asymmetry, a zero in q), a one-hot true class, typed lists with bad input, the
// unit, the shared link, the exercise, phone width. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openPage } from './harness.mjs';

const LESSON = 'lessons/information-theory/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
/** "1.2345 bits" -> 1.2345; "∞" -> Infinity. */
const shown = async (page, id) => {
  const t = await text(page, id);
  return t === '∞' ? Infinity : parseFloat(t);
};
const list = (values) => values.join(',');

function native(p, q, unit = 'bits') {
  return JSON.parse(execFileSync(cli, ['info', '--p', list(p), '--q', list(q), '--unit', unit, '--json']).toString());
}
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="it-hp"]').textContent !== '–', null, { timeout: 20000 });
}
/** The page's five numbers agree with the CLI's to the 4 decimals shown. */
async function matchesCli(page, json) {
  for (const [id, key] of [['it-hp', 'entropy_p'], ['it-hq', 'entropy_q'], ['it-ce', 'cross_entropy'], ['it-kl-pq', 'kl_pq'], ['it-kl-qp', 'kl_qp']]) {
    const expected = json[key] === null ? Infinity : json[key];
    const value = await shown(page, id);
    assert.ok(value === expected || Math.abs(value - expected) < 6e-5, `${id}: ${value} vs CLI ${expected}`);
  }
}
const inputList = async (page, id) => (await page.inputValue(byTestId(id))).split(',').map(Number);
async function changed(page, id, before) {
  await page.waitForFunction(([i, b]) => document.querySelector(`[data-testid="${i}"]`).textContent !== b, [id, before]);
}

describe('information-theory', () => {
  const env = browserAndSite();

  it('shows the measures of the default distributions like the native CLI, and the presets', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await matchesCli(page, native([0.5, 0.3, 0.1, 0.05, 0.05], [0.2, 0.2, 0.2, 0.2, 0.2]));
    assert.equal(await text(page, 'it-hq'), '2.3219 bits'); // log2 5
    // KL's asymmetry: the two directions differ.
    assert.notEqual(await text(page, 'it-kl-pq'), await text(page, 'it-kl-qp'));
    let before = await text(page, 'it-kl-pq');
    await page.click(byTestId('it-q-equal'));
    await changed(page, 'it-kl-pq', before);
    assert.equal(await text(page, 'it-kl-pq'), '0.0000 bits');
    assert.equal(await text(page, 'it-ce'), await text(page, 'it-hp'));
    before = await text(page, 'it-kl-pq');
    await page.click(byTestId('it-q-miss'));
    await changed(page, 'it-kl-pq', before);
    assert.equal(await text(page, 'it-kl-pq'), '∞');
    assert.equal(await text(page, 'it-ce'), '∞');
    assert.ok(Number.isFinite(await shown(page, 'it-kl-qp')), 'KL(q||p) stays finite');
    await matchesCli(page, native(await inputList(page, 'it-p'), await inputList(page, 'it-q')));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('drags a bar of q with the mouse and with the arrow keys', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const canvas = page.locator(byTestId('it-q-bars'));
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The first bar (cat) sits in the first fifth of the plot area (40 px axis on the left).
    const x = box.x + 40 + (box.width - 48) * 0.1;
    const before = await text(page, 'it-kl-pq');
    await page.mouse.move(x, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height * 0.3, { steps: 5 });
    await page.mouse.up();
    await changed(page, 'it-kl-pq', before);
    await page.waitForTimeout(200);
    const q = await inputList(page, 'it-q');
    assert.ok(q[0] > 0.5, `cat's q after the drag: ${q[0]}`);
    assert.ok(Math.abs(q.reduce((a, b) => a + b, 0) - 1) < 1e-3, 'q still sums to 1');
    assert.ok(Math.abs(q[1] - q[4]) < 1e-4, 'the others shared the rest equally');
    await matchesCli(page, native(await inputList(page, 'it-p'), q));
    assert.match(page.url(), new RegExp(`q=${q[0]}`));
    // Keyboard: focus p, move to the second bar, raise it by 0.05.
    await canvas.focus();
    const pCanvas = page.locator(byTestId('it-p-bars'));
    await pCanvas.focus();
    const p0 = await inputList(page, 'it-p');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((old) => document.querySelector('[data-testid="it-p"]').value !== old, p0.join(', '));
    const p1 = await inputList(page, 'it-p');
    assert.ok(Math.abs(p1[1] - (p0[1] + 0.05)) < 1e-4, `dog ${p0[1]} -> ${p1[1]}`);
    assert.match(await pCanvas.getAttribute('aria-label'), /Distribution p: cat 0\.\d+, dog 0\.350/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('makes p one-hot for a true class: the loss is -log q_y, and the unit switches to nats', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('it-class'), '1');
    await page.waitForFunction(() => document.querySelector('[data-testid="it-hp"]').textContent === '0.0000 bits');
    assert.deepEqual(await inputList(page, 'it-p'), [0, 1, 0, 0, 0]);
    assert.equal(await text(page, 'it-ce'), '2.3219 bits'); // -log2 0.2
    assert.equal(await text(page, 'it-kl-pq'), '2.3219 bits');
    assert.match(await text(page, 'it-loss'), /True class dog: q gives it 0\.2000, so the loss is −log q = 2\.3219 bits/);
    await page.selectOption(byTestId('it-unit'), 'nats');
    await page.waitForFunction(() => document.querySelector('[data-testid="it-ce"]').textContent === '1.6094 nats'); // ln 5
    await matchesCli(page, native([0, 1, 0, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2], 'nats'));
    assert.match(page.url(), /unit=nats/);
    assert.match(page.url(), /cls=1/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains lists that are not distributions and keeps the last good ones', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const hp = await text(page, 'it-hp');
    await page.fill(byTestId('it-p'), '0.5, 0.7');
    await page.press(byTestId('it-p'), 'Enter');
    await page.waitForFunction(() => /the probabilities of p sum to 1\.2, not 1/.test(document.querySelector('[data-testid="it-p-message"]').textContent));
    assert.equal(await page.getAttribute(byTestId('it-p'), 'aria-invalid'), 'true');
    assert.equal(await text(page, 'it-hp'), hp, 'the numbers stay');
    await page.fill(byTestId('it-q'), '0.2, lots');
    await page.press(byTestId('it-q'), 'Enter');
    assert.match(await text(page, 'it-q-message'), /q must be 1 to 12 numbers separated by commas/);
    await page.fill(byTestId('it-q'), '0.5, 0.6, -0.1');
    await page.press(byTestId('it-q'), 'Enter');
    await page.waitForFunction(() => /is not a probability/.test(document.querySelector('[data-testid="it-q-message"]').textContent));
    assert.match(page.url(), /p=0\.5%2C0\.3%2C0\.1%2C0\.05%2C0\.05/);
    // A new length, typed one list after the other: the exercise's distributions.
    await page.fill(byTestId('it-p'), '0.5, 0.25, 0.25');
    await page.press(byTestId('it-p'), 'Enter');
    await page.waitForFunction(() => /p has 3 outcomes but q has/.test(document.querySelector('[data-testid="it-status"]').textContent));
    await page.fill(byTestId('it-q'), '0.333333333, 0.333333333, 0.333333334');
    await page.press(byTestId('it-q'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="it-kl-pq"]').textContent === '0.0850 bits');
    assert.equal(await text(page, 'it-status'), '');
    assert.equal(await text(page, 'it-p-message'), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores a shared link, checks the exercise and fits a phone', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#p=0.7,0.2,0.1&q=0.1,0.2,0.7&unit=bits&cls=none`, { viewport: { width: 390, height: 844 } });
    await ready(page);
    assert.deepEqual(await inputList(page, 'it-p'), [0.7, 0.2, 0.1]);
    await matchesCli(page, native([0.7, 0.2, 0.1], [0.1, 0.2, 0.7]));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.match(await answerExercise(page, '0.5'), /Not quite/);
    assert.match(await answerExercise(page, '0.085'), /Correct/);
    await page.reload();
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
