// The families' controls in the distributions lesson: each parameter's symbol, words, slider range
// and starting value. The engine checks the values itself (a uniform needs a < b, …).
import type { DistributionFamily } from '../../web/engine/protocol';

export interface ParamSpec {
  symbol: string;
  words: string;
  min: number;
  max: number;
  step: number;
  initial: number;
}
export interface FamilySpec {
  params: [ParamSpec] | [ParamSpec, ParamSpec];
}
export const FAMILIES: Record<DistributionFamily, FamilySpec> = {
  normal: { params: [{ symbol: 'μ', words: 'mean', min: -50, max: 50, step: 0.1, initial: 0 }, { symbol: 'σ', words: 'standard deviation', min: 0.1, max: 50, step: 0.1, initial: 1 }] },
  binomial: { params: [{ symbol: 'n', words: 'trials', min: 1, max: 200, step: 1, initial: 20 }, { symbol: 'p', words: 'success probability', min: 0.01, max: 0.99, step: 0.01, initial: 0.3 }] },
  poisson: { params: [{ symbol: 'λ', words: 'rate (mean count)', min: 0.1, max: 100, step: 0.1, initial: 4 }] },
  exponential: { params: [{ symbol: 'λ', words: 'rate', min: 0.05, max: 10, step: 0.05, initial: 1 }] },
  uniform: { params: [{ symbol: 'a', words: 'lower end', min: -10, max: 10, step: 0.1, initial: 0 }, { symbol: 'b', words: 'upper end', min: -10, max: 10, step: 0.1, initial: 1 }] },
  beta: { params: [{ symbol: 'α', words: 'shape', min: 0.1, max: 50, step: 0.1, initial: 2 }, { symbol: 'β', words: 'shape', min: 0.1, max: 50, step: 0.1, initial: 5 }] },
  gamma: { params: [{ symbol: 'k', words: 'shape', min: 0.1, max: 50, step: 0.1, initial: 2 }, { symbol: 'θ', words: 'scale', min: 0.05, max: 10, step: 0.05, initial: 1 }] },
};
export const FAMILY_NAMES = Object.keys(FAMILIES) as DistributionFamily[];
