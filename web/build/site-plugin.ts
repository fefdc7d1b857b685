// Vite plugin that assembles the static site at build time:
//   - fills each page's <!-- mlplay:… --> slots (header, footer, lesson title, Markdown + KaTeX prose,
//     the home page's lesson list, links to the engine sources a lesson uses);
//   - gives every page <meta name="mlplay-root"> (its relative path to the site root) and, first in
//     <head>, the coi-serviceworker fallback that makes static hosts without COOP/COEP isolated;
//   - emits coi-serviceworker.js, _headers, and read-only HTML views of the engine sources.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { renderMarkdown, renderInlineMath, escapeHtml } from './markdown.ts';
import { dataAssets } from './data-assets.ts';
import { readLessons, readTracks, type LessonMeta } from './lessons.ts';

const SLOT = /<!--\s*mlplay:([\w-]+)(?:\s+([^\s]+))?\s*-->/g;

export function sitePlugin(root: string): Plugin[] {
  const lessons = readLessons(root);
  const tracks = readTracks(root);
  const sources = new Set(lessons.flatMap((lesson) => lesson.sources));

  const relativeRoot = (file: string) => {
    const depth = path.relative(root, path.dirname(file)).split(path.sep).filter(Boolean).length;
    return depth === 0 ? './' : '../'.repeat(depth);
  };
  const lessonOf = (file: string) => lessons.find((l) => path.resolve(root, 'lessons', l.slug) === path.dirname(file));

  const fill = (html: string, file: string): string => {
    const rel = relativeRoot(file);
    const lesson = lessonOf(file);
    return html.replace(SLOT, (_match, name: string, arg?: string) => {
      switch (name) {
        case 'header':
          return header(rel);
        case 'footer':
          return footer();
        case 'title':
          return lesson ? lessonTitle(lesson, tracks) : '';
        case 'md':
          return renderMarkdown(fs.readFileSync(path.resolve(path.dirname(file), arg ?? ''), 'utf8'));
        case 'lessons':
          return lessonList(lessons, tracks, rel);
        case 'sources':
          return lesson ? sourceList(lesson, rel) : '';
        case 'credit': {
          // The credit line of a served data file (data-assets.ts), so pages never copy it.
          const asset = dataAssets.find((a) => a.to === arg);
          if (!asset) throw new Error(`${file}: mlplay:credit names no data asset '${arg}'`);
          return escapeHtml(asset.credit);
        }
        default:
          throw new Error(`${file}: unknown slot mlplay:${name}`);
      }
    });
  };

  const pages: Plugin = {
    name: 'mlplay-site-pages',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) => renderInlineMath(fill(html, context.filename)),
    },
  };
  // After Vite's own processing, so the classic (non-module) service-worker script is left alone.
  const head: Plugin = {
    name: 'mlplay-site-head',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const rel = relativeRoot(path.resolve(root, context.path.replace(/^\//, '')));
        const tags = `\n  <meta name="mlplay-root" content="${rel}">\n  <script src="${rel}coi-serviceworker.js"></script>\n  <link rel="icon" href="${rel}favicon.svg" type="image/svg+xml">`;
        return html.replace(/<meta charset="utf-8">/i, (charset) => charset + tags);
      },
    },
  };
  const assets: Plugin = {
    name: 'mlplay-site-assets',
    generateBundle() {
      const coi = fs.readFileSync(path.resolve(root, 'node_modules/coi-serviceworker/coi-serviceworker.min.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'coi-serviceworker.js', source: coi });
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: '/*\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n',
      });
      for (const asset of dataAssets) {
        const bytes = fs.readFileSync(path.resolve(root, asset.from));
        this.emitFile({ type: 'asset', fileName: asset.to, source: asset.transform ? asset.transform(bytes) : bytes });
      }
      for (const file of sources) {
        const text = fs.readFileSync(path.resolve(root, file), 'utf8');
        this.emitFile({ type: 'asset', fileName: `source/${file}.html`, source: sourcePage(file, text) });
      }
    },
  };
  return [pages, head, assets];
}

function header(rel: string): string {
  return `<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><nav aria-label="Site"><a class="brand" href="${rel}">mlplay</a>
<span class="tagline">machine learning from first principles, in your browser</span></nav></header>`;
}

function footer(): string {
  return `<footer class="site-footer"><p>Engine: <span data-testid="engine-note">starting…</span>
<span hidden>build <span data-testid="engine-build"></span>, threads <span data-testid="engine-threads"></span></span>
· Everything runs on your machine; nothing is sent anywhere.</p></footer>`;
}

function lessonTitle(lesson: LessonMeta, tracks: Map<number, string>): string {
  return `<header class="lesson-title"><p class="track">Track ${lesson.track} · ${escapeHtml(tracks.get(lesson.track) ?? '')}</p>
<h1>${escapeHtml(lesson.title)}</h1><p class="lede">${escapeHtml(lesson.summary)}</p></header>`;
}

function lessonList(lessons: LessonMeta[], tracks: Map<number, string>, rel: string): string {
  const parts: string[] = [];
  for (const [id, title] of tracks) {
    const inTrack = lessons.filter((l) => l.track === id).sort((a, b) => a.order - b.order);
    if (inTrack.length === 0) continue;
    const items = inTrack
      .map((l) => `<li><a href="${rel}lessons/${l.slug}/" data-testid="lesson-link-${l.slug}"><strong>${escapeHtml(l.title)}</strong><span>${escapeHtml(l.summary)}</span></a></li>`)
      .join('\n');
    parts.push(`<section class="track" aria-labelledby="track-${id}"><h2 id="track-${id}">Track ${id} · ${escapeHtml(title)}</h2><ul class="lesson-list">${items}</ul></section>`);
  }
  return parts.join('\n');
}

function sourceList(lesson: LessonMeta, rel: string): string {
  const items = lesson.sources.map((file) => `<li><a href="${rel}source/${file}.html"><code>${escapeHtml(file)}</code></a></li>`).join('\n');
  return `<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">The engine code behind this demo</h2>
<p>The demo calls exactly this code, compiled to WebAssembly:</p><ul>${items}</ul></section>`;
}

function sourcePage(file: string, text: string): string {
  const depth = file.split('/').length; // source/<file>.html sits depth folders below the root
  const rel = '../'.repeat(depth);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(file)} — mlplay source</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#0f172a}main{max-width:72rem;margin:0 auto;padding:1rem}
pre{background:#f8fafc;border:1px solid #e2e8f0;border-radius:8px;padding:1rem;overflow-x:auto;font-size:.85rem;line-height:1.45}a{color:#2563eb}</style>
</head><body><main class="source-view"><p><a href="${rel}">mlplay</a> · engine source</p><h1><code>${escapeHtml(file)}</code></h1>
<pre><code>${escapeHtml(text)}</code></pre></main></body></html>`;
}
