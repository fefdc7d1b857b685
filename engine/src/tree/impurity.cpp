#include "mlplay/tree/impurity.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::tree {

Criterion parse_criterion(std::string_view name) {
  if (name == "gini") return Criterion::gini;
  if (name == "entropy") return Criterion::entropy;
  if (name == "squared_error" || name == "mse" || name == "variance") return Criterion::squared_error;
  throw ValueError(detail::concat("criterion: expected gini, entropy or squared_error, got '", name, "'"));
}

const char* to_string(Criterion criterion) {
  switch (criterion) {
    case Criterion::gini: return "gini";
    case Criterion::entropy: return "entropy";
    case Criterion::squared_error: return "squared_error";
  }
  return "?";
}

bool is_classification(Criterion criterion) { return criterion != Criterion::squared_error; }

double gini(const double* counts, int k, double total) {
  if (total <= 0) return 0.0;
  double sum_squares = 0;
  for (int c = 0; c < k; ++c) {
    const double p = counts[c] / total;
    sum_squares += p * p;
  }
  return 1.0 - sum_squares;
}

double entropy(const double* counts, int k, double total) {
  if (total <= 0) return 0.0;
  double h = 0;
  for (int c = 0; c < k; ++c) {
    if (counts[c] <= 0) continue;  // 0 · log 0 = 0
    const double p = counts[c] / total;
    h -= p * std::log2(p);
  }
  return h;
}

double class_impurity(Criterion criterion, const double* counts, int k, double total) {
  switch (criterion) {
    case Criterion::gini: return gini(counts, k, total);
    case Criterion::entropy: return entropy(counts, k, total);
    case Criterion::squared_error: break;
  }
  throw ValueError("class_impurity: squared_error is a regression criterion; use gini or entropy for classes");
}

double variance(double weight, double sum, double sum_squares) {
  if (weight <= 0) return 0.0;
  const double mean = sum / weight;
  // NOTE: E[y²] − ȳ² can come out a hair below 0 by rounding when all y are equal.
  return std::max(0.0, sum_squares / weight - mean * mean);
}

}  // namespace mlplay::tree
