#include "mlplay/prob/monte_carlo.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "monte_carlo_kernel.h"

namespace mlplay {

int64_t count_darts_inside(uint64_t seed, int64_t first, int64_t count) {
  check(first >= 0 && count >= 0, "count_darts_inside: first (", first, ") and count (", count,
        ") must be non-negative");
  if (count == 0) return 0;
  const int64_t last = first + count;  // exclusive
  const int64_t first_block = first / kDartsPerBlock;
  const int64_t end_block = (last + kDartsPerBlock - 1) / kDartsPerBlock;

  // One partial sum per chunk, added in chunk order: the total is exact (integers) either way.
  const int chunks = get_num_threads();
  std::vector<int64_t> partial(chunks, 0);
  parallel_chunks(first_block, end_block, chunks, [&](int chunk, int64_t lo, int64_t hi) {
    int64_t sum = 0;
    for (int64_t block = lo; block < hi; ++block) {
      const int64_t block_start = block * kDartsPerBlock;
      const int64_t from = std::max(first, block_start) - block_start;
      const int64_t to = std::min(last, block_start + kDartsPerBlock) - block_start;
      if (from == 0 && to == kDartsPerBlock) {
        sum += kernel::count_block_inside(seed, block);
      } else {
        sum += kernel::count_block_range_inside(seed, block, static_cast<int>(from), static_cast<int>(to));
      }
    }
    partial[chunk] = sum;
  });
  return std::accumulate(partial.begin(), partial.end(), int64_t{0});
}

std::vector<float> dart_coordinates(uint64_t seed, int64_t first, int64_t count) {
  check(first >= 0 && count >= 0 && count <= (int64_t{1} << 24), "dart_coordinates: first (", first,
        ") must be non-negative and count (", count, ") between 0 and 16777216");
  std::vector<float> xy(static_cast<size_t>(2 * count));
  int64_t written = 0;
  while (written < count) {
    const int64_t dart = first + written;
    const int64_t block = dart / kDartsPerBlock;
    const int from = static_cast<int>(dart - block * kDartsPerBlock);
    const int to = static_cast<int>(std::min<int64_t>(kDartsPerBlock, from + (count - written)));
    kernel::block_coordinates(seed, block, from, to, xy.data() + 2 * written);
    written += to - from;
  }
  return xy;
}

PiEstimator::PiEstimator(uint64_t seed, int64_t samples, int64_t inside)
    : seed_(seed), samples_(samples), inside_(inside) {
  check(samples >= 0 && inside >= 0 && inside <= samples, "PiEstimator: cannot resume from ", inside,
        " inside out of ", samples, " darts");
}

int64_t PiEstimator::throw_darts(int64_t count) {
  check(count >= 0, "PiEstimator::throw_darts: count must be non-negative, got ", count);
  const int64_t hits = count_darts_inside(seed_, samples_, count);
  samples_ += count;
  inside_ += hits;
  return hits;
}

double PiEstimator::estimate() const {
  return samples_ == 0 ? 0.0 : 4.0 * static_cast<double>(inside_) / static_cast<double>(samples_);
}

double PiEstimator::standard_error() const {
  if (samples_ == 0) return 0.0;
  const double n = static_cast<double>(samples_);
  const double p = static_cast<double>(inside_) / n;
  return 4.0 * std::sqrt(p * (1.0 - p) / n);
}

}  // namespace mlplay
