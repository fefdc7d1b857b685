// genetic-algorithm: the string evolver and the travelling-salesman tour evolver (bindings/wasm/genetic-algorithm.cpp).
import type { Deletable } from './deletable';

/** genetic-algorithm: strings evolving toward a target (engine/include/mlplay/evolve/string_evolver.h).
 *  Fitness 1 / (1 + d), d the summed alphabet distance to the target; roulette, single-point crossover, mutation. */
export interface StringEvolver extends Deletable {
  /** Breeds `generations` more generations. */
  step(generations: number): void;
  generation(): number;
  best(): string;
  bestDistance(): number;
  bestFitness(): number;
  meanFitness(): number;
  meanDistance(): number;
  solved(): boolean;
  /** The `count` fittest strings, fittest first. */
  top(count: number): { strings: string[]; distances: Float64Array; fitness: Float64Array };
}

/** genetic-algorithm: travelling salesman tours evolving (engine/include/mlplay/evolve/tour_evolver.h).
 *  Fitness 1 / length; roulette, order crossover, swap mutation. */
export interface TourEvolver extends Deletable {
  step(generations: number): void;
  generation(): number;
  /** City indices in visiting order. */
  bestTour(): Int32Array;
  bestLength(): number;
  meanLength(): number;
}

/** What bindings/wasm/genetic-algorithm.cpp adds to the module object. */
export interface GeneticAlgorithmModule {
  /** genetic-algorithm: '' when `target` can be evolved, else the message naming the characters outside the alphabet. */
  gaTargetProblem(target: string): string;
  /** The 69 characters strings are made of, in distance order. */
  gaAlphabet(): string;
  /** population 2 to 100,000; mutationRate in [0, 1]; throws naming a bad target or setting. */
  StringEvolver: new (target: string, population: number, mutationRate: number, elitism: boolean, seed: number) => StringEvolver;
  /** xy = [x0, y0, …] of 3 to 1000 cities. */
  TourEvolver: new (xy: ArrayLike<number>, population: number, mutationRate: number, elitism: boolean, seed: number) => TourEvolver;
  /** `count` cities uniform in the unit square, [x0, y0, …]. */
  randomCities(count: number, seed: number): Float64Array;
  /** Length of the closed tour through xy in the order `tour`. */
  tourLength(xy: ArrayLike<number>, tour: ArrayLike<number>): number;
}
