#include "mlplay/classify/svm.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::classify {

KernelType parse_kernel(const std::string& text) {
  if (text == "linear") return KernelType::linear;
  if (text == "rbf") return KernelType::rbf;
  if (text == "poly") return KernelType::poly;
  throw ValueError("SVC: kernel must be linear, rbf or poly, got '" + text + "'");
}

std::string to_string(KernelType kernel) { return kernel == KernelType::linear ? "linear" : kernel == KernelType::rbf ? "rbf" : "poly"; }

double Kernel::operator()(const double* a, const double* b, int64_t d) const {
  double sum = 0;
  switch (type) {
    case KernelType::linear:
      for (int64_t j = 0; j < d; ++j) sum += a[j] * b[j];
      return sum;
    case KernelType::rbf:
      for (int64_t j = 0; j < d; ++j) sum += (a[j] - b[j]) * (a[j] - b[j]);
      return std::exp(-gamma * sum);
    case KernelType::poly:
      for (int64_t j = 0; j < d; ++j) sum += a[j] * b[j];
      return std::pow(gamma * sum + coef0, degree);
  }
  return 0;
}

double gamma_scale(const Samples& samples) {
  check(samples.rows >= 1 && samples.cols >= 1, "gamma_scale: no samples");
  double mean = 0, square = 0;
  for (double v : samples.x) mean += v, square += v * v;
  const double count = static_cast<double>(samples.x.size());
  mean /= count;
  const double variance = square / count - mean * mean;
  return variance > 0 ? 1.0 / (static_cast<double>(samples.cols) * variance) : 1.0;
}

BinarySvm::BinarySvm(SvmOptions options) : options_(options) {
  check(options.C > 0 && std::isfinite(options.C), "SVC: C must be a number > 0, got ", options.C);
  check(options.tol > 0, "SVC: tol must be > 0, got ", options.tol);
  check(options.max_iter >= 1, "SVC: max_iter must be at least 1, got ", options.max_iter);
  const Kernel& k = options.kernel;
  check(k.type == KernelType::linear || (k.gamma > 0 && std::isfinite(k.gamma)), "SVC: gamma must be a number > 0, got ", k.gamma);
  check(k.type != KernelType::poly || (k.degree >= 1 && k.degree <= 10), "SVC: degree must be from 1 to 10, got ", k.degree);
}

