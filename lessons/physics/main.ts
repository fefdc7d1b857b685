// physics: the controller. The engine worker owns the simulation — it steps the balls and springs
// and computes every energy; this page draws the frames it streams back, plots the energies, and
// keeps the setup (scene, integrator, time step, stiffness, gravity, speed) in the URL hash.
import { EngineClient } from '../../web/engine/client';
import type { PhysicsEdit, PhysicsFrame, PhysicsIntegrator, PhysicsSceneName, PhysicsSnapshot } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type Field, HashState, choiceField } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { SceneView } from './scene-view';
import './physics.css';

const SCENES = ['spring', 'chain', 'jelly', 'balls'] as const satisfies readonly PhysicsSceneName[];
const INTEGRATORS = ['euler', 'semi-implicit', 'verlet', 'rk4'] as const satisfies readonly PhysicsIntegrator[];
const SPEEDS = ['1', '0.5', '0.25', '0.1'] as const;
const NAMES: Record<PhysicsIntegrator, string> = {
  euler: 'Euler',
  'semi-implicit': 'semi-implicit Euler',
  verlet: 'Verlet',
  rk4: 'RK4',
};
const DT = { min: 0.0005, max: 0.2 };
const K = { min: 0.1, max: 100_000 };
const EARTH_GRAVITY = 9.81; // m/s², as in the engine's scenes
const NEW_BALL = { radius: 0.2, mass: 1 };
const NEW_SPRING_STIFFNESS = 100; // N/m, for springs added to the scene without springs
const MAX_POINTS = 4000;

function decimalHash(defaultValue: number, min: number, max: number): Field<number> {
  return {
    defaultValue,
    parse(text) {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
    },
    format: formatSignificant6,
  };
}

const hash = new HashState({
  scene: choiceField<(typeof SCENES)[number]>('spring', SCENES),
  integrator: choiceField<(typeof INTEGRATORS)[number]>('euler', INTEGRATORS),
  dt: decimalHash(0.01, DT.min, DT.max),
  k: decimalHash(0, 0, K.max), // 0: the scene's own stiffness
  gravity: choiceField<'on' | 'off'>('on', ['on', 'off']),
  speed: choiceField<(typeof SPEEDS)[number]>('1', SPEEDS),
});
const state = hash.read();
const saveState = () => hash.write(state);

const runButton = $<HTMLButtonElement>('physics-run');
const stepButton = $<HTMLButtonElement>('physics-step');
const resetButton = $<HTMLButtonElement>('physics-reset');
const sceneSelect = $<HTMLSelectElement>('physics-scene');
const integratorSelect = $<HTMLSelectElement>('physics-integrator');
const speedSelect = $<HTMLSelectElement>('physics-speed');
const dtSlider = $<HTMLInputElement>('physics-dt-slider');
const gravityBox = $<HTMLInputElement>('physics-gravity');
const addBallButton = $<HTMLButtonElement>('physics-add-ball');
const connectButton = $<HTMLButtonElement>('physics-connect');
const canvas = $<HTMLCanvasElement>('physics-canvas');
const status = $<HTMLElement>('physics-status');
const view = new SceneView(canvas);
const chart = new LineChart($<HTMLElement>('physics-plot'), {
  x: { label: 'time t (s)' },
  y: { label: 'energy (J)' },
  series: [
    { label: 'total E', color: '#0f172a', width: 2.5 },
    { label: 'kinetic', color: '#2563eb', width: 1.5 },
    { label: 'potential', color: '#ea580c', width: 1.5 },
    { label: 'E₀ (start)', color: '#94a3b8', dash: [6, 4], width: 1.5 },
  ],
  description: 'Total, kinetic and potential energy of the simulation against time, with the starting energy as a dashed line.',
});

const engine = EngineClient.shared();
let snapshot: PhysicsSnapshot | null = null;
let running: { controller: AbortController; done: Promise<void> } | null = null;
let blownUp = false;
let selection: number[] = [];
let springStiffness = NEW_SPRING_STIFFNESS;
let history = { t: [] as number[], total: [] as number[], kinetic: [] as number[], potential: [] as number[], e0: [] as number[] };
let frameTimes: number[] = [];

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const seconds = (t: number) => `${t.toFixed(2)} s`;
const joules = (e: number) => (!Number.isFinite(e) ? String(e) : Math.abs(e) >= 1e6 ? e.toExponential(3) : e.toFixed(3));
const signed = (x: number) => (!Number.isFinite(x) ? String(x) : (x >= 0 ? '+' : '−') + Math.abs(x).toExponential(2));

