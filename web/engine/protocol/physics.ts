// Worker task types of the physics lesson (the protocol itself is in ../protocol.ts).

export type PhysicsIntegrator = 'euler' | 'semi-implicit' | 'verlet' | 'rk4';
export type PhysicsSceneName = 'spring' | 'chain' | 'jelly' | 'balls';

/** A paused physics simulation as the engine hands it back: enough to resume it exactly. */
export interface PhysicsSnapshot {
  width: number;
  height: number;
  gravity: number;
  restitution: number;
  /** 7 per ball: x, y, vx, vy, mass, radius, fixed (1 or 0). */
  balls: Float64Array;
  /** 4 per spring: a, b, stiffness, rest length. */
  springs: Float64Array;
  time: number;
  steps: number;
  initialEnergy: number;
  maxAbsDrift: number;
}

/** What the page draws each frame; energies in joules, computed by the engine. */
export interface PhysicsFrame {
  time: number;
  steps: number;
  /** [x0, y0, x1, y1, …] in metres. */
  positions: Float32Array;
  kinetic: number;
  potential: number;
  total: number;
  initialEnergy: number;
  /** (E − E₀) / |E₀| and its largest magnitude so far. */
  drift: number;
  maxAbsDrift: number;
  blownUp: boolean;
}

export interface PhysicsSceneParams {
  scene: PhysicsSceneName;
  /** Spring stiffness in N/m; null: the scene's default. */
  stiffness: number | null;
}

export type PhysicsEdit =
  | { kind: 'add-ball'; x: number; y: number; radius: number; mass: number }
  | { kind: 'add-spring'; a: number; b: number; stiffness: number }
  | { kind: 'gravity'; gravity: number };

export interface PhysicsEditParams {
  snapshot: PhysicsSnapshot;
  edit: PhysicsEdit;
}

export interface PhysicsRunParams {
  snapshot: PhysicsSnapshot;
  integrator: PhysicsIntegrator;
  /** Time step in seconds. */
  dt: number;
  /** Simulated seconds per real second (1: real time). Ignored when maxSteps > 0. */
  speed: number;
  /** 0: run in real time until cancelled; N > 0: take N steps as fast as possible, then stop. */
  maxSteps: number;
}

export interface PhysicsState {
  snapshot: PhysicsSnapshot;
  frame: PhysicsFrame;
}

export interface PhysicsSceneResult extends PhysicsState {
  /** The stiffness the scene's springs were built with (N/m); 0 for a scene without springs. */
  stiffness: number;
}

export interface PhysicsRunResult extends PhysicsState {
  reason: 'cancelled' | 'done' | 'blown-up';
}