BinarySvm& BinarySvm::fit(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y) {
  check(n >= 2 && d >= 1 && static_cast<int64_t>(y.size()) == n, "SVC.fit: need at least 2 samples with one label each, got ", n, " samples and ",
        y.size(), " labels");
  bool positive = false, negative = false;
  for (int8_t label : y) {
    check(label == 1 || label == -1, "SVC.fit: binary labels must be −1 or +1, got ", static_cast<int>(label));
    (label > 0 ? positive : negative) = true;
  }
  check(positive && negative, "SVC.fit: both classes need at least one sample");
  d_ = d;
  const double C = options_.C;
  const auto row = [&](int64_t i) { return x + i * d; };
  const auto un = static_cast<size_t>(n);
  std::vector<double> diagonal(un), ki(un), kj(un);
  for (int64_t t = 0; t < n; ++t) diagonal[static_cast<size_t>(t)] = options_.kernel(row(t), row(t), d);
  alpha_.assign(un, 0.0);
  std::vector<double> gradient(un, -1.0);  // G = Qα − e, α = 0
  iterations_ = 0;
  converged_ = false;
  while (iterations_ < options_.max_iter) {
    // Maximal violating pair: i maximizes −y G over I_up, j minimizes it over I_low.
    int64_t i = -1, j = -1;
    double m = -std::numeric_limits<double>::infinity(), M = std::numeric_limits<double>::infinity();
    for (size_t t = 0; t < un; ++t) {
      const double v = -y[t] * gradient[t];
      const bool up = (y[t] > 0 && alpha_[t] < C) || (y[t] < 0 && alpha_[t] > 0);
      const bool low = (y[t] > 0 && alpha_[t] > 0) || (y[t] < 0 && alpha_[t] < C);
      if (up && v > m) m = v, i = static_cast<int64_t>(t);
      if (low && v < M) M = v, j = static_cast<int64_t>(t);
    }
    if (i < 0 || j < 0 || m - M < options_.tol) {
      converged_ = true;
      break;
    }
    ++iterations_;
    const auto si = static_cast<size_t>(i), sj = static_cast<size_t>(j);
    for (int64_t t = 0; t < n; ++t) {
      ki[static_cast<size_t>(t)] = options_.kernel(row(t), row(i), d);
      kj[static_cast<size_t>(t)] = options_.kernel(row(t), row(j), d);
    }
    // Move α_i += y_i λ, α_j −= y_j λ (keeps Σ α y = 0) by the exact minimizer, clipped to the box.
    double curvature = diagonal[si] + diagonal[sj] - 2 * ki[sj];
    if (curvature <= 1e-12) curvature = 1e-12;
    const double room_i = y[si] > 0 ? C - alpha_[si] : alpha_[si];
    const double room_j = y[sj] > 0 ? alpha_[sj] : C - alpha_[sj];
    const double step = std::min({(m - M) / curvature, room_i, room_j});
    alpha_[si] += y[si] * step;
    alpha_[sj] -= y[sj] * step;
    // NOTE: snap to the bounds so "at C" and "at 0" stay exact tests, not 1e-17 away.
    for (size_t s : {si, sj}) {
      if (alpha_[s] < 1e-12 * C) alpha_[s] = 0;
      if (alpha_[s] > C * (1 - 1e-12)) alpha_[s] = C;
    }
    for (size_t t = 0; t < un; ++t) gradient[t] += y[t] * step * (ki[t] - kj[t]);
  }
  // The intercept b = −ρ: the mean of y G over free α's, else the middle of the feasible interval.
  double upper = std::numeric_limits<double>::infinity(), lower = -upper, sum_free = 0;
  int64_t free = 0;
  dual_objective_ = 0;
  for (size_t t = 0; t < un; ++t) {
    const double yg = y[t] * gradient[t];
    dual_objective_ += 0.5 * alpha_[t] * (gradient[t] - 1.0);
    const bool at_upper = alpha_[t] >= C, at_lower = alpha_[t] <= 0;
    if (at_upper || at_lower) {
      // At C a negative sample bounds ρ from above; at 0 a positive one does (libsvm's calculate_rho).
      if ((at_upper && y[t] < 0) || (at_lower && y[t] > 0)) {
        upper = std::min(upper, yg);
      } else {
        lower = std::max(lower, yg);
      }
    } else {
      ++free, sum_free += yg;
    }
  }
  intercept_ = -(free > 0 ? sum_free / static_cast<double>(free) : (upper + lower) / 2);
  support_.clear(), dual_coef_.clear(), sv_x_.clear();
  for (size_t t = 0; t < un; ++t) {
    if (alpha_[t] <= 0) continue;
    support_.push_back(static_cast<int64_t>(t));
    dual_coef_.push_back(alpha_[t] * y[t]);
    sv_x_.insert(sv_x_.end(), row(static_cast<int64_t>(t)), row(static_cast<int64_t>(t)) + d);
  }
  return *this;
}

std::vector<double> BinarySvm::decision_function(const double* x, int64_t n) const {
  check(d_ > 0, "SVC: call fit() before predicting");
  std::vector<double> out(static_cast<size_t>(n), intercept_);
  for (int64_t q = 0; q < n; ++q) {
    double sum = intercept_;
    for (size_t s = 0; s < support_.size(); ++s) sum += dual_coef_[s] * options_.kernel(sv_x_.data() + s * static_cast<size_t>(d_), x + q * d_, d_);
    out[static_cast<size_t>(q)] = sum;
  }
  return out;
}

std::vector<double> BinarySvm::coef() const {
  check(options_.kernel.type == KernelType::linear, "SVC.coef: w exists only for the linear kernel");
  std::vector<double> w(static_cast<size_t>(d_), 0.0);
  for (size_t s = 0; s < support_.size(); ++s) {
    for (int64_t j = 0; j < d_; ++j) w[static_cast<size_t>(j)] += dual_coef_[s] * sv_x_[s * static_cast<size_t>(d_) + static_cast<size_t>(j)];
  }
  return w;
}

