#pragma once
/// Training and test accuracy of the same tree grown to depth 1, 2, … max_depth: the picture of
/// overfitting the decision-tree lesson draws (training accuracy keeps rising, test accuracy peaks).
#include <vector>

#include "mlplay/tree/decision_tree.h"

namespace mlplay::tree {

struct DepthScore {
  int max_depth = 0;
  /// The depth the tree actually reached (it stops early once every leaf is pure).
  int depth = 0;
  int leaves = 0;
  double train_accuracy = 0, test_accuracy = 0;
};

/// One tree per max_depth 1 … max_depth with `options` otherwise (its max_depth is overridden).
std::vector<DepthScore> depth_sweep(const Samples& train, const std::vector<int>& train_labels, const Samples& test,
                                    const std::vector<int>& test_labels, int n_classes, TreeOptions options, int max_depth);

}  // namespace mlplay::tree
