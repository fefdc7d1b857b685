// Worker task types of the decision-tree lesson (the protocol itself is in ../protocol.ts).

export type TreeCriterion = 'gini' | 'entropy';
export type TreeMissing = 'error' | 'drop' | 'fill';

export interface DecisionTreeHeaderParams {
  csv: string;
}

export interface DecisionTreeFitParams {
  /** CSV text with a header row. */
  csv: string;
  /** The label column. */
  target: string;
  /** Feature columns; empty = every column but the target and `drop`. */
  features: string[];
  drop: string[];
  missing: TreeMissing;
  criterion: TreeCriterion;
  /** 0 = no limit. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  testFraction: number;
  seed: number;
  /** Train and test accuracy for max depth 1 … sweepDepth (0: none). */
  sweepDepth: number;
  /** Decision regions on a gridSize² grid when there are exactly two features (0: none). */
  gridSize: number;
}

/** The tree's nodes as parallel arrays, in pre-order (0 is the root). */
export interface DecisionTreeNodes {
  /** Index into featureNames, −1 at a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  depth: Int32Array;
  samples: Float64Array;
  impurity: Float64Array;
  /** Weighted impurity decrease of the node's split (0 at a leaf). */
  improvement: Float64Array;
  /** Training rows of each class at each node: nodes × classes. */
  values: Float64Array;
  prediction: Int32Array;
  /** The rule of the left (≤) branch and of the right branch, "" at a leaf. */
  ruleLeft: string[];
  ruleRight: string[];
}

export interface DecisionTreeRegions {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
  /** Predicted class per cell, row 0 at the top. */
  classes: Uint8Array;
  x: Float64Array;
  y: Float64Array;
  labels: Int32Array;
  isTrain: Uint8Array;
}

export interface DecisionTreeResult {
  header: string[];
  target: string;
  featureNames: string[];
  classes: string[];
  classCounts: Float64Array;
  rows: number;
  trainRows: number;
  testRows: number;
  droppedRows: number;
  filled: { column: string; cells: number; value: string }[];
  nodes: DecisionTreeNodes;
  depth: number;
  leaves: number;
  trainAccuracy: number;
  testAccuracy: number;
  importances: Float64Array;
  sweep: { trainAccuracy: Float64Array; testAccuracy: Float64Array; leaves: Float64Array };
  /** The held-out rows: raw CSV cells, file row, label, prediction, path through the tree. */
  test: {
    cells: string[][];
    fileRows: Int32Array;
    labels: Int32Array;
    predicted: Int32Array;
    pathOffsets: Int32Array;
    paths: Int32Array;
  };
  regions: DecisionTreeRegions | null;
}
