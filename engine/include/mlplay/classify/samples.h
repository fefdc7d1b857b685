#pragma once
/// Labelled samples for the classifiers of the classify/ area (k-nearest neighbours, Gaussian naive
/// Bayes, support vector machines): a row-major feature matrix and a class index per row, taken from
/// a data::Dataset (table.h) by rows and feature columns.
#include <cstdint>
#include <vector>

#include "mlplay/data/table.h"

namespace mlplay::classify {

struct Samples {
  int64_t rows = 0, cols = 0;
  /// x (rows, cols), row-major.
  std::vector<double> x;
  /// Class index of each row, in [0, num_classes).
  std::vector<int32_t> labels;
  int32_t num_classes = 0;

  const double* row(int64_t i) const { return x.data() + i * cols; }
  /// Samples per class, in class order.
  std::vector<int64_t> class_counts() const;
};

/// The rows `rows` of `data` restricted to the feature columns `features` (all columns when empty).
/// Throws ValueError when the dataset has no class target or a feature index is out of range.
Samples samples_of(const data::Dataset& data, const std::vector<size_t>& rows, const std::vector<size_t>& features = {});

/// Fraction of `predicted` equal to `truth`; NaN when both are empty.
double accuracy(const std::vector<int32_t>& predicted, const std::vector<int32_t>& truth);

}  // namespace mlplay::classify
