// distributions, driven as a learner would: the standard normal's moments, sample moments, KS distance,
// CDF and quantile against the native `mlplay dist` (same seed, same draws); a gamma set by typing and
// a binomial set by dragging and the keyboard; refused input (a bad box, b < a for the uniform) with
// the last good values kept; the CLT slider and animation (reduced motion too); the shared link; the
// exercise; a phone screen. No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/distributions/';
const text = async (page, id) => (await page.locator(byTestId(id)).textContent()) ?? '';

async function until(page, id, pattern, timeout = 30000) {
  await page.waitForFunction(
    ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    [byTestId(id), pattern.source],
    { timeout },
  );
}
/** The engine started, the sample is drawn and the CLT panel shows n = `n`. */
async function ready(page, n = 1) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await until(page, 'dist-status', /^Done/);
  await until(page, 'clt-status', new RegExp(`^n = ${n}:`));
}
function native(args) {
  return JSON.parse(execFileSync(cli, ['dist', ...args, '--json']).toString());
}
/** The page shows `digits` significant digits (4 unless said) of the same number the CLI prints. */
function shownAs(shown, exact, what, digits = 4) {
  assert.equal(shown, Number(exact.toPrecision(digits)), `${what}: page ${shown}, CLI ${exact}`);
}
const valueOf = (page, id) => page.locator(byTestId(id)).inputValue();