// ---- one engine operation at a time ---------------------------------------------------------

/** Runs `fn` after every earlier operation; an error becomes the status line. */
const { serial } = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));

async function stop(): Promise<void> {
  if (!running) return;
  running.controller.abort();
  await running.done;
}

/** Starts physics.run: real time until paused when maxSteps is 0, else exactly maxSteps steps. */
function startRun(maxSteps = 0): Promise<void> {
  if (!snapshot) return Promise.resolve();
  const controller = new AbortController();
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  running = { controller, done };
  setRunning(maxSteps === 0);
  frameTimes = [];
  if (maxSteps === 0) say(`Running with ${NAMES[state.integrator]}, Δt = ${formatSignificant6(state.dt)} s.`);
  engine
    .run(
      'physics.run',
      { snapshot, integrator: state.integrator, dt: state.dt, speed: Number(state.speed), maxSteps },
      { signal: controller.signal, onProgress: showFrame },
    )
    .then((result) => {
      snapshot = result.snapshot;
      showFrame(result.frame);
      if (result.reason === 'blown-up') {
        say(
          `Blown up at t = ${seconds(result.frame.time)}: the energy grew past 4 × E₀. ${NAMES[state.integrator]} is ` +
            `unstable at Δt = ${formatSignificant6(state.dt)} s with these springs — press Reset, then try a smaller time ` +
            'step, softer springs or another integrator.',
          'error',
        );
      } else if (maxSteps > 0) {
        say(`Stepped ${maxSteps === 1 ? 'once' : `${maxSteps} times`}: t = ${seconds(result.frame.time)}.`);
      } else {
        say(`Paused at t = ${seconds(result.frame.time)}.`);
      }
    })
    .catch((error: unknown) => say(`The engine stopped with an error: ${(error as Error).message}`, 'error'))
    .finally(() => {
      running = null;
      setRunning(false);
      finish();
    });
  return done;
}

function setRunning(on: boolean): void {
  runButton.textContent = on ? 'Pause' : 'Run';
  runButton.setAttribute('aria-pressed', String(on));
  runButton.disabled = blownUp && !on;
  stepButton.disabled = blownUp;
}

// ---- drawing ----------------------------------------------------------------------------------

function showFrame(frame: PhysicsFrame): void {
  view.draw(frame.positions);
  $('physics-time').textContent = seconds(frame.time);
  $('physics-steps').textContent = frame.steps.toLocaleString('en-US');
  $('physics-energy').textContent = joules(frame.total);
  $('physics-energy0').textContent = joules(frame.initialEnergy);
  $('physics-kinetic').textContent = joules(frame.kinetic);
  $('physics-potential').textContent = joules(frame.potential);
  $('physics-drift').textContent = signed(frame.drift);
  $('physics-max-drift').textContent = Number.isFinite(frame.maxAbsDrift) ? frame.maxAbsDrift.toExponential(2) : String(frame.maxAbsDrift);
  if (frame.blownUp !== blownUp) {
    blownUp = frame.blownUp;
    view.setBlownUp(blownUp);
    setRunning(running !== null && runButton.textContent === 'Pause');
  }
  record(frame);
  const now = performance.now();
  frameTimes.push(now);
  while (frameTimes.length > 0 && now - frameTimes[0] > 1000) frameTimes.shift();
  if (running) $('physics-fps').textContent = String(frameTimes.length);
}

function record(frame: PhysicsFrame): void {
  if (history.t.length > 0 && frame.time < history.t[history.t.length - 1]) return;
  history.t.push(frame.time);
  history.total.push(frame.total);
  history.kinetic.push(frame.kinetic);
  history.potential.push(frame.potential);
  history.e0.push(frame.initialEnergy);
  if (history.t.length > MAX_POINTS) {
    const keep = (xs: number[]) => xs.filter((_, i) => i % 2 === 0 || i === xs.length - 1);
    history = { t: keep(history.t), total: keep(history.total), kinetic: keep(history.kinetic), potential: keep(history.potential), e0: keep(history.e0) };
  }
  chart.setData(history.t, [history.total, history.kinetic, history.potential, history.e0]);
}

