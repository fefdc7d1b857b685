// image-lab, driven as a learner would: the bundled photo warped by the engine (matrix and size equal
// to the native CLI's), typed controls with bad input, dragging and keyboard-moving the perspective
// corners (and three corners on a line), uploads (a non-image, a large photo, a dropped file), the
// zoomed nearest/bilinear crops, saving a PNG, the URL-hash round trip, the exercise, and phone width,
// all without a console error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { answerExercise, browserAndSite, byTestId, cli, openHintAndSolution, openPage } from './harness.mjs';

const LESSON = 'lessons/image-lab/';

/** The page's matrix format: 3 decimals, small values in scientific notation, below 1e-12 and "-0" as 0. */
const fmt = (v) => {
  if (Math.abs(v) < 1e-12) return '0';
  if (Math.abs(v) < 0.01) return v.toExponential(2);
  const text = String(Number(v.toFixed(3)));
  return text === '-0' ? '0' : text;
};

/** The native CLI on a blank width × height PPM with these flags: { matrix (formatted), width, height }. */
function native(width, height, ...flags) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-lab-'));
  const input = path.join(dir, 'in.ppm');
  fs.writeFileSync(input, Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), Buffer.alloc(width * height * 3, 128)]));
  const json = JSON.parse(execFileSync(cli, ['warp', input, path.join(dir, 'out.ppm'), ...flags, '--json']).toString());
  fs.rmSync(dir, { recursive: true });
  return { matrix: json.matrix.flat().map(fmt), width: json.output.width, height: json.output.height };
}

const text = (page, id) => page.locator(byTestId(id)).textContent();
const matrix = (page, id) => page.locator(`${byTestId(id)} [data-entry]`).allTextContents();

async function ready(page) {
  await page.waitForFunction(() => /Warped/.test(document.querySelector('[data-testid="il-status"]')?.textContent ?? ''), null, { timeout: 30000 });
}

/** Waits until the element's text matches. */
async function textBecomes(page, id, pattern, timeout = 15000) {
  await page
    .waitForFunction(([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''), [byTestId(id), pattern.source], { timeout })
    .catch(() => {});
  assert.match((await text(page, id)) ?? '', pattern, id);
}

async function enter(page, id, value) {
  await page.fill(byTestId(id), value);
  await page.press(byTestId(id), 'Enter');
}

/** RGBA bytes of a canvas, as a plain array. */
const pixels = (page, id) =>
  page.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    return Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data);
  }, byTestId(id));

/** A PNG of the given size made by the page's own canvas, as a Buffer. */
async function pngOf(page, width, height) {
  const base64 = await page.evaluate(([w, h]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    const gradient = ctx.createLinearGradient(0, 0, w, h);
    gradient.addColorStop(0, '#1d4ed8');
    gradient.addColorStop(1, '#f97316');
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, w, h);
    return canvas.toDataURL('image/png').split(',')[1];
  }, [width, height]);
  return Buffer.from(base64, 'base64');
}

