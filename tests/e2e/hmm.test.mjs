// hmm, driven as a learner would: the sampled casino decoded like the native CLI; the weather and
// fever examples typed in (Wikipedia's numbers); a row that does not sum to 1 and a symbol that is
// not in the model explained next to the controls; normalizing; the shared link; Baum–Welch matching
// `mlplay hmm fit` with its log-likelihood never falling; the exercise; phone width. No console errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openPage } from './harness.mjs';

const LESSON = 'lessons/hmm/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
const native = (args) => JSON.parse(execFileSync(cli, ['hmm', ...args, '--json']).toString());

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await page.waitForFunction(() => /done\.$/.test(document.querySelector('[data-testid="hmm-status"]').textContent), null, { timeout: 30000 });
}
async function typeObservations(page, value) {
  const before = await text(page, 'hmm-status');
  await page.fill(byTestId('hmm-obs'), value);
  await page.press(byTestId('hmm-obs'), 'Enter');
  await page.waitForFunction(([b, v]) => {
    const s = document.querySelector('[data-testid="hmm-status"]').textContent;
    return s !== b || document.querySelector('[data-testid="hmm-obs-message"]').textContent !== '' || v === '';
  }, [before, value]);
}
const tableColumn = (page, header) => page.evaluate((h) => {
  const table = document.querySelector('[data-testid="hmm-alpha-table"]');
  const col = [...table.tHead.rows[0].cells].findIndex((c) => c.textContent === h);
  return [...table.tBodies[0].rows].map((r) => r.cells[col].textContent);
}, header);

