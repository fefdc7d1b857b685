#pragma once
/// The bias–variance picture of the ensembles lesson: many training sets drawn from the same noisy
/// function y = sin(x) + ε, ε ~ N(0, noise²), x uniform on [0, 6]; on each, one fully grown regression
/// tree and one bagged forest. At every x of a grid, over the training sets,
///   bias²(x) = (mean prediction − sin x)²,   variance(x) = spread of the predictions around their mean,
/// and their averages over the grid. Deep trees have low bias and high variance; averaging many
/// bootstrapped trees keeps the bias and cuts the variance.
#include <cstdint>
#include <vector>

namespace mlplay::tree {

struct BiasVarianceOptions {
  int datasets = 20;
  int points = 80;
  double noise = 0.3;
  int grid = 200;
  int forest_trees = 30;
  /// Of the single tree and the forest's trees; 0 = grown until pure.
  int max_depth = 0;
  uint64_t seed = 0;
};

struct BiasVariance {
  /// The grid and sin(x) on it.
  std::vector<double> x, truth;
  /// datasets × grid predictions, row by row.
  std::vector<double> tree_predictions, forest_predictions;
  /// The mean prediction over the data sets at each x.
  std::vector<double> tree_mean, forest_mean;
  double tree_bias2 = 0, tree_variance = 0, forest_bias2 = 0, forest_variance = 0;
  /// The first data set's points, to draw.
  std::vector<double> sample_x, sample_y;
};

/// Throws ValueError for counts out of range (datasets 2–200, points 5–5000, grid 2–2000, trees 1–500) or noise < 0.
BiasVariance bias_variance(const BiasVarianceOptions& options);

}  // namespace mlplay::tree
