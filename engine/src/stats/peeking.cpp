#include "mlplay/stats/peeking.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"
#include "mlplay/stats/normal.h"

namespace mlplay::stats {
namespace {

/// A conversion is a draw below p · 2^32: exact to 2^-32, and p = 1 (2^32) always converts.
uint64_t conversion_threshold(double rate) { return static_cast<uint64_t>(std::llround(rate * 4294967296.0)); }

/// How many of `visitors` convert (a Binomial(visitors, p) draw, one Bernoulli at a time).
int64_t count_conversions(Generator& gen, int64_t visitors, uint64_t threshold) {
  int64_t conversions = 0;
  for (int64_t i = 0; i < visitors; ++i) conversions += gen.next_u32() < threshold;
  return conversions;
}

/// The pooled two-proportion z with n visitors in each arm; 0 when the pooled rate is 0 or 1.
double pooled_z(int64_t conversions_a, int64_t conversions_b, int64_t n) {
  const double pooled = static_cast<double>(conversions_a + conversions_b) / (2.0 * static_cast<double>(n));
  if (pooled <= 0 || pooled >= 1) return 0.0;
  const double difference = static_cast<double>(conversions_b - conversions_a) / static_cast<double>(n);
  return difference / std::sqrt(pooled * (1 - pooled) * 2.0 / static_cast<double>(n));
}

struct Outcome {
  int first_rejection = -1;  // look index of the first |z| > z_critical, or -1
  bool at_end = false;       // |z| > z_critical at the last look
  bool bonferroni = false;   // |z| > z_bonferroni at some look
};

/// Simulates experiment `index`; fills `path` with z at every look when it is given.
Outcome simulate_experiment(const PeekingOptions& o, const std::vector<int64_t>& looks, double z_critical,
                            double z_bonferroni, int64_t index, std::vector<double>* path) {
  Generator gen(stream_key(o.seed, static_cast<uint64_t>(index)));
  const uint64_t threshold_a = conversion_threshold(o.rate_a), threshold_b = conversion_threshold(o.rate_b);
  Outcome outcome;
  int64_t seen = 0, conversions_a = 0, conversions_b = 0;
  for (size_t k = 0; k < looks.size(); ++k) {
    // The visitors who arrived since the last look, in each arm.
    const int64_t arrivals = looks[k] - seen;
    conversions_a += count_conversions(gen, arrivals, threshold_a);
    conversions_b += count_conversions(gen, arrivals, threshold_b);
    seen = looks[k];
    const double z = std::fabs(pooled_z(conversions_a, conversions_b, seen));
    if (path) path->push_back(pooled_z(conversions_a, conversions_b, seen));
    if (z > z_critical && outcome.first_rejection < 0) outcome.first_rejection = static_cast<int>(k);
    if (z > z_bonferroni) outcome.bonferroni = true;
    if (k + 1 == looks.size()) outcome.at_end = z > z_critical;
  }
  return outcome;
}

}  // namespace

PeekingSimulator::PeekingSimulator(const PeekingOptions& options) : options_(options) {
  const auto& o = options;
  check(o.rate_a >= 0 && o.rate_a <= 1, "PeekingSimulator: rate_a must be a probability from 0 to 1, got ", o.rate_a);
  check(o.rate_b >= 0 && o.rate_b <= 1, "PeekingSimulator: rate_b must be a probability from 0 to 1, got ", o.rate_b);
  check(o.visitors_per_arm >= 1 && o.visitors_per_arm <= 100'000'000,
        "PeekingSimulator: visitors per arm must be 1 to 100000000, got ", o.visitors_per_arm);
  check(o.looks >= 1 && o.looks <= 1000 && o.looks <= o.visitors_per_arm, "PeekingSimulator: looks must be 1 to ",
        std::min<int64_t>(1000, o.visitors_per_arm), " (at most one per visitor), got ", o.looks);
  check(o.alpha > 0 && o.alpha < 1, "PeekingSimulator: alpha must be between 0 and 1 (exclusive), got ", o.alpha);
  for (int k = 1; k <= o.looks; ++k) {
    look_visitors_.push_back(static_cast<int64_t>(
        std::llround(static_cast<double>(k) * static_cast<double>(o.visitors_per_arm) / o.looks)));
  }
  z_critical_ = standard_normal_quantile(1 - o.alpha / 2);
  z_bonferroni_ = standard_normal_quantile(1 - o.alpha / (2.0 * o.looks));
  rejected_by_look_.assign(o.looks, 0);
}

void PeekingSimulator::run(int64_t count) {
  check(count >= 0 && count <= 100'000'000, "PeekingSimulator::run: count must be 0 to 100000000, got ", count);
  if (count == 0) return;
  const int looks = options_.looks;
  // One set of integer counters per chunk, added afterwards: exact, so the thread count cannot matter.
  const int chunks = static_cast<int>(std::min<int64_t>(get_num_threads(), count));
  std::vector<std::vector<int64_t>> first(chunks, std::vector<int64_t>(looks, 0));
  std::vector<int64_t> at_end(chunks, 0), bonferroni(chunks, 0);
  const int64_t begin = experiments_;
  parallel_chunks(begin, begin + count, chunks, [&](int chunk, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      const Outcome o = simulate_experiment(options_, look_visitors_, z_critical_, z_bonferroni_, i, nullptr);
      if (o.first_rejection >= 0) ++first[chunk][o.first_rejection];
      at_end[chunk] += o.at_end;
      bonferroni[chunk] += o.bonferroni;
    }
  });
  for (int c = 0; c < chunks; ++c) {
    int64_t cumulative = 0;
    for (int k = 0; k < looks; ++k) {
      cumulative += first[c][k];
      rejected_by_look_[k] += cumulative;
    }
    rejected_at_end_ += at_end[c];
    rejected_bonferroni_ += bonferroni[c];
  }
  experiments_ += count;
}

std::vector<double> PeekingSimulator::z_path(int64_t index) const {
  check(index >= 0, "PeekingSimulator::z_path: index must be >= 0, got ", index);
  std::vector<double> path;
  path.reserve(look_visitors_.size());
  simulate_experiment(options_, look_visitors_, z_critical_, z_bonferroni_, index, &path);
  return path;
}

}  // namespace mlplay::stats
