// recommender, driven as a learner would: the ratings load with progress; the three similarity
// columns, the held-out table and the matrix factorization match the native CLI on the same data;
// rating by search and by the popular list (and un-rating) updates the hash and the lists; bad
// settings are refused next to the field; the dot product's neighbours are heavy raters; training
// without centring loses to the baseline and Stop stops; the shared link; the exercise; phone width.
// No console errors anywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { distDir } from '../../scripts/paths.mjs';
import { answerExercise, browserAndSite, byTestId, cli, numberIn, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/recommender/';
const RATINGS = path.join(distDir, 'data/movielens/ratings.csv');
const MOVIES = path.join(distDir, 'data/movielens/movies.csv');

const text = (page, id) => page.locator(byTestId(id)).textContent();
function native(args) {
  return JSON.parse(execFileSync(cli, ['recommend', '--ratings', RATINGS, '--movies', MOVIES, ...args, '--json']).toString());
}
async function recommended(page, ratings) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="rec-status"]').textContent === `Recommendations for your ${n} rating${n === 1 ? '' : 's'}.`, ratings, { timeout: 60000 });
}
async function trained(page) {
  await page.waitForFunction(() => /^(Done|Stopped|Diverged)/.test(document.querySelector('[data-testid="rec-mf-status"]').textContent), null, { timeout: 60000 });
}
async function listed(page, id) {
  return page.locator(`${byTestId(id)} li`).evaluateAll((items) =>
    items.map((li) => ({ movie: Number(li.dataset.movie), score: Number(li.querySelector('.rec-score')?.dataset.score) })));
}
async function evalRow(page, key) {
  return Number(await page.locator(`${byTestId('rec-eval')} tr[data-row="${key}"] td:nth-child(2)`).textContent());
}
const close = (a, b, tol) => Math.abs(a - b) <= tol;

