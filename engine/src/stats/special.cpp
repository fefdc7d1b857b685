#include "mlplay/stats/special.h"

#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::stats {
namespace {

constexpr double kEpsilon = 1e-16;      // stop when a term changes the sum by less than this
constexpr double kTiny = 1e-300;        // Lentz's guard against dividing by zero
constexpr int kMaxIterations = 100000;  // enough for a, b up to about 1e8

// exp(a log x − x − log Γ(a)): the factor in front of both the series and the fraction.
double gamma_prefactor(double a, double x) { return std::exp(a * std::log(x) - x - log_gamma(a)); }

// P(a, x) = e^(−x) x^a / Γ(a) · Σ_n x^n / (a (a+1) … (a+n)), good for x < a + 1.
double gamma_series(double a, double x) {
  double term = 1.0 / a, sum = term, ap = a;
  for (int n = 0; n < kMaxIterations; ++n) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEpsilon) return sum * gamma_prefactor(a, x);
  }
  throw ValueError(detail::concat("regularized_gamma_p: series did not converge for a = ", a, ", x = ", x));
}

// Q(a, x) = e^(−x) x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))),
// evaluated by the modified Lentz method; good for x ≥ a + 1.
double gamma_fraction(double a, double x) {
  double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) return h * gamma_prefactor(a, x);
  }
  throw ValueError(detail::concat("regularized_gamma_q: continued fraction did not converge for a = ", a, ", x = ", x));
}

void check_gamma_arguments(const char* where, double a, double x) {
  check(std::isfinite(a) && a > 0, where, ": a must be > 0, got ", a);
  check(!std::isnan(x) && x >= 0, where, ": x must be >= 0, got ", x);
}

// The continued fraction of I_x(a, b) (Numerical Recipes' betacf), by the modified Lentz method.
double beta_fraction(double a, double b, double x) {
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m < kMaxIterations; ++m) {
    const int m2 = 2 * m;
    // even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m))
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    // odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) return h;
  }
  throw ValueError(detail::concat("regularized_beta: continued fraction did not converge for a = ", a, ", b = ", b,
                                  ", x = ", x));
}

}  // namespace

double log_gamma(double x) { return std::lgamma(x); }

double log_beta(double a, double b) { return log_gamma(a) + log_gamma(b) - log_gamma(a + b); }

double regularized_gamma_p(double a, double x) {
  check_gamma_arguments("regularized_gamma_p", a, x);
  if (x == 0) return 0;
  if (std::isinf(x)) return 1;
  return x < a + 1 ? gamma_series(a, x) : 1 - gamma_fraction(a, x);
}

double regularized_gamma_q(double a, double x) {
  check_gamma_arguments("regularized_gamma_q", a, x);
  if (x == 0) return 1;
  if (std::isinf(x)) return 0;
  return x < a + 1 ? 1 - gamma_series(a, x) : gamma_fraction(a, x);
}

double regularized_beta(double a, double b, double x) {
  check(std::isfinite(a) && a > 0, "regularized_beta: a must be > 0, got ", a);
  check(std::isfinite(b) && b > 0, "regularized_beta: b must be > 0, got ", b);
  check(x >= 0 && x <= 1, "regularized_beta: x must be in [0, 1], got ", x);
  if (x == 0) return 0;
  if (x == 1) return 1;
  // x^a (1 − x)^b / B(a, b), the factor in front of the fraction.
  const double front = std::exp(a * std::log(x) + b * std::log1p(-x) - log_beta(a, b));
  // The fraction converges fast for x < (a + 1)/(a + b + 2); otherwise use the symmetry.
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(a, b, x) / a;
  return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

}  // namespace mlplay::stats
