#pragma once
/// Learning curves (scikit-learn's learning_curve): for growing training-set sizes n, fit on the
/// first n rows of each fold's training rows and score accuracy on those n rows (training score) and
/// on the fold's held-out rows (validation score); mean and population sd over the folds.
/// A large gap that closes slowly as n grows means high variance (more data helps); two curves that
/// meet early at a low score mean high bias (more data does not help; a richer model would).
///
/// Each fold's training rows are first put in a seeded order in which every prefix keeps the class
/// proportions (each class shuffled, then the classes interleaved by rank / class size), so that a
/// small training set still holds every class.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "mlplay/data/table.h"
#include "mlplay/evaluate/classifier.h"

namespace mlplay::evaluate {

struct LearningCurve {
  /// Training-set sizes, ascending.
  std::vector<size_t> sizes;
  /// Accuracy at each size (NaN for sizes not yet done).
  std::vector<double> train_mean, train_sd, validation_mean, validation_sd;
};

/// The seeded, class-interleaved order of `rows` described above.
std::vector<size_t> interleaved_order(const data::Dataset& data, const std::vector<size_t>& rows, uint64_t seed);

/// One training-set size (over every fold) per step().
class LearningCurveRun {
 public:
  /// `points` sizes spaced evenly from the smallest usable size (every class present, and at least
  /// k rows for k-NN) to the smallest training fold. Throws ValueError when folds are too small.
  LearningCurveRun(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds, int points, uint64_t seed,
                   bool standardize = true);
  bool step();
  size_t done() const { return done_; }
  size_t points() const { return curve_.sizes.size(); }
  const LearningCurve& result() const { return curve_; }

 private:
  data::Dataset data_;
  ModelOptions model_;
  bool standardize_;
  std::vector<data::Split> folds_;  // training rows in interleaved order
  LearningCurve curve_;
  size_t done_ = 0;
};

LearningCurve learning_curve(const data::Dataset& data, const ModelOptions& model, const std::vector<data::Split>& folds, int points,
                             uint64_t seed, bool standardize = true);

}  // namespace mlplay::evaluate
