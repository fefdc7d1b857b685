#pragma once
/// Packed, register-blocked single-precision GEMM (the GotoBLAS/BLIS loop nest with a 5×8 micro-kernel),
/// hand-written for wasm SIMD128 with a portable vector-extension fallback. This is what ops::gemm
/// calls; benchmarks compare it with TF.js-wasm (XNNPACK) in bench/.
#include <cstdint>

namespace mlplay::kernels {

/// Micro-tile of C computed in registers: kSgemmMR rows × kSgemmNR columns.
inline constexpr int kSgemmMR = 5;
inline constexpr int kSgemmNR = 8;

/// C = alpha * op(A) @ op(B) + beta * C, row-major float32, BLAS argument order.
/// op(A) is (M, K): A with row stride lda, or A^T when trans_a (A stored (K, M)).
/// op(B) is (K, N): B with row stride ldb, or B^T when trans_b (B stored (N, K)).
/// C is (M, N) with row stride ldc; with beta == 0 its old contents are ignored (NaN included).
/// Threads: parallel_for over blocks of rows of C.
void sgemm(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A, int64_t lda,
           const float* B, int64_t ldb, float beta, float* C, int64_t ldc);

/// The reference triple loop (double accumulation), for tests.
void sgemm_reference(bool trans_a, bool trans_b, int64_t M, int64_t N, int64_t K, float alpha, const float* A,
                     int64_t lda, const float* B, int64_t ldb, float beta, float* C, int64_t ldc);

}  // namespace mlplay::kernels
