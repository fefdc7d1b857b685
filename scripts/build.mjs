// npm run build: the native build (engine, CLI, tests) in build/native/, both wasm builds, and the
// static site in dist/ (Vite) with the wasm files beside it in dist/wasm/{mt,st}/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, defaultLayout, distDir, root } from './paths.mjs';

const env = { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' };
const jobs = String(process.env.MLPLAY_JOBS || 2);

function step(title, command, args) {
  const start = Date.now();
  process.stdout.write(`\n== ${title}\n`);
  execFileSync(command, args, { cwd: root, env, stdio: 'inherit' });
  process.stdout.write(`   (${((Date.now() - start) / 1000).toFixed(1)} s)\n`);
}

const TOOLCHAIN = '/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake';

function cmakeBuild(preset) {
  const dir = buildDir(preset);
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt'))) {
    if (defaultLayout) {
      step(`configure ${preset}`, 'cmake', ['--preset', preset]);
    } else {
      // Same settings as CMakePresets.json, in another folder.
      const wasm = preset.startsWith('wasm')
        ? [`-DCMAKE_TOOLCHAIN_FILE=${TOOLCHAIN}`, `-DMLPLAY_THREADS=${preset === 'wasm-mt' ? 'ON' : 'OFF'}`]
        : ['-DCMAKE_CXX_COMPILER=g++'];
      step(`configure ${preset}`, 'cmake', ['-S', root, '-B', dir, '-DCMAKE_BUILD_TYPE=Release', ...wasm]);
    }
  }
  step(`build ${preset}`, 'cmake', ['--build', dir, '--parallel', jobs]);
}

const only = process.argv[2]; // optional: native | wasm | site
if (!only || only === 'native') cmakeBuild('native');
if (!only || only === 'wasm') {
  cmakeBuild('wasm-mt');
  cmakeBuild('wasm-st');
}
if (!only || only === 'site' || only === 'wasm') {
  step('typecheck', path.join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.']);
  step('site (vite)', path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', distDir]);
  for (const build of ['mt', 'st']) {
    const from = path.join(buildDir(`wasm-${build}`), 'bindings');
    const to = path.join(distDir, 'wasm', build);
    fs.mkdirSync(to, { recursive: true });
    for (const file of fs.readdirSync(from).filter((f) => /^mlplay\.(mjs|wasm|worker\.js)$/.test(f))) {
      fs.copyFileSync(path.join(from, file), path.join(to, file));
    }
  }
  process.stdout.write(`\nSite built in ${path.relative(process.cwd(), distDir) || '.'}/\n`);
}
