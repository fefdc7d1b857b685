// The Asteroids panel: reads the keys, asks the engine for one frame per animation frame (the engine
// moves everything and transforms every vertex in one batch), and draws the outlines it gets back.
import type { EngineClient } from '../../web/engine/client';
import type { AsteroidsFrame } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { numberField } from '../../web/widgets/number-field';
import { showMatrix } from './matrix-view';
import type { LessonState } from './state';
import { WorldView } from './view';

const WORLD = { xMin: -10, xMax: 10, yMin: -7.5, yMax: 7.5 };
const KIND_STYLE = [
  { stroke: '#f8fafc', width: 2 }, // ship
  { stroke: '#fb923c', width: 2, fill: '#f9731680' }, // flame
  { stroke: '#cbd5e1', width: 1.5 }, // asteroid
  { stroke: '#facc15', width: 2, fill: '#facc15' }, // bullet
];
const KEYS: Record<string, 'left' | 'right' | 'thrust' | 'fire'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'thrust',
  ' ': 'fire',
};
const MAX_DT = 0.1; // a slow frame (or a tab switch) does not jump the game forward

export function setupGame(engine: EngineClient, state: LessonState, save: () => void): void {
  const canvas = $<HTMLCanvasElement>('v2d-game');
  const view = new WorldView(canvas, WORLD);
  const playButton = $<HTMLButtonElement>('v2d-game-start');
  const status = $('v2d-game-status');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const keys = { left: false, right: false, thrust: false, fire: false };
  let playing = false;
  let reset = true;
  let last = 0;
  let frame: AsteroidsFrame | null = null;

  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.state = kind;
  };

  const seedField = numberField($<HTMLInputElement>('v2d-game-seed'), document.getElementById('v2d-game-seed-message')!, {
    label: 'Seed',
    min: 0,
    max: 2 ** 32 - 1,
    onChange(value) {
      state.seed = value;
      save();
      void newGame();
    },
  });
  seedField.set(state.seed);

  function draw(): void {
    view.clear('#0f172a');
    if (!frame) {
      view.label(-3.2, 0, 'Press Play to start', '#e2e8f0');
      return;
    }
    let first = 0;
    for (let s = 0; s < frame.counts.length; s++) {
      const count = frame.counts[s];
      const kind = frame.kinds[s];
      const style = { ...KIND_STYLE[kind] };
      // Respawn shield: the ship blinks (or, with reduced motion, is drawn dimmed).
      if (kind === 0 && frame.invulnerable) {
        if (reducedMotion) style.stroke = '#64748b';
        else if (Math.floor(performance.now() / 150) % 2 === 0) style.stroke = '#475569';
      }
      view.polygon(frame.vertices, style, first, count);
      first += count;
    }
    if (frame.over) view.label(-2.2, 0, 'GAME OVER', '#f87171');
    else if (!playing) view.label(-1.6, -6.6, 'Press Play', '#e2e8f0');
  }

  function show(next: AsteroidsFrame): void {
    frame = next;
    $('v2d-game-score').textContent = String(next.score);
    $('v2d-game-lives').textContent = String(next.lives);
    $('v2d-game-level').textContent = String(next.level);
    $('v2d-game-angle').textContent = `${Math.round(next.shipAngle)}°`;
    $('v2d-game-shapes').textContent = String(next.counts.length);
    $('v2d-game-vertices').textContent = String(next.vertices.length / 2);
    showMatrix($('v2d-game-matrix'), next.shipMatrix, "The ship's matrix");
    draw();
  }

  async function tick(now: number): Promise<void> {
    if (!playing) return;
    const dt = last === 0 ? 0 : Math.min(MAX_DT, (now - last) / 1000);
    last = now;
    try {
      const next = await engine.run('vectors2d.asteroids', { reset, seed: state.seed, dt, ...keys });
      reset = false;
      show(next);
      if (next.over) {
        setPlaying(false);
        say(`Game over with ${next.score} points. Press New game to play again.`);
        return;
      }
    } catch (error) {
      setPlaying(false);
      reset = true;
      say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
      return;
    }
    if (playing) requestAnimationFrame((t) => void tick(t));
  }

  function setPlaying(on: boolean): void {
    playing = on;
    playButton.textContent = on ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(on));
    if (on) {
      last = 0;
      say('Playing: ← → turn, ↑ thrust, Space fires.');
      requestAnimationFrame((t) => void tick(t));
    } else {
      for (const key of Object.keys(keys) as (keyof typeof keys)[]) keys[key] = false;
    }
  }

  /** Deals a new field for the seed and shows it without starting the clock. */
  async function newGame(announce = true): Promise<void> {
    reset = true;
    if (playing) return; // the next frame starts the new game
    try {
      const next = await engine.run('vectors2d.asteroids', { reset: true, seed: state.seed, dt: 0, left: false, right: false, thrust: false, fire: false });
      reset = false;
      show(next);
      if (announce) say(`New game with seed ${state.seed}. Press Play.`);
    } catch (error) {
      say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
    }
  }

  playButton.addEventListener('click', () => {
    if (frame?.over) reset = true;
    setPlaying(!playing);
    if (playing) canvas.focus();
  });
  $('v2d-game-new').addEventListener('click', () => {
    setPlaying(false);
    void newGame();
  });

  canvas.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'p' || event.key === 'P') {
      setPlaying(!playing);
      if (!playing) say('Paused. Press P or Play to go on.');
      event.preventDefault();
      return;
    }
    const key = KEYS[event.key];
    if (!key) return;
    event.preventDefault(); // arrows and space would scroll the page
    keys[key] = true;
  });
  canvas.addEventListener('keyup', (event) => {
    const key = KEYS[event.key];
    if (key) keys[key] = false;
  });
  canvas.addEventListener('blur', () => {
    for (const key of Object.keys(keys) as (keyof typeof keys)[]) keys[key] = false;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && playing) {
      setPlaying(false);
      say('Paused while the tab was hidden. Press Play to go on.');
    }
  });

  // Touch and mouse: hold a button to hold its key.
  for (const button of document.querySelectorAll<HTMLButtonElement>('.v2d-pad button')) {
    const key = button.dataset.key as keyof typeof keys;
    const release = () => (keys[key] = false);
    button.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      keys[key] = true;
      if (!playing && !frame?.over) setPlaying(true);
    });
    button.addEventListener('pointerup', release);
    button.addEventListener('pointerleave', release);
    button.addEventListener('pointercancel', release);
    button.addEventListener('contextmenu', (event) => event.preventDefault());
  }

  view.resized(draw);
  draw();
  void newGame(false);
}
