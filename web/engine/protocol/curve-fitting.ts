// Worker task types of the curve-fitting lesson (the protocol itself is in ../protocol.ts).

// curve-fitting: CSV columns in, gradient-descent fits with streamed loss out.

export interface CurveFittingLoadParams {
  /** CSV text with a header row. */
  text: string;
  /** Columns to read; null (or a name the header lacks) picks the first two columns that read as numbers. */
  x: string | null;
  y: string | null;
}

export interface CurveFittingData {
  header: string[];
  x: string;
  y: string;
  xValues: Float64Array;
  yValues: Float64Array;
  /** The x column held ISO dates, now day numbers from xFirstDate. */
  xDates: boolean;
  xFirstDate: string;
}

export type CurveFittingModel = 'line' | 'poly' | 'exp' | 'sinusoid';

export interface CurveFittingFitParams {
  x: Float64Array;
  y: Float64Array;
  model: CurveFittingModel;
  /** Polynomial degree 0–12 (poly only). */
  degree: number;
  steps: number;
  lr: number;
  /** Sinusoid starting period in x units; 0 picks half the x range. */
  period: number;
  trainFraction: number;
  holdout: 'random' | 'end';
  seed: number;
}

export interface CurveFittingProgress {
  step: number;
  trainLoss: number;
  validationLoss: number;
}

export interface CurveFittingResult {
  reason: 'done' | 'stopped' | 'diverged';
  steps: number;
  formula: string;
  parameters: { name: string; value: number }[];
  trainMse: number;
  validationMse: number;
  /** 1 where the point is in the training set. */
  isTrain: Uint8Array;
  /** y − ŷ of every point. */
  residuals: Float64Array;
  /** The fitted curve sampled across the x range. */
  curveX: Float64Array;
  curveY: Float64Array;
  /** Closed-form least squares of the same degree (line and poly only). */
  closedForm: {
    coefficients: Float64Array;
    trainMse: number;
    validationMse: number;
    conditionScaled: number;
    conditionRaw: number;
    curveY: Float64Array;
  } | null;
  /** Closed-form MSE for degree 0…12 on the same split (NaN where too few training points). */
  sweep: { train: Float64Array; validation: Float64Array };
}
