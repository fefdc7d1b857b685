#pragma once
/// Tabular data for the classic learners: a CSV (csv.h) turned into a numeric design matrix X and a
/// target y, the way every tabular lesson and `mlplay <command> FILE.csv --target COLUMN` reads it.
///
/// - Numeric columns (every non-empty cell a number) are features as they are.
/// - Text columns are one-hot encoded: a column `class` with levels 1st, 2nd, 3rd becomes features
///   `class=1st`, `class=2nd`, `class=3rd` (levels sorted; with `drop_first` the first is left out so a
///   model with an intercept has no redundant column).
/// - The target is read as class labels (any text or numbers; classes sorted, numbers numerically) or
///   as numbers (regression).
/// - Missing (empty or NA) cells are an error naming the row and column, unless the spec says to drop
///   those rows or fill them (median of a numeric column, most frequent level of a text column).
/// Every error names the file row (the header is row 1) and the column, and says what to do.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/data/csv.h"

namespace mlplay::data {

enum class TargetKind { none, classes, numbers };
enum class MissingCells { error, drop_rows, fill };

struct TableSpec {
  /// The label column; empty for unsupervised use (k-means, PCA, clustering).
  std::string target;
  TargetKind target_kind = TargetKind::classes;
  /// Feature columns to use; empty = every column except the target and `drop`.
  std::vector<std::string> features;
  /// Columns to leave out.
  std::vector<std::string> drop;
  MissingCells missing = MissingCells::error;
  /// Leave out the first level of each one-hot encoded column.
  bool drop_first = false;
  /// A text feature with more distinct values than this is refused (names, ids) with a message.
  size_t max_levels = 40;
  /// When false, text feature columns are left out instead of one-hot encoded (lessons that plot
  /// numeric features only); they are listed in Dataset::skipped.
  bool one_hot = true;
};

/// How one CSV column became features.
struct SourceColumn {
  std::string name;
  bool categorical = false;
  /// The levels of a categorical column, sorted; its features are `name=level` (minus the first with
  /// drop_first).
  std::vector<std::string> levels;
  /// Index of its first feature in X and how many it has (0 for a one-level column with drop_first).
  size_t first_feature = 0, num_features = 0;
  /// How many cells were filled (MissingCells::fill), and with what.
  size_t filled = 0;
  std::string fill_value;
};

struct Dataset {
  /// Row-major rows × cols design matrix.
  size_t rows = 0, cols = 0;
  std::vector<double> x;
  std::vector<std::string> feature_names;
  std::vector<SourceColumn> columns;
  /// Text columns left out because `one_hot` was false.
  std::vector<std::string> skipped;

  std::string target_name;
  TargetKind target_kind = TargetKind::none;
  /// The target: class index (as a double) or the number.
  std::vector<double> y;
  /// Class index of each row (classes only).
  std::vector<int> labels;
  /// Class names in index order (classes only).
  std::vector<std::string> classes;

  /// File row (header = row 1) of each sample, for messages and for showing rows.
  std::vector<size_t> file_rows;
  /// Rows left out because of missing cells (MissingCells::drop_rows).
  size_t dropped_rows = 0;

  double at(size_t row, size_t col) const { return x[row * cols + col]; }
  double& at(size_t row, size_t col) { return x[row * cols + col]; }
  size_t num_classes() const { return classes.size(); }
  /// Samples per class, in class order.
  std::vector<size_t> class_counts() const;
  /// Names of features with a single value over all rows (they carry no information and make the
  /// normal equation singular).
  std::vector<std::string> constant_features() const;
  /// The rows `indices` (in that order), everything else kept.
  Dataset subset(const std::vector<size_t>& indices) const;
};

/// Builds X and y from a parsed CSV. Throws ValueError on: a missing target/feature column (listing
/// the columns), no feature columns, a missing cell (unless dropped/filled), a mostly numeric column
/// with a stray text cell ("CSV row 12, column 'temp': 'abc' is not a number…"), a text feature with
/// too many levels, a non-numeric regression target, a single class, no rows left.
Dataset load_table(const CsvTable& table, const TableSpec& spec);
/// read_csv + load_table.
Dataset load_table_text(std::string_view csv_text, const TableSpec& spec);

/// Row indices of a train/test split.
struct Split {
  std::vector<size_t> train, test;
};

/// Shuffles with `seed` and puts round(test_fraction × n) rows in test (at least 1 and at most n − 1).
/// For classes the split is stratified: each class is split in the same proportion (scikit-learn's
/// stratify=y), so a rare class appears on both sides when it has ≥ 2 rows.
Split train_test_split(const Dataset& data, double test_fraction, uint64_t seed, bool stratify = true);

/// k folds: fold i tests on one k-th of the rows and trains on the rest; stratified for classes
/// (rows of each class dealt round-robin over the folds after a shuffle). 2 ≤ k ≤ rows.
std::vector<Split> k_fold(const Dataset& data, int k, uint64_t seed, bool stratify = true);

/// Per-feature centring and scaling, z = (x − mean) / scale, fitted on some rows (the training rows,
/// so the test rows stay unseen). scale is the population standard deviation (scikit-learn's
/// StandardScaler), 1 for a constant feature.
struct Standardizer {
  std::vector<double> mean, scale;

  static Standardizer fit(const Dataset& data, const std::vector<size_t>& rows);
  static Standardizer fit(const Dataset& data);
  /// Standardizes X in place.
  void apply(Dataset& data) const;
  /// Standardizes one row of cols values in place.
  void apply_row(double* row) const;
};

/// Parses "error" | "drop" | "fill" (the CLI's --missing); throws ValueError otherwise.
MissingCells parse_missing_cells(const std::string& text);

}  // namespace mlplay::data
