// physics.scene / physics.edit / physics.run: the physics lesson's simulation lives in the engine.
// Between runs the page keeps an opaque snapshot (balls, springs, clock, energy ledger) that these
// tasks turn back into an engine PhysicsSimulation, so a paused run resumes exactly — even in a
// fresh worker. physics.run steps in real time and streams one frame (positions + energies) per
// display frame until cancelled.
import type { Task } from '.';
import type { MlplayModule, PhysicsSimulation } from '../../../bindings/mlplay';
import type { PhysicsFrame, PhysicsIntegrator, PhysicsSceneName, PhysicsSnapshot } from '../protocol';
import { wholeNumber } from './check';

const SCENES: readonly PhysicsSceneName[] = ['spring', 'chain', 'jelly', 'balls'];
const INTEGRATORS: readonly PhysicsIntegrator[] = ['euler', 'semi-implicit', 'verlet', 'rk4'];
const FRAME_MS = 1000 / 60;
/** Most steps per display frame; past this the simulation falls behind real time (slow motion). */
const MAX_STEPS_PER_FRAME = 4000;

function choice<T extends string>(task: string, name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new Error(`${task}: ${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function finiteNumber(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Rebuilds the engine simulation a snapshot describes (the caller deletes it). */
function load(engine: MlplayModule, s: PhysicsSnapshot): PhysicsSimulation {
  const simulation = new engine.PhysicsSimulation(s.width, s.height, s.gravity, s.restitution);
  try {
    for (let i = 0; i + 6 < s.balls.length; i += 7) {
      const b = s.balls;
      simulation.addBall(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6] === 1);
    }
    for (let i = 0; i + 3 < s.springs.length; i += 4) {
      simulation.addSpring(s.springs[i], s.springs[i + 1], s.springs[i + 2], s.springs[i + 3]);
    }
    simulation.restore(s.time, s.steps, s.initialEnergy, s.maxAbsDrift);
    return simulation;
  } catch (error) {
    simulation.delete();
    throw error;
  }
}

function snapshot(simulation: PhysicsSimulation): PhysicsSnapshot {
  return {
    width: simulation.width(),
    height: simulation.height(),
    gravity: simulation.gravity(),
    restitution: simulation.restitution(),
    balls: simulation.balls(),
    springs: simulation.springs(),
    time: simulation.time(),
    steps: simulation.steps(),
    initialEnergy: simulation.initialEnergy(),
    maxAbsDrift: simulation.maxAbsDrift(),
  };
}

function frame(simulation: PhysicsSimulation): PhysicsFrame {
  return {
    time: simulation.time(),
    steps: simulation.steps(),
    positions: simulation.positions(),
    kinetic: simulation.kineticEnergy(),
    potential: simulation.potentialEnergy(),
    total: simulation.totalEnergy(),
    initialEnergy: simulation.initialEnergy(),
    drift: simulation.relativeDrift(),
    maxAbsDrift: simulation.maxAbsDrift(),
    blownUp: simulation.blownUp(),
  };
}

export const physicsScene: Task<'physics.scene'> = async (params, { engine }) => {
  const scene = choice('physics.scene', 'scene', params.scene, SCENES);
  const fallback = engine.physicsDefaultStiffness(scene);
  const stiffness =
    params.stiffness === null || fallback === 0 ? fallback : finiteNumber('physics.scene', 'stiffness', params.stiffness, 0.1, 1e6);
  const simulation = new engine.PhysicsSimulation(scene, stiffness);
  try {
    return { snapshot: snapshot(simulation), frame: frame(simulation), stiffness };
  } finally {
    simulation.delete();
  }
};

export const physicsEdit: Task<'physics.edit'> = async ({ snapshot: start, edit }, { engine }) => {
  const simulation = load(engine, start);
  try {
    if (edit.kind === 'add-ball') {
      simulation.addBall(edit.x, edit.y, 0, 0, edit.mass, edit.radius, false);
    } else if (edit.kind === 'add-spring') {
      simulation.addSpring(edit.a, edit.b, edit.stiffness, -1); // rest length: their distance now
    } else if (edit.kind === 'gravity') {
      simulation.setGravity(edit.gravity);
    } else {
      throw new Error(`physics.edit: unknown edit ${JSON.stringify((edit as { kind: unknown }).kind)}`);
    }
    simulation.resetEnergyReference(); // a different system: measure drift from here
    return { snapshot: snapshot(simulation), frame: frame(simulation) };
  } finally {
    simulation.delete();
  }
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const physicsRun: Task<'physics.run'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const integrator = choice('physics.run', 'integrator', params.integrator, INTEGRATORS);
  const dt = finiteNumber('physics.run', 'dt', params.dt, 1e-5, 1);
  const speed = finiteNumber('physics.run', 'speed', params.speed, 0.01, 10);
  const maxSteps = wholeNumber('physics.run', 'maxSteps', params.maxSteps, 0, 10_000_000);
  const simulation = load(engine, params.snapshot);
  const send = () => {
    const f = frame(simulation);
    progress(f, [f.positions.buffer]);
  };
  try {
    let taken = 0;
    let owed = 0; // simulated seconds not yet stepped
    let last = performance.now();
    while (!simulation.blownUp() && !cancelled() && (maxSteps === 0 || taken < maxSteps)) {
      let count: number;
      if (maxSteps > 0) {
        count = Math.min(maxSteps - taken, MAX_STEPS_PER_FRAME);
      } else {
        await sleep(FRAME_MS);
        if (cancelled()) break;
        const now = performance.now();
        owed += ((now - last) / 1000) * speed;
        last = now;
        count = Math.floor(owed / dt);
        owed -= count * dt;
        if (count > MAX_STEPS_PER_FRAME) {
          count = MAX_STEPS_PER_FRAME;
          owed = 0; // cannot keep up: fall behind rather than pile up work
        }
      }
      taken += simulation.advance(integrator, dt, count);
      if (count > 0) send();
      if (maxSteps > 0) await pause();
    }
    const reason = simulation.blownUp() ? 'blown-up' : cancelled() ? 'cancelled' : 'done';
    return { snapshot: snapshot(simulation), frame: frame(simulation), reason };
  } finally {
    simulation.delete();
  }
};
