// The GEMM seam: every matmul and conv lands here, and forwards to the packed SIMD128 kernel.
#include "mlplay/ops/gemm.h"

#include "mlplay/kernels/sgemm.h"

namespace mlplay {

void gemm(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
          int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc) {
  kernels::sgemm(trans_a, trans_b, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
}

}  // namespace mlplay
