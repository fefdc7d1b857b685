#pragma once
/// What repeated peeking does to an A/B test, by simulation: many experiments, each of which looks
/// at its data `looks` times (after n/looks, 2n/looks, …, n visitors per arm) and runs the
/// two-proportion z-test each time. Stopping at the first significant look inflates the false-positive
/// rate far above α (Armitage, McPherson & Rowe, "Repeated significance tests on accumulating data",
/// J. R. Stat. Soc. A 132, 1969: about 14% for 5 looks and 19% for 10 at α = 0.05); a single look at the
/// end keeps it at α, and so does a Bonferroni threshold α/looks at every look (conservatively).
///
/// Experiment i draws its visitors from a Generator keyed by stream_key(seed, i), so results depend
/// only on (options, seed, i): not on the thread count, on how runs are batched, or on the platform.
/// With looks = 1 the rejection rate is the test's simulated power (or its size when the rates match).
#include <cstdint>
#include <vector>

namespace mlplay::stats {

struct PeekingOptions {
  /// True conversion rates of the two arms (equal: an A/A test, where every rejection is false).
  double rate_a = 0.05;
  double rate_b = 0.05;
  /// Visitors per arm at the last look.
  int64_t visitors_per_arm = 10000;
  /// How many times the data are tested, evenly spaced; the last look is at visitors_per_arm.
  int looks = 10;
  double alpha = 0.05;
  uint64_t seed = 1;
};

/// Runs experiments in batches and keeps the counts.
class PeekingSimulator {
 public:
  /// Throws ValueError for rates outside [0, 1], visitors_per_arm outside 1 to 10^8, looks outside
  /// 1 to min(1000, visitors_per_arm), or alpha outside (0, 1).
  explicit PeekingSimulator(const PeekingOptions& options);

  /// Simulates the next `count` experiments (numbered on from experiments()), split among threads.
  void run(int64_t count);

  const PeekingOptions& options() const { return options_; }
  int64_t experiments() const { return experiments_; }
  /// Visitors per arm at each look: round(k · visitors_per_arm / looks), k = 1 … looks.
  const std::vector<int64_t>& look_visitors() const { return look_visitors_; }
  /// [k]: experiments significant at some look ≤ k + 1: the false-positive (or detection) rate of
  /// "peek at the first k + 1 looks and stop when significant", times experiments().
  const std::vector<int64_t>& rejected_by_look() const { return rejected_by_look_; }
  /// Experiments significant at the last look only (the fixed-horizon test).
  int64_t rejected_at_end() const { return rejected_at_end_; }
  /// Experiments significant at some look with the Bonferroni threshold z_{1 − α/(2·looks)}.
  int64_t rejected_bonferroni() const { return rejected_bonferroni_; }
  /// |z| beyond which a single look is significant: Φ⁻¹(1 − α/2).
  double z_critical() const { return z_critical_; }
  double z_bonferroni() const { return z_bonferroni_; }

  /// The z-statistic of experiment `index` at every look (0 while no visitor differs: z is 0/0).
  std::vector<double> z_path(int64_t index) const;

 private:
  PeekingOptions options_;
  std::vector<int64_t> look_visitors_;
  double z_critical_ = 0.0, z_bonferroni_ = 0.0;
  int64_t experiments_ = 0;
  std::vector<int64_t> rejected_by_look_;
  int64_t rejected_at_end_ = 0;
  int64_t rejected_bonferroni_ = 0;
};

}  // namespace mlplay::stats
