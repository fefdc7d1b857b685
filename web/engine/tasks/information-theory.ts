// informationTheory.measure: the information-theory lesson. The engine applies a dragged bar
// (rescaling the other outcomes), checks both distributions and computes entropy, cross-entropy,
// KL both ways with each outcome's term, and the classification loss curves.
import type { Task } from '.';
import { wholeNumber } from './check';

const CURVE_POINTS = 200;
const MAX_OUTCOMES = 12;

function numbers(name: string, value: unknown): number[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_OUTCOMES || !value.every((v) => typeof v === 'number')) {
    throw new Error(`informationTheory.measure: ${name} must be 1 to ${MAX_OUTCOMES} numbers, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const informationTheoryMeasure: Task<'informationTheory.measure'> = async (params, { engine }) => {
  let p: Float64Array = Float64Array.from(numbers('p', params.p));
  let q: Float64Array = Float64Array.from(numbers('q', params.q));
  if (params.unit !== 'bits' && params.unit !== 'nats') throw new Error(`informationTheory.measure: unit must be bits or nats, got ${JSON.stringify(params.unit)}`);
  const edit = params.edit;
  // Each distribution on its own first, so a problem names the one that has it.
  for (const [which, d] of [['p', p], ['q', q]] as const) {
    try {
      engine.checkDistribution(d, which);
    } catch (error) {
      return { problem: (error as Error).message, which };
    }
  }
  if (edit) {
    if (edit.which !== 'p' && edit.which !== 'q') throw new Error(`informationTheory.measure: edit.which must be p or q, got ${JSON.stringify(edit.which)}`);
    const index = wholeNumber('informationTheory.measure', 'edit.index', edit.index, 0, MAX_OUTCOMES - 1);
    const value = Math.min(1, Math.max(0, Number(edit.value)));
    if (edit.which === 'p') p = engine.withProbability(p, index, value);
    else q = engine.withProbability(q, index, value);
  }
  let m;
  try {
    m = engine.informationMeasures(p, q, params.unit);
  } catch (error) {
    return { problem: (error as Error).message, which: null };
  }
  return { problem: null, p, q, ...m, lossCurves: engine.lossCurves(CURVE_POINTS, params.unit) };
};
