// minigpt, driven as a learner would: type a prompt and generate — at least 100 tokens stream into the
// text one by one, with tokens/s shown; the same seed gives the same text and another seed another;
// the prompt's token split; clicking tokens (and the arrow keys) shows the next-token bars and a
// non-blank attention heat map for any layer and head; Stop; bad input next to each control, an
// empty prompt, a too-long prompt cut with a note, any Unicode; the shared link; a short in-tab
// training run on the bundled novel lowers the loss, samples, survives a reload (IndexedDB) and is
// forgotten on request; too little text says how much is needed; the exercise; a phone. No console errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, numberIn, openPage } from './harness.mjs';

const LESSON = 'lessons/minigpt/';
const text = (page, id) => page.locator(byTestId(id)).textContent();

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="gpt-output"]')?.dataset.ready === 'true', null, { timeout: 60000 });
}

/** The sampled part of the text, as the page shows it. */
const sampledText = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="gpt-output"] [data-kind="sampled"]')].map((s) => s.textContent).join(''));
const sampledCount = (page) => page.locator(`${byTestId('gpt-output')} [data-kind="sampled"]`).count();

/** Presses Generate and waits for the run to end; returns how many sampled tokens each report showed. */
async function generate(page) {
  await page.evaluate(() => {
    window.__counts = [];
    const output = document.querySelector('[data-testid="gpt-output"]');
    window.__observer?.disconnect();
    window.__observer = new MutationObserver(() => window.__counts.push(output.querySelectorAll('[data-kind="sampled"]').length));
    window.__observer.observe(output, { childList: true });
  });
  await page.click(byTestId('gpt-generate'));
  await page.waitForFunction(() => /^(Sampled|Stopped|Could not)/.test(document.querySelector('[data-testid="gpt-status"]').textContent), null, { timeout: 120000 });
  assert.doesNotMatch(await text(page, 'gpt-status'), /^Could not/);
  return page.evaluate(() => window.__counts);
}

/** Share of the heat map canvas's pixels that are not plain white or transparent. */
const inkedShare = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="gpt-attention"]');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) inked++;
    return inked / (data.length / 4);
  });
const canvasHash = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="gpt-attention"]');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (h * 31 + data[i]) >>> 0;
    return h;
  });

async function type(page, id, value) {
  await page.fill(byTestId(id), value);
  await page.press(byTestId(id), 'Enter');
}

async function messageFor(page, id) {
  const describedBy = await page.getAttribute(byTestId(id), 'aria-describedby');
  return page.locator(`#${describedBy.split(' ')[0]}`).textContent();
}

