#include "mlplay/stats/ab_test.h"

#include <cmath>
#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/stats/normal.h"

namespace mlplay::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_arm(const char* where, const char* name, const Arm& arm) {
  check(arm.visitors > 0, where, ": arm ", name, " has ", arm.visitors,
        " visitors; an arm needs at least 1 visitor to have a conversion rate");
  check(arm.conversions >= 0, where, ": arm ", name, " has ", arm.conversions,
        " conversions; conversions cannot be negative");
  check(arm.conversions <= arm.visitors, where, ": arm ", name, " has ", arm.conversions, " conversions but only ",
        arm.visitors, " visitors; conversions cannot exceed visitors");
}

void check_alpha(const char* where, double alpha) {
  check(alpha > 0 && alpha < 1, where, ": alpha must be between 0 and 1 (exclusive), got ", alpha);
}

void check_rate(const char* where, const char* name, double rate) {
  check(rate > 0 && rate < 1, where, ": ", name, " must be a probability strictly between 0 and 1, got ", rate);
}

}  // namespace

double Arm::rate() const { return static_cast<double>(conversions) / static_cast<double>(visitors); }

TwoProportionTest two_proportion_z_test(const Arm& a, const Arm& b, double alpha) {
  const char* where = "two_proportion_z_test";
  check_arm(where, "A", a);
  check_arm(where, "B", b);
  check_alpha(where, alpha);
  const double na = static_cast<double>(a.visitors), nb = static_cast<double>(b.visitors);
  const double xa = static_cast<double>(a.conversions), xb = static_cast<double>(b.conversions);

  TwoProportionTest t;
  t.a = a;
  t.b = b;
  t.alpha = alpha;
  t.rate_a = xa / na;
  t.rate_b = xb / nb;
  t.difference = t.rate_b - t.rate_a;
  t.pooled_rate = (xa + xb) / (na + nb);
  check(t.pooled_rate > 0 && t.pooled_rate < 1, where, ": ",
        t.pooled_rate == 0 ? "neither arm has a conversion" : "every visitor in both arms converted",
        ", so the rates cannot differ in this data and z is 0/0; the test needs at least one conversion and one "
        "non-conversion");
  t.standard_error = std::sqrt(t.pooled_rate * (1 - t.pooled_rate) * (1 / na + 1 / nb));
  t.z = t.difference / t.standard_error;
  // Two-sided: both tails, from the upper tail function so tiny p-values keep their digits.
  t.p_value = 2 * standard_normal_sf(std::fabs(t.z));
  t.z_critical = standard_normal_quantile(1 - alpha / 2);
  t.significant = t.p_value < alpha;
  const auto wald = [&](double rate, double n) {
    const double half = t.z_critical * std::sqrt(rate * (1 - rate) / n);
    return Interval{rate - half, rate + half};
  };
  t.rate_a_interval = wald(t.rate_a, na);
  t.rate_b_interval = wald(t.rate_b, nb);

  t.difference_standard_error = std::sqrt(t.rate_a * (1 - t.rate_a) / na + t.rate_b * (1 - t.rate_b) / nb);
  const double margin = t.z_critical * t.difference_standard_error;
  t.difference_interval = {t.difference - margin, t.difference + margin};

  // NOTE: the lift is a ratio; log(p̂_B/p̂_A) is close to normal with variance (1−p̂_A)/x_A + (1−p̂_B)/x_B
  // (delta method), so the interval is symmetric on the log scale and skewed on the lift scale.
  if (a.conversions == 0) {
    t.lift = b.conversions == 0 ? kNaN : std::numeric_limits<double>::infinity();
  } else {
    t.lift = t.rate_b / t.rate_a - 1;
  }
  if (a.conversions > 0 && b.conversions > 0) {
    const double log_ratio = std::log(t.rate_b / t.rate_a);
    const double s = std::sqrt((1 - t.rate_a) / xa + (1 - t.rate_b) / xb);
    t.lift_interval = {std::expm1(log_ratio - t.z_critical * s), std::expm1(log_ratio + t.z_critical * s)};
  } else {
    t.lift_interval = {kNaN, kNaN};
  }
  return t;
}

