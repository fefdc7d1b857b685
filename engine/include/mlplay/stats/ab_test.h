#pragma once
/// A/B testing of conversion rates: the two-proportion z-test, confidence intervals for the
/// difference and the relative lift, and the power / sample-size formulas used to plan a test.
///
/// The z-test pools the rates under H0 (p_A = p_B), as the chi-square test of the 2×2 table without
/// Yates' correction does (z² = χ²; scipy.stats.chi2_contingency(..., correction=False)). The
/// interval for the difference is Wald's (unpooled); the one for the lift p_B/p_A − 1 is Katz's log
/// interval for a ratio of proportions (scipy.stats.contingency.relative_risk). Power and sample size
/// follow the normal approximation in Fleiss, Levin & Paik, "Statistical Methods for Rates and
/// Proportions" (3rd ed., §4.2, without continuity correction).
#include <cstdint>
#include <vector>

namespace mlplay::stats {

/// One arm of an experiment: `conversions` of `visitors` converted.
struct Arm {
  int64_t conversions = 0;
  int64_t visitors = 0;
  /// conversions / visitors.
  double rate() const;
};

/// A closed interval [low, high]; both NaN when it is undefined.
struct Interval {
  double low = 0.0;
  double high = 0.0;
};

/// Everything the two-sided two-proportion z-test reports.
struct TwoProportionTest {
  Arm a, b;
  double alpha = 0.05;
  double rate_a = 0.0, rate_b = 0.0;
  /// (1 − α) Wald intervals for each rate on its own: p̂ ± z_critical · sqrt(p̂ (1 − p̂) / n).
  Interval rate_a_interval, rate_b_interval;
  /// p̂_B − p̂_A.
  double difference = 0.0;
  /// p̂_B / p̂_A − 1: +∞ when only A has no conversions, NaN when neither has any.
  double lift = 0.0;
  /// (x_A + x_B) / (n_A + n_B): the common rate if H0 holds.
  double pooled_rate = 0.0;
  /// sqrt(p̄ (1 − p̄) (1/n_A + 1/n_B)): the spread of p̂_B − p̂_A under H0.
  double standard_error = 0.0;
  /// (p̂_B − p̂_A) / standard_error.
  double z = 0.0;
  /// P(|Z| ≥ |z|) for Z ~ N(0, 1): 2 · (1 − Φ(|z|)).
  double p_value = 1.0;
  /// Φ⁻¹(1 − α/2): |z| beyond it is significant (1.95996… for α = 0.05).
  double z_critical = 0.0;
  /// p_value < alpha.
  bool significant = false;
  /// sqrt(p̂_A (1 − p̂_A) / n_A + p̂_B (1 − p̂_B) / n_B): the unpooled spread for the interval.
  double difference_standard_error = 0.0;
  /// (1 − α) interval for p_B − p_A: difference ± z_critical · difference_standard_error.
  Interval difference_interval;
  /// (1 − α) interval for the lift: exp(log(p̂_B/p̂_A) ± z_critical · s) − 1 with
  /// s² = (1 − p̂_A)/x_A + (1 − p̂_B)/x_B. NaN when either arm has no conversions.
  Interval lift_interval;
};

/// Tests H0: p_A = p_B against p_A ≠ p_B at level alpha (0 < alpha < 1). Throws ValueError naming
/// the arm when visitors are 0 or negative, conversions are negative or exceed visitors, and when
/// the pooled rate is 0 or 1 (no conversions, or no non-conversions, anywhere: z is 0/0).
TwoProportionTest two_proportion_z_test(const Arm& a, const Arm& b, double alpha = 0.05);

/// Power of the two-sided test at level alpha with `visitors_per_arm` visitors in each arm when the
/// true rates are rate_a and rate_b: P(|Z| > z_{1−α/2}) with
///   Z ~ N(Δ√n / sqrt(2 p̄ q̄), (p_A q_A + p_B q_B) / (2 p̄ q̄)),  Δ = p_B − p_A,  p̄ = (p_A + p_B)/2.
/// Equals alpha when the rates are equal. visitors_per_arm may be fractional (for smooth curves).
double two_proportion_power(double rate_a, double rate_b, double visitors_per_arm, double alpha);

/// Visitors per arm for the two-sided test at level alpha to detect rate_b against rate_a with the
/// given power (0 < power < 1):
///   n = ⌈(z_{1−α/2} sqrt(2 p̄ q̄) + z_{power} sqrt(p_A q_A + p_B q_B))² / Δ²⌉.
/// Throws ValueError when the rates are equal (no finite n) or outside (0, 1).
int64_t two_proportion_sample_size(double rate_a, double rate_b, double alpha, double power);

/// Points of a curve y(x) for plotting.
struct Curve {
  std::vector<double> x, y;
};

/// two_proportion_power at `points` visitor counts evenly spaced from 0 to max_visitors_per_arm.
Curve two_proportion_power_curve(double rate_a, double rate_b, double alpha, double max_visitors_per_arm,
                                 int points);

/// The N(mean, std²) density at `points` evenly spaced x in [from, to] (sampling distributions).
Curve normal_density_curve(double mean, double std, double from, double to, int points);

}  // namespace mlplay::stats
