#include "mlplay/tree/depth_sweep.h"

#include "mlplay/core/error.h"

namespace mlplay::tree {

std::vector<DepthScore> depth_sweep(const Samples& train, const std::vector<int>& train_labels, const Samples& test,
                                    const std::vector<int>& test_labels, int n_classes, TreeOptions options, int max_depth) {
  check<ValueError>(max_depth >= 1 && max_depth <= 64, "depth_sweep: max_depth must be 1 to 64, got ", max_depth);
  std::vector<DepthScore> out;
  for (int d = 1; d <= max_depth; ++d) {
    options.max_depth = d;
    DecisionTree tree(options);
    tree.fit(train, train_labels, n_classes);
    out.push_back({d, tree.depth(), tree.n_leaves(), accuracy(tree.predict(train), train_labels),
                   accuracy(tree.predict(test), test_labels)});
  }
  return out;
}

}  // namespace mlplay::tree
