#pragma once
/// Data for PCA: a feature matrix and, for colouring the projection, a class label per sample.
/// From a CSV: every column whose first filled cell is a number is a feature (a later empty or
/// non-numeric cell is an error naming its row and column); the other columns are text and are left
/// out of the fit. The label is a named column (numeric or text, then left out of the fit) or else the
/// first text column with at most kMaxClasses distinct values (a whole-number column named label,
/// class, target or digit counts as text here). From MNIST: 784 pixels scaled to [0, 1].
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/data/csv.h"
#include "mlplay/data/idx.h"
#include "mlplay/linalg/pca.h"

namespace mlplay::decomposition {

inline constexpr int64_t kMaxClasses = 20;

struct LabeledData {
  Matrix x;
  std::vector<std::string> feature_names;
  /// The label column's name ("" when there is none).
  std::string label_name;
  /// Class names in order of first appearance; labels[i] indexes it (empty when unlabelled).
  std::vector<std::string> classes;
  std::vector<int32_t> labels;
  /// Text columns left out of the fit (the label not included).
  std::vector<std::string> ignored;
};

/// Features and labels of a CSV table. `label`: a column name, "" to pick the first suitable text
/// column, or "none" for no label. Throws ValueError for an unknown label column, a label with more
/// than kMaxClasses values, no numeric column, or a bad cell (naming row and column).
LabeledData labeled_data_from_csv(const data::CsvTable& table, std::string_view label = "");

/// The first `count` MNIST images (pixels / 255) with their digits as labels "0"…"9".
LabeledData labeled_data_from_mnist(const data::MnistSet& set, int64_t count);

/// An MNIST set from the bytes of an images IDX file (N × 28 × 28) and a labels IDX file (N digits),
/// checked as load_mnist checks files (IOError naming which part is wrong).
data::MnistSet mnist_from_idx(std::span<const uint8_t> images, std::span<const uint8_t> labels);

}  // namespace mlplay::decomposition
