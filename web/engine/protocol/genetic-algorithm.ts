// Worker task types of the genetic-algorithm lesson (the protocol itself is in ../protocol.ts).

/** 'fast': as many generations as the engine can breed; 'slow': about 8 generations a second. */
export type GaPace = 'fast' | 'slow';

export interface GaTargetCheckParams {
  target: string;
}
export interface GaTargetCheckResult {
  /** Empty when the target can be evolved, else the engine's message naming the bad characters. */
  problem: string;
}

/** Shared by both problems: the run is fixed by these settings and the seed. */
export interface GaRunSettings {
  population: number;
  mutationRate: number;
  elitism: boolean;
  seed: number;
  /** Resume at this generation (the engine replays the seeded run to it if it has to). */
  fromGeneration: number;
  /** Breed at most this many generations (0: just report the current one); strings stop early when solved. */
  generations: number;
  pace: GaPace;
}

export interface GaStringsParams extends GaRunSettings {
  target: string;
  /** How many of the fittest strings to send back. */
  show: number;
}

export interface GaStringsFrame {
  generation: number;
  best: string;
  bestDistance: number;
  bestFitness: number;
  meanFitness: number;
  /** The fittest strings, fittest first, with their distances and fitness. */
  top: string[];
  topDistance: number[];
  topFitness: number[];
  /** Per generation since the previous frame: the generation, best and mean distance to the target. */
  historyGeneration: number[];
  historyBest: number[];
  historyMean: number[];
  /** Generations bred per second of engine time since the previous frame (0 when none were). */
  generationsPerSecond: number;
}

export interface GaStringsResult extends GaStringsFrame {
  reason: 'solved' | 'stopped' | 'cancelled';
}

export interface GaCitiesParams {
  count: number;
  seed: number;
}
export interface GaCitiesResult {
  /** [x0, y0, x1, y1, …] in the unit square. */
  xy: number[];
}

export interface GaTourParams extends GaRunSettings {
  /** [x0, y0, x1, y1, …] in the unit square, 3 to 200 cities. */
  xy: number[];
}

export interface GaTourFrame {
  generation: number;
  /** The shortest tour of this generation: city indices in visiting order. */
  bestTour: number[];
  bestLength: number;
  meanLength: number;
  historyGeneration: number[];
  historyBest: number[];
  historyMean: number[];
  generationsPerSecond: number;
}

export interface GaTourResult extends GaTourFrame {
  reason: 'stopped' | 'cancelled';
}
