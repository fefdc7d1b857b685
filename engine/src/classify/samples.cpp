#include "mlplay/classify/samples.h"

#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"

namespace mlplay::classify {

std::vector<int64_t> Samples::class_counts() const {
  std::vector<int64_t> counts(static_cast<size_t>(num_classes), 0);
  for (int32_t label : labels) ++counts[static_cast<size_t>(label)];
  return counts;
}

Samples samples_of(const data::Dataset& data, const std::vector<size_t>& rows, const std::vector<size_t>& features) {
  check(data.target_kind == data::TargetKind::classes, "samples_of: the data set has no class target (column '", data.target_name, "')");
  std::vector<size_t> columns = features;
  if (columns.empty()) {
    columns.resize(data.cols);
    std::iota(columns.begin(), columns.end(), size_t{0});
  }
  for (size_t c : columns) check(c < data.cols, "samples_of: feature index ", c, " is out of range for ", data.cols, " features");
  Samples out;
  out.rows = static_cast<int64_t>(rows.size());
  out.cols = static_cast<int64_t>(columns.size());
  out.num_classes = static_cast<int32_t>(data.num_classes());
  out.x.reserve(rows.size() * columns.size());
  out.labels.reserve(rows.size());
  for (size_t r : rows) {
    check(r < data.rows, "samples_of: row ", r, " is out of range for ", data.rows, " rows");
    for (size_t c : columns) out.x.push_back(data.at(r, c));
    out.labels.push_back(data.labels[r]);
  }
  return out;
}

double accuracy(const std::vector<int32_t>& predicted, const std::vector<int32_t>& truth) {
  check(predicted.size() == truth.size(), "accuracy: ", predicted.size(), " predictions for ", truth.size(), " labels");
  if (truth.empty()) return std::nan("");
  size_t right = 0;
  for (size_t i = 0; i < truth.size(); ++i) right += predicted[i] == truth[i];
  return static_cast<double>(right) / static_cast<double>(truth.size());
}

}  // namespace mlplay::classify