describe('minigpt', () => {
  const env = browserAndSite();

  it('streams at least 100 tokens; same seed, same text; another seed, another text', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#max=300&seed=7`);
    await ready(page);
    assert.match(await text(page, 'gpt-model-info'), /shipped model.*layers.*heads/);
    assert.equal(await page.inputValue(byTestId('gpt-prompt')), 'It is a truth universally acknowledged');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gpt-prompt-tokens"] li').length > 0);
    const chips = await page.locator(`${byTestId('gpt-prompt-tokens')} li`).count();
    assert.ok(chips >= 3 && chips <= 38, `the prompt splits into ${chips} tokens`);
    assert.match(await text(page, 'gpt-prompt-count'), new RegExp(`^${chips} tokens from 38 characters`));

    const counts = await generate(page);
    const n = await sampledCount(page);
    assert.ok(n >= 100, `only ${n} tokens sampled`);
    assert.equal(n, 300);
    // Tokens are drawn once per animation frame: 300 tokens take about 0.1 s, so a busy machine may show
    // only one frame between the first token and the last; one is what streaming means here.
    assert.ok(counts.some((c) => c > 0 && c < 300), `tokens should stream in, saw counts ${[...new Set(counts)].slice(0, 12)}`);
    assert.equal(await page.locator(`${byTestId('gpt-output')} [data-kind="prompt"]`).count(), chips);
    const rate = await numberIn(page, 'gpt-rate');
    assert.ok(rate > 0, `tokens/s ${rate}`);
    assert.equal(await numberIn(page, 'gpt-count'), 300);
    const first = await sampledText(page);
    assert.ok(first.trim().length > 200, `text: ${first}`);
    const words = first.match(/[A-Za-z]+/g) ?? [];
    assert.ok(words.length > 30, `${words.length} words`);
    console.log(`minigpt: ${n} tokens at ${rate} tokens/s: “${first.slice(0, 160).replace(/\n/g, ' ')}…”`);

    await generate(page);
    assert.equal(await sampledText(page), first, 'same seed, same text');
    await type(page, 'gpt-seed', '8');
    assert.match(page.url(), /seed=8/);
    await generate(page);
    assert.notEqual(await sampledText(page), first, 'another seed, another text');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the bars and a non-blank attention heat map for the newest or any clicked token, by layer and head', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#max=120&seed=3&layer=1&head=1`);
    await ready(page);
    await generate(page);
    // After the run, the newest token is selected.
    assert.match(await text(page, 'gpt-selected'), /sampled token .*the model gave it|not among/);
    assert.ok((await inkedShare(page)) > 0.05, 'the heat map is drawn');
    // Click a sampled token in the middle of the text.
    await page.locator(`${byTestId('gpt-output')} [data-kind="sampled"]`).nth(60).click();
    await page.waitForFunction(() => /position/.test(document.querySelector('[data-testid="gpt-selected"]').textContent));
    const chosenLine = await text(page, 'gpt-selected');
    assert.match(chosenLine, /sampled token/);
    assert.equal(await page.locator(`${byTestId('gpt-probs')} li`).count() >= 10, true);
    assert.equal(await page.locator(`${byTestId('gpt-probs')} li.gpt-chosen`).count(), 1, 'the sampled token is marked among the bars');
    const percents = await page.locator(`${byTestId('gpt-probs')} li:not(.gpt-outside) .gpt-prob-value`).allTextContents();
    const values = percents.map((p) => (p.startsWith('<') ? 0 : Number(p.replace('%', ''))));
    for (let i = 1; i < values.length; i++) assert.ok(values[i] <= values[i - 1] + 1e-9, `bars best first: ${percents}`);
    assert.ok(values.reduce((a, b) => a + b, 0) <= 100.5);
    assert.ok((await inkedShare(page)) > 0.05);
    assert.match(await text(page, 'gpt-attention-summary'), /^Layer 1, head 1, at .*: most weight on .*%/);
    // Another layer and head: the picture changes.
    const before = await canvasHash(page);
    const layers = await page.locator(`${byTestId('gpt-layer')} option`).count();
    const heads = await page.locator(`${byTestId('gpt-head')} option`).count();
    assert.ok(layers >= 2 && heads >= 2, `${layers} layers, ${heads} heads`);
    await page.selectOption(byTestId('gpt-layer'), String(layers));
    await page.selectOption(byTestId('gpt-head'), String(heads));
    await page.waitForFunction(
      ([l, h]) => document.querySelector('[data-testid="gpt-attention-summary"]').textContent.startsWith(`Layer ${l}, head ${h},`),
      [layers, heads],
    );
    assert.notEqual(await canvasHash(page), before, 'another head, another picture');
    assert.match(page.url(), new RegExp(`layer=${layers}&head=${heads}`));
    // A prompt token: its numbers are computed on demand (minigpt.inspect).
    await page.locator(`${byTestId('gpt-output')} [data-kind="prompt"]`).nth(3).click();
    await page.waitForFunction(() => /prompt token/.test(document.querySelector('[data-testid="gpt-selected"]').textContent));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gpt-probs"] li').length >= 10);
    assert.ok((await inkedShare(page)) > 0.03);
    // The keyboard: → moves to the next token.
    await page.focus(byTestId('gpt-output'));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /position 4\)/.test(document.querySelector('[data-testid="gpt-selected"]').textContent));
    assert.equal(await page.locator(`${byTestId('gpt-output')} .gpt-current`).getAttribute('data-position'), '4');
    await page.keyboard.press('End');
    await page.waitForFunction(() => /sampled token/.test(document.querySelector('[data-testid="gpt-selected"]').textContent));
    // Stop: a long run ends early when asked.
    await type(page, 'gpt-max-tokens', '5000');
    await page.click(byTestId('gpt-generate'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gpt-output"] [data-kind="sampled"]').length >= 20);
    await page.click(byTestId('gpt-stop'));
    await page.waitForFunction(() => /^Stopped after/.test(document.querySelector('[data-testid="gpt-status"]').textContent));
    const stopped = await sampledCount(page);
    assert.ok(stopped < 5000, `stopped at ${stopped}`);
    assert.equal(await page.locator(byTestId('gpt-generate')).isEnabled(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('explains bad input, keeps the last good values; empty, too long and any Unicode prompts work', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#max=30&seed=5`);
    await ready(page);
    const cases = [
      ['gpt-temperature', 'hot', /Temperature must be a number from 0 to 2.*keeping 0\.8/],
      ['gpt-temperature', '3', /Temperature must be a number from 0 to 2/],
      ['gpt-top-p', '0', /Top-p must be a number from 0\.01 to 1/],
      ['gpt-top-k', '-1', /Top-k must be a whole number from 0 to [\d,]+; keeping 0/],
      ['gpt-max-tokens', '0', /Max tokens must be a whole number from 1 to 5,000; keeping 30/],
      ['gpt-max-tokens', '1e9', /Max tokens must be a whole number from 1 to 5,000/],
      ['gpt-seed', 'abc', /Seed must be a whole number from 0 to 2,147,483,647; keeping 5/],
    ];
    for (const [id, value, pattern] of cases) {
      await type(page, id, value);
      assert.equal(await page.getAttribute(byTestId(id), 'aria-invalid'), 'true', id);
      assert.match(await messageFor(page, id), pattern);
    }
    assert.match(page.url(), /temp=0\.8/);
    assert.match(page.url(), /max=30/);
    assert.match(page.url(), /seed=5/);
    // Bad fields keep their last good values: a run still samples 30 tokens.
    await generate(page);
    assert.equal(await sampledCount(page), 30);

    // An empty prompt samples from the start token.
    await page.fill(byTestId('gpt-prompt'), '');
    await page.waitForFunction(() => /start token/.test(document.querySelector('[data-testid="gpt-prompt-count"]').textContent));
    await generate(page);
    assert.equal(await sampledCount(page), 30);
    assert.equal(await page.locator(`${byTestId('gpt-output')} [data-kind="prompt"]`).count(), 0);
    await page.locator(`${byTestId('gpt-output')} [data-kind="sampled"]`).first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="gpt-probs"] li').length >= 10);

    // A prompt longer than the window is cut to its last tokens, with a note.
    const long = 'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. '.repeat(12);
    await page.fill(byTestId('gpt-prompt'), long);
    await page.waitForFunction(() => /drops the first/.test(document.querySelector('[data-testid="gpt-prompt-note"]').textContent));
    assert.match(await text(page, 'gpt-prompt-note'), /Longer than the model's \d+-token window.*keeps the last \d+ and drops the first \d+/);
    assert.ok((await page.locator(`${byTestId('gpt-prompt-tokens')} li.gpt-dropped`).count()) > 0);
    await generate(page);
    assert.match(await page.locator(`${byTestId('gpt-output')} [data-kind="cut"]`).textContent(), /… \d+ tokens cut/);
    assert.equal(await sampledCount(page), 30);

    // Any Unicode: accents, dashes, curly quotes, an emoji and Chinese (several bytes a character, so
    // some tokens hold part of one): the split works, the prompt is shown exactly as typed, and it samples.
    const unicode = 'Ünïcödé — “quotes” 😀 中文 ';
    await page.fill(byTestId('gpt-prompt'), unicode);
    await page.waitForFunction((n) => document.querySelector('[data-testid="gpt-prompt-count"]').textContent.includes(`from ${n} characters`), [...unicode].length);
    await generate(page);
    assert.equal(await sampledCount(page), 30);
    const promptShown = await page.evaluate(() => [...document.querySelectorAll('[data-testid="gpt-output"] [data-kind="prompt"]')].map((s) => s.textContent).join(''));
    assert.equal(promptShown, unicode, 'the prompt is shown as typed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, and the exercise checks the answer', async () => {
    const prompt = 'Mr. Darcy said';
    const hash = `#prompt=${encodeURIComponent(prompt)}&temp=0.5&topk=40&topp=0.9&max=50&seed=42&layer=2&head=3&tint=off&size=small&steps=120&batch=8&lr=0.002&source=own`;
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}${hash}`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('gpt-prompt')), prompt);
    assert.equal(await page.inputValue(byTestId('gpt-temperature')), '0.5');
    assert.equal(await page.inputValue(byTestId('gpt-top-k')), '40');
    assert.equal(await page.inputValue(byTestId('gpt-top-p')), '0.9');
    assert.equal(await page.inputValue(byTestId('gpt-max-tokens')), '50');
    assert.equal(await page.inputValue(byTestId('gpt-seed')), '42');
    assert.equal(await page.inputValue(byTestId('gpt-layer')), '2');
    assert.equal(await page.inputValue(byTestId('gpt-head')), '3');
    assert.equal(await page.isChecked(byTestId('gpt-boundaries')), false);
    assert.equal(await page.inputValue(byTestId('gpt-train-size')), 'small');
    assert.equal(await page.inputValue(byTestId('gpt-train-steps')), '120');
    assert.equal(await page.inputValue(byTestId('gpt-train-batch')), '8');
    assert.equal(await page.inputValue(byTestId('gpt-train-lr')), '0.002');
    assert.equal(await page.isVisible(byTestId('gpt-train-text')), true);
    // Change things the way a learner would; the link follows.
    await page.fill(byTestId('gpt-prompt'), 'Emma');
    await type(page, 'gpt-temperature', '1.2');
    await page.click(byTestId('gpt-boundaries'));
    await page.selectOption(byTestId('gpt-train-source'), 'corpus');
    const url = page.url();
    assert.match(url, /prompt=Emma&/);
    assert.match(url, /temp=1\.2&/);
    assert.match(url, /tint=on/);
    assert.match(url, /source=corpus/);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('gpt-prompt')), 'Emma');
    assert.equal(await page.inputValue(byTestId('gpt-temperature')), '1.2');
    assert.equal(await page.isVisible(byTestId('gpt-train-text')), false);

    assert.match(await answerExercise(page, '2000'), /Not quite/);
    await page.click(byTestId('exercise-hint'));
    assert.equal(await page.locator('.exercise-hint').isVisible(), true);
    assert.match(await answerExercise(page, '7.6'), /Correct/);
    await page.reload();
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('trains a tiny model in the tab: the loss falls, it samples, a reload keeps it, forgetting removes it', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#size=tiny&steps=60&batch=8&lr=0.003&max=40&seed=2`);
    await ready(page);
    // A file that is not a model: said so, nothing else changes.
    await page.setInputFiles(byTestId('gpt-upload'), { name: 'notes.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model at all') });
    await page.waitForFunction(() => /notes\.safetensors/.test(document.querySelector('[data-testid="gpt-train-status"]').textContent));
    assert.match(await text(page, 'gpt-train-status'), /^Could not load notes\.safetensors: This file is not a minigpt model/);
    assert.equal(await page.locator('#gpt-model option[value="trained"]').isDisabled(), true);
    // Too little text: the page says how much is needed, and nothing else changes.
    await page.selectOption(byTestId('gpt-train-source'), 'own');
    await page.fill(byTestId('gpt-train-text'), 'Far too short to learn a language from.');
    assert.match(await text(page, 'gpt-train-text-count'), /^39 characters$/);
    await page.click(byTestId('gpt-train'));
    await page.waitForFunction(() => document.querySelector('[data-testid="gpt-train-text-message"]').textContent.length > 0);
    assert.match(await text(page, 'gpt-train-text-message'), /2,000|2000/);
    assert.match(await text(page, 'gpt-train-text-message'), /39/);
    assert.equal(await page.locator(byTestId('gpt-train')).isEnabled(), true);
    assert.equal(await page.locator('#gpt-model option[value="trained"]').isDisabled(), true);

    // The bundled novel.
    await page.selectOption(byTestId('gpt-train-source'), 'corpus');
    await page.evaluate(() => {
      window.__losses = [];
      const loss = document.querySelector('[data-testid="gpt-train-loss"]');
      new MutationObserver(() => window.__losses.push(Number(loss.textContent))).observe(loss, { childList: true, characterData: true, subtree: true });
    });
    await page.click(byTestId('gpt-train'));
    await page.waitForFunction(() => /^(Done|Training stopped|Training diverged)/.test(document.querySelector('[data-testid="gpt-train-status"]').textContent), null, { timeout: 300000 });
    assert.match(await text(page, 'gpt-train-status'), /^Done: 60 steps/);
    const losses = (await page.evaluate(() => window.__losses)).filter((v) => Number.isFinite(v) && v > 0);
    assert.ok(losses.length >= 3, `loss reported ${losses.length} times`);
    assert.ok(losses.at(-1) < losses[0] - 0.5, `loss ${losses[0]} → ${losses.at(-1)}`);
    assert.ok((await numberIn(page, 'gpt-val-loss')) > 0);
    assert.ok((await numberIn(page, 'gpt-val-ppl')) > 1);
    assert.equal(await page.locator(byTestId('gpt-train-progress')).evaluate((p) => p.value), 1);
    console.log(`minigpt: 60 steps in the tab: loss ${losses[0]} → ${losses.at(-1)}, ${await text(page, 'gpt-train-rate')} tokens/s; ${await text(page, 'gpt-train-status')}`);
    assert.match(await text(page, 'gpt-trained-info'), /Your model: trained on Pride and Prejudice for 60 steps/);

    // Sample from it.
    await page.click(byTestId('gpt-train-sample'));
    await page.waitForFunction(() => /^(Sampled|Could not)/.test(document.querySelector('[data-testid="gpt-status"]').textContent), null, { timeout: 60000 });
    assert.match(await text(page, 'gpt-status'), /^Sampled 40 tokens/);
    assert.equal(await page.inputValue(byTestId('gpt-model')), 'trained');
    assert.match(await text(page, 'gpt-model-info'), /Your model/);
    assert.match(page.url(), /model=trained/);

    // A reload brings it back from IndexedDB.
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('gpt-model')), 'trained');
    assert.match(await text(page, 'gpt-trained-info'), /kept in this browser/);
    await generate(page);
    assert.equal(await sampledCount(page), 40);
    assert.equal(await page.locator(byTestId('gpt-download')).isEnabled(), true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('gpt-download'))]);
    assert.equal(download.suggestedFilename(), 'minigpt-mine.safetensors');

    // Forget it: back to the shipped model, also after a reload.
    await page.click(byTestId('gpt-forget'));
    await page.waitForFunction(() => document.querySelector('[data-testid="gpt-model"]').value === 'shipped');
    assert.equal(await page.locator('#gpt-model option[value="trained"]').isDisabled(), true);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('gpt-model')), 'shipped');
    assert.equal(await page.locator('#gpt-model option[value="trained"]').isDisabled(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scrolling, generating and the heat map still work', async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}#max=100`, { viewport: { width: 390, height: 844 } });
    await ready(page);
    await generate(page);
    assert.equal(await sampledCount(page), 100);
    assert.ok((await inkedShare(page)) > 0.03);
    await page.selectOption(byTestId('gpt-train-source'), 'own');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
