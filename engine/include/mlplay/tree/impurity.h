#pragma once
/// Node impurities for CART trees (Breiman et al. 1984, "Classification and Regression Trees";
/// scikit-learn's criterion= names). For a node whose samples have (weighted) class counts n_1 … n_K,
/// total n, and class shares p_k = n_k / n:
///   gini      G = 1 − Σ_k p_k²            (chance two random draws disagree)
///   entropy   H = −Σ_k p_k log₂ p_k        (bits; 0 log 0 = 0)
/// For regression, with values y_i and weights w_i:
///   squared_error  the weighted variance  Σ w_i (y_i − ȳ)² / Σ w_i
/// A split into left L and right R of a node t is scored by the weighted impurity decrease
///   ΔI = (n_t / N) · (I(t) − (n_L / n_t) I(L) − (n_R / n_t) I(R)),
/// N the training total; summed per feature it is the feature importance.
#include <cstdint>
#include <string>
#include <string_view>

namespace mlplay::tree {

enum class Criterion { gini, entropy, squared_error };

/// "gini", "entropy" or "squared_error" (also "mse", "variance"); throws ValueError otherwise.
Criterion parse_criterion(std::string_view name);
const char* to_string(Criterion criterion);
bool is_classification(Criterion criterion);

/// Gini impurity of `k` class counts summing to `total` (0 when total is 0).
double gini(const double* counts, int k, double total);
/// Entropy in bits of `k` class counts summing to `total`.
double entropy(const double* counts, int k, double total);
/// gini or entropy by criterion (ValueError for squared_error).
double class_impurity(Criterion criterion, const double* counts, int k, double total);
/// Weighted variance from Σw, Σwy, Σwy² (never below 0).
double variance(double weight, double sum, double sum_squares);

}  // namespace mlplay::tree
