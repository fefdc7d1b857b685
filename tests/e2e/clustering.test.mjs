// clustering, driven as a learner would: DBSCAN on the moons (and k-means failing on them), Iris
// compared with the native CLI; the dendrogram cut by clicking and by the keyboard; EM on Iris with
// the log-likelihood rising and the BIC exercise; bad input; the shared link; phone width.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openPage, root } from './harness.mjs';

const LESSON = 'lessons/clustering/';
const text = (page, id) => page.locator(byTestId(id)).textContent();
const native = (command, args) => JSON.parse(execFileSync(cli, [command, path.join(root, 'datasets', 'iris.csv'), ...args, '--json']).toString());

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '', null, { timeout: 20000 });
  await settled(page);
}
async function settled(page, pattern = '^(DBSCAN found|\\w+ linkage, cut|k-means with|EM converged|Stopped)') {
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid="cl-status"]').textContent), pattern, { timeout: 60000 });
}
async function after_(page, action, pattern) {
  await page.evaluate(() => { document.querySelector('[data-testid="cl-status"]').textContent = ''; });
  await action();
  await settled(page, pattern);
}
const ari = async (page) => Number((await text(page, 'cl-agreement')).replace('ARI ', ''));

describe('clustering', () => {
  const env = browserAndSite();

  it('finds the two moons with DBSCAN where k-means fails, and matches the CLI on Iris', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.match(await text(page, 'cl-status'), /^DBSCAN found 2 clusters/);
    assert.ok((await ari(page)) > 0.95, `DBSCAN recovers the moons: ${await ari(page)}`);
    const [core, border, noise] = (await text(page, 'cl-kinds')).split(' · ').map(Number);
    assert.equal(core + border + noise, 300);
    await after_(page, () => page.selectOption(byTestId('cl-method'), 'kmeans'), '^k-means with');
    assert.ok((await ari(page)) < 0.6, `k-means cuts the moons: ${await ari(page)}`);
    // Iris: the same clusters and noise as `mlplay dbscan`.
    await after_(page, async () => {
      await page.selectOption(byTestId('cl-method'), 'dbscan');
      await settled(page);
      await page.evaluate(() => { document.querySelector('[data-testid="cl-status"]').textContent = ''; });
      await page.selectOption(byTestId('cl-source'), 'iris');
    }, '^DBSCAN found');
    const cliResult = native('dbscan', ['--eps', '0.5', '--min-samples', '5']);
    assert.equal(Number(await text(page, 'cl-clusters')), cliResult.clusters);
    assert.equal(Number((await text(page, 'cl-kinds')).split(' · ')[2]), cliResult.noise);
    assert.match(await text(page, 'cl-credit'), /Fisher/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('cuts the dendrogram where the learner clicks, and with the arrow keys', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=circles&method=hclust&linkage=single&k=2');
    await ready(page);
    assert.match(await text(page, 'cl-status'), /^Single linkage, cut into 2 clusters/);
    assert.ok((await ari(page)) > 0.95, `single linkage separates the rings: ${await ari(page)}`);
    const canvas = page.locator(byTestId('cl-dendrogram'));
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // Click low in the tree: many clusters.
    await after_(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.85), 'linkage, cut into');
    const many = Number(await text(page, 'cl-clusters'));
    assert.ok(many > 2, `a low cut leaves many clusters: ${many}`);
    assert.match(page.url(), new RegExp(`k=${many}`));
    // ArrowUp moves the cut past the next merge: one cluster fewer.
    await canvas.focus();
    await after_(page, () => page.keyboard.press('ArrowUp'), 'linkage, cut into');
    assert.equal(Number(await text(page, 'cl-clusters')), many - 1);
    // Ward cuts the rings like k-means.
    await after_(page, () => page.selectOption(byTestId('cl-linkage'), 'ward'), '^Ward linkage');
    const cliWard = native('hclust', ['--linkage', 'ward', '--clusters', '3']);
    assert.equal(cliWard.sizes.reduce((a, b) => a + b, 0), 150);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits Gaussian mixtures to Iris by EM, plots the log-likelihood and BIC, and checks the exercise', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=iris&method=gmm&k=3');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await ready(page);
    await page.waitForFunction(() => (document.querySelector('[data-testid="cl-bic-plot"]').dataset.values ?? '') !== '', null, { timeout: 60000 });
    const history = JSON.parse(await page.locator(byTestId('cl-loglik-plot')).getAttribute('data-values'));
    for (let i = 1; i < history.length; i++) assert.ok(history[i] >= history[i - 1] - 1e-9, 'EM never lowers the log-likelihood');
    const cliGmm = native('gmm', ['--components', '3']);
    assert.ok(Math.abs(Number(await text(page, 'cl-loglik')) - cliGmm.log_likelihood) < 0.01, 'the same fit as the CLI');
    const best = await page.locator(byTestId('cl-bic-plot')).getAttribute('data-best');
    assert.equal(best, '2');
    assert.match(await answerExercise(page, '3'), /Not quite/);
    assert.match(await answerExercise(page, best), /Correct/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad input next to the control and keeps the last good value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.fill(byTestId('cl-eps'), '-1');
    await page.press(byTestId('cl-eps'), 'Enter');
    assert.match(await page.locator('#cl-eps-message').textContent(), /eps/);
    await page.fill(byTestId('cl-n'), 'lots');
    await page.press(byTestId('cl-n'), 'Enter');
    assert.match(await page.locator('#cl-n-message').textContent(), /Points must be a whole number from 10 to 2,000; keeping 300/);
    assert.match(await text(page, 'cl-status'), /^DBSCAN found 2 clusters/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link and fits a phone screen', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#source=blobs&method=kmeans&k=3&n=200&noise=0.8&seed=4', { viewport: { width: 390, height: 844 } });
    await ready(page);
    assert.equal(await page.inputValue(byTestId('cl-source')), 'blobs');
    assert.equal(await page.inputValue(byTestId('cl-method')), 'kmeans');
    assert.equal(await page.inputValue(byTestId('cl-k')), '3');
    assert.equal(await page.inputValue(byTestId('cl-n')), '200');
    assert.equal(await page.inputValue(byTestId('cl-noise')), '0.8');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
