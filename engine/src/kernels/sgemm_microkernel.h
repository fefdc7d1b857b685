#pragma once
// The MR×8 micro-kernels: acc(MR, 8) = Ap(MR, kc) @ Bp(kc, 8), then C_tile = alpha * acc + C_tile.
// Bp holds kc rows of 8 (packed); Ap is a packed panel (kc columns of MR rows, k-major) or MR rows
// of A read in place (microkernel_rows).
// Per k: two 4-wide loads of B, MR broadcasts of A, 2·MR multiply-adds into 2·MR accumulators
// (wasm SIMD128 has no FMA in this toolchain, so mul then add).
#include <cstdint>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace mlplay::kernels::detail {

#if defined(__wasm_simd128__)
using f32x4 = v128_t;
inline f32x4 load4(const float* p) { return wasm_v128_load(p); }
inline void store4(float* p, f32x4 v) { wasm_v128_store(p, v); }
inline f32x4 splat(float x) { return wasm_f32x4_splat(x); }
inline f32x4 splat_load(const float* p) { return wasm_v128_load32_splat(p); }
inline f32x4 madd(f32x4 acc, f32x4 a, f32x4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }
inline f32x4 mul(f32x4 a, f32x4 b) { return wasm_f32x4_mul(a, b); }
inline f32x4 add(f32x4 a, f32x4 b) { return wasm_f32x4_add(a, b); }
#else
typedef float f32x4 __attribute__((vector_size(16), aligned(4)));
inline f32x4 load4(const float* p) {
  f32x4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, f32x4 v) { __builtin_memcpy(p, &v, sizeof v); }
inline f32x4 splat(float x) { return f32x4{x, x, x, x}; }
inline f32x4 splat_load(const float* p) { return splat(*p); }
inline f32x4 madd(f32x4 acc, f32x4 a, f32x4 b) { return acc + a * b; }
inline f32x4 mul(f32x4 a, f32x4 b) { return a * b; }
inline f32x4 add(f32x4 a, f32x4 b) { return a + b; }
#endif

/// C (MR, 8) with row stride ldc += alpha * acc, or with kOverwrite C = alpha * acc (C's old
/// contents, NaN included, are not read).
template <int MR, bool kOverwrite>
inline void store_tile(const f32x4 (&acc)[MR][2], float alpha, float* __restrict c, int64_t ldc) {
  const f32x4 va = splat(alpha);
  for (int i = 0; i < MR; ++i) {
    float* row = c + i * ldc;
    if (kOverwrite) {
      store4(row, mul(va, acc[i][0]));
      store4(row + 4, mul(va, acc[i][1]));
    } else {
      store4(row, madd(load4(row), va, acc[i][0]));
      store4(row + 4, madd(load4(row + 4), va, acc[i][1]));
    }
  }
}

/// C (MR, 8) with row stride ldc += alpha * Ap @ Bp, or with kOverwrite C = alpha * Ap @ Bp. MR is
/// kSgemmMR: the accumulators (2 × MR vectors), the two B vectors and one A broadcast must all stay
/// in registers. V8 on x86-64 leaves about 15 xmm registers for wasm: 5 rows (13 live vectors) run
/// twice as fast as 6 rows (15, spills) — measured 54 vs 30 GFLOP/s per core in Chromium on this
/// kernel alone.
template <int MR, bool kOverwrite = false>
inline void microkernel(int64_t kc, const float* __restrict ap, const float* __restrict bp, float alpha,
                        float* __restrict c, int64_t ldc) {
  f32x4 acc[MR][2];
  for (int i = 0; i < MR; ++i) acc[i][0] = acc[i][1] = splat(0);
  for (int64_t k = 0; k < kc; ++k) {
    const f32x4 b0 = load4(bp), b1 = load4(bp + 4);
    for (int i = 0; i < MR; ++i) {  // fully unrolled at -O3: MR is a constant
      const f32x4 a = splat_load(ap + i);
      acc[i][0] = madd(acc[i][0], a, b0);
      acc[i][1] = madd(acc[i][1], a, b1);
    }
    ap += MR;
    bp += 8;
  }
  store_tile<MR, kOverwrite>(acc, alpha, c, ldc);
}

/// The same product with A read where it lies: row i of the panel at a + i * lda, its k values
/// contiguous (A not transposed). A full panel then needs no packing: the kernel does the same
/// broadcast loads, from MR rows instead of one packed panel.
template <int MR, bool kOverwrite = false>
inline void microkernel_rows(int64_t kc, const float* __restrict a, int64_t lda, const float* __restrict bp,
                             float alpha, float* __restrict c, int64_t ldc) {
  f32x4 acc[MR][2];
  for (int i = 0; i < MR; ++i) acc[i][0] = acc[i][1] = splat(0);
  for (int64_t k = 0; k < kc; ++k) {
    const f32x4 b0 = load4(bp), b1 = load4(bp + 4);
    for (int i = 0; i < MR; ++i) {
      const f32x4 x = splat_load(a + i * lda + k);
      acc[i][0] = madd(acc[i][0], x, b0);
      acc[i][1] = madd(acc[i][1], x, b1);
    }
    bp += 8;
  }
  store_tile<MR, kOverwrite>(acc, alpha, c, ldc);
}

}  // namespace mlplay::kernels::detail
