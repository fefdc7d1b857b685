// physics: PhysicsSimulation, balls and springs stepped in the engine (bindings/wasm/physics.cpp).
import type { Deletable } from './deletable';

/** A world of balls, springs, gravity and walls that steps itself (engine/include/mlplay/physics/simulation.h).
 *  SI units, y up, box [0, width] × [0, height]. Energies in joules, E₀ the reference for the drift. */
export interface PhysicsSimulation extends Deletable {
  /** Adds a ball inside the box; returns its index. Call resetEnergyReference() after edits. */
  addBall(x: number, y: number, vx: number, vy: number, mass: number, radius: number, fixed: boolean): number;
  /** Joins balls a and b; restLength < 0 means their current distance. Returns the spring's index. */
  addSpring(a: number, b: number, stiffness: number, restLength: number): number;
  setGravity(gravity: number): void;
  /** E₀ := the current energy; the maximum drift starts again from 0. */
  resetEnergyReference(): void;
  /** Restores the clock and energy ledger of a paused run. */
  restore(time: number, steps: number, initialEnergy: number, maxAbsDrift: number): void;
  /** Up to `count` steps of `dt` seconds with 'euler' | 'semi-implicit' | 'verlet' | 'rk4'; returns the steps taken
   *  (fewer once the state blows up: non-finite, or the energy past 4 max(|E₀|, 1 J)). */
  advance(integrator: string, dt: number, count: number): number;
  /** [x0, y0, x1, y1, …] for drawing. */
  positions(): Float32Array;
  /** 7 per ball: x, y, vx, vy, mass, radius, fixed (1 or 0). */
  balls(): Float64Array;
  /** 4 per spring: a, b, stiffness, rest length. */
  springs(): Float64Array;
  kineticEnergy(): number;
  potentialEnergy(): number;
  totalEnergy(): number;
  initialEnergy(): number;
  /** (E − E₀) / |E₀|. */
  relativeDrift(): number;
  maxAbsDrift(): number;
  blownUp(): boolean;
  time(): number;
  steps(): number;
  gravity(): number;
  restitution(): number;
  width(): number;
  height(): number;
}

/** What bindings/wasm/physics.cpp adds to the module object. */
export interface PhysicsModule {
  /** physics: an empty box (width, height, gravity, restitution), or a scene ('spring' | 'chain' | 'jelly' | 'balls')
   *  with springs of the given stiffness in N/m. */
  PhysicsSimulation: (new (width: number, height: number, gravity: number, restitution: number) => PhysicsSimulation) &
    (new (scene: string, stiffness: number) => PhysicsSimulation);
  /** The stiffness (N/m) a scene uses by default; 0 for a scene without springs. */
  physicsDefaultStiffness(scene: string): number;
}
