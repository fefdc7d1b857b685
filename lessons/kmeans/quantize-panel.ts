// kmeans: the colour-quantization panel. A photo (the bundled one, opened or dropped) is decoded on
// the page, sent to the engine worker, which runs k-means on a sample of its pixels and repaints every
// pixel with its nearest centroid; this panel shows the palette, the bits per pixel and the error.
import type { EngineClient } from '../../web/engine/client';
import { siteRoot } from '../../web/engine/client';
import type { KMeansInitName } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { MAX_SIDE, NotAnImageError, type Photo, decodePhoto, paint } from './photo';

const PHOTO = 'data/images/nagasaki-boats.jpg';
/** Pixels k-means is fitted on; all of them are repainted. */
const QUANTIZE_SAMPLE = 10000;
const YOUR_PHOTO = (name: string) => `Your photo “${name}”: it stays in this browser, nothing is uploaded.`;

/** The settings the panel reads and writes (part of the lesson's URL-hash state). */
export interface QuantizeSettings {
  colors: number;
  qinit: KMeansInitName;
  seed: number;
}

export class QuantizePanel {
  private photo: Photo | null = null;
  private generation = 0;
  private readonly status = $<HTMLElement>('km-quantize-status');
  private readonly colorsSlider = $<HTMLInputElement>('km-colors');
  private readonly qinitSelect = $<HTMLSelectElement>('km-qinit');
  // Filled in at build time from web/build/data-assets.ts (the mlplay:credit slot in index.html).
  private readonly bundledCredit = `Photo: ${document.getElementById('km-bundled-credit')?.textContent ?? ''}`;

  /** `serial` runs engine work after the lesson's other engine work; `save` writes the settings to the URL. */
  constructor(
    private readonly engine: EngineClient,
    private readonly serial: <T>(fn: () => Promise<T>) => Promise<T>,
    private readonly settings: QuantizeSettings,
    save: () => void,
  ) {
    this.colorsSlider.value = String(settings.colors);
    $('km-colors-value').textContent = String(settings.colors);
    this.qinitSelect.value = settings.qinit;
    this.colorsSlider.addEventListener('input', () => {
      settings.colors = Number(this.colorsSlider.value);
      $('km-colors-value').textContent = String(settings.colors);
      save();
      void this.quantize();
    });
    this.qinitSelect.addEventListener('change', () => {
      settings.qinit = this.qinitSelect.value as KMeansInitName;
      save();
      void this.quantize();
    });
    const photoInput = $<HTMLInputElement>('km-photo');
    photoInput.addEventListener('change', () => {
      const file = photoInput.files?.[0];
      if (file) void this.usePhoto(file, file.name, YOUR_PHOTO(file.name));
      photoInput.value = '';
    });
    $('km-bundled').addEventListener('click', () => void this.useBundledPhoto());
    const section = document.querySelector<HTMLElement>('[aria-labelledby="quantize-title"]')!;
    section.addEventListener('dragover', (event) => {
      event.preventDefault();
      section.classList.add('km-dragover');
    });
    section.addEventListener('dragleave', (event) => {
      if (!section.contains(event.relatedTarget as Node | null)) section.classList.remove('km-dragover');
    });
    section.addEventListener('drop', (event) => {
      event.preventDefault();
      section.classList.remove('km-dragover');
      const file = event.dataTransfer?.files[0];
      if (file) void this.usePhoto(file, file.name, YOUR_PHOTO(file.name));
    });
  }

  async useBundledPhoto(): Promise<void> {
    try {
      const response = await fetch(new URL(PHOTO, siteRoot()));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.usePhoto(await response.blob(), 'Boats in River, Nagasaki', this.bundledCredit);
    } catch (error) {
      this.status.textContent = `Could not load the bundled photo (${(error as Error).message}). Open one of your own instead.`;
    }
  }

  /** Decodes a photo; one that cannot be read leaves the current photo and says why. */
  private async usePhoto(blob: Blob, name: string, credit: string): Promise<void> {
    const message = $<HTMLElement>('km-photo-message');
    message.textContent = '';
    let decoded: Photo;
    try {
      decoded = await decodePhoto(blob, name);
    } catch (error) {
      const text = error instanceof NotAnImageError ? error.message : `Could not read “${name}”: ${(error as Error).message}`;
      message.textContent = `${text} The current photo stays.`;
      return;
    }
    this.photo = decoded;
    const scaled = decoded.width !== decoded.originalWidth;
    $('km-photo-note').textContent = scaled
      ? `“${name}” is ${decoded.originalWidth} × ${decoded.originalHeight} pixels; it was downscaled to ${decoded.width} × ${decoded.height} (longest side ${MAX_SIDE}) so k-means stays quick.`
      : `“${name}”, ${decoded.width} × ${decoded.height} pixels.`;
    $('km-photo-credit').textContent = credit;
    paint($<HTMLCanvasElement>('km-original'), decoded.pixels, decoded.width, decoded.height);
    void this.quantize();
  }

  /** Quantizes the photo to the chosen number of colours; a newer request supersedes this one. */
  private async quantize(): Promise<void> {
    if (!this.photo) return;
    const mine = ++this.generation;
    const p = this.photo;
    const { colors, qinit, seed } = this.settings;
    this.status.textContent = `Finding ${colors} colours…`;
    try {
      const q = await this.serial(() => {
        if (mine !== this.generation) return Promise.resolve(null);
        return this.engine.run('kmeans.quantize', { rgba: p.pixels.slice(), width: p.width, height: p.height, colors, init: qinit, seed, sample: QUANTIZE_SAMPLE });
      });
      if (!q || mine !== this.generation) return;
      paint($<HTMLCanvasElement>('km-quantized'), q.rgba, q.width, q.height);
      const pixels = q.width * q.height;
      $('km-quantized-k').textContent = String(colors);
      $('km-q-colors').textContent = `${colors} colours`;
      $('km-q-bits').textContent = `${Math.ceil(Math.log2(colors))} (was 24)`;
      $('km-q-rmse').textContent = Math.sqrt(q.mse / 3).toFixed(1);
      $('km-q-iterations').textContent = String(q.iterations);
      $('km-palette').replaceChildren(
        ...Array.from(q.counts, (count, j) => {
          const item = document.createElement('li');
          const [r, g, b] = [q.palette[3 * j], q.palette[3 * j + 1], q.palette[3 * j + 2]];
          item.style.background = `rgb(${r}, ${g}, ${b})`;
          item.title = `rgb(${r}, ${g}, ${b}): ${((100 * count) / pixels).toFixed(1)}% of the pixels`;
          item.setAttribute('aria-label', item.title);
          item.setAttribute('role', 'img');
          return item;
        }),
      );
      this.status.textContent = `${colors} colours from ${q.sampled.toLocaleString('en-US')} sampled pixels in ${q.iterations} iterations; all ${pixels.toLocaleString('en-US')} pixels repainted in ${Math.round(q.ms)} ms.`;
    } catch (error) {
      if (mine === this.generation) this.status.textContent = `The engine said: ${(error as Error).message}`;
    }
  }
}
