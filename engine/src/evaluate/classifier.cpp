#include "mlplay/evaluate/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mlplay/classify/gaussian_nb.h"
#include "mlplay/classify/knn.h"
#include "mlplay/classify/svm.h"
#include "mlplay/core/error.h"
#include "mlplay/linear_model/logistic_regression.h"
#include "mlplay/tree/decision_tree.h"
#include "mlplay/tree/random_forest.h"

namespace mlplay::evaluate {
namespace {

/// Gradient descent on the (penalized) cross-entropy for options.epochs full-batch steps.
class LogisticAdapter final : public Classifier {
 public:
  explicit LogisticAdapter(const ModelOptions& o) : options_(o) {}
  void fit(const classify::Samples& train) override {
    data::Dataset d;  // the model trains on a data::Dataset: x (rows, cols) and class labels
    d.rows = static_cast<size_t>(train.rows);
    d.cols = static_cast<size_t>(train.cols);
    d.x = train.x;
    d.labels.assign(train.labels.begin(), train.labels.end());
    d.target_kind = data::TargetKind::classes;
    d.classes.resize(static_cast<size_t>(train.num_classes));
    model_ = std::make_unique<linear_model::LogisticRegression>(d.cols, d.classes.size(),
                                                               linear_model::LogisticRegressionOptions{options_.lr, options_.l2});
    for (int e = 0; e < options_.epochs; ++e) model_->step(d);
  }
  std::vector<double> predict_proba(const double* x, int64_t n) const override {
    check(model_ != nullptr, "logreg: fit before predicting");
    std::vector<double> out;
    out.reserve(static_cast<size_t>(n) * model_->num_classes());
    for (int64_t i = 0; i < n; ++i) {
      const auto p = model_->predict_proba_row(x + i * static_cast<int64_t>(model_->num_features()));
      out.insert(out.end(), p.begin(), p.end());
    }
    return out;
  }

 private:
  ModelOptions options_;
  std::unique_ptr<linear_model::LogisticRegression> model_;
};

class KnnAdapter final : public Classifier {
 public:
  explicit KnnAdapter(const ModelOptions& o) : model_(classify::KNeighborsOptions{o.k, classify::Metric::euclidean, classify::Weights::uniform}) {}
  void fit(const classify::Samples& train) override { model_.fit(train); }
  std::vector<double> predict_proba(const double* x, int64_t n) const override { return model_.predict_proba(x, n); }

 private:
  classify::KNeighborsClassifier model_;
};

class GaussianNbAdapter final : public Classifier {
 public:
  explicit GaussianNbAdapter(const ModelOptions& o) : model_(classify::GaussianNBOptions{o.var_smoothing}) {}
  void fit(const classify::Samples& train) override { model_.fit(train); }
  std::vector<double> predict_proba(const double* x, int64_t n) const override { return model_.predict_proba(x, n); }

 private:
  classify::GaussianNB model_;
};

/// SVC with an RBF kernel; margins squashed to [0, 1] (see the NOTE in classifier.h).
class SvmAdapter final : public Classifier {
 public:
  explicit SvmAdapter(const ModelOptions& o) : options_(o), model_(classify::SvmOptions{}) {}
  void fit(const classify::Samples& train) override {
    classify::SvmOptions o;
    o.kernel.type = classify::KernelType::rbf;
    o.kernel.gamma = options_.gamma > 0 ? options_.gamma : classify::gamma_scale(train);
    o.C = options_.C;
    o.max_iter = 200'000;
    model_ = classify::SVC(o);
    model_.fit(train);
    classes_ = train.num_classes;
  }
  std::vector<double> predict_proba(const double* x, int64_t n) const override {
    const std::vector<double> f = model_.decision_function(x, n);  // (n, 1) or (n, classes)
    const auto k = static_cast<size_t>(classes_);
    std::vector<double> out(static_cast<size_t>(n) * k);
    for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
      if (k == 2) {
        const double p = linear_model::sigmoid(f[i]);  // class 1 is f > 0
        out[2 * i] = 1 - p, out[2 * i + 1] = p;
      } else {
        std::vector<double> z(f.begin() + static_cast<std::ptrdiff_t>(i * k), f.begin() + static_cast<std::ptrdiff_t>((i + 1) * k));
        linear_model::softmax(z);
        std::copy(z.begin(), z.end(), out.begin() + static_cast<std::ptrdiff_t>(i * k));
      }
    }
    return out;
  }

