#pragma once
// The 6×8 micro-kernel: acc(6, 8) = Ap(6, kc) @ Bp(kc, 8) from packed panels, then
// C_tile = alpha * acc + C_tile. Ap holds kc columns of 6 rows (k-major), Bp kc rows of 8.
// Per k: two 4-wide loads of B, six broadcasts of A, twelve multiply-adds into twelve accumulators
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

/// C (6, 8) with row stride ldc += alpha * Ap @ Bp.
inline void microkernel_6x8(int64_t kc, const float* __restrict ap, const float* __restrict bp, float alpha,
                            float* __restrict c, int64_t ldc) {
  f32x4 c00 = splat(0), c01 = splat(0), c10 = splat(0), c11 = splat(0), c20 = splat(0), c21 = splat(0);
  f32x4 c30 = splat(0), c31 = splat(0), c40 = splat(0), c41 = splat(0), c50 = splat(0), c51 = splat(0);
  for (int64_t k = 0; k < kc; ++k) {
    const f32x4 b0 = load4(bp), b1 = load4(bp + 4);
    f32x4 a = splat_load(ap + 0);
    c00 = madd(c00, a, b0);
    c01 = madd(c01, a, b1);
    a = splat_load(ap + 1);
    c10 = madd(c10, a, b0);
    c11 = madd(c11, a, b1);
    a = splat_load(ap + 2);
    c20 = madd(c20, a, b0);
    c21 = madd(c21, a, b1);
    a = splat_load(ap + 3);
    c30 = madd(c30, a, b0);
    c31 = madd(c31, a, b1);
    a = splat_load(ap + 4);
    c40 = madd(c40, a, b0);
    c41 = madd(c41, a, b1);
    a = splat_load(ap + 5);
    c50 = madd(c50, a, b0);
    c51 = madd(c51, a, b1);
    ap += 6;
    bp += 8;
  }
  const f32x4 va = splat(alpha);
  const f32x4 rows[6][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
  for (int i = 0; i < 6; ++i) {
    float* row = c + i * ldc;
    store4(row, madd(load4(row), va, rows[i][0]));
    store4(row + 4, madd(load4(row + 4), va, rows[i][1]));
  }
}

}  // namespace mlplay::kernels::detail
