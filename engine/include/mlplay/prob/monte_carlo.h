#pragma once
/// Estimating π by throwing darts at the unit square: the fraction that lands inside the quarter
/// circle x² + y² < 1 estimates π/4.
///
/// Darts are numbered 0, 1, 2, … and dart i's coordinates depend only on (seed, i): darts come in
/// blocks of kDartsPerBlock, each block has its own xoshiro128+ streams (one per SIMD lane) keyed by
/// stream_key(seed, block). So an estimate is reproducible for a seed whatever the thread count,
/// batch sizes or platform (native and wasm give the same counts).
#include <cstdint>
#include <vector>

namespace mlplay {

inline constexpr int kDartLanes = 8;                    // independent streams per block (2 × SIMD128)
inline constexpr int64_t kDartsPerBlock = 8192;         // darts per block: 1024 steps × 8 lanes

/// How many of the darts [first, first + count) land inside the quarter circle. Parallel over blocks.
int64_t count_darts_inside(uint64_t seed, int64_t first, int64_t count);

/// Coordinates of darts [first, first + count) as x0, y0, x1, y1, … (for drawing a sample).
std::vector<float> dart_coordinates(uint64_t seed, int64_t first, int64_t count);

/// A running estimate: throw darts in batches, read the estimate and its standard error.
class PiEstimator {
 public:
  /// Starts fresh, or resumes after `samples` darts of which `inside` landed inside.
  explicit PiEstimator(uint64_t seed, int64_t samples = 0, int64_t inside = 0);

  /// Throws the next `count` darts; returns how many landed inside.
  int64_t throw_darts(int64_t count);

  uint64_t seed() const { return seed_; }
  int64_t samples() const { return samples_; }
  int64_t inside() const { return inside_; }
  /// 4 · inside / samples (0 before any dart).
  double estimate() const;
  /// Standard error of the estimate: 4 · sqrt(p (1 − p) / n) with p = inside / n.
  double standard_error() const;

 private:
  uint64_t seed_;
  int64_t samples_;
  int64_t inside_;
};

}  // namespace mlplay