 private:
  ModelOptions options_;
  classify::SVC model_;
  int32_t classes_ = 0;
};

tree::Samples tree_samples(const classify::Samples& s) { return {s.x.data(), s.rows, s.cols}; }

/// The class shares in the leaf (tree) or their average over the trees (forest).
template <typename Model>
std::vector<double> leaf_shares(const Model& model, const double* x, int64_t n, int64_t cols, int32_t classes) {
  std::vector<double> out;
  out.reserve(static_cast<size_t>(n * classes));
  for (int64_t i = 0; i < n; ++i) {
    const auto p = model.predict_proba(x + i * cols);
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

class TreeAdapter final : public Classifier {
 public:
  explicit TreeAdapter(const ModelOptions& o) : model_(tree::TreeOptions{.max_depth = o.max_depth, .seed = o.seed}) {}
  void fit(const classify::Samples& train) override {
    model_.fit(tree_samples(train), std::vector<int>(train.labels.begin(), train.labels.end()), train.num_classes);
    cols_ = train.cols, classes_ = train.num_classes;
  }
  std::vector<double> predict_proba(const double* x, int64_t n) const override { return leaf_shares(model_, x, n, cols_, classes_); }

 private:
  tree::DecisionTree model_;
  int64_t cols_ = 0;
  int32_t classes_ = 0;
};

class ForestAdapter final : public Classifier {
 public:
  explicit ForestAdapter(const ModelOptions& o) : options_(o) {}
  void fit(const classify::Samples& train) override {
    tree::ForestOptions f;
    f.n_estimators = options_.trees;
    f.tree.max_depth = options_.max_depth;
    f.tree.max_features = std::max(1, static_cast<int>(std::lround(std::sqrt(static_cast<double>(train.cols)))));  // √d, as sklearn
    f.seed = options_.seed;
    model_ = tree::RandomForest(f);
    model_.fit(tree_samples(train), std::vector<int>(train.labels.begin(), train.labels.end()), train.num_classes);
    cols_ = train.cols, classes_ = train.num_classes;
  }
  std::vector<double> predict_proba(const double* x, int64_t n) const override { return leaf_shares(model_, x, n, cols_, classes_); }

 private:
  ModelOptions options_;
  tree::RandomForest model_;
  int64_t cols_ = 0;
  int32_t classes_ = 0;
};

}  // namespace

ModelKind parse_model(const std::string& text) {
  if (text == "logreg") return ModelKind::logreg;
  if (text == "knn") return ModelKind::knn;
  if (text == "gnb") return ModelKind::gnb;
  if (text == "svm") return ModelKind::svm;
  if (text == "tree") return ModelKind::tree;
  if (text == "forest") return ModelKind::forest;
  throw ValueError("model must be logreg, knn, gnb, svm, tree or forest, got '" + text + "'");
}

std::string to_string(ModelKind kind) {
  switch (kind) {
    case ModelKind::logreg: return "logreg";
    case ModelKind::knn: return "knn";
    case ModelKind::gnb: return "gnb";
    case ModelKind::svm: return "svm";
    case ModelKind::tree: return "tree";
    case ModelKind::forest: return "forest";
  }
  return "?";
}

void check_options(const ModelOptions& o) {
  check(std::isfinite(o.lr) && o.lr > 0 && o.lr <= 100, "logreg: lr must be in (0, 100], got ", o.lr);
  check(o.epochs >= 1 && o.epochs <= 100'000, "logreg: epochs must be from 1 to 100000, got ", o.epochs);
  check(std::isfinite(o.l2) && o.l2 >= 0, "logreg: l2 must be ≥ 0, got ", o.l2);
  check(o.k >= 1, "knn: k must be at least 1, got ", o.k);
  check(std::isfinite(o.var_smoothing) && o.var_smoothing >= 0, "gnb: var_smoothing must be ≥ 0, got ", o.var_smoothing);
  check(std::isfinite(o.C) && o.C > 0, "svm: C must be > 0, got ", o.C);
  check(std::isfinite(o.gamma) && o.gamma >= 0, "svm: gamma must be ≥ 0 (0 = scale), got ", o.gamma);
  check(o.max_depth >= 0 && o.max_depth <= 64, "tree: max depth must be from 0 (no limit) to 64, got ", o.max_depth);
  check(o.trees >= 1 && o.trees <= 10'000, "forest: trees must be from 1 to 10000, got ", o.trees);
}

std::vector<int> Classifier::predict(const double* x, int64_t n) const {
  const std::vector<double> p = predict_proba(x, n);
  const size_t k = n > 0 ? p.size() / static_cast<size_t>(n) : 0;
  std::vector<int> out(static_cast<size_t>(n));
  for (size_t i = 0; i < out.size(); ++i) {
    const auto row = p.begin() + static_cast<std::ptrdiff_t>(i * k);
    out[i] = static_cast<int>(std::max_element(row, row + static_cast<std::ptrdiff_t>(k)) - row);
  }
  return out;
}

std::unique_ptr<Classifier> make_classifier(const ModelOptions& options) {
  check_options(options);
  switch (options.kind) {
    case ModelKind::logreg: return std::make_unique<LogisticAdapter>(options);
    case ModelKind::knn: return std::make_unique<KnnAdapter>(options);
    case ModelKind::gnb: return std::make_unique<GaussianNbAdapter>(options);
    case ModelKind::svm: return std::make_unique<SvmAdapter>(options);
    case ModelKind::tree: return std::make_unique<TreeAdapter>(options);
    case ModelKind::forest: return std::make_unique<ForestAdapter>(options);
  }
  throw ValueError("make_classifier: unknown model");
}

std::string describe(const ModelOptions& o) {
  char text[160];
  switch (o.kind) {
    case ModelKind::logreg:
      std::snprintf(text, sizeof text, "logistic regression (lr %g, %d epochs, L2 %g)", o.lr, o.epochs, o.l2);
      break;
    case ModelKind::knn: std::snprintf(text, sizeof text, "k-NN (k = %d)", o.k); break;
    case ModelKind::gnb: std::snprintf(text, sizeof text, "Gaussian naive Bayes"); break;
    case ModelKind::svm:
      if (o.gamma > 0) std::snprintf(text, sizeof text, "RBF SVM (C = %g, gamma = %g)", o.C, o.gamma);
      else std::snprintf(text, sizeof text, "RBF SVM (C = %g, gamma = scale)", o.C);
      break;
    case ModelKind::tree:
      if (o.max_depth > 0) std::snprintf(text, sizeof text, "decision tree (max depth %d)", o.max_depth);
      else std::snprintf(text, sizeof text, "decision tree (no depth limit)");
      break;
    case ModelKind::forest: std::snprintf(text, sizeof text, "random forest (%d trees)", o.trees); break;
  }
  return text;
}

}  // namespace mlplay::evaluate