function clearHistory(): void {
  history = { t: [], total: [], kinetic: [], potential: [], e0: [] };
  chart.setData([], [[], [], [], []]);
}

function apply(next: PhysicsSnapshot, frame: PhysicsFrame): void {
  snapshot = next;
  blownUp = frame.blownUp;
  view.setBlownUp(blownUp);
  view.setShape(next, frame.positions);
  showFrame(frame);
  setRunning(false);
  $('physics-balls').textContent = String(next.balls.length / 7);
  $('physics-springs').textContent = String(next.springs.length / 4);
}

// ---- scene, edits, live settings ---------------------------------------------------------------

async function loadScene(): Promise<void> {
  const result = await engine.run('physics.scene', { scene: state.scene, stiffness: state.k > 0 ? state.k : null });
  let { snapshot: next, frame } = result;
  if (result.stiffness > 0) {
    springStiffness = result.stiffness;
    if (state.k > 0) state.k = result.stiffness;
  } else {
    springStiffness = state.k > 0 ? state.k : NEW_SPRING_STIFFNESS; // no springs yet: k is for the ones you add
  }
  stiffnessField.set(springStiffness);
  if (state.gravity === 'off') ({ snapshot: next, frame } = await engine.run('physics.edit', { snapshot: next, edit: { kind: 'gravity', gravity: 0 } }));
  selection = [];
  view.setSelection(selection);
  clearHistory();
  apply(next, frame);
  saveState();
}

function reset(message = ''): Promise<void> {
  return serial(async () => {
    await stop();
    await loadScene();
    say(message);
  });
}

function edit(change: PhysicsEdit, message: string): Promise<void> {
  return serial(async () => {
    if (!snapshot) return;
    if (blownUp) {
      say('This run has blown up: press Reset before changing the scene.', 'error');
      return;
    }
    const wasRunning = running !== null;
    await stop();
    const result = await engine.run('physics.edit', { snapshot, edit: change });
    apply(result.snapshot, result.frame);
    say(message);
    if (wasRunning && !blownUp) void startRun();
  });
}

/** Integrator, time step or speed changed: carry on from the same state with the new setting.
 *  `message` gets the time at which the change took effect (null when paused). */
function restartIfRunning(message: (at: number | null) => string): Promise<void> {
  saveState();
  return serial(async () => {
    const wasRunning = running !== null;
    await stop();
    if (wasRunning && !blownUp) void startRun();
    say(message(wasRunning && snapshot ? snapshot.time : null));
  });
}

function addBall(x: number, y: number): void {
  if (!snapshot) return;
  const r = NEW_BALL.radius;
  const cx = Math.min(Math.max(x, r), snapshot.width - r);
  const cy = Math.min(Math.max(y, r), snapshot.height - r);
  void edit({ kind: 'add-ball', x: cx, y: cy, ...NEW_BALL }, `Added a 1 kg ball at (${cx.toFixed(2)}, ${cy.toFixed(2)}) m; E₀ is now the current energy.`);
}

function addBallAtTop(): void {
  if (!snapshot) return;
  const n = snapshot.balls.length / 7;
  addBall(snapshot.width / 2 + (((n * 3) % 7) - 3) * 0.6, snapshot.height - 0.6);
}

function toggleSelection(ball: number): void {
  selection = selection.includes(ball) ? selection.filter((b) => b !== ball) : [...selection, ball].slice(-2);
  view.setSelection(selection);
  say(selection.length === 2 ? 'Two balls selected: press S or “Connect” to join them with a spring.' : selection.length === 1 ? `Ball ${ball} selected; pick one more.` : 'Selection cleared.');
}

function selectNext(): void {
  if (!snapshot) return;
  const count = snapshot.balls.length / 7;
  if (count === 0) return;
  const last = selection.at(-1) ?? -1;
  toggleSelection((last + 1) % count);
}

function connectSelected(): void {
  if (selection.length !== 2) {
    say('Select two balls first: click them, or focus the canvas and press N.', 'error');
    return;
  }
  const [a, b] = selection;
  selection = [];
  view.setSelection(selection);
  void edit({ kind: 'add-spring', a, b, stiffness: springStiffness }, `Joined balls ${a} and ${b} with a ${formatSignificant6(springStiffness)} N/m spring at its current length.`);
}