describe('recommender', () => {
  const env = browserAndSite();

  it('loads the ratings, recommends, evaluates and factorizes exactly like the native CLI', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await recommended(page, 3);
    assert.match(await text(page, 'rec-credit'), /GroupLens/);
    assert.match(await text(page, 'rec-credit'), /no commercial use without permission/);
    assert.equal(await page.locator(byTestId('rec-loading')).isVisible(), false);
    assert.equal(await text(page, 'rec-count'), '3');
    const mine = await page.locator(`${byTestId('rec-mine')} li .rec-title`).allTextContents();
    assert.deepEqual(mine, ['Matrix, The (1999)', 'Titanic (1997)', 'Toy Story (1995)']);
    assert.equal(await page.locator(`${byTestId('rec-popular')} li`).count(), 12);
    assert.equal(await page.locator(`${byTestId('rec-popular')} li[data-movie="1"] select`).inputValue(), '4');

    for (const similarity of ['dot', 'cosine', 'centered']) {
      const want = native(['--rate', '2571=5;1721=2;1=4', '--similarity', similarity, '--k', '30', '--min-support', '10', '--top', '10']);
      const got = await listed(page, `rec-list-${similarity}`);
      assert.deepEqual(got.map((g) => g.movie), want.knn.recommendations.map((r) => r.movie_id), `${similarity} list`);
      got.forEach((g, i) => assert.ok(close(g.score, want.knn.recommendations[i].score, 1e-6)));
    }
    assert.match(await page.locator(`${byTestId('rec-list-dot')} li`).first().textContent(), /Shawshank Redemption/);

    // The held-out table, then the matrix factorization trained after it.
    await trained(page);
    const evaluation = native(['--evaluate', '--k', '30']);
    assert.ok(close(await evalRow(page, 'bias'), evaluation.baselines.user_item_bias, 1e-4));
    assert.ok(close(await evalRow(page, 'global'), evaluation.baselines.global_mean, 1e-4));
    for (const s of ['dot', 'cosine', 'centered']) assert.ok(close(await evalRow(page, `knn-${s}`), evaluation.knn_rmse[s].rmse, 1e-4), s);
    assert.ok(evaluation.knn_rmse.centered.rmse < evaluation.knn_rmse.cosine.rmse, 'centring helps');
    const mf = native(['--rate', '2571=5;1721=2;1=4', '--mf', '--top', '10'])
      .mf;
    assert.match(await text(page, 'rec-mf-status'), /^Done: 20 epochs, held-out RMSE [\d.]+, better than the baseline\./);
    assert.equal(await text(page, 'rec-mf-epoch'), '20');
    assert.ok(close(await numberIn(page, 'rec-mf-test'), mf.test_rmse, 1e-4), `MF ${await numberIn(page, 'rec-mf-test')} vs CLI ${mf.test_rmse}`);
    assert.ok(close(await evalRow(page, 'mf'), mf.test_rmse, 1e-4));
    const mfList = await listed(page, 'rec-mf-list');
    assert.deepEqual(mfList.map((g) => g.movie), mf.recommendations.map((r) => r.movie_id));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('rates by search and by the lists, keeps the hash, and clears', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await recommended(page, 3);
    await page.click(byTestId('rec-search'));
    await page.keyboard.type('the godfather');
    const godfather = `${byTestId('rec-search-results')} li[data-movie="858"]`;
    await page.waitForSelector(godfather);
    assert.equal(await page.locator(`${godfather} .rec-title`).textContent(), 'Godfather, The (1972)');
    await page.selectOption(`${godfather} select`, '5');
    await recommended(page, 4);
    assert.equal(await text(page, 'rec-count'), '4');
    assert.match(page.url(), /r=2571%3A5%2C1721%3A2%2C1%3A4%2C858%3A5/);
    const want = native(['--rate', '2571=5;1721=2;1=4;858=5', '--similarity', 'centered', '--k', '30', '--min-support', '10']);
    assert.deepEqual((await listed(page, 'rec-list-centered')).map((g) => g.movie), want.knn.recommendations.map((r) => r.movie_id));
    // The same movie's menus agree everywhere; un-rating it in "Your ratings" removes it.
    await page.fill(byTestId('rec-search'), 'matrix');
    await page.waitForSelector(`${byTestId('rec-search-results')} li[data-movie="2571"]`);
    assert.equal(await page.locator(`${byTestId('rec-search-results')} li[data-movie="2571"] select`).inputValue(), '5');
    await page.selectOption(`${byTestId('rec-mine')} li[data-movie="1"] select`, '');
    await recommended(page, 3);
    assert.equal(await page.locator(`${byTestId('rec-popular')} li[data-movie="1"] select`).inputValue(), '');
    assert.match(page.url(), /r=2571%3A5%2C1721%3A2%2C858%3A5&/);
    await page.fill(byTestId('rec-search'), 'zzqx');
    assert.match(await text(page, 'rec-search-results'), /No title contains “zzqx”/);
    await page.click(byTestId('rec-clear'));
    await page.waitForFunction(() => document.querySelector('[data-testid="rec-summary-dot"]').textContent.startsWith('Rate at least one movie'));
    assert.equal(await text(page, 'rec-count'), '0');
    assert.equal(await page.locator(byTestId('rec-mine-empty')).isVisible(), true);
    await page.waitForFunction(() => /Rate a movie/.test(document.querySelector('[data-testid="rec-mf-list"]').textContent), null, { timeout: 60000 });
    assert.match(page.url(), /r=&/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows that dot-product neighbours are heavy raters and centring finds opposite taste', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await recommended(page, 3);
    const mean = async (s) => Number(/rated ([\d,]+) movies on average/.exec(await text(page, `rec-summary-${s}`))[1].replace(/,/g, ''));
    const opposite = async (s) => Number(/([\d,]+) opposite/.exec(await text(page, `rec-summary-${s}`))[1].replace(/,/g, ''));
    assert.ok((await mean('dot')) > 3 * (await mean('cosine')), `dot ${await mean('dot')} vs cosine ${await mean('cosine')}`);
    assert.equal(await opposite('cosine'), 0);
    assert.ok((await opposite('centered')) > 50);
    assert.equal(await page.inputValue(byTestId('rec-sim')), 'dot');
    const dotCounts = await page.locator(`${byTestId('rec-neighbours')} tbody tr td:nth-child(4)`).allTextContents();
    assert.equal(dotCounts.length, 10);
    await page.selectOption(byTestId('rec-sim'), 'cosine');
    assert.match(page.url(), /sim=cosine/);
    const cosCounts = await page.locator(`${byTestId('rec-neighbours')} tbody tr td:nth-child(4)`).allTextContents();
    const sum = (xs) => xs.reduce((a, x) => a + Number(x.replace(/,/g, '')), 0);
    assert.ok(sum(dotCounts) > sum(cosCounts));
    const box = await page.locator(byTestId('rec-scatter')).boundingBox();
    assert.ok(box.width > 200 && box.height > 100);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refuses bad settings next to the field and keeps the last good value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await recommended(page, 3);
    await trained(page);
    await page.fill(byTestId('rec-k'), 'lots');
    await page.press(byTestId('rec-k'), 'Enter');
    assert.match(await page.locator('#rec-k-message').textContent(), /Neighbours per movie k must be a whole number from 1 to 500; keeping 30\./);
    await page.fill(byTestId('rec-lr'), 'fast');
    await page.press(byTestId('rec-lr'), 'Enter');
    assert.match(await page.locator('#rec-lr-message').textContent(), /Learning rate must be a number from 0\.0001 to 0\.5, not “fast”; keeping 0\.01/);
    await page.fill(byTestId('rec-epochs'), '0');
    await page.press(byTestId('rec-epochs'), 'Enter');
    assert.match(await page.locator('#rec-epochs-message').textContent(), /Epochs must be a whole number from 1 to 1,000; keeping 20\./);
    assert.doesNotMatch(page.url(), /lr=fast|k=lots|epochs=0/);
    // A good value still works: k = 50 re-evaluates.
    await page.fill(byTestId('rec-k'), '50');
    await page.press(byTestId('rec-k'), 'Enter');
    assert.equal(await page.locator('#rec-k-message').textContent(), '');
    await page.waitForSelector(`${byTestId('rec-eval')} tr[data-row="knn-centered"]:has-text("k = 50")`, { timeout: 60000 });
    assert.match(page.url(), /k=50/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('trains worse than the baseline without centring, and Stop stops a long run', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#epochs=5');
    await recommended(page, 3);
    await trained(page);
    const baseline = await numberIn(page, 'rec-mf-baseline');
    await page.uncheck(byTestId('rec-center'));
    await page.waitForFunction(() => /not better than the baseline/.test(document.querySelector('[data-testid="rec-mf-status"]').textContent), null, { timeout: 60000 });
    assert.match(page.url(), /center=0/);
    assert.ok((await numberIn(page, 'rec-mf-test')) > baseline);
    await page.fill(byTestId('rec-epochs'), '1000');
    await page.press(byTestId('rec-epochs'), 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="rec-train"]').textContent === 'Stop');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="rec-mf-epoch"]').textContent) >= 3);
    await page.click(byTestId('rec-train'));
    await trained(page);
    assert.match(await text(page, 'rec-mf-status'), /^Stopped: \d+ epochs/);
    assert.ok((await numberIn(page, 'rec-mf-epoch')) < 1000);
    assert.equal(await text(page, 'rec-train'), 'Train');
    // A learning rate far too large diverges and says so.
    await page.fill(byTestId('rec-epochs'), '30');
    await page.press(byTestId('rec-epochs'), 'Enter');
    await page.fill(byTestId('rec-lr'), '0.5');
    await page.press(byTestId('rec-lr'), 'Enter');
    await page.waitForFunction(() => /^Diverged/.test(document.querySelector('[data-testid="rec-mf-status"]').textContent), null, { timeout: 60000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const hash = '#r=858%3A5%2C296%3A4&sim=centered&k=20&support=5&factors=10&epochs=5&lr=0.02&reg=0.1&center=1';
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + hash);
    await recommended(page, 2);
    assert.deepEqual(await page.locator(`${byTestId('rec-mine')} li .rec-title`).allTextContents(), ['Godfather, The (1972)', 'Pulp Fiction (1994)']);
    assert.equal(await page.inputValue(byTestId('rec-sim')), 'centered');
    assert.equal(await page.inputValue(byTestId('rec-k')), '20');
    assert.equal(await page.inputValue(byTestId('rec-support')), '5');
    assert.equal(await page.inputValue(byTestId('rec-factors')), '10');
    assert.equal(await page.inputValue(byTestId('rec-lr')), '0.02');
    await trained(page);
    assert.equal(await text(page, 'rec-mf-epoch'), '5');
    const want = native(['--rate', '858=5;296=4', '--similarity', 'centered', '--k', '20', '--min-support', '5']);
    assert.deepEqual((await listed(page, 'rec-list-centered')).map((g) => g.movie), want.knn.recommendations.map((r) => r.movie_id));

    assert.match(await answerExercise(page, '1'), /Not quite/);
    await openHintAndSolution(page);
    assert.match(await answerExercise(page, '0.832'), /Correct/);
    await page.reload();
    await recommended(page, 2);
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.equal(await page.inputValue(byTestId('rec-k')), '20', 'setup kept on reload');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives the same recommendations in the single-threaded build', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '?engine=st');
    await recommended(page, 3);
    assert.equal(await text(page, 'engine-build'), 'st');
    const want = native(['--rate', '2571=5;1721=2;1=4', '--similarity', 'cosine', '--k', '30', '--min-support', '10']);
    assert.deepEqual((await listed(page, 'rec-list-cosine')).map((g) => g.movie), want.knn.recommendations.map((r) => r.movie_id));
    await page.waitForSelector(`${byTestId('rec-eval')} tr[data-row="knn-centered"]`, { timeout: 60000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await recommended(page, 3);
    await trained(page);
    await page.fill(byTestId('rec-search'), 'star wars');
    await page.waitForSelector(`${byTestId('rec-search-results')} li`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