describe('hmm', () => {
  const env = browserAndSite();

  it('decodes 300 sampled casino rolls exactly as the CLI does', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await text(page, 'hmm-T'), '300');
    const sampled = native(['sample', '--model', 'casino', '--length', '300', '--seed', '1']);
    assert.equal(await page.inputValue(byTestId('hmm-obs')), sampled.observations.join(''));
    const obs = sampled.observations.join(' ');
    const forward = native(['forward', '--model', 'casino', '--obs', obs]);
    const viterbi = native(['viterbi', '--model', 'casino', '--obs', obs]);
    assert.ok(Math.abs((await numberIn(page, 'hmm-loglik')) - forward.log_likelihood) < 1e-4);
    assert.ok(Math.abs((await numberIn(page, 'hmm-viterbi-logp')) - viterbi.log_probability) < 1e-4);
    assert.deepEqual(await tableColumn(page, 'Viterbi'), viterbi.path);
    assert.deepEqual(await tableColumn(page, 'true'), sampled.states);
    const right = viterbi.path.filter((s, t) => s === sampled.states[t]).length / 300;
    assert.equal(await text(page, 'hmm-viterbi-acc'), `${(100 * right).toFixed(1)}%`);
    assert.ok(right > 0.7, `Viterbi gets most rolls right: ${right}`);
    assert.match(await text(page, 'hmm-posterior-acc'), /^\d+\.\d%$/);
    // A new seed is a new sequence.
    await page.fill(byTestId('hmm-seed'), '2');
    await page.press(byTestId('hmm-seed'), 'Enter');
    await page.click(byTestId('hmm-sample'));
    await page.waitForFunction(() => /seed 2/.test(document.querySelector('[data-testid="hmm-status"]').textContent));
    assert.match(page.url(), /seed=2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives Wikipedia\'s numbers for the weather and fever examples', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('hmm-model'), 'weather');
    await page.waitForFunction(() => /walk|shop|clean/.test(document.querySelector('[data-testid="hmm-obs"]').value));
    await typeObservations(page, 'walk shop clean');
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-T"]').textContent === '3');
    assert.equal(await text(page, 'hmm-loglik'), Math.log(0.033612).toFixed(4));
    assert.equal(await text(page, 'hmm-viterbi-acc'), '–', 'typed observations have no true states');
    await page.selectOption(byTestId('hmm-model'), 'fever');
    await page.waitForFunction(() => /normal|cold|dizzy/.test(document.querySelector('[data-testid="hmm-obs"]').value));
    await typeObservations(page, 'normal cold dizzy');
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-T"]').textContent === '3');
    assert.deepEqual(await tableColumn(page, 'Viterbi'), ['Healthy', 'Healthy', 'Fever']);
    assert.equal(await text(page, 'hmm-viterbi-logp'), Math.log(0.01512).toFixed(4));
    assert.match(page.url(), /model=fever/);
    assert.match(page.url(), /src=typed/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains a row that does not sum to 1 and a symbol outside the model, and keeps the last valid results', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    const loglik = await text(page, 'hmm-loglik');
    await page.fill(byTestId('hmm-A-0-1'), '0');
    await page.press(byTestId('hmm-A-0-1'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-model-message"]').textContent !== '');
    assert.match(await text(page, 'hmm-model-message'), /transition row 'Fair' sums to 0\.95, not 1: each row is a probability distribution/);
    assert.equal(await page.locator('tr[data-row="transition:Fair"]').getAttribute('data-invalid'), 'true');
    assert.equal(await text(page, 'hmm-loglik'), loglik, 'the last valid model stays in use');
    await page.fill(byTestId('hmm-B-1-5'), 'lots');
    await page.press(byTestId('hmm-B-1-5'), 'Enter');
    assert.match(await text(page, 'hmm-model-message'), /P\(observe 6 \| Loaded\) must be a number, not “lots”; keeping 0\.5/);
    await page.fill(byTestId('hmm-B-1-5'), '0.5');
    await page.press(byTestId('hmm-B-1-5'), 'Enter');
    // Normalize: the row 0.95, 0 becomes 1, 0.
    await page.click(byTestId('hmm-normalize'));
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-A-0-0"]').value === '1');
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-model-message"]').textContent === '');
    assert.notEqual(await text(page, 'hmm-loglik'), loglik);
    assert.match(page.url(), /A=1%2C0%2C0\.1%2C0\.9/);
    // A symbol the casino does not have.
    const now = await text(page, 'hmm-loglik');
    await page.fill(byTestId('hmm-obs'), '1 7 6');
    await page.press(byTestId('hmm-obs'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-obs-message"]').textContent !== '');
    assert.match(await text(page, 'hmm-obs-message'), /'7' \(symbol 2\) is not one of 1, 2, 3, 4, 5, 6\. Keeping the last valid sequence/);
    assert.equal(await text(page, 'hmm-loglik'), now);
    // The shared link brings back the edited model.
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('hmm-A-0-0')), '1');
    assert.equal(await page.inputValue(byTestId('hmm-A-0-1')), '0');
    await page.click(byTestId('hmm-restore'));
    await page.waitForFunction(() => document.querySelector('[data-testid="hmm-A-0-0"]').value === '0.95');
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('A') === '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('runs Baum-Welch like `mlplay hmm fit`, the log-likelihood never falling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    for (const [id, value] of [['hmm-fit-sequences', '5'], ['hmm-fit-length', '200'], ['hmm-fit-iterations', '30']]) {
      await page.fill(byTestId(id), value);
      await page.press(byTestId(id), 'Enter');
    }
    await page.click(byTestId('hmm-fit'));
    await page.waitForFunction(() => /^Done after/.test(document.querySelector('[data-testid="hmm-fit-status"]').textContent), null, { timeout: 60000 });
    const fit = native(['fit', '--model', 'casino', '--sequences', '5', '--length', '200', '--iterations', '30', '--seed', '1']);
    const ll = fit.log_likelihood;
    for (let i = 1; i < ll.length; i++) assert.ok(ll[i] >= ll[i - 1] - 1e-9);
    assert.equal(await text(page, 'hmm-fit-iteration'), '30');
    assert.equal(await numberIn(page, 'hmm-fit-ll'), Number(ll[ll.length - 1].toFixed(2)));
    assert.equal(await numberIn(page, 'hmm-fit-true-ll'), Number(fit.true_log_likelihood.toFixed(2)));
    const fitted = await page.locator(`${byTestId('hmm-fit-model')} td`).allTextContents();
    assert.equal(fitted.length, 2 + 4 + 12);
    assert.equal(fitted[2], fit.model.transition[0][0].toFixed(3));
    assert.match(page.url(), /fi=30/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('checks the exercise and keeps progress', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#model=weather&src=typed&obs=walk+shop+clean');
    await ready(page);
    assert.equal(await page.inputValue(byTestId('hmm-model')), 'weather');
    assert.equal(await page.inputValue(byTestId('hmm-obs')), 'walk shop clean');
    assert.equal(await text(page, 'hmm-loglik'), Math.log(0.033612).toFixed(4));
    assert.match(await answerExercise(page, '0.1038'), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    assert.equal(await page.locator('.exercise-hint').isVisible(), true);
    assert.match(await answerExercise(page, '0.033612'), /Correct/);
    await page.reload();
    await ready(page);
    assert.match(await text(page, 'exercise-feedback'), /Correct/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await page.locator('.hmm-table-box summary').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
