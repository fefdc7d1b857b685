#pragma once
/// Support vector machines, after scikit-learn's SVC (https://scikit-learn.org/stable/modules/svm.html)
/// and libsvm (Chang & Lin, https://www.csie.ntu.edu.tw/~cjlin/libsvm/). A binary SVM solves the dual
///   min_α ½ Σ_ij α_i α_j y_i y_j K(x_i, x_j) − Σ_i α_i   subject to 0 ≤ α_i ≤ C, Σ_i α_i y_i = 0
/// by SMO (sequential minimal optimization, Platt 1998): each step moves two α's along the equality
/// constraint and solves for them exactly. The pair is the *maximal violating pair* of the KKT
/// conditions (Keerthi et al. 2001, the first-order selection of libsvm ≤ 2.8), not Platt's
/// heuristics nor the random second index of the "simplified SMO": deterministic, and it stops
/// when the largest violation is below tol. The decision function is
///   f(x) = Σ_i α_i y_i K(x_i, x) + b,
/// and the samples with α_i > 0 are the support vectors (α_i = C: inside the margin or misclassified).
/// More than two classes: one-vs-rest, one binary SVM per class, the largest f wins.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/classify/samples.h"
#include "mlplay/data/table.h"

namespace mlplay::classify {

enum class KernelType { linear, rbf, poly };

/// "linear" | "rbf" | "poly"; throws ValueError naming the text otherwise.
KernelType parse_kernel(const std::string& text);
std::string to_string(KernelType kernel);

/// linear: a·b;  rbf: exp(−γ ‖a − b‖²);  poly: (γ a·b + coef0)^degree.
struct Kernel {
  KernelType type = KernelType::rbf;
  double gamma = 1.0;
  double coef0 = 0.0;
  int degree = 3;

  double operator()(const double* a, const double* b, int64_t d) const;
};

/// scikit-learn's gamma='scale': 1 / (features × the variance of all of X's values).
double gamma_scale(const Samples& samples);

struct SvmOptions {
  Kernel kernel;
  double C = 1.0;
  /// Stop when the maximal KKT violation m(α) − M(α) is below tol (libsvm's eps).
  double tol = 1e-3;
  int64_t max_iter = 1'000'000;
};

/// One two-class SVM on labels y_i ∈ {−1, +1}.
class BinarySvm {
 public:
  explicit BinarySvm(SvmOptions options = {});

  /// x (n, d) row-major; y ∈ {−1, +1}. Throws ValueError on bad labels or settings.
  BinarySvm& fit(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y);
  /// f(x) for each of n rows of x (n, d).
  std::vector<double> decision_function(const double* x, int64_t n) const;

  /// Indices (into the training rows) of the support vectors, ascending.
  const std::vector<int64_t>& support() const { return support_; }
  /// α_i y_i of each support vector.
  const std::vector<double>& dual_coef() const { return dual_coef_; }
  double intercept() const { return intercept_; }
  /// α of every training row.
  const std::vector<double>& alpha() const { return alpha_; }
  int64_t n_iter() const { return iterations_; }
  bool converged() const { return converged_; }
  /// The dual objective ½ αᵀQα − Σα at the solution (minimized).
  double dual_objective() const { return dual_objective_; }
  /// Linear kernel only: w = Σ α_i y_i x_i.
  std::vector<double> coef() const;
  const SvmOptions& options() const { return options_; }

 private:
  SvmOptions options_;
  int64_t d_ = 0;
  std::vector<double> sv_x_;  // (support, d)
  std::vector<int64_t> support_;
  std::vector<double> dual_coef_, alpha_;
  double intercept_ = 0, dual_objective_ = 0;
  int64_t iterations_ = 0;
  bool converged_ = false;
};

/// Binary or one-vs-rest SVM on class labels 0 … num_classes − 1. With two classes one machine
/// separates class 1 (f > 0) from class 0, as scikit-learn's SVC does.
class SVC {
 public:
  explicit SVC(SvmOptions options = {});
  SVC& fit(const Samples& train);
  /// (n, machines) row-major: one column for two classes, else one per class.
  std::vector<double> decision_function(const double* x, int64_t n) const;
  std::vector<int32_t> predict(const double* x, int64_t n) const;
  std::vector<int32_t> predict(const Samples& samples) const { return predict(samples.x.data(), samples.rows); }
  const std::vector<BinarySvm>& machines() const { return machines_; }
  /// Training rows that are a support vector of any machine, ascending.
  std::vector<int64_t> support() const;
  int32_t num_classes() const { return classes_; }

 private:
  SvmOptions options_;
  std::vector<BinarySvm> machines_;
  int32_t classes_ = 0;
};

/// A linear SVM trained on the primal by full-batch sub-gradient descent:
///   J(w, b) = ½ ‖w‖² + C Σ_i max(0, 1 − y_i (w·x_i + b)),
///   ∂J/∂w = w − C Σ_{i: margin < 1} y_i x_i,  ∂J/∂b = −C Σ_{i: margin < 1} y_i,
/// with step lr / (√t · C n) at epoch t: lr/√t on the per-sample objective J / (C n). The hinge has a
/// kink, so the step must shrink to converge.
struct HingeSgdOptions {
  double C = 1.0;
  double lr = 0.01;
  int64_t epochs = 500;
};

struct HingeSgdResult {
  std::vector<double> w;
  double b = 0;
  /// J after each epoch (index 0: before any step).
  std::vector<double> objective;
  /// The lowest J reached (sub-gradient descent is not monotone; w, b are of that epoch).
  double best_objective = 0;
};

HingeSgdResult linear_svm_subgradient(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y, const HingeSgdOptions& options);
/// J(w, b) of the primal above.
double hinge_objective(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y, const std::vector<double>& w, double b, double C);

/// Mean (and standard deviation) of the k-fold cross-validated accuracy over a grid of C × γ.
struct GridSearchResult {
  std::vector<double> Cs, gammas;
  /// (Cs, gammas) row-major.
  std::vector<double> mean_accuracy, std_accuracy;
  size_t best_C = 0, best_gamma = 0;
};

/// Cross-validates SVC(options with each C and γ) on the rows of `data` (features `features`, all
/// when empty) with data::k_fold(folds, seed); each fold standardizes with its own training rows when
/// `standardize`. One (C, γ) cell per step(), so a caller can report progress and stop between cells.
class GridSearch {
 public:
  GridSearch(const data::Dataset& data, const std::vector<size_t>& features, const SvmOptions& options, std::vector<double> Cs,
             std::vector<double> gammas, int folds, uint64_t seed, bool standardize);
  /// Scores the next cell (C-major order); false once every cell is done.
  bool step();
  size_t done() const { return next_; }
  size_t cells() const { return result_.mean_accuracy.size(); }
  /// Cells not yet scored are NaN.
  const GridSearchResult& result() const { return result_; }

 private:
  SvmOptions options_;
  std::vector<Samples> train_, test_;
  GridSearchResult result_;
  size_t next_ = 0;
};

/// Runs every cell of a GridSearch.
GridSearchResult grid_search(const data::Dataset& data, const std::vector<size_t>& features, const SvmOptions& options,
                             const std::vector<double>& Cs, const std::vector<double>& gammas, int folds, uint64_t seed,
                             bool standardize);

}  // namespace mlplay::classify