function setGravity(on: boolean): void {
  if (blownUp) {
    gravityBox.checked = state.gravity === 'on';
    say('This run has blown up: press Reset before changing the scene.', 'error');
    return;
  }
  state.gravity = on ? 'on' : 'off';
  gravityBox.checked = on;
  saveState();
  void edit({ kind: 'gravity', gravity: on ? EARTH_GRAVITY : 0 }, on ? 'Gravity on (9.81 m/s²).' : 'Gravity off.');
}

function toggleRun(): void {
  if (running) void serial(stop);
  else void serial(async () => void startRun());
}

// ---- controls -------------------------------------------------------------------------------

const dtField = decimalField($<HTMLInputElement>('physics-dt'), document.getElementById('physics-dt-message')!, {
  label: 'Time step Δt',
  unit: 's',
  quote: 'not',
  format: formatSignificant6,
  min: DT.min,
  max: DT.max,
  onChange(value) {
    state.dt = value;
    dtSlider.value = String(Math.log10(value));
    void restartIfRunning(() => `Time step Δt = ${formatSignificant6(value)} s.`);
  },
});

const stiffnessField = decimalField($<HTMLInputElement>('physics-stiffness'), document.getElementById('physics-stiffness-message')!, {
  label: 'Spring stiffness k',
  unit: 'N/m',
  quote: 'not',
  format: formatSignificant6,
  min: K.min,
  max: K.max,
  onChange(value) {
    state.k = value;
    void reset(`Rebuilt the scene with k = ${formatSignificant6(value)} N/m.`);
  },
});

dtSlider.addEventListener('input', () => {
  // The slider moves in log10(Δt); two significant digits are plenty for a slider.
  const value = Number((10 ** Number(dtSlider.value)).toPrecision(2));
  if (value === state.dt) return;
  state.dt = Math.min(DT.max, Math.max(DT.min, value));
  dtField.set(state.dt);
  void restartIfRunning(() => `Time step Δt = ${formatSignificant6(state.dt)} s.`);
});

integratorSelect.addEventListener('change', () => {
  state.integrator = integratorSelect.value as PhysicsIntegrator;
  const name = NAMES[state.integrator];
  void restartIfRunning((at) => `Switched to ${name}${at === null ? '' : ` at t = ${seconds(at)}`}.`);
});
speedSelect.addEventListener('change', () => {
  state.speed = speedSelect.value as (typeof SPEEDS)[number];
  void restartIfRunning(() => `Speed ${state.speed}× real time.`);
});
sceneSelect.addEventListener('change', () => {
  state.scene = sceneSelect.value as PhysicsSceneName;
  state.k = 0;
  void reset(`Loaded the ${state.scene} scene.`);
});
gravityBox.addEventListener('change', () => setGravity(gravityBox.checked));
runButton.addEventListener('click', toggleRun);
stepButton.addEventListener('click', () => void serial(async () => {
  await stop();
  if (!blownUp) await startRun(1);
}));
resetButton.addEventListener('click', () => void reset('Reset to the start of the scene.'));
addBallButton.addEventListener('click', addBallAtTop);
connectButton.addEventListener('click', connectSelected);

canvas.addEventListener('click', (event) => {
  const ball = view.ballAt(event);
  if (ball >= 0) toggleSelection(ball);
  else {
    const { x, y } = view.toWorld(event);
    addBall(x, y);
  }
});
canvas.addEventListener('keydown', (event) => {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const actions: Record<string, () => void> = {
    ' ': addBallAtTop,
    n: selectNext,
    s: connectSelected,
    g: () => setGravity(state.gravity !== 'on'),
    p: toggleRun,
    '.': () => stepButton.click(),
    Escape: () => {
      selection = [];
      view.setSelection(selection);
      say('Selection cleared.');
    },
  };
  const action = actions[key];
  if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  action();
});

async function start(): Promise<void> {
  sceneSelect.value = state.scene;
  integratorSelect.value = state.integrator;
  speedSelect.value = state.speed;
  gravityBox.checked = state.gravity === 'on';
  dtField.set(state.dt);
  dtSlider.value = String(Math.log10(state.dt));
  runButton.disabled = true;
  stepButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the simulation cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(loadScene);
}

setupExercise('physics', $<HTMLElement>('exercise'));
void start();
