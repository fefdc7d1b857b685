#pragma once
/// The one GEMM seam every matmul and conv goes through (row-major, BLAS sgemm argument order).
/// It forwards to the packed SIMD128 kernel, mlplay/kernels/sgemm.h.
#include <cstdint>

namespace mlplay {

/// C = alpha * op(A) @ op(B) + beta * C, all row-major float32.
/// op(A) is (M, K): A itself with row stride lda, or A^T when trans_a (A stored (K, M)).
/// op(B) is (K, N): B itself with row stride ldb, or B^T when trans_b (B stored (N, K)).
/// C is (M, N) with row stride ldc. With beta == 0, C need not be initialized.
void gemm(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
          int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc);

}  // namespace mlplay