SVC::SVC(SvmOptions options) : options_(options) { BinarySvm check_options(options); }

SVC& SVC::fit(const Samples& train) {
  check(train.num_classes >= 2, "SVC.fit: need at least 2 classes, got ", train.num_classes);
  for (int64_t count : train.class_counts()) check(count > 0, "SVC.fit: every class needs at least one training sample");
  classes_ = train.num_classes;
  machines_.clear();
  const int32_t count = classes_ == 2 ? 1 : classes_;
  for (int32_t c = 0; c < count; ++c) {
    const int32_t positive = classes_ == 2 ? 1 : c;
    std::vector<int8_t> y(static_cast<size_t>(train.rows));
    for (size_t i = 0; i < y.size(); ++i) y[i] = train.labels[i] == positive ? 1 : -1;
    BinarySvm machine(options_);
    machine.fit(train.x.data(), train.rows, train.cols, y);
    machines_.push_back(std::move(machine));
  }
  return *this;
}

std::vector<double> SVC::decision_function(const double* x, int64_t n) const {
  check(!machines_.empty(), "SVC: call fit() before predicting");
  const size_t m = machines_.size();
  std::vector<double> out(static_cast<size_t>(n) * m);
  for (size_t c = 0; c < m; ++c) {
    const std::vector<double> f = machines_[c].decision_function(x, n);
    for (int64_t q = 0; q < n; ++q) out[static_cast<size_t>(q) * m + c] = f[static_cast<size_t>(q)];
  }
  return out;
}

std::vector<int32_t> SVC::predict(const double* x, int64_t n) const {
  const std::vector<double> f = decision_function(x, n);
  const size_t m = machines_.size();
  std::vector<int32_t> out(static_cast<size_t>(n));
  for (int64_t q = 0; q < n; ++q) {
    const auto first = f.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(q) * m);
    out[static_cast<size_t>(q)] = m == 1 ? (f[static_cast<size_t>(q)] > 0 ? 1 : 0)
                                         : static_cast<int32_t>(std::max_element(first, first + static_cast<std::ptrdiff_t>(m)) - first);
  }
  return out;
}

