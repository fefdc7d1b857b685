// Where builds go. Default: build/<preset>/ and dist/ (the documented contract). Setting
// MLPLAY_BUILD_ROOT=some/dir puts all of them under that folder instead (some/dir/native, …,
// some/dir/dist), so two checkouts' worth of work can build side by side without clobbering.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const custom = process.env.MLPLAY_BUILD_ROOT ? path.resolve(root, process.env.MLPLAY_BUILD_ROOT) : null;

/** The CMake binary dir of a preset: native, wasm-mt or wasm-st. */
export const buildDir = (preset) => (custom ? path.join(custom, preset) : path.join(root, 'build', preset));
/** The static site. */
export const distDir = custom ? path.join(custom, 'dist') : path.join(root, 'dist');
/** True when builds go to the default, preset-defined places. */
export const defaultLayout = !custom;
