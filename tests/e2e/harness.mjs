// Browser-test harness: serve dist/ (with or without COOP/COEP), drive Debian's Chromium through
// playwright-core (never a downloaded browser), and collect console errors.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildDir, distDir, root } from '../../scripts/paths.mjs';
import { serve } from '../../scripts/serve.mjs';

export { root };
/** The native CLI built alongside the site under test. */
export const cli = path.join(buildDir('native'), 'mlplay');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** Serves dist/; `isolation: false` mimics a plain static host. Returns { url, close }. */
export async function site({ isolation = true } = {}) {
  const { server, url } = await serve({ dir: distDir, port: 0, isolation });
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A page whose console errors and uncaught exceptions are collected in `errors`.
 *  `serviceWorker: false` turns off the coi-serviceworker fallback (its documented `window.coi` knob),
 *  as for a browser or host where it cannot register. */
export async function openPage(browser, url, { serviceWorker = true, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  if (!serviceWorker) await context.addInitScript(() => { window.coi = { shouldRegister: () => false }; });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.goto(url);
  return { page, context, errors };
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/** Reads a number shown as text ("10,000,000" or "3.1415926"). */
export async function numberIn(page, id) {
  const text = await page.locator(byTestId(id)).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}