std::vector<int64_t> SVC::support() const {
  std::vector<int64_t> out;
  for (const BinarySvm& machine : machines_) out.insert(out.end(), machine.support().begin(), machine.support().end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double hinge_objective(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y, const std::vector<double>& w, double b, double C) {
  double sum = 0;
  for (double v : w) sum += 0.5 * v * v;
  for (int64_t i = 0; i < n; ++i) {
    double f = b;
    for (int64_t j = 0; j < d; ++j) f += w[static_cast<size_t>(j)] * x[i * d + j];
    sum += C * std::max(0.0, 1.0 - y[static_cast<size_t>(i)] * f);
  }
  return sum;
}

HingeSgdResult linear_svm_subgradient(const double* x, int64_t n, int64_t d, const std::vector<int8_t>& y, const HingeSgdOptions& options) {
  check(n >= 1 && d >= 1 && static_cast<int64_t>(y.size()) == n, "linear_svm_subgradient: ", n, " samples and ", y.size(), " labels");
  check(options.C > 0 && std::isfinite(options.C), "linear_svm_subgradient: C must be > 0, got ", options.C);
  check(options.lr > 0 && std::isfinite(options.lr), "linear_svm_subgradient: lr must be > 0, got ", options.lr);
  check(options.epochs >= 1 && options.epochs <= 1'000'000, "linear_svm_subgradient: epochs must be from 1 to 1000000, got ", options.epochs);
  HingeSgdResult result;
  std::vector<double> w(static_cast<size_t>(d), 0.0), grad_w(static_cast<size_t>(d));
  double b = 0;
  result.w = w;
  result.best_objective = hinge_objective(x, n, d, y, w, b, options.C);
  result.objective.push_back(result.best_objective);
  for (int64_t epoch = 1; epoch <= options.epochs; ++epoch) {
    // Sub-gradient of J at (w, b): the hinge of a sample inside the margin contributes −C y x.
    grad_w = w;
    double grad_b = 0;
    for (int64_t i = 0; i < n; ++i) {
      const double* xi = x + i * d;
      double f = b;
      for (int64_t j = 0; j < d; ++j) f += w[static_cast<size_t>(j)] * xi[j];
      if (y[static_cast<size_t>(i)] * f < 1) {
        for (int64_t j = 0; j < d; ++j) grad_w[static_cast<size_t>(j)] -= options.C * y[static_cast<size_t>(i)] * xi[j];
        grad_b -= options.C * y[static_cast<size_t>(i)];
      }
    }
    // The step is lr/√t on the per-sample objective J / (C n), i.e. lr / (√t C n) on J, so one lr suits
    // every C and data size.
    const double step = options.lr / (std::sqrt(static_cast<double>(epoch)) * options.C * static_cast<double>(n));
    for (int64_t j = 0; j < d; ++j) w[static_cast<size_t>(j)] -= step * grad_w[static_cast<size_t>(j)];
    b -= step * grad_b;
    const double objective = hinge_objective(x, n, d, y, w, b, options.C);
    result.objective.push_back(objective);
    if (objective < result.best_objective) result.best_objective = objective, result.w = w, result.b = b;
  }
  return result;
}

GridSearch::GridSearch(const data::Dataset& data, const std::vector<size_t>& features, const SvmOptions& options, std::vector<double> Cs,
                       std::vector<double> gammas, int folds, uint64_t seed, bool standardize)
    : options_(options) {
  check(!Cs.empty() && !gammas.empty(), "GridSearch: give at least one C and one gamma");
  for (double C : Cs) check(C > 0 && std::isfinite(C), "GridSearch: every C must be > 0, got ", C);
  for (double gamma : gammas) check(gamma > 0 && std::isfinite(gamma), "GridSearch: every gamma must be > 0, got ", gamma);
  const std::vector<data::Split> splits = data::k_fold(data, folds, seed);
  for (const data::Split& split : splits) {
    data::Dataset fold = data;
    if (standardize) data::Standardizer::fit(fold, split.train).apply(fold);
    train_.push_back(samples_of(fold, split.train, features));
    test_.push_back(samples_of(fold, split.test, features));
  }
  const size_t cells = Cs.size() * gammas.size();
  result_ = {std::move(Cs), std::move(gammas), std::vector<double>(cells, std::nan("")), std::vector<double>(cells, std::nan("")), 0, 0};
}

bool GridSearch::step() {
  const size_t cells = result_.mean_accuracy.size();
  if (next_ >= cells) return false;
  const size_t a = next_ / result_.gammas.size(), g = next_ % result_.gammas.size();
  SvmOptions o = options_;
  o.C = result_.Cs[a];
  o.kernel.gamma = result_.gammas[g];
  double sum = 0, square = 0;
  for (size_t f = 0; f < train_.size(); ++f) {
    SVC model(o);
    model.fit(train_[f]);
    const double acc = accuracy(model.predict(test_[f]), test_[f].labels);
    sum += acc, square += acc * acc;
  }
  const double k = static_cast<double>(train_.size()), mean = sum / k;
  result_.mean_accuracy[next_] = mean;
  result_.std_accuracy[next_] = std::sqrt(std::max(0.0, square / k - mean * mean));
  // The first best cell wins a tie: the smallest C (and γ), the simplest model.
  if (next_ == 0 || mean > result_.mean_accuracy[result_.best_C * result_.gammas.size() + result_.best_gamma]) result_.best_C = a, result_.best_gamma = g;
  ++next_;
  return next_ < cells;
}

GridSearchResult grid_search(const data::Dataset& data, const std::vector<size_t>& features, const SvmOptions& options,
                             const std::vector<double>& Cs, const std::vector<double>& gammas, int folds, uint64_t seed, bool standardize) {
  GridSearch search(data, features, options, Cs, gammas, folds, seed, standardize);
  while (search.step()) {
  }
  return search.result();
}

}  // namespace mlplay::classify
