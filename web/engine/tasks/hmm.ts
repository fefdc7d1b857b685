// hmm.*: the hmm lesson. The engine checks the model (rows summing to 1), reads the typed
// observations, runs the forward algorithm (scaled), posterior decoding and Viterbi (log space),
// samples sequences, and runs Baum–Welch one EM step at a time — this task streams each step's
// log-likelihood and checks for Stop in between. A bad model or sequence is an ordinary result
// ({ ok: false, where, problem }), so the page can explain it next to the control.
import type { Task } from '.';
import type { HmmSpec, MlplayModule } from '../../../bindings/mlplay';
import type { HmmModel } from '../protocol';
import { wholeNumber } from './check';

const PRESETS = ['casino', 'weather', 'fever'];
const MAX_LENGTH = 5000;
const REPORT_MS = 40;

/** Shape checks the engine cannot do on plain JS data; the probabilities are the engine's to judge. */
function checkModel(task: string, model: HmmModel): void {
  const ok = model && Array.isArray(model.states) && Array.isArray(model.symbols) &&
    [model.start, model.transition, model.emission].every((a) => Array.isArray(a) && a.every((v) => typeof v === 'number'));
  if (!ok) throw new Error(`${task}: model must be {states, symbols, start, transition, emission} with number arrays`);
}

const plain = (spec: HmmSpec): HmmModel => ({
  states: [...spec.states],
  symbols: [...spec.symbols],
  start: Array.from(spec.start),
  transition: Array.from(spec.transition),
  emission: Array.from(spec.emission),
});

/** Observations as text: names joined by spaces, or run together when every symbol is one character. */
function asText(model: HmmModel, observations: ArrayLike<number>): string {
  const single = model.symbols.every((s) => s.length === 1);
  return Array.from(observations, (k) => model.symbols[k]).join(single ? '' : ' ');
}

function problemOf(fn: () => void): string {
  try {
    fn();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

export const hmmPreset: Task<'hmm.preset'> = async ({ name }, { engine }) => {
  if (!PRESETS.includes(name)) throw new Error(`hmm.preset: name must be one of ${PRESETS.join(', ')}, got ${JSON.stringify(name)}`);
  return plain(engine.hmmPreset(name));
};

export const hmmNormalize: Task<'hmm.normalize'> = async ({ model }, { engine }) => {
  checkModel('hmm.normalize', model);
  return plain(engine.hmmNormalized(model));
};

export const hmmAnalyze: Task<'hmm.analyze'> = async ({ model, text, hidden }, { engine }) => {
  checkModel('hmm.analyze', model);
  if (typeof text !== 'string') throw new Error('hmm.analyze: text must be a string');
  const modelProblem = engine.hmmModelProblem(model);
  if (modelProblem) return { ok: false, where: 'model', problem: modelProblem };
  let observations: Int32Array = new Int32Array();
  const parseProblem = problemOf(() => (observations = engine.hmmParseObservations(text, model)));
  if (parseProblem) return { ok: false, where: 'observations', problem: parseProblem };
  if (observations.length > MAX_LENGTH) {
    return { ok: false, where: 'observations', problem: `observations: ${observations.length} symbols is too many to draw; at most ${MAX_LENGTH}` };
  }
  let r: ReturnType<MlplayModule['hmmAnalyze']> | null = null;
  const analyzeProblem = problemOf(() => (r = engine.hmmAnalyze(model, observations)));
  if (analyzeProblem || !r) return { ok: false, where: 'observations', problem: analyzeProblem };
  const a = r as ReturnType<MlplayModule['hmmAnalyze']>;
  const truth = Array.isArray(hidden) && hidden.length === observations.length ? hidden : null;
  return {
    ok: true,
    observations: Array.from(observations),
    alphaHat: Array.from(a.alphaHat),
    logAlpha: Array.from(a.logAlpha),
    scale: Array.from(a.scale),
    logLikelihood: a.logLikelihood,
    gamma: Array.from(a.gamma),
    posteriorPath: Array.from(a.posteriorPath),
    viterbiPath: Array.from(a.viterbiPath),
    viterbiLogProbability: a.viterbiLogProbability,
    viterbiAccuracy: truth ? engine.hmmAgreement(a.viterbiPath, truth) : null,
    posteriorAccuracy: truth ? engine.hmmAgreement(a.posteriorPath, truth) : null,
  };
};

export const hmmSample: Task<'hmm.sample'> = async ({ model, length, seed }, { engine }) => {
  checkModel('hmm.sample', model);
  wholeNumber('hmm.sample', 'length', length, 1, MAX_LENGTH);
  wholeNumber('hmm.sample', 'seed', seed, 0, 2 ** 32);
  const problem = engine.hmmModelProblem(model);
  if (problem) return { ok: false, problem };
  const s = engine.hmmSample(model, length, seed);
  return { ok: true, states: Array.from(s.states), observations: Array.from(s.observations), text: asText(model, s.observations) };
};

export const hmmFit: Task<'hmm.fit'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'hmm.fit';
  checkModel(task, params.model);
  const sequences = wholeNumber(task, 'sequences', params.sequences, 1, 200);
  const length = wholeNumber(task, 'length', params.length, 1, 2000);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const iterations = wholeNumber(task, 'iterations', params.iterations, 0, 1000);
  const problem = engine.hmmModelProblem(params.model);
  if (problem) throw new Error(`${task}: ${problem}`);
  const fitter = new engine.HmmFitter(params.model, sequences, length, seed);
  try {
    const history: number[] = [];
    let unsent: number[] = [];
    let reported = performance.now();
    let reason: 'done' | 'cancelled' = 'done';
    while (fitter.iterations() < iterations) {
      const ll = fitter.step();
      history.push(ll);
      unsent.push(ll);
      const now = performance.now();
      if (now - reported >= REPORT_MS || fitter.iterations() === iterations) {
        progress({ iteration: fitter.iterations(), logLikelihood: unsent, model: plain(fitter.model()) });
        unsent = [];
        reported = now;
        await pause();
        if (cancelled()) {
          reason = 'cancelled';
          break;
        }
      }
    }
    history.push(fitter.logLikelihood());
    return {
      iterations: fitter.iterations(),
      logLikelihood: history,
      trueLogLikelihood: fitter.trueLogLikelihood(),
      model: plain(fitter.model()),
      reason,
    };
  } finally {
    fitter.delete();
  }
};
