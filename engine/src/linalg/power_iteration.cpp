#include "mlplay/linalg/power_iteration.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"

namespace mlplay::decomposition {
namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

double norm(const std::vector<double>& a) { return std::sqrt(dot(a, a)); }

/// Makes the largest-magnitude entry positive (an eigenvector's sign is arbitrary; this fixes one).
void fix_sign(std::vector<double>& v) {
  size_t arg = 0;
  for (size_t i = 1; i < v.size(); ++i) {
    if (std::abs(v[i]) > std::abs(v[arg]) + 1e-12) arg = i;
  }
  if (!v.empty() && v[arg] < 0) {
    for (double& x : v) x = -x;
  }
}

/// v minus its components along the unit vectors found so far (classical Gram–Schmidt, twice).
void orthogonalize(std::vector<double>& v, const std::vector<EigenPair>& pairs) {
  for (int pass = 0; pass < 2; ++pass) {
    for (const EigenPair& p : pairs) {
      const double c = dot(v, p.vector);
      for (size_t i = 0; i < v.size(); ++i) v[i] -= c * p.vector[i];
    }
  }
}

void check_options(const PowerIterationOptions& o) {
  check(o.max_iterations >= 1, "power_iteration: max_iterations must be at least 1, got ", o.max_iterations);
  check(std::isfinite(o.tolerance) && o.tolerance > 0, "power_iteration: tolerance must be positive, got ", o.tolerance);
}

}  // namespace

void dense_multiply(const std::vector<double>& matrix, int64_t size, const std::vector<double>& v, std::vector<double>& y) {
  y.assign(static_cast<size_t>(size), 0.0);
  // A (size, size) @ v (size) -> y (size): one dot product per row; rows split among threads.
  parallel_for(0, size, 64, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const double* row = matrix.data() + r * size;
      // Four running sums: independent adds pipeline (and vectorize) where one sum would wait on itself.
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      int64_t c = 0;
      for (; c + 4 <= size; c += 4) {
        s0 += row[c] * v[static_cast<size_t>(c)];
        s1 += row[c + 1] * v[static_cast<size_t>(c + 1)];
        s2 += row[c + 2] * v[static_cast<size_t>(c + 2)];
        s3 += row[c + 3] * v[static_cast<size_t>(c + 3)];
      }
      for (; c < size; ++c) s0 += row[c] * v[static_cast<size_t>(c)];
      y[static_cast<size_t>(r)] = (s0 + s1) + (s2 + s3);
    }
  });
}

DeflationSolver::DeflationSolver(MatVec multiply, int64_t size, PowerIterationOptions options)
    : multiply_(std::move(multiply)), size_(size), options_(options) {
  check(size >= 1, "DeflationSolver: the matrix needs at least 1 row, got ", size);
  check_options(options);
}

DeflationSolver::DeflationSolver(std::vector<double> matrix, int64_t size, PowerIterationOptions options)
    : matrix_(std::move(matrix)), size_(size), options_(options) {
  check(size >= 1, "DeflationSolver: the matrix needs at least 1 row, got ", size);
  check(static_cast<int64_t>(matrix_.size()) == size * size, "DeflationSolver: a ", size, " x ", size, " matrix needs ",
        size * size, " values, got ", matrix_.size());
  double largest = 0;
  for (double x : matrix_) largest = std::max(largest, std::abs(x));
  for (int64_t r = 0; r < size; ++r) {
    for (int64_t c = r + 1; c < size; ++c) {
      const double a = matrix_[static_cast<size_t>(r * size + c)], b = matrix_[static_cast<size_t>(c * size + r)];
      check(std::abs(a - b) <= 1e-9 * largest, "DeflationSolver: the matrix is not symmetric: A[", r, ", ", c, "] = ", a,
            " but A[", c, ", ", r, "] = ", b);
    }
  }
  check_options(options);
}

void DeflationSolver::deflated_multiply(const std::vector<double>& v, std::vector<double>& out) const {
  // v is kept orthogonal to the found u_j, so P v = v with P = I − Σ u_j u_jᵀ; out = P A v.
  if (multiply_) {
    multiply_(v, out);
  } else {
    dense_multiply(matrix_, size_, v, out);
  }
  orthogonalize(out, pairs_);
}

const EigenPair& DeflationSolver::next() {
  check(found() < size_, "DeflationSolver::next: all ", size_, " eigenpairs are already found");
  const auto n = static_cast<size_t>(size_);
  // A random start has some component along the wanted eigenvector (with probability 1).
  Generator generator(stream_key(options_.seed, static_cast<uint64_t>(found())));
  std::vector<double> v(n), w(n);
  for (double& x : v) x = generator.normal();
  orthogonalize(v, pairs_);
  double length = norm(v);
  if (length == 0) v[static_cast<size_t>(found())] = length = 1;
  for (double& x : v) x /= length;

  // Scale for "small": eigenvalues below 1e-8 of the largest are judged on an absolute scale, so a zero
  // eigenvalue (a constant feature, fewer samples than features) stops at rounding noise.
  const double floor = pairs_.empty() ? 0.0 : 1e-8 * std::abs(pairs_.front().value);
  EigenPair pair;
  for (int it = 1; it <= options_.max_iterations; ++it) {
    deflated_multiply(v, w);
    pair.iterations = it;
    pair.value = dot(v, w);  // Rayleigh quotient vᵀA v (‖v‖ = 1)
    double residual2 = 0;
    for (size_t i = 0; i < n; ++i) residual2 += (w[i] - pair.value * v[i]) * (w[i] - pair.value * v[i]);
    pair.residual = std::sqrt(residual2);
    const double scale = std::max({std::abs(pair.value), floor, 1e-300});
    if (pair.residual <= options_.tolerance * scale) {
      pair.converged = true;
      break;
    }
    const double w_norm = norm(w);
    for (size_t i = 0; i < n; ++i) v[i] = w[i] / w_norm;
  }
  fix_sign(v);
  pair.vector = std::move(v);
  pairs_.push_back(std::move(pair));
  return pairs_.back();
}

std::vector<EigenPair> top_eigenpairs(const std::vector<double>& matrix, int64_t size, int64_t k, PowerIterationOptions options) {
  check(k >= 0 && k <= size, "top_eigenpairs: k must be from 0 to ", size, ", got ", k);
  DeflationSolver solver(matrix, size, options);
  for (int64_t i = 0; i < k; ++i) solver.next();
  return solver.pairs();
}

}  // namespace mlplay::decomposition
