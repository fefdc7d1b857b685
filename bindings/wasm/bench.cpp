// Benchmark hooks for bench/ (npm run bench): the packed GEMM on buffers that live in wasm memory,
// and a SIMD128 mul+add loop that measures this machine's arithmetic peak in the same build.
#include <emscripten/bind.h>

#include <vector>

#include "guard.h"
#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/kernels/sgemm.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace mlplay::bindings {
namespace {

/// C (M, N) = A (M, K) @ B (K, N) on random data allocated once; run(reps) multiplies reps times.
class GemmBench {
 public:
  GemmBench(int m, int n, int k) : m_(m), n_(n), k_(k) {
    guard([&] {
      check(m > 0 && n > 0 && k > 0, "GemmBench: sizes must be positive, got (", m, ", ", n, ", ", k, ")");
    });
    Generator g(0);
    a_.resize(size_t(m) * k);
    b_.resize(size_t(k) * n);
    c_.resize(size_t(m) * n);
    for (auto& x : a_) x = g.uniform(-1.0f, 1.0f);
    for (auto& x : b_) x = g.uniform(-1.0f, 1.0f);
  }
  double run(int reps) {
    for (int r = 0; r < reps; ++r)
      kernels::sgemm(false, false, m_, n_, k_, 1.0f, a_.data(), k_, b_.data(), n_, 0.0f, c_.data(), n_);
    return c_[0];
  }

 private:
  int m_, n_, k_;
  std::vector<float> a_, b_, c_;
};

/// iterations × 12 independent 4-wide (mul, add) pairs = iterations × 96 FLOP. Returns a checksum so
/// the loop cannot be optimized away.
double peak_mul_add(double iterations) {
#if defined(__wasm_simd128__)
  v128_t acc[12];
  for (int i = 0; i < 12; ++i) acc[i] = wasm_f32x4_splat(float(i) * 1e-3f);
  const v128_t a = wasm_f32x4_splat(0.999f), b = wasm_f32x4_splat(1e-4f);
  const auto n = static_cast<int64_t>(iterations);
  for (int64_t it = 0; it < n; ++it) {
#pragma clang loop unroll(full)
    for (int i = 0; i < 12; ++i) acc[i] = wasm_f32x4_add(wasm_f32x4_mul(acc[i], a), b);
  }
  float sum = 0;
  for (int i = 0; i < 12; ++i) sum += wasm_f32x4_extract_lane(acc[i], 0);
  return sum;
#else
  return iterations;
#endif
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_bench) {
  using namespace emscripten;
  using mlplay::bindings::GemmBench;
  class_<GemmBench>("GemmBench").constructor<int, int, int>().function("run", &GemmBench::run);
  function("peakMulAdd", &mlplay::bindings::peak_mul_add);
}
