// mlplay tree: a CART decision tree on a CSV file, as in the decision-tree lesson: the root split and
// its gain, the tree printed rule by rule, feature importances, and training and test accuracy on a
// stratified split; --sweep D adds both accuracies for max depth 1 … D (the overfitting plot).
//   mlplay tree datasets/titanic.csv --target survived --drop country --missing fill --max-depth 5 --criterion gini
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/tree/decision_tree.h"
#include "mlplay/tree/depth_sweep.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::tree;
using json = nlohmann::ordered_json;

Samples samples_of(const data::Dataset& d) { return {d.x.data(), static_cast<int64_t>(d.rows), static_cast<int64_t>(d.cols)}; }

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * share);
  return text;
}

int majority(const TreeNode& node) {
  return static_cast<int>(std::max_element(node.value.begin(), node.value.end()) - node.value.begin());
}

/// The tree as indented rules, scikit-learn's export_text style.
void print_tree(std::ostream& out, const DecisionTree& tree, int id, int indent, const data::Dataset& d, const char* criterion) {
  const TreeNode& node = tree.nodes()[static_cast<size_t>(id)];
  const std::string pad(static_cast<size_t>(indent) * 4, ' ');
  char line[256];
  if (node.is_leaf()) {
    const int c = majority(node);
    std::snprintf(line, sizeof line, "%s→ %s (%s of %lld; %s %.3f)\n", pad.c_str(), d.classes[static_cast<size_t>(c)].c_str(),
                  percent(node.value[static_cast<size_t>(c)] / node.weight).c_str(), static_cast<long long>(node.samples), criterion,
                  node.impurity);
    out << line;
    return;
  }
  const std::string& name = d.feature_names[static_cast<size_t>(node.feature)];
  for (bool left : {true, false}) {
    out << pad << "if " << rule_text(name, node.threshold, left) << ":\n";
    print_tree(out, tree, left ? node.left : node.right, indent + 1, d, criterion);
  }
}

