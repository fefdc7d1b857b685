// Shared by every page: styles, KaTeX's CSS, and the footer line saying which engine build runs.
import 'katex/dist/katex.min.css';
import './styles.css';
import { EngineClient } from '../engine/client';
import type { EngineInfo } from '../engine/protocol';

function describe(info: EngineInfo): string {
  const kind = info.build === 'mt' ? 'multi-threaded' : 'single-threaded';
  return `${kind} WebAssembly${info.simd ? ' with SIMD128' : ''}`;
}

/** Starts the engine (if this page has not yet) and shows its build and threads in the footer. */
export async function showEngineStatus(): Promise<EngineInfo | null> {
  const build = document.querySelector<HTMLElement>('[data-testid="engine-build"]');
  const threads = document.querySelector<HTMLElement>('[data-testid="engine-threads"]');
  const note = document.querySelector<HTMLElement>('[data-testid="engine-note"]');
  try {
    const info = await EngineClient.shared().info();
    if (build) build.textContent = info.build;
    if (threads) threads.textContent = String(info.threads);
    if (note) {
      note.textContent =
        `${describe(info)}, ${info.threads} thread${info.threads === 1 ? '' : 's'}` +
        (info.build === 'st' ? ' (threads need a cross-origin isolated page: see the README)' : '');
    }
    return info;
  } catch (error) {
    if (note) note.textContent = `The engine could not start: ${(error as Error).message}`;
    return null;
  }
}
