// Benchmark hooks for bench/ (npm run bench): the packed GEMM on buffers that live in wasm memory,
// and a SIMD128 mul+add loop that measures this machine's arithmetic peak in the same build.
#include <emscripten/bind.h>

#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "guard.h"
#include "mlplay/bench/models.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
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

/// The arithmetic peak of SIMD128 mul+add on this machine, as the best of loops that do nothing
/// else: `pattern` 0 runs 12 independent chains acc = acc * m + c (96 FLOP per iteration);
/// pattern 1 streams y from a 2 KB L1 buffer and adds x_j * y_k into 8 accumulators (64 FLOP);
/// pattern 2 is the GEMM register tile alone: two loaded vectors times five broadcast loads into
/// ten accumulators, all in L1 (80 FLOP). Returns the FLOP count; the result is kept live.
double peak_mul_add(int pattern, double iterations) {
#if defined(__wasm_simd128__)
  const auto n = static_cast<int64_t>(iterations);
  float sink = 0;
  double flop = 0;
  if (pattern == 0) {
    v128_t acc[12];
    for (int i = 0; i < 12; ++i) acc[i] = wasm_f32x4_splat(float(i) * 1e-3f);
    const v128_t m = wasm_f32x4_splat(0.999f), c = wasm_f32x4_splat(1e-4f);
    for (int64_t it = 0; it < n; ++it) {
      for (int i = 0; i < 12; ++i) acc[i] = wasm_f32x4_add(wasm_f32x4_mul(acc[i], m), c);
    }
    for (int i = 0; i < 12; ++i) sink += wasm_f32x4_extract_lane(acc[i], 0);
    flop = 96.0 * n;
  } else if (pattern == 2) {
    alignas(16) thread_local float b[512], a[320];  // per thread: threads may run this at once
    for (int i = 0; i < 512; ++i) b[i] = 1e-3f * float(i % 7);
    for (int i = 0; i < 320; ++i) a[i] = 1e-3f * float(i % 5);
    v128_t acc[10];
    for (int i = 0; i < 10; ++i) acc[i] = wasm_f32x4_splat(0);
    for (int64_t it = 0; it < n; ++it) {
      const float* bp = b + (it & 63) * 8;
      const float* ap = a + (it & 63) * 5;
      const v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4);
      for (int i = 0; i < 5; ++i) {
        const v128_t x = wasm_v128_load32_splat(ap + i);
        acc[2 * i] = wasm_f32x4_add(acc[2 * i], wasm_f32x4_mul(x, b0));
        acc[2 * i + 1] = wasm_f32x4_add(acc[2 * i + 1], wasm_f32x4_mul(x, b1));
      }
    }
    for (int i = 0; i < 10; ++i) sink += wasm_f32x4_extract_lane(acc[i], 0);
    flop = 80.0 * n;
  } else {
    alignas(16) thread_local float buffer[512];
    for (int i = 0; i < 512; ++i) buffer[i] = 1e-3f * float(i % 7);
    v128_t acc[8], x[4];
    for (int i = 0; i < 8; ++i) acc[i] = wasm_f32x4_splat(0);
    for (int j = 0; j < 4; ++j) x[j] = wasm_f32x4_splat(0.5f + j);
    for (int64_t it = 0; it < n; ++it) {
      const float* y = buffer + (it & 63) * 8;
      const v128_t y0 = wasm_v128_load(y), y1 = wasm_v128_load(y + 4);
      for (int j = 0; j < 4; ++j) {
        acc[2 * j] = wasm_f32x4_add(acc[2 * j], wasm_f32x4_mul(x[j], y0));
        acc[2 * j + 1] = wasm_f32x4_add(acc[2 * j + 1], wasm_f32x4_mul(x[j], y1));
      }
    }
    for (int i = 0; i < 8; ++i) sink += wasm_f32x4_extract_lane(acc[i], 0);
    flop = 64.0 * n;
  }
  volatile float keep = sink;
  (void)keep;
  return flop;
#else
  return 0;
#endif
}

/// peak_mul_add run by every thread parallel_for uses (get_num_threads()) at the same time, each for
/// `iterations`; returns the FLOP count of all of them. Two busy cores rarely reach twice one core's
/// rate (a shared clock, a hypervisor's scheduling), so a threaded GEMM is measured against this.
double peak_mul_add_threads(int pattern, double iterations) {
  std::vector<double> flop(static_cast<size_t>(get_num_threads()), 0.0);
  const int threads = static_cast<int>(flop.size());
  parallel_chunks(0, threads, threads, [&](int c, int64_t, int64_t) { flop[size_t(c)] = peak_mul_add(pattern, iterations); });
  return std::accumulate(flop.begin(), flop.end(), 0.0);
}

/// The MLP and CNN workloads of engine/include/mlplay/bench/models.h, for the browser benchmark.
class ModelBench {
 public:
  explicit ModelBench(std::string model) : model_(std::move(model)) {
    guard([&] { check(model_ == "mlp" || model_ == "cnn", "ModelBench: model must be 'mlp' or 'cnn', got '", model_, "'"); });
    if (model_ == "mlp") mlp_ = std::make_unique<bench::MlpWorkload>(64);
    else cnn_ = std::make_unique<bench::CnnWorkload>(64);
  }
  /// `steps` training steps of batch 64; returns the last loss.
  double train(int steps) {
    return guard([&] {
      float loss = 0;
      for (int s = 0; s < steps; ++s) loss = mlp_ ? mlp_->train_step() : cnn_->train_step();
      return double(loss);
    });
  }
  /// `count` single-image CNN inferences; returns the last top logit.
  double infer(int count) {
    return guard([&] {
      check(cnn_ != nullptr, "ModelBench.infer: only the cnn model has an inference case");
      float logit = 0;
      for (int i = 0; i < count; ++i) logit = cnn_->infer_one();
      return double(logit);
    });
  }

 private:
  std::string model_;
  std::unique_ptr<bench::MlpWorkload> mlp_;
  std::unique_ptr<bench::CnnWorkload> cnn_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_bench) {
  using namespace emscripten;
  using mlplay::bindings::GemmBench;
  class_<GemmBench>("GemmBench").constructor<int, int, int>().function("run", &GemmBench::run);
  using mlplay::bindings::ModelBench;
  class_<ModelBench>("ModelBench")
      .constructor<std::string>()
      .function("train", &ModelBench::train)
      .function("infer", &ModelBench::infer);
  function("peakMulAdd", &mlplay::bindings::peak_mul_add);
  function("peakMulAddThreads", &mlplay::bindings::peak_mul_add_threads);
}
