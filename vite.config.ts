// The static site: the home page and every lessons/<slug>/index.html, built into dist/ with relative
// URLs so the folder works on any static host, in any sub-folder. scripts/build.mjs then adds the
// wasm builds under dist/wasm/{mt,st}/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pageInputs } from './web/build/lessons.ts';
import { sitePlugin } from './web/build/site-plugin.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: 'public',
  plugins: [sitePlugin(root)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: pageInputs(root) },
  },
  worker: { format: 'es' },
});
