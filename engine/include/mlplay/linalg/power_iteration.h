#pragma once
/// Eigenvalues and eigenvectors of a symmetric positive semi-definite matrix, largest first, by power
/// iteration with deflation — the from-scratch eigensolver of the pca lesson.
///
/// Power iteration repeats v ← A v / ‖A v‖. Written in A's eigenvectors, v = Σ c_i u_i becomes
/// Σ c_i λ_i^t u_i (normalized): every direction but u_1 shrinks by (λ_i / λ_1) per step, so v turns
/// towards u_1 and the Rayleigh quotient vᵀA v towards λ_1. Deflation then removes what was found:
///   A_k = P A P,  P = I − Σ_{j<k} u_j u_jᵀ,
/// so the largest eigenpair of A_k is the k-th of A. With exact eigenvectors this is Hotelling's
/// A − Σ λ_j u_j u_jᵀ; NOTE: with the approximate u_j that power iteration returns, Hotelling's form
/// leaves a coupling of size λ_1·(error of u_1) that stalls later components, while the projected form
/// keeps every u_j exactly in its null space. Golub & Van Loan, "Matrix Computations", §7.3 and §8.2;
/// Saad, "Numerical Methods for Large Eigenvalue Problems", §4.2. The matrix is only touched through products A v, so the same solver works on
/// a covariance matrix held in memory and on XᵀX applied as Xᵀ(X v) (the SVD relation).
#include <cstdint>
#include <functional>
#include <vector>

namespace mlplay::decomposition {

struct PowerIterationOptions {
  /// Give up on a component after this many products A v (it is then marked not converged).
  int max_iterations = 10000;
  /// Stop when the residual ‖A v − λ v‖ ≤ tolerance · max(λ, 1e-8 · λ_1).
  double tolerance = 1e-6;
  /// Seeds the random start vector of each component (mlplay::Generator).
  uint64_t seed = 0;
};

/// One eigenpair and how power iteration got there.
struct EigenPair {
  double value = 0;
  /// Unit length; the sign is chosen so that its largest-magnitude entry is positive.
  std::vector<double> vector;
  /// Products A v taken.
  int iterations = 0;
  /// ‖A_k v − λ v‖ at the end, A_k the deflated matrix.
  double residual = 0;
  bool converged = false;
};

/// out = A v for vectors of length size(): the only way the solver sees the matrix.
using MatVec = std::function<void(const std::vector<double>& v, std::vector<double>& out)>;

/// Finds eigenpairs one at a time, largest eigenvalue first: power iteration on the deflated matrix.
class DeflationSolver {
 public:
  /// `multiply` computes A v for a symmetric positive semi-definite A of the given size (≥ 1).
  DeflationSolver(MatVec multiply, int64_t size, PowerIterationOptions options = {});
  /// A dense row-major size × size symmetric matrix (copied); throws ValueError when it is not square
  /// or not symmetric.
  DeflationSolver(std::vector<double> matrix, int64_t size, PowerIterationOptions options = {});

  /// Runs power iteration for the next eigenpair, then deflates it. Throws ValueError once all size()
  /// pairs are found.
  const EigenPair& next();
  int64_t found() const { return static_cast<int64_t>(pairs_.size()); }
  int64_t size() const { return size_; }
  const std::vector<EigenPair>& pairs() const { return pairs_; }

 private:
  /// out = A_k v = P A v for v ⟂ the found u_j.
  void deflated_multiply(const std::vector<double>& v, std::vector<double>& out) const;

  MatVec multiply_;             // empty for the dense constructor…
  std::vector<double> matrix_;  // …which multiplies by this
  int64_t size_;
  PowerIterationOptions options_;
  std::vector<EigenPair> pairs_;
};

/// The k largest eigenpairs of a dense symmetric PSD matrix (row-major size × size).
std::vector<EigenPair> top_eigenpairs(const std::vector<double>& matrix, int64_t size, int64_t k,
                                      PowerIterationOptions options = {});

/// y = A v for a dense row-major size × size matrix, rows split among threads.
void dense_multiply(const std::vector<double>& matrix, int64_t size, const std::vector<double>& v, std::vector<double>& y);

}  // namespace mlplay::decomposition
