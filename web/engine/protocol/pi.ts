// Worker task types of the monte-carlo-pi lesson (the protocol itself is in ../protocol.ts).

export interface PiRunParams {
  seed: number;
  /** Resume after this many darts… */
  samples: number;
  /** …of which this many landed inside. */
  inside: number;
  /** Darts per engine call. */
  batch: number;
  threads: number;
  /** Stop when this many darts are thrown in all; 0 runs until cancelled. */
  stopAt: number;
  /** How many of each report's newest darts to send back for drawing. */
  sampleDarts: number;
}

export interface PiProgress {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  /** Engine throughput over the last report: darts per second of compute. */
  dartsPerSecond: number;
  /** [x0, y0, x1, y1, …] for up to sampleDarts of the darts thrown since the last report. */
  darts: Float32Array;
}

export interface PiResult {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  reason: 'cancelled' | 'reached-stop';
}
