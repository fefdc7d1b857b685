#pragma once
/// One small interface over the classifiers of the earlier lessons, so that model evaluation
/// (cross-validation, learning curves) can treat them alike, as scikit-learn's estimator API does
/// (fit, predict_proba, predict). Each adapter only wraps the existing model; none is a copy:
///   logreg  linear_model::LogisticRegression (gradient descent on the cross-entropy)
///   knn     classify::KNeighborsClassifier
///   gnb     classify::GaussianNB
///   svm     classify::SVC (SMO; one-vs-rest for 3+ classes)
///   tree    tree::DecisionTree (CART)
///   forest  tree::RandomForest
/// NOTE: an SVM gives margins f(x), not probabilities. Its adapter squashes them with σ(f) for two
/// classes and a softmax over the one-vs-rest margins for more: good enough to rank (ROC, AUC) but
/// not calibrated (scikit-learn fits Platt's sigmoid on extra folds instead); the calibration plot
/// shows it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mlplay/classify/samples.h"

namespace mlplay::evaluate {

enum class ModelKind { logreg, knn, gnb, svm, tree, forest };

/// "logreg" | "knn" | "gnb" | "svm" | "tree" | "forest"; throws ValueError naming the text otherwise.
ModelKind parse_model(const std::string& text);
std::string to_string(ModelKind kind);

/// Every model's settings; each adapter reads only its own (and the seed).
struct ModelOptions {
  ModelKind kind = ModelKind::logreg;
  /// logreg: gradient-descent step, epochs and L2 penalty λ.
  double lr = 0.5;
  int epochs = 200;
  double l2 = 0;
  /// knn: neighbours that vote (uniform weights, Euclidean distance).
  int k = 5;
  /// gnb: variance smoothing.
  double var_smoothing = 1e-9;
  /// svm: C and the RBF kernel's γ (0 = scikit-learn's gamma='scale': 1 / (features · Var X)).
  double C = 1.0;
  double gamma = 0;
  /// tree and forest: deepest level (0 = grow until pure); forest: number of trees.
  int max_depth = 0;
  int trees = 100;
  /// Seeds the random parts (forest bootstraps and feature draws).
  uint64_t seed = 0;
};

/// Throws ValueError naming the option when a setting is out of range.
void check_options(const ModelOptions& options);

/// A classifier that learns from labelled rows and answers with class probabilities.
class Classifier {
 public:
  virtual ~Classifier() = default;
  /// Learns from `train` (its labels in [0, train.num_classes)).
  virtual void fit(const classify::Samples& train) = 0;
  /// Class probabilities of n rows of x (n, cols): (n, classes) row-major, each row summing to 1.
  virtual std::vector<double> predict_proba(const double* x, int64_t n) const = 0;
  /// The most probable class of each row (the lowest index on a tie).
  std::vector<int> predict(const double* x, int64_t n) const;
};

/// A fresh, unfitted classifier of options.kind.
std::unique_ptr<Classifier> make_classifier(const ModelOptions& options);

/// The one-line description of a model and its main setting, e.g. "k-NN (k = 5)".
std::string describe(const ModelOptions& options);

}  // namespace mlplay::evaluate