describe('image-lab', () => {
  const env = browserAndSite();

  it('warps the bundled photo: A, the output size and det A match the native CLI', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    assert.equal(await text(page, 'il-source-size'), '1024 × 819');
    assert.match(await text(page, 'il-credit'), /Felice Beato.*public domain/);
    const expected = native(1024, 819, '--rotate', '15');
    assert.equal(await text(page, 'il-output-size'), `${expected.width} × ${expected.height}`);
    assert.deepEqual(await matrix(page, 'il-matrix-a'), expected.matrix);
    assert.deepEqual((await matrix(page, 'il-matrix-a')).slice(0, 2), ['0.966', '-0.259']);
    assert.deepEqual(await matrix(page, 'il-matrix-h'), ['1', '0', '0', '0', '1', '0', '0', '0', '1']);
    assert.equal(await text(page, 'il-det'), '1');
    assert.match(await text(page, 'il-time-bilinear'), /^\d+\.\d ms$/);
    // The rotated edges differ between the two samplings in the zoom.
    assert.notDeepEqual(await pixels(page, 'il-zoom-nearest'), await pixels(page, 'il-zoom-bilinear'));
    // The 8×8 system is shown, 8 rows of 9 numbers.
    assert.equal(await page.locator(`${byTestId('il-system')} tr`).count(), 8);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('typed rotate, scale, shear and flip: numbers follow the engine, bad input keeps the last value', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await enter(page, 'il-rotate', '90');
    await textBecomes(page, 'il-output-size', /^819 × 1024$/);
    assert.deepEqual(await matrix(page, 'il-matrix-a'), native(1024, 819, '--rotate', '90').matrix);
    // A quarter turn maps pixel centres onto pixel centres: both samplings give the same picture.
    assert.deepEqual(await pixels(page, 'il-zoom-nearest'), await pixels(page, 'il-zoom-bilinear'));

    await enter(page, 'il-scale', 'abc');
    assert.match(await page.locator('#il-scale-message').textContent(), /Scale s must be a number from 0\.05 to 8; keeping 1\./);
    assert.equal(await page.getAttribute(byTestId('il-scale'), 'aria-invalid'), 'true');
    await enter(page, 'il-scale', '20');
    assert.match(await page.locator('#il-scale-message').textContent(), /keeping 1/);
    assert.equal(await text(page, 'il-output-size'), '819 × 1024');

    await enter(page, 'il-rotate', '0');
    await enter(page, 'il-scale', '0.5');
    await textBecomes(page, 'il-output-size', /^512 × 410$/);
    assert.equal(await text(page, 'il-det'), '0.25');
    await enter(page, 'il-shear', '0.5');
    await page.selectOption(byTestId('il-flip'), 'h');
    await textBecomes(page, 'il-det', /^-0\.25$/);
    const expected = native(1024, 819, '--scale', '0.5', '--shear', '0.5', '--flip', 'h');
    assert.equal(await text(page, 'il-output-size'), `${expected.width} × ${expected.height}`);
    assert.deepEqual(await matrix(page, 'il-matrix-a'), expected.matrix);
    assert.match(page.url(), /rotate=0&scale=0\.5&shear=0\.5&flip=h/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('dragging a corner gives a homography; keys move corners; three on a line is refused', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON + '#rotate=0');
    await ready(page);
    const canvas = page.locator(byTestId('il-bilinear'));
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    // The picture sits inside a margin for the handles: where (fx, fy) of the picture is on screen.
    const [pictureW, pictureH] = (await text(page, 'il-output-size')).split(' × ').map(Number);
    const canvasW = await page.evaluate((sel) => document.querySelector(sel).width, byTestId('il-bilinear'));
    const margin = (canvasW - pictureW) / 2;
    const at = (fx, fy) => [
      box.x + ((margin + fx * pictureW) / canvasW) * box.width,
      box.y + ((margin + fy * pictureH) / (pictureH + 2 * margin)) * box.height,
    ];
    // Drag corner 1 (top-left) to 20% across, 10% down.
    await page.mouse.move(...at(0, 0));
    await page.mouse.down();
    await page.mouse.move(...at(0.1, 0.05), { steps: 4 });
    await page.mouse.move(...at(0.2, 0.1), { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => /corners=0\.(19|2)\d*_0\.(09|1)\d*_1_0_/.test(location.hash), null, { timeout: 5000 });
    await page.waitForFunction(
      (sel) => document.querySelectorAll(`${sel} [data-entry]`)[6]?.textContent !== '0',
      byTestId('il-matrix-h'),
      { timeout: 10000 },
    );
    const h = await matrix(page, 'il-matrix-h');
    assert.notEqual(h[6], '0', 'the bottom row is no longer (0, 0, 1)');
    assert.equal(h[8], '1');
    // The top-left of the output is now outside the picture: transparent in the bilinear result.
    const topLeftAlpha = await page.evaluate((sel) => document.querySelector(sel).getContext('2d').getImageData(5, 5, 1, 1).data[3], byTestId('il-nearest'));
    assert.equal(topLeftAlpha, 0);

    // Keyboard: corner 3 one step left.
    await canvas.focus();
    await page.keyboard.press('3');
    await textBecomes(page, 'il-corner-status', /Corner 3 selected/);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /corners=[^&]*_0\.99_1_/.test(location.hash), null, { timeout: 5000 });

    // Back to the square, then walk corner 2 from (1, 0) to (0.5, 0.5): onto the line from 1 to 3.
    await page.click(byTestId('il-corners-reset'));
    await page.waitForFunction(() => /corners=0_0_1_0_1_1_0_1/.test(location.hash), null, { timeout: 5000 });
    await canvas.focus();
    await page.keyboard.press('2');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowDown');
    await textBecomes(page, 'il-corner-status', /are on one line, so no homography maps them\. Keeping the last good picture\./);
    // Corner 2 went back to the last position the engine accepted, just above the line.
    await page.waitForFunction(() => /corners=0_0_0\.5_0\.[0-4]\d*_1_1_0_1/.test(location.hash), null, { timeout: 10000 });
    // The page still works: the engine answers the next change.
    await page.keyboard.press('ArrowUp');
    await textBecomes(page, 'il-corner-status', /^$/);
    assert.notEqual((await matrix(page, 'il-matrix-h'))[7], '0');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('uploads: a non-image is refused, a large photo is downscaled with a note, a dropped file is used', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON);
    await ready(page);
    await page.setInputFiles(byTestId('il-file'), { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await textBecomes(page, 'il-file-message', /“notes\.txt” \(text\/plain\) is not an image this browser can open.*The current photo stays\./);
    assert.equal(await text(page, 'il-source-size'), '1024 × 819');

    const large = await pngOf(page, 3000, 1500);
    await page.setInputFiles(byTestId('il-file'), { name: 'wide.png', mimeType: 'image/png', buffer: large });
    await textBecomes(page, 'il-photo-note', /“wide\.png” is 3000 × 1500 pixels; it was downscaled to 1024 × 512/);
    assert.equal(await text(page, 'il-source-size'), '1024 × 512');
    assert.equal(await text(page, 'il-file-message'), '');
    const expected = native(1024, 512, '--rotate', '15');
    await textBecomes(page, 'il-output-size', new RegExp(`^${expected.width} × ${expected.height}$`));
    assert.match(await text(page, 'il-credit'), /stays in this browser/);

    // Drag and drop a small picture onto the original.
    const small = (await pngOf(page, 40, 30)).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'tiny.png', { type: 'image/png' }));
      return data;
    }, small);
    await page.dispatchEvent(byTestId('il-source'), 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent(byTestId('il-source'), 'drop', { dataTransfer: transfer });
    await textBecomes(page, 'il-source-size', /^40 × 30$/);
    const tiny = native(40, 30, '--rotate', '15');
    await textBecomes(page, 'il-output-size', new RegExp(`^${tiny.width} × ${tiny.height}$`));

    // Save the bilinear result as a PNG.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('il-save-bilinear'))]);
    assert.equal(download.suggestedFilename(), `image-lab-bilinear-${tiny.width}x${tiny.height}.png`);
    const saved = fs.readFileSync(await download.path());
    assert.equal(saved.subarray(1, 4).toString(), 'PNG');
    assert.equal(saved.readUInt32BE(16), tiny.width);
    assert.equal(saved.readUInt32BE(20), tiny.height);
    await page.click(byTestId('il-bundled'));
    await textBecomes(page, 'il-source-size', /^1024 × 819$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('restores its setup from the link, the zoom moves, and the exercise checks the answer', async () => {
    const hash = '#rotate=30&scale=2&shear=-0.25&flip=v&corners=0_0_1_0_1_1_0_1&zoom=0.3_0.6';
    const { page, errors, context } = await openPage(env.browser, `${env.server.url}${LESSON}${hash}`);
    await ready(page);
    assert.equal(await page.inputValue(byTestId('il-rotate')), '30');
    assert.equal(await page.inputValue(byTestId('il-scale')), '2');
    assert.equal(await page.inputValue(byTestId('il-shear')), '-0.25');
    assert.equal(await page.inputValue(byTestId('il-flip')), 'v');
    const expected = native(1024, 819, '--rotate', '30', '--scale', '2', '--shear', '-0.25', '--flip', 'v');
    assert.equal(await text(page, 'il-output-size'), `${expected.width} × ${expected.height}`);
    assert.deepEqual(await matrix(page, 'il-matrix-a'), expected.matrix);
    assert.equal(await text(page, 'il-det'), '-4');
    const zoomBefore = await text(page, 'il-zoom-where');
    await page.locator(byTestId('il-nearest')).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /zoom=0\.32_0\.6/.test(location.hash), null, { timeout: 5000 });
    assert.notEqual(await text(page, 'il-zoom-where'), zoomBefore);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(byTestId('il-scale')), '2');
    assert.match(page.url(), /zoom=0\.32_0\.6/);

    assert.match(await answerExercise(page, '800'), /Not quite/);
    assert.match(await openHintAndSolution(page), /792/);
    assert.match(await answerExercise(page, '792'), /Correct/);
    await page.reload();
    assert.match(await text(page, 'exercise-feedback'), /Correct/, 'progress kept');
    // The answer agrees with the engine: a 640 × 480 photo rotated 45°.
    assert.equal(native(640, 480, '--rotate', '45').width, 792);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fits a phone: no sideways scroll, and the demo still runs', async () => {
    const { page, errors, context } = await openPage(env.browser, env.server.url + LESSON, { viewport: { width: 390, height: 844 } });
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await enter(page, 'il-rotate', '45');
    await textBecomes(page, 'il-output-size', new RegExp(`^${native(1024, 819, '--rotate', '45').width} × `));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
