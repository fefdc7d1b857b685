// Power iteration with deflation against known eigenpairs and against Eigen's SelfAdjointEigenSolver.
#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/linalg/power_iteration.h"

using namespace mlplay::decomposition;

namespace {

/// |cos| of the angle between two vectors (eigenvectors are defined up to sign).
double alignment(const std::vector<double>& a, const Eigen::VectorXd& b) {
  double dot = 0, na = 0;
  for (size_t i = 0; i < a.size(); ++i) dot += a[i] * b(static_cast<Eigen::Index>(i)), na += a[i] * a[i];
  return std::abs(dot) / std::sqrt(na) / b.norm();
}

/// A random symmetric PSD matrix B Bᵀ with a spread of eigenvalues.
std::vector<double> random_psd(int64_t n, uint64_t seed) {
  mlplay::Generator g(seed);
  Eigen::MatrixXd b(n, n);
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c < n; ++c) b(r, c) = g.normal() * (1.0 + static_cast<double>(c));
  const Eigen::MatrixXd a = b * b.transpose();
  std::vector<double> out(static_cast<size_t>(n * n));
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c < n; ++c) out[static_cast<size_t>(r * n + c)] = a(r, c);
  return out;
}

}  // namespace

TEST_CASE("power iteration finds the eigenpairs of a 2x2 matrix", "[linalg][pca]") {
  // [[2, 1], [1, 2]]: λ = 3 along (1, 1)/√2 and λ = 1 along (1, −1)/√2.
  const auto pairs = top_eigenpairs({2, 1, 1, 2}, 2, 2, {.tolerance = 1e-12});
  REQUIRE(pairs.size() == 2);
  REQUIRE(pairs[0].value == Approx(3).epsilon(1e-12));
  REQUIRE(pairs[1].value == Approx(1).epsilon(1e-12));
  REQUIRE(std::abs(pairs[0].vector[0]) == Approx(std::sqrt(0.5)).epsilon(1e-9));
  REQUIRE(pairs[0].vector[0] * pairs[0].vector[1] > 0);
  REQUIRE(pairs[1].vector[0] * pairs[1].vector[1] < 0);
  REQUIRE(pairs[0].converged);
  REQUIRE(pairs[1].converged);
}

TEST_CASE("power iteration on a diagonal matrix: iterations grow as the eigenvalue ratio nears 1", "[linalg][pca]") {
  // Convergence goes like (λ2/λ1)^t: ratio 0.5 needs far fewer products than ratio 0.95.
  const auto fast = top_eigenpairs({2, 0, 0, 1}, 2, 1, {.tolerance = 1e-10});
  const auto slow = top_eigenpairs({1, 0, 0, 0.95}, 2, 1, {.tolerance = 1e-10});
  REQUIRE(fast[0].value == Approx(2).epsilon(1e-12));
  REQUIRE(slow[0].value == Approx(1).epsilon(1e-12));
  REQUIRE(fast[0].iterations < 60);
  REQUIRE(slow[0].iterations > 5 * fast[0].iterations);
  // Too few iterations: the pair is marked not converged, but still the best estimate so far.
  const auto capped = top_eigenpairs({1, 0, 0, 0.99}, 2, 1, {.max_iterations = 5, .tolerance = 1e-12});
  REQUIRE_FALSE(capped[0].converged);
  REQUIRE(capped[0].iterations == 5);
}

TEST_CASE("power iteration with deflation matches Eigen's SelfAdjointEigenSolver", "[linalg][pca]") {
  for (int64_t n : {3, 8, 20}) {
    const auto a = random_psd(n, 7 + static_cast<uint64_t>(n));
    Eigen::MatrixXd m(n, n);
    for (int64_t r = 0; r < n; ++r)
      for (int64_t c = 0; c < n; ++c) m(r, c) = a[static_cast<size_t>(r * n + c)];
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(m);  // ascending order
    const auto pairs = top_eigenpairs(a, n, n, {.max_iterations = 200000, .tolerance = 1e-11});
    for (int64_t k = 0; k < n; ++k) {
      const Eigen::Index e = static_cast<Eigen::Index>(n - 1 - k);
      INFO("n = " << n << ", component " << k);
      REQUIRE(pairs[static_cast<size_t>(k)].value == Approx(eigen.eigenvalues()(e)).epsilon(1e-8).margin(1e-9 * eigen.eigenvalues()(n - 1)));
      REQUIRE(alignment(pairs[static_cast<size_t>(k)].vector, eigen.eigenvectors().col(e)) == Approx(1).epsilon(1e-6));
    }
  }
}

TEST_CASE("deflation handles zero and repeated eigenvalues", "[linalg][pca]") {
  // diag(4, 4, 0): any unit vector in the first plane is an eigenvector for 4; the third is 0.
  const auto pairs = top_eigenpairs({4, 0, 0, 0, 4, 0, 0, 0, 0}, 3, 3);
  REQUIRE(pairs[0].value == Approx(4));
  REQUIRE(pairs[1].value == Approx(4));
  REQUIRE(pairs[2].value == Approx(0).margin(1e-12));
  REQUIRE(std::abs(pairs[2].vector[2]) == Approx(1));
  double dot = 0;
  for (int i = 0; i < 3; ++i) dot += pairs[0].vector[i] * pairs[1].vector[i];
  REQUIRE(dot == Approx(0).margin(1e-9));
  for (const auto& p : pairs) REQUIRE(p.converged);
  // The zero matrix: all eigenvalues 0, vectors still orthonormal.
  const auto zero = top_eigenpairs(std::vector<double>(4, 0.0), 2, 2);
  REQUIRE(zero[0].value == 0);
  REQUIRE(zero[1].value == Approx(0).margin(1e-300));
}

TEST_CASE("the solver refuses bad matrices and options", "[linalg][pca]") {
  REQUIRE_THROWS_WITH(DeflationSolver(std::vector<double>{1, 2, 3}, 2), Catch::Contains("a 2 x 2 matrix needs 4 values, got 3"));
  REQUIRE_THROWS_WITH(DeflationSolver(std::vector<double>{1, 2, 0, 1}, 2), Catch::Contains("not symmetric: A[0, 1] = 2 but A[1, 0] = 0"));
  REQUIRE_THROWS_WITH(DeflationSolver(std::vector<double>{1}, 1, {.tolerance = -1}), Catch::Contains("tolerance must be positive"));
  DeflationSolver solver(std::vector<double>{5}, 1);
  REQUIRE(solver.next().value == Approx(5));
  REQUIRE_THROWS_WITH(solver.next(), Catch::Contains("all 1 eigenpairs are already found"));
}