int run_tree(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("tree", tokens, with_table_options({"max-depth", "criterion", "min-samples-split", "min-samples-leaf", "sweep"}), {"json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  TreeOptions options;
  const std::string criterion = args.value("criterion").value_or("gini");
  if (criterion != "gini" && criterion != "entropy") throw UsageError("tree: --criterion must be gini or entropy, got '" + criterion + "'");
  options.criterion = parse_criterion(criterion);
  options.max_depth = static_cast<int>(args.integer("max-depth", 5, 0, 64));
  options.min_samples_split = static_cast<int>(args.integer("min-samples-split", 2, 2, 1'000'000'000));
  options.min_samples_leaf = static_cast<int>(args.integer("min-samples-leaf", 1, 1, 1'000'000'000));
  const int sweep = static_cast<int>(args.integer("sweep", 0, 0, 64));
  const SplitOptions split_opts = split_options(args);

  const data::Dataset all = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(all, split_opts.test_fraction, split_opts.seed);
  const data::Dataset train = all.subset(split.train), test = all.subset(split.test);
  const int k = static_cast<int>(all.num_classes());
  DecisionTree tree(options);
  tree.fit(samples_of(train), train.labels, k);
  const double train_accuracy = accuracy(tree.predict(samples_of(train)), train.labels);
  const double test_accuracy = accuracy(tree.predict(samples_of(test)), test.labels);
  const std::vector<double> importances = tree.feature_importances();
  std::vector<size_t> ranked(importances.size());
  std::iota(ranked.begin(), ranked.end(), 0);
  std::stable_sort(ranked.begin(), ranked.end(), [&](size_t a, size_t b) { return importances[a] > importances[b]; });
  const std::vector<DepthScore> sweep_rows =
      sweep ? depth_sweep(samples_of(train), train.labels, samples_of(test), test.labels, k, options, sweep) : std::vector<DepthScore>{};
  const TreeNode& root = tree.nodes()[0];
  const double root_gain = root.is_leaf() ? 0.0 : root.improvement;

  if (args.flag("json")) {
    json nodes = json::array(), ranked_json = json::array(), sweep_json = json::array(), filled = json::array();
    for (size_t i = 0; i < tree.nodes().size(); ++i) {
      const TreeNode& n = tree.nodes()[i];
      json node = {{"id", i}, {"depth", n.depth}, {"samples", n.samples}, {"impurity", n.impurity}, {"value", n.value},
                   {"prediction", all.classes[static_cast<size_t>(majority(n))]}};
      if (!n.is_leaf()) {
        node["feature"] = all.feature_names[static_cast<size_t>(n.feature)];
        node["threshold"] = n.threshold;
        node["rule"] = rule_text(all.feature_names[static_cast<size_t>(n.feature)], n.threshold, true);
        node["left"] = n.left;
        node["right"] = n.right;
        node["gain"] = n.improvement;
      }
      nodes.push_back(node);
    }
    for (size_t f : ranked) ranked_json.push_back({{"feature", all.feature_names[f]}, {"importance", importances[f]}});
    for (const DepthScore& s : sweep_rows) {
      sweep_json.push_back({{"max_depth", s.max_depth}, {"depth", s.depth}, {"leaves", s.leaves}, {"train_accuracy", s.train_accuracy},
                            {"test_accuracy", s.test_accuracy}});
    }
    for (const auto& c : all.columns) {
      if (c.filled) filled.push_back({{"column", c.name}, {"cells", c.filled}, {"value", c.fill_value}});
    }
    json result = {{"samples", all.rows}, {"features", all.cols}, {"feature_names", all.feature_names}, {"target", all.target_name},
                   {"classes", all.classes}, {"class_counts", all.class_counts()}, {"dropped_rows", all.dropped_rows}, {"filled", filled},
                   {"criterion", criterion}, {"max_depth", options.max_depth}, {"min_samples_split", options.min_samples_split},
                   {"min_samples_leaf", options.min_samples_leaf}, {"test_fraction", split_opts.test_fraction}, {"seed", split_opts.seed},
                   {"train_rows", train.rows}, {"test_rows", test.rows}, {"depth", tree.depth()}, {"nodes", tree.nodes().size()},
                   {"leaves", tree.n_leaves()}, {"train_accuracy", train_accuracy}, {"test_accuracy", test_accuracy},
                   {"root", root.is_leaf() ? json(nullptr)
                                           : json{{"feature", all.feature_names[static_cast<size_t>(root.feature)]}, {"threshold", root.threshold},
                                                  {"rule", rule_text(all.feature_names[static_cast<size_t>(root.feature)], root.threshold, true)},
                                                  {"gain", root_gain}, {"impurity", root.impurity}}},
                   {"importances", ranked_json}, {"tree", nodes}, {"sweep", sweep_json}};
    out << result.dump() << "\n";
    return 0;
  }

  const char* name = options.criterion == Criterion::gini ? "Gini" : "Entropy";
  out << "=== Decision Tree Classifier ===\n";
  out << "Loaded " << all.rows << " rows, " << all.cols << " features; target '" << all.target_name << "': ";
  const auto counts = all.class_counts();
  for (size_t c = 0; c < counts.size(); ++c) out << (c ? ", " : "") << all.classes[c] << " " << counts[c];
  out << "\n";
  if (all.dropped_rows) out << "Left out " << all.dropped_rows << " rows with missing cells\n";
  for (const auto& c : all.columns) {
    if (c.filled) out << "Filled " << c.filled << " empty cells of '" << c.name << "' with " << c.fill_value << "\n";
  }
  out << "Training on " << train.rows << " rows, testing on " << test.rows << " (stratified split, seed " << split_opts.seed << ")\n";
  out << "Building tree (" << criterion << ", max depth " << (options.max_depth ? std::to_string(options.max_depth) : "unlimited")
      << ", min samples split " << options.min_samples_split << ", min samples leaf " << options.min_samples_leaf << ")...\n";
  char line[256];
  if (!root.is_leaf()) {
    std::snprintf(line, sizeof line, "Root split: %s (%s gain: %.4f)\n",
                  rule_text(all.feature_names[static_cast<size_t>(root.feature)], root.threshold, true).c_str(), name, root_gain);
    out << line;
  }
  out << "Tree depth: " << tree.depth() << "\nNodes: " << tree.nodes().size() << " (" << tree.n_leaves() << " leaves)\n";
  out << "Train accuracy: " << percent(train_accuracy) << "\nTest accuracy: " << percent(test_accuracy) << "\n";
  out << "Decision tree (" << criterion << " impurity at each leaf):\n";
  print_tree(out, tree, 0, 1, all, criterion.c_str());
  out << "Feature importances:\n";
  for (size_t f : ranked) {
    if (importances[f] <= 0) break;
    std::snprintf(line, sizeof line, "  %-24s %.3f\n", all.feature_names[f].c_str(), importances[f]);
    out << line;
  }
  if (!sweep_rows.empty()) {
    out << "Accuracy against max depth:\n";
    for (const DepthScore& s : sweep_rows) {
      std::snprintf(line, sizeof line, "  depth %2d: train %s, test %s (%d leaves)\n", s.max_depth, percent(s.train_accuracy).c_str(),
                    percent(s.test_accuracy).c_str(), s.leaves);
      out << line;
    }
  }
  return 0;
}

}  // namespace

Command tree_command() {
  return {"tree",
          "mlplay tree FILE.csv --target COLUMN [--max-depth D] [--criterion gini|entropy] [--min-samples-split N] "
          "[--min-samples-leaf N] [--features a,b] [--drop c,d] [--missing error|drop|fill] [--test-fraction F] [--seed S] "
          "[--sweep D] [--json]",
          "a CART decision-tree classifier (Gini or entropy splits at midpoints of sorted feature values; text columns one-hot "
          "encoded): the root split and its gain, the tree as rules, feature importances, training and test accuracy on a "
          "stratified split; --sweep D adds both accuracies for max depth 1 to D. --max-depth 0 grows the tree until its leaves are pure.",
          run_tree};
}

}  // namespace mlplay::cli