double two_proportion_power(double rate_a, double rate_b, double visitors_per_arm, double alpha) {
  const char* where = "two_proportion_power";
  check_rate(where, "rate_a", rate_a);
  check_rate(where, "rate_b", rate_b);
  check_alpha(where, alpha);
  check(visitors_per_arm >= 0 && std::isfinite(visitors_per_arm), where,
        ": visitors per arm must be a finite number >= 0, got ", visitors_per_arm);
  const double mean = (rate_a + rate_b) / 2;
  const double null_spread = std::sqrt(2 * mean * (1 - mean));                              // sqrt(2 p̄ q̄)
  const double true_spread = std::sqrt(rate_a * (1 - rate_a) + rate_b * (1 - rate_b));   // sqrt(pA qA + pB qB)
  const double shift = std::fabs(rate_b - rate_a) * std::sqrt(visitors_per_arm);          // |Δ| √n
  const double z_critical = standard_normal_quantile(1 - alpha / 2);
  // Reject when |p̂_B − p̂_A| > z_critical · sqrt(2 p̄ q̄ / n): the far tail, plus the (tiny) wrong-sign tail.
  return standard_normal_cdf((shift - z_critical * null_spread) / true_spread) +
         standard_normal_cdf((-shift - z_critical * null_spread) / true_spread);
}

int64_t two_proportion_sample_size(double rate_a, double rate_b, double alpha, double power) {
  const char* where = "two_proportion_sample_size";
  check_rate(where, "rate_a", rate_a);
  check_rate(where, "rate_b", rate_b);
  check_alpha(where, alpha);
  check(power > 0 && power < 1, where, ": power must be between 0 and 1 (exclusive), got ", power);
  check(rate_a != rate_b, where, ": the rates are equal (", rate_a,
        "), so no number of visitors can detect a difference; choose a lift other than 0");
  const double mean = (rate_a + rate_b) / 2;
  const double delta = rate_b - rate_a;
  const double root = standard_normal_quantile(1 - alpha / 2) * std::sqrt(2 * mean * (1 - mean)) +
                      standard_normal_quantile(power) * std::sqrt(rate_a * (1 - rate_a) + rate_b * (1 - rate_b));
  const double n = root * root / (delta * delta);
  check(n < 9e15, where, ": about ", n, " visitors per arm would be needed; that is too many to count");
  // NOTE: round away float noise first (n = 3.0000000000001 must not become 4).
  return static_cast<int64_t>(std::ceil(n * (1 - 1e-12)));
}

Curve two_proportion_power_curve(double rate_a, double rate_b, double alpha, double max_visitors_per_arm, int points) {
  check(points >= 2 && points <= 100000, "two_proportion_power_curve: points must be 2 to 100000, got ", points);
  check(max_visitors_per_arm > 0 && std::isfinite(max_visitors_per_arm),
        "two_proportion_power_curve: max visitors per arm must be > 0, got ", max_visitors_per_arm);
  Curve curve;
  curve.x.resize(points);
  curve.y.resize(points);
  for (int i = 0; i < points; ++i) {
    curve.x[i] = max_visitors_per_arm * i / (points - 1);
    curve.y[i] = two_proportion_power(rate_a, rate_b, curve.x[i], alpha);
  }
  return curve;
}

Curve normal_density_curve(double mean, double std, double from, double to, int points) {
  check(points >= 2 && points <= 100000, "normal_density_curve: points must be 2 to 100000, got ", points);
  check(std::isfinite(from) && std::isfinite(to) && from < to, "normal_density_curve: need from < to, got ", from,
        " and ", to);
  Curve curve;
  curve.x.resize(points);
  curve.y.resize(points);
  for (int i = 0; i < points; ++i) {
    curve.x[i] = from + (to - from) * i / (points - 1);
    curve.y[i] = normal_pdf(curve.x[i], mean, std);
  }
  return curve;
}

}  // namespace mlplay::stats
