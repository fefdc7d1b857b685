#include "mlplay/linalg/pca_data.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "mlplay/core/error.h"

namespace mlplay::decomposition {
namespace {

bool is_number(const std::string& cell) {
  if (cell.empty()) return false;
  // NOTE: strtod, as data::numeric_column does (Emscripten's libc++ has no floating-point from_chars).
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  return end == cell.c_str() + cell.size() && std::isfinite(value);
}

/// A column is numeric when its first filled cell is a number.
bool numeric(const data::CsvTable& table, size_t c) {
  for (const auto& row : table.rows) {
    if (!row[c].empty()) return is_number(row[c]);
  }
  return false;
}

void set_labels(LabeledData& out, const data::CsvTable& table, size_t c) {
  std::map<std::string, int32_t> index;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& cell = table.rows[r][c];
    auto [it, added] = index.emplace(cell, static_cast<int32_t>(out.classes.size()));
    if (added) out.classes.push_back(cell);
    out.labels.push_back(it->second);
  }
  out.label_name = table.header[c];
}

/// A numeric column named like a label, holding whole numbers.
bool label_like(const data::CsvTable& table, size_t c) {
  std::string name = table.header[c];
  for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (name != "label" && name != "class" && name != "target" && name != "digit") return false;
  for (const auto& row : table.rows) {
    char* end = nullptr;
    const double value = std::strtod(row[c].c_str(), &end);
    if (row[c].empty() || end != row[c].c_str() + row[c].size() || value != std::floor(value)) return false;
  }
  return true;
}

size_t distinct(const data::CsvTable& table, size_t c) {
  std::vector<std::string> values;
  for (const auto& row : table.rows) values.push_back(row[c]);
  std::sort(values.begin(), values.end());
  return static_cast<size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

}  // namespace

LabeledData labeled_data_from_csv(const data::CsvTable& table, std::string_view label) {
  check(!table.rows.empty(), "pca: the CSV has a header but no data rows");
  const size_t columns = table.num_columns();
  LabeledData out;
  long label_column = -1;
  if (label == "none") {
    label_column = -2;
  } else if (!label.empty()) {
    label_column = static_cast<long>(table.column_index(label));
    const size_t count = distinct(table, static_cast<size_t>(label_column));
    check(count <= static_cast<size_t>(kMaxClasses), "pca: label column '", label, "' has ", count,
          " different values; a label can have at most ", kMaxClasses, " classes");
  } else {
    for (size_t c = 0; c < columns; ++c) {
      if ((!numeric(table, c) || label_like(table, c)) && distinct(table, c) <= static_cast<size_t>(kMaxClasses)) {
        label_column = static_cast<long>(c);
        break;
      }
    }
  }
  std::vector<size_t> features;
  for (size_t c = 0; c < columns; ++c) {
    if (static_cast<long>(c) == label_column) continue;
    if (numeric(table, c)) {
      features.push_back(c);
    } else {
      out.ignored.push_back(table.header[c]);
    }
  }
  check(!features.empty(), "pca: no numeric column to analyse (the columns are ", [&] {
    std::string names;
    for (const auto& h : table.header) names += (names.empty() ? "" : ", ") + h;
    return names;
  }(), ")");
  const auto n = static_cast<int64_t>(table.num_rows()), d = static_cast<int64_t>(features.size());
  out.x = Matrix(n, d, std::vector<double>(static_cast<size_t>(n * d)));
  for (int64_t f = 0; f < d; ++f) {
    const std::string& name = table.header[features[static_cast<size_t>(f)]];
    const data::NumericColumn column = data::numeric_column(table, name);
    for (int64_t s = 0; s < n; ++s) out.x(s, f) = column.values[static_cast<size_t>(s)];
    out.feature_names.push_back(name);
  }
  if (label_column >= 0) set_labels(out, table, static_cast<size_t>(label_column));
  return out;
}

LabeledData labeled_data_from_mnist(const data::MnistSet& set, int64_t count) {
  check(count >= 2 && count <= set.count, "pca: MNIST count must be from 2 to ", set.count, ", got ", count);
  constexpr int64_t kPixels = 28 * 28;
  LabeledData out;
  out.x = Matrix(count, kPixels, std::vector<double>(static_cast<size_t>(count * kPixels)));
  for (int64_t i = 0; i < count * kPixels; ++i) out.x.values[static_cast<size_t>(i)] = set.images[static_cast<size_t>(i)] / 255.0;
  for (int64_t p = 0; p < kPixels; ++p) {
    out.feature_names.push_back("r" + std::to_string(p / 28) + "c" + std::to_string(p % 28));
  }
  out.label_name = "digit";
  for (int digit = 0; digit < 10; ++digit) out.classes.push_back(std::to_string(digit));
  out.labels.assign(set.labels.begin(), set.labels.begin() + count);
  return out;
}

data::MnistSet mnist_from_idx(std::span<const uint8_t> images, std::span<const uint8_t> labels) {
  const data::IdxArray x = data::parse_idx(images, "MNIST images");
  const data::IdxArray y = data::parse_idx(labels, "MNIST labels");
  check<IOError>(x.shape.size() == 3 && x.shape[1] == 28 && x.shape[2] == 28, "MNIST images: expected N x 28 x 28 images, got ",
                 x.shape.size(), " dimensions");
  check<IOError>(y.shape.size() == 1 && y.count() == x.count(), "MNIST labels: expected ", x.count(), " labels, got ", y.count());
  for (int64_t i = 0; i < y.count(); ++i) {
    check<IOError>(y.values[static_cast<size_t>(i)] <= 9, "MNIST labels: label ", i, " is ", int(y.values[static_cast<size_t>(i)]),
                   ", not a digit 0-9");
  }
  return {x.count(), x.values, y.values};
}

}  // namespace mlplay::decomposition
