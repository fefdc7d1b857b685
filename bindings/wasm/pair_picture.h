#pragma once
// The part of a classifier lesson's result that shows the data: every row on the chosen feature pair,
// which rows are held out, and the plotted rectangle, shared by knn-naive-bayes and svm.
#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "js.h"
#include "mlplay/classify/decision_grid.h"
#include "mlplay/classify/samples.h"
#include "mlplay/data/table.h"

namespace mlplay::bindings {

/// Sets featureNames, classes, x, y (the pair's names), points [x0, y0, …] and labels of every row,
/// isTest (1 for the rows of split.test), trainRows, testRows, bounds [x0, x1, y0, y1] and grid
/// (cells a side) on `out`.
inline void set_pair_picture(emscripten::val& out, const data::Dataset& data, size_t fx, size_t fy, const data::Split& split,
                             const classify::Samples& train, const classify::Samples& test, const classify::GridSpec& grid) {
  std::vector<double> points;
  std::vector<int32_t> labels;
  std::vector<uint8_t> is_test(data.rows, 0);
  for (size_t i : split.test) is_test[i] = 1;
  for (size_t i = 0; i < data.rows; ++i) {
    points.push_back(data.at(i, fx)), points.push_back(data.at(i, fy));
    labels.push_back(data.labels[i]);
  }
  out.set("featureNames", strings(data.feature_names));
  out.set("classes", strings(data.classes));
  out.set("x", data.feature_names[fx]);
  out.set("y", data.feature_names[fy]);
  out.set("points", typed_array("Float64Array", points));
  out.set("labels", typed_array("Int32Array", labels));
  out.set("isTest", typed_array("Uint8Array", is_test));
  out.set("trainRows", static_cast<double>(train.rows));
  out.set("testRows", static_cast<double>(test.rows));
  emscripten::val bounds = emscripten::val::array();
  for (double v : {grid.x0, grid.x1, grid.y0, grid.y1}) bounds.call<void>("push", v);
  out.set("bounds", bounds);
  out.set("grid", static_cast<double>(grid.nx));
}

}  // namespace mlplay::bindings
