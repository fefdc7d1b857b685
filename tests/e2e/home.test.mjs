// The home page lists the real lessons by track, and every listed link opens a lesson page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byTestId, launch, openPage, site } from './harness.mjs';

describe('home page', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await site();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the monte-carlo-pi lesson under its track and links to it', async () => {
    const { page, errors, context } = await openPage(browser, server.url);
    const link = page.locator(byTestId('lesson-link-monte-carlo-pi'));
    assert.match(await link.textContent(), /Estimating π with darts/);
    assert.match(await page.locator('#track-0').textContent(), /Flagship demos/);
    await link.click();
    await page.waitForURL(/\/lessons\/monte-carlo-pi\/$/);
    assert.match(await page.locator('h1').textContent(), /Estimating π/);
    await page.waitForFunction(() => document.querySelector('[data-testid="engine-build"]')?.textContent !== '');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lists only lessons whose pages exist', async () => {
    const { page, context } = await openPage(browser, server.url);
    const hrefs = await page.locator('.lesson-list a').evaluateAll((links) => links.map((a) => a.href));
    assert.ok(hrefs.length >= 1);
    for (const href of hrefs) {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, href);
    }
    await context.close();
  });
});
