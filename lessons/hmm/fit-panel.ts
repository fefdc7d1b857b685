// hmm: the Baum–Welch panel. The engine worker samples sequences from the model in use and learns it
// back from a random start, streaming each iteration; this panel owns the fit settings and the
// Fit/Stop button, and shows the log-likelihood curve and the fitted matrices beside the true ones.
import type { EngineClient } from '../../web/engine/client';
import type { HmmFitProgress, HmmModel } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart } from '../../web/widgets/line-chart';
import { type NumberField, numberField } from '../../web/widgets/number-field';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
const logLikelihood = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : String(v));

/** The settings the panel reads and writes (part of the lesson's URL-hash state); `seed` is shared with sampling. */
export interface FitSettings {
  fs: number;
  fl: number;
  fi: number;
  seed: number;
}

const FIELDS = [
  ['hmm-fit-sequences', 'Sequences', 1, 200, 'fs'],
  ['hmm-fit-length', 'Length of each', 1, 2000, 'fl'],
  ['hmm-fit-iterations', 'Iterations', 1, 1000, 'fi'],
] as const;

export class FitPanel {
  private readonly button = $<HTMLButtonElement>('hmm-fit');
  private readonly chart = new LineChart($('hmm-fit-plot'), {
    x: { label: 'iteration' },
    y: { label: 'log-likelihood' },
    series: [
      { label: 'Baum–Welch', color: '#2563eb', points: false },
      { label: 'true model', color: '#0f172a', dash: [6, 4], width: 1.5 },
    ],
    height: 240,
    description: 'Log-likelihood of the sampled sequences under the Baum–Welch model at each iteration, and under the true model.',
  });
  private readonly inputs: NumberField[];
  private fitting: AbortController | null = null;

  /** `truth` gives a copy of the model in use (null before one is loaded); `save` writes the settings to the URL. */
  constructor(
    private readonly engine: EngineClient,
    private readonly settings: FitSettings,
    save: () => void,
    private readonly truth: () => HmmModel | null,
  ) {
    this.inputs = FIELDS.map(([id, label, min, max, key]) =>
      numberField($<HTMLInputElement>(id), document.getElementById(`${id}-message`)!, { label, min, max, onChange(value) { settings[key] = value; save(); } }));
    this.button.addEventListener('click', () => {
      if (this.fitting) this.stop();
      else void this.fit();
    });
  }

  /** Shows the settings and keeps Fit disabled until `enable` (the engine and the model are ready). */
  showSettings(): void {
    this.inputs.forEach((f, i) => f.set(this.settings[FIELDS[i][4]]));
    this.button.disabled = true;
  }

  enable(): void {
    this.button.disabled = false;
    this.say('Press Fit: the engine samples the sequences from the model above and learns it back from a random start.');
  }

  /** Stops a running fit (the model it learns back is about to change). */
  stop(): void {
    this.fitting?.abort();
  }

  private say(text: string, kind: 'info' | 'error' = 'info'): void {
    const el = $('hmm-fit-status');
    el.textContent = text;
    el.dataset.state = kind;
  }

  private async fit(): Promise<void> {
    const truth = this.truth();
    if (!truth) return;
    const { fs, fl, fi, seed } = this.settings;
    const controller = new AbortController();
    this.fitting = controller;
    this.button.textContent = 'Stop';
    const history: number[] = [];
    this.say(`Sampling ${fs} sequences of ${fl} and running Baum–Welch from a random model…`);
    const show = (p: HmmFitProgress) => {
      history.push(...p.logLikelihood);
      if (reducedMotion) return; // reduced motion: only the finished fit is drawn
      $('hmm-fit-iteration').textContent = String(p.iteration);
      $('hmm-fit-ll').textContent = logLikelihood(history[history.length - 1]);
      $('hmm-fit-model').replaceChildren(...fittedTables(p.model, truth));
      this.chart.setData(history.map((_, i) => i), [history, []]);
    };
    try {
      const r = await this.engine.run('hmm.fit', { model: truth, sequences: fs, length: fl, seed, iterations: fi },
        { signal: controller.signal, onProgress: show });
      const last = r.logLikelihood[r.logLikelihood.length - 1];
      $('hmm-fit-iteration').textContent = String(r.iterations);
      $('hmm-fit-ll').textContent = logLikelihood(last);
      $('hmm-fit-true-ll').textContent = logLikelihood(r.trueLogLikelihood);
      $('hmm-fit-model').replaceChildren(...fittedTables(r.model, truth));
      this.chart.setData(r.logLikelihood.map((_, i) => i), [r.logLikelihood, r.logLikelihood.map(() => r.trueLogLikelihood)]);
      const gain = last - r.logLikelihood[0];
      this.say(`${r.reason === 'cancelled' ? 'Stopped' : 'Done'} after ${r.iterations} iterations: the log-likelihood rose by ${gain.toFixed(2)}` +
        ` to ${logLikelihood(last)} (the true model: ${logLikelihood(r.trueLogLikelihood)}).`);
    } catch (error) {
      this.say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
    } finally {
      if (this.fitting === controller) {
        this.fitting = null;
        this.button.textContent = 'Fit';
      }
    }
  }
}

/** π, A and B as fitted, three read-only tables; each cell's tooltip gives the true value. */
function fittedTables(fitted: HmmModel, truth: HmmModel): HTMLElement[] {
  const table = (caption: string, rows: string[], columns: string[], values: number[], truthValues: number[]) => {
    const t = document.createElement('table');
    t.createCaption().textContent = caption;
    const head = t.createTHead().insertRow();
    head.append(document.createElement('th'));
    for (const c of columns) {
      const th = document.createElement('th');
      th.textContent = c;
      head.append(th);
    }
    rows.forEach((name, r) => {
      const tr = t.createTBody().insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th);
      columns.forEach((_, c) => {
        const cell = tr.insertCell();
        const i = r * columns.length + c;
        cell.textContent = values[i].toFixed(3);
        cell.title = `true value ${truthValues[i].toFixed(3)}`;
      });
    });
    return t;
  };
  return [
    table('π (fitted)', ['π'], fitted.states, fitted.start, truth.start),
    table('A (fitted)', fitted.states, fitted.states, fitted.transition, truth.transition),
    table('B (fitted; hover a cell for the true value)', fitted.states, fitted.symbols, fitted.emission, truth.emission),
  ];
}