describe('distributions', () => {
  const env = browserAndSite();

  it('shows the standard normal, its sample and its quantiles exactly as the CLI computes them', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await text(page, 'dist-description'), 'N(μ = 0, σ = 1)');
    assert.equal(await text(page, 'dist-sampler'), 'Box–Muller');
    assert.equal(await text(page, 'dist-drawn'), '10,000');
    const cliRun = native(['normal', '--mu', '0', '--sigma', '1', '--sample', '10000', '--seed', '1']);
    assert.equal(await numberIn(page, 'dist-mean'), 0);
    assert.equal(await numberIn(page, 'dist-std'), 1);
    shownAs(await numberIn(page, 'dist-sample-mean'), cliRun.sample.mean, 'sample mean');
    shownAs(await numberIn(page, 'dist-sample-std'), cliRun.sample.std, 'sample std');
    shownAs(await numberIn(page, 'dist-sample-skewness'), cliRun.sample.skewness, 'sample skewness');
    shownAs(await numberIn(page, 'dist-ks'), cliRun.sample.ks_distance, 'KS distance', 3);
    assert.equal(await text(page, 'dist-proposals'), '1 (no rejection)');
    // P(X ≤ 1) and the 95% quantile, then a typed x.
    assert.equal(await text(page, 'dist-cdf-value'), '0.841345');
    assert.equal(await text(page, 'dist-quantile-value'), String(+cliRun.quantiles[5].x.toPrecision(6)));
    assert.equal(await text(page, 'dist-quantile-method'), 'closed form');
    await page.fill(byTestId('dist-x'), '-1.96');
    await page.press(byTestId('dist-x'), 'Enter');
    await until(page, 'dist-cdf-value', /^0\.0249979$/);
    assert.match(page.url(), /x=-1\.96/);
    // Draw again: the next seed, a different sample.
    const before = await text(page, 'dist-sample-mean');
    await page.click(byTestId('dist-sample'));
    await until(page, 'dist-status', /seed 2\)/);
    assert.equal(await valueOf(page, 'dist-seed'), '2');
    assert.notEqual(await text(page, 'dist-sample-mean'), before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws a gamma by rejection and a binomial by inverse CDF, set by typing, dragging and keys', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.selectOption(byTestId('dist-family'), 'gamma');
    await until(page, 'dist-description', /^Gamma\(k = 2, θ = 1\)$/);
    await page.fill(byTestId('dist-a'), '0.5');
    await page.press(byTestId('dist-a'), 'Enter');
    await page.fill(byTestId('dist-b'), '2');
    await page.press(byTestId('dist-b'), 'Enter');
    await until(page, 'dist-description', /^Gamma\(k = 0\.5, θ = 2\)$/);
    await until(page, 'dist-status', /^Done: 10,000 draws by rejection/);
    assert.equal(await text(page, 'dist-sampler'), 'rejection');
    assert.equal(await text(page, 'dist-quantile-method'), 'bisection on the CDF');
    const cliRun = native(['gamma', '--k', '0.5', '--theta', '2', '--sample', '10000', '--seed', '1']);
    shownAs(await numberIn(page, 'dist-skewness'), cliRun.theory.skewness, 'skewness 2/√k');
    shownAs(await numberIn(page, 'dist-sample-mean'), cliRun.sample.mean, 'gamma sample mean');
    shownAs(await numberIn(page, 'dist-proposals'), cliRun.sample.proposals_per_draw, 'proposals per draw');
    assert.ok((await numberIn(page, 'dist-proposals')) > 1);
    assert.match(page.url(), /family=gamma&a=0\.5&b=2/);

    // Binomial: drag p's slider to its right end, then step n down with the keyboard.
    await page.selectOption(byTestId('dist-family'), 'binomial');
    await until(page, 'dist-description', /^Binomial\(n = 20, p = 0\.3\)$/);
    const slider = page.locator(byTestId('dist-b-range'));
    const box = await slider.boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await until(page, 'dist-description', /^Binomial\(n = 20, p = 0\.99\)$/);
    assert.equal(await valueOf(page, 'dist-b'), '0.99');
    await page.focus(byTestId('dist-a-range'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await until(page, 'dist-description', /^Binomial\(n = 18, p = 0\.99\)$/);
    await until(page, 'dist-status', /^Done/);
    assert.equal(await text(page, 'dist-sampler'), 'inverse CDF');
    shownAs(await numberIn(page, 'dist-mean'), 18 * 0.99, 'np');
    const cliBinomial = native(['binomial', '--n', '18', '--p', '0.99', '--sample', '10000', '--seed', '1']);
    shownAs(await numberIn(page, 'dist-sample-mean'), cliBinomial.sample.mean, 'binomial sample mean');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains refused input next to the control and keeps the last good values', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('dist-b'), 'abc');
    await page.press(byTestId('dist-b'), 'Enter');
    assert.equal(await text(page, 'dist-b-message'), 'σ (standard deviation) must be a number from 0.1 to 50, not “abc”; keeping 1.');
    await page.fill(byTestId('dist-b'), '0');
    await page.press(byTestId('dist-b'), 'Enter');
    assert.match(await text(page, 'dist-b-message'), /must be a number from 0\.1 to 50, not “0”/);
    assert.equal(await text(page, 'dist-description'), 'N(μ = 0, σ = 1)');
    // The uniform needs a < b: the engine refuses, the page says why and keeps a = 0.
    await page.selectOption(byTestId('dist-family'), 'uniform');
    await until(page, 'dist-description', /^Uniform\(a = 0, b = 1\)$/);
    await until(page, 'dist-status', /^Done/);
    await page.fill(byTestId('dist-a'), '5');
    await page.press(byTestId('dist-a'), 'Enter');
    await until(page, 'dist-a-message', /uniform: need finite bounds a < b, got a = 5, b = 1/);
    assert.match(await text(page, 'dist-a-message'), /^a \(lower end\) was refused: .*; keeping 0\.$/);
    assert.equal(await valueOf(page, 'dist-a'), '0');
    assert.equal(await valueOf(page, 'dist-a-range'), '0');
    assert.equal(await text(page, 'dist-description'), 'Uniform(a = 0, b = 1)');
    assert.match(page.url(), /a=0&b=1/);
    // Other bad boxes: N, seed, p.
    await page.fill(byTestId('dist-count'), '-5');
    await page.press(byTestId('dist-count'), 'Enter');
    assert.match(await page.locator('#dist-count-message').textContent(), /Draws N must be a whole number from 10 to 1,000,000; keeping 10,000/);
    await page.fill(byTestId('dist-p'), '1.5');
    await page.press(byTestId('dist-p'), 'Enter');
    assert.match(await page.locator('#dist-p-message').textContent(), /p must be a number from 0 to 1, not “1\.5”; keeping 0\.95/);
    // Everything still works: a valid change goes through.
    await page.fill(byTestId('dist-b'), '3');
    await page.press(byTestId('dist-b'), 'Enter');
    await until(page, 'dist-description', /^Uniform\(a = 0, b = 3\)$/);
    assert.equal(await text(page, 'dist-a-message'), '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('turns averages of exponential draws normal: slider, animation and reduced motion', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#family=exponential&means=5000');
    await ready(page);
    assert.equal(await text(page, 'clt-skewness'), '2 · ' + (await text(page, 'clt-skewness')).split(' · ')[1]);
    const ks1 = await numberIn(page, 'clt-ks');
    await page.fill(byTestId('clt-n'), '30');
    assert.equal(await text(page, 'clt-n-value'), '30');
    await until(page, 'clt-status', /^n = 30:/);
    const [theory, sample] = (await text(page, 'clt-skewness')).split(' · ').map(Number);
    shownAs(theory, 2 / Math.sqrt(30), 'γ/√n', 3);
    assert.ok(Math.abs(sample - theory) < 0.15, `sample skewness ${sample}`);
    const [sd] = (await text(page, 'clt-std')).split(' · ').map(Number);
    shownAs(sd, 1 / Math.sqrt(30), 'σ/√n');
    const ks30 = await numberIn(page, 'clt-ks');
    assert.ok(ks30 < ks1 / 3, `KS to the normal falls: ${ks1} at n = 1, ${ks30} at n = 30`);
    const cliRun = native(['exponential', '--lambda', '1', '--sample', '10', '--seed', '1', '--clt', '30', '--means', '5000']);
    shownAs(sample, cliRun.clt.sample.skewness, 'CLT skewness vs CLI (seed + 1)', 3);
    shownAs(ks30, cliRun.clt.ks_distance_to_normal, 'CLT KS vs CLI', 3);
    assert.match(page.url(), /n=30/);

    await page.click(byTestId('clt-animate'));
    assert.equal(await text(page, 'clt-animate'), 'Stop');
    await until(page, 'clt-n-shown', /^2$/);
    await until(page, 'clt-animate', /^Animate/, 60000);
    assert.equal(await text(page, 'clt-n-shown'), '30');
    assert.equal(await valueOf(page, 'clt-n'), '30');
    // The skewness chart got a point for every n visited.
    assert.ok(await page.locator(`${byTestId('clt-skew-plot')} canvas`).count() > 0);
    assert.deepEqual(errors, []);
    await context.close();

    // With reduced motion the animation jumps straight to the result.
    const reduced = await env.browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    const quick = await reduced.newPage();
    const quickErrors = [];
    quick.on('console', (m) => m.type() === 'error' && quickErrors.push(m.text()));
    await quick.goto(env.server.url + LESSON + '#family=uniform&n=12&means=1000');
    await ready(quick, 12);
    const start = Date.now();
    await quick.click(byTestId('clt-animate'));
    await until(quick, 'clt-animate', /^Animate/, 30000);
    assert.ok(Date.now() - start < 4000, 'no frame delays');
    assert.equal(await text(quick, 'clt-n-shown'), '12');
    assert.deepEqual(quickErrors, []);
    await reduced.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#family=beta&a=0.5&b=0.5&count=5000&seed=7&x=0.2&p=0.5&n=10&means=1000');
    await ready(page, 10);
    assert.equal(await valueOf(page, 'dist-family'), 'beta');
    assert.equal(await text(page, 'dist-description'), 'Beta(α = 0.5, β = 0.5)');
    assert.equal(await valueOf(page, 'dist-count'), '5000');
    assert.equal(await valueOf(page, 'dist-seed'), '7');
    assert.equal(await valueOf(page, 'clt-n'), '10');
    assert.equal(await valueOf(page, 'clt-count'), '1000');
    // I_0.2(1/2, 1/2) = (2/π) asin(√0.2)
    assert.equal(await text(page, 'dist-cdf-value'), String(+((2 / Math.PI) * Math.asin(Math.sqrt(0.2))).toPrecision(6)));
    assert.equal(await text(page, 'dist-quantile-value'), '0.5');
    assert.equal(await text(page, 'dist-drawn'), '5,000');

    assert.match(await answerExercise(page, '0.5'), /Not quite/);
    await openHintAndSolution(page);
    // Work it out on the page: the normal the CLT gives, N(20, 20/√30), at x = 25.
    await page.selectOption(byTestId('dist-family'), 'normal');
    await until(page, 'dist-description', /^N\(μ = 0, σ = 1\)$/);
    await page.fill(byTestId('dist-a'), '20');
    await page.press(byTestId('dist-a'), 'Enter');
    await page.fill(byTestId('dist-b'), String(20 / Math.sqrt(30)));
    await page.press(byTestId('dist-b'), 'Enter');
    await page.fill(byTestId('dist-x'), '25');
    await page.press(byTestId('dist-x'), 'Enter');
    await until(page, 'dist-cdf-value', /^0\.914548$/);
    assert.match(await answerExercise(page, String(1 - 0.914548)), /Correct/);
    await page.reload();
    await ready(page, 10);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await text(page, 'dist-description'), 'N(μ = 20, σ = 3.65148)', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#family=gamma', { viewport: { width: 390, height: 844 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
