// Browser-test harness: serve dist/ (with or without COOP/COEP), drive Debian's Chromium through
// playwright-core (never a downloaded browser), collect console errors, and the steps many lessons'
// tests share (a browser and the site per describe block, a scratch folder, the exercise).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
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

/** Chromium and the site for the tests of the enclosing describe block: started before them, closed
 *  after them. The returned object's `browser` and `server` ({ url, close }) are set once started. */
export function browserAndSite({ isolation = true } = {}) {
  const env = { browser: null, server: null };
  before(async () => {
    env.browser = await launch();
    env.server = await site({ isolation });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A new folder for the files the tests of the enclosing describe block write, removed after them. */
export function scratchFolder(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Types `answer` into the lesson's exercise and checks it; returns the feedback it shows. */
export async function answerExercise(page, answer) {
  await page.fill(byTestId('exercise-answer'), answer);
  await page.click(byTestId('exercise-check'));
  return page.locator(byTestId('exercise-feedback')).textContent();
}

/** Opens the exercise's hint and then its solution, checking that each shows; returns the solution's text. */
export async function openHintAndSolution(page) {
  await page.click(byTestId('exercise-hint'));
  assert.equal(await page.locator('.exercise-hint').isVisible(), true);
  await page.click(byTestId('exercise-solution'));
  assert.equal(await page.locator('.exercise-solution').isVisible(), true);
  return page.locator('.exercise-solution').textContent();
}
