#include "mlplay/linalg/pca.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::decomposition {
namespace {

/// Σ a[i] b[i] with four running sums (independent adds pipeline and vectorize).
double dot(const double* a, const double* b, int64_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

Matrix::Matrix(int64_t rows_, int64_t cols_, std::vector<double> values_) : rows(rows_), cols(cols_), values(std::move(values_)) {
  check(rows >= 0 && cols >= 0 && static_cast<int64_t>(values.size()) == rows * cols, "Matrix: ", rows, " x ", cols,
        " needs ", rows * cols, " values, got ", values.size());
}

std::vector<double> covariance_of_centred(const Matrix& z) {
  const int64_t n = z.rows, d = z.cols;
  check(n >= 2, "covariance: need at least 2 samples, got ", n);
  check(d >= 1, "covariance: need at least 1 feature, got ", d);
  // Zᵀ (d, n): each feature's n values contiguous, so C[i, j] is one dot product of two rows.
  std::vector<double> zt(static_cast<size_t>(n * d));
  for (int64_t s = 0; s < n; ++s) {
    for (int64_t f = 0; f < d; ++f) zt[static_cast<size_t>(f * n + s)] = z(s, f);
  }
  std::vector<double> c(static_cast<size_t>(d * d));
  const double inv = 1.0 / static_cast<double>(n - 1);
  // Upper triangle j ≥ i in blocks of 4 rows of C: each row j of Zᵀ is read once per block and feeds
  // four dot products. Block b goes to chunk b mod chunks, so the long early blocks and the short late
  // ones are shared out evenly.
  constexpr int64_t kBlock = 4;
  const int64_t blocks = (d + kBlock - 1) / kBlock;
  const int chunks = static_cast<int>(std::min<int64_t>(get_num_threads(), blocks));
  parallel_chunks(0, chunks, chunks, [&](int chunk, int64_t, int64_t) {
    for (int64_t b = chunk; b < blocks; b += chunks) {
      const int64_t i0 = b * kBlock;
      // Rows past the end repeat the last row (their results are dropped).
      const double* zi[kBlock];
      for (int64_t r = 0; r < kBlock; ++r) zi[r] = zt.data() + std::min(i0 + r, d - 1) * n;
      for (int64_t j = i0; j < d; ++j) {
        const double* zj = zt.data() + j * n;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int64_t s = 0; s < n; ++s) {
          const double x = zj[s];
          s0 += zi[0][s] * x;
          s1 += zi[1][s] * x;
          s2 += zi[2][s] * x;
          s3 += zi[3][s] * x;
        }
        const double sums[kBlock] = {s0, s1, s2, s3};
        for (int64_t r = 0; r < kBlock && i0 + r <= j && i0 + r < d; ++r) {
          const int64_t i = i0 + r;
          c[static_cast<size_t>(i * d + j)] = c[static_cast<size_t>(j * d + i)] = sums[r] * inv;
        }
      }
    }
  });
  return c;
}

PCA::PCA(PCAOptions options) : options_(options) {
  check(options.n_components >= 0, "PCA: n_components must be 0 (all) or more, got ", options.n_components);
}

void PCA::prepare(const Matrix& x) {
  check(x.rows >= 2, "PCA.fit: need at least 2 samples, got ", x.rows);
  check(x.cols >= 1, "PCA.fit: need at least 1 feature, got ", x.cols);
  check(options_.n_components <= x.cols, "PCA.fit: n_components = ", options_.n_components, " but the data has only ",
        x.cols, " features");
  for (size_t i = 0; i < x.values.size(); ++i) {
    check(std::isfinite(x.values[i]), "PCA.fit: sample ", i / static_cast<size_t>(x.cols) + 1, ", feature ",
          i % static_cast<size_t>(x.cols) + 1, " is ", x.values[i], "; every value must be finite");
  }
  n_ = x.rows, d_ = x.cols;
  mean_.assign(static_cast<size_t>(d_), 0.0);
  scale_.assign(static_cast<size_t>(d_), 1.0);
  for (int64_t s = 0; s < n_; ++s) {
    for (int64_t f = 0; f < d_; ++f) mean_[static_cast<size_t>(f)] += x(s, f);
  }
  for (double& m : mean_) m /= static_cast<double>(n_);
  z_ = Matrix(n_, d_, std::vector<double>(x.values.size()));
  for (int64_t s = 0; s < n_; ++s) {
    for (int64_t f = 0; f < d_; ++f) z_(s, f) = x(s, f) - mean_[static_cast<size_t>(f)];
  }
  if (options_.standardize) {
    for (int64_t f = 0; f < d_; ++f) {
      double sum2 = 0;
      for (int64_t s = 0; s < n_; ++s) sum2 += z_(s, f) * z_(s, f);
      const double sd = std::sqrt(sum2 / static_cast<double>(n_ - 1));
      // NOTE: a constant feature has no spread to divide by; it stays 0 after centring (as in scikit-learn).
      scale_[static_cast<size_t>(f)] = sd > 0 ? sd : 1.0;
    }
    for (int64_t s = 0; s < n_; ++s) {
      for (int64_t f = 0; f < d_; ++f) z_(s, f) /= scale_[static_cast<size_t>(f)];
    }
  }
  covariance_ = covariance_of_centred(z_);
  total_variance_ = 0;
  for (int64_t f = 0; f < d_; ++f) total_variance_ += covariance_[static_cast<size_t>(f * d_ + f)];
  solver_ = std::make_unique<DeflationSolver>(covariance_, d_, options_.power);
}

const EigenPair& PCA::fit_next() {
  check(solver_ != nullptr, "PCA.fit_next: call prepare (or fit) with the data first");
  check(solver_->found() < d_, "PCA.fit_next: all ", d_, " components are already found");
  return solver_->next();
}

PCA& PCA::fit(const Matrix& x) {
  prepare(x);
  const int64_t k = options_.n_components == 0 ? d_ : options_.n_components;
  while (n_fitted() < k) fit_next();
  return *this;
}

const std::vector<double>& PCA::component(int64_t k) const {
  check(k >= 0 && k < n_fitted(), "PCA.component: ", k, " is not a fitted component (0 to ", n_fitted() - 1, ")");
  return solver_->pairs()[static_cast<size_t>(k)].vector;
}

const std::vector<EigenPair>& PCA::eigenpairs() const {
  static const std::vector<EigenPair> none;
  return solver_ ? solver_->pairs() : none;
}

std::vector<double> PCA::explained_variance() const {
  std::vector<double> out;
  for (const EigenPair& p : eigenpairs()) out.push_back(p.value);
  return out;
}

std::vector<double> PCA::explained_variance_ratio() const {
  std::vector<double> out;
  for (const EigenPair& p : eigenpairs()) out.push_back(total_variance_ > 0 ? p.value / total_variance_ : 0.0);
  return out;
}

Matrix PCA::transform(const Matrix& x, int64_t k) const {
  check(n_fitted() > 0, "PCA.transform: fit first");
  if (k == 0) k = n_fitted();
  check(k >= 1 && k <= n_fitted(), "PCA.transform: k must be from 1 to ", n_fitted(), " (the fitted components), got ", k);
  check(x.cols == d_, "PCA.transform: the data has ", x.cols, " features; the fit had ", d_);
  Matrix scores(x.rows, k, std::vector<double>(static_cast<size_t>(x.rows * k)));
  // t_i (k) = U_kᵀ z_i, z_i = (x_i − μ) / s: samples split among threads.
  parallel_for(0, x.rows, 64, [&](int64_t begin, int64_t end) {
    std::vector<double> z(static_cast<size_t>(d_));
    for (int64_t s = begin; s < end; ++s) {
      for (int64_t f = 0; f < d_; ++f) z[static_cast<size_t>(f)] = (x(s, f) - mean_[static_cast<size_t>(f)]) / scale_[static_cast<size_t>(f)];
      for (int64_t c = 0; c < k; ++c) scores(s, c) = dot(z.data(), component(c).data(), d_);
    }
  });
  return scores;
}

Matrix PCA::inverse_transform(const Matrix& scores) const {
  check(scores.cols >= 1 && scores.cols <= n_fitted(), "PCA.inverse_transform: scores have ", scores.cols,
        " columns; expected 1 to ", n_fitted());
  Matrix x(scores.rows, d_, std::vector<double>(static_cast<size_t>(scores.rows * d_)));
  // x̂_i = μ + s ⊙ Σ_c t_ic u_c
  parallel_for(0, scores.rows, 64, [&](int64_t begin, int64_t end) {
    for (int64_t s = begin; s < end; ++s) {
      for (int64_t c = 0; c < scores.cols; ++c) {
        const double t = scores(s, c);
        const std::vector<double>& u = component(c);
        for (int64_t f = 0; f < d_; ++f) x(s, f) += t * u[static_cast<size_t>(f)];
      }
      for (int64_t f = 0; f < d_; ++f) x(s, f) = mean_[static_cast<size_t>(f)] + scale_[static_cast<size_t>(f)] * x(s, f);
    }
  });
  return x;
}

Matrix PCA::reconstruct(const Matrix& x, int64_t k) const { return inverse_transform(transform(x, k)); }

std::vector<SingularPair> top_singular_values(const Matrix& z, int64_t k, PowerIterationOptions options) {
  check(z.rows >= 1 && z.cols >= 1, "top_singular_values: the matrix is empty (", z.rows, " x ", z.cols, ")");
  check(k >= 0 && k <= z.cols, "top_singular_values: k must be from 0 to ", z.cols, ", got ", k);
  std::vector<double> t(static_cast<size_t>(z.rows));
  // w (d) -> Z w (n) -> Zᵀ (Z w) (d): two passes over Z instead of forming the d × d ZᵀZ.
  auto gram = [&](const std::vector<double>& w, std::vector<double>& out) {
    parallel_for(0, z.rows, 256, [&](int64_t begin, int64_t end) {
      for (int64_t s = begin; s < end; ++s) t[static_cast<size_t>(s)] = dot(z.values.data() + s * z.cols, w.data(), z.cols);
    });
    out.assign(static_cast<size_t>(z.cols), 0.0);
    for (int64_t s = 0; s < z.rows; ++s) {
      const double ts = t[static_cast<size_t>(s)];
      const double* row = z.values.data() + s * z.cols;
      for (int64_t f = 0; f < z.cols; ++f) out[static_cast<size_t>(f)] += ts * row[f];
    }
  };
  DeflationSolver solver(gram, z.cols, options);
  std::vector<SingularPair> out;
  for (int64_t i = 0; i < k; ++i) {
    const EigenPair& p = solver.next();
    out.push_back({std::sqrt(std::max(0.0, p.value)), p.vector, p.iterations});
  }
  return out;
}

}  // namespace mlplay::decomposition
