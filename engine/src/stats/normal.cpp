#include "mlplay/stats/normal.h"

#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::stats {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

void check_parameters(const char* where, double mu, double sigma) {
  check(std::isfinite(mu), where, ": mean must be finite, got ", mu);
  check(std::isfinite(sigma) && sigma > 0, where, ": standard deviation must be > 0, got ", sigma);
}

// Evaluates c[0] + c[1] x + … + c[7] x⁷ by Horner's rule.
double poly7(const double (&c)[8], double x) {
  double s = c[7];
  for (int i = 6; i >= 0; --i) s = s * x + c[i];
  return s;
}

}  // namespace

double standard_normal_pdf(double z) { return kInvSqrt2Pi * std::exp(-0.5 * z * z); }

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z * kInvSqrt2); }

double standard_normal_sf(double z) { return 0.5 * std::erfc(z * kInvSqrt2); }

double standard_normal_quantile(double p) {
  check(p >= 0 && p <= 1, "standard_normal_quantile: probability must be in [0, 1], got ", p);
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  // AS 241 PPND16: a rational approximation near the centre, two more in the tails on
  // r = sqrt(−log(min(p, 1 − p))).
  static constexpr double a[8] = {3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
                                  1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
                                  3.3430575583588128105e4, 2.5090809287301226727e3};
  static constexpr double b[8] = {1.0,
                                  4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
                                  2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
                                  5.2264952788528545610e3};
  static constexpr double c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
                                  3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr double d[8] = {1.0,
                                  2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
                                  1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
  static constexpr double e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
                                  2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static constexpr double f[8] = {1.0,
                                  5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
                                  7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * poly7(a, r) / poly7(b, r);
  }
  double r = q < 0 ? p : 1 - p;
  r = std::sqrt(-std::log(r));
  double x;
  if (r <= 5) {
    r -= 1.6;
    x = poly7(c, r) / poly7(d, r);
  } else {
    r -= 5;
    x = poly7(e, r) / poly7(f, r);
  }
  return q < 0 ? -x : x;
}

double normal_pdf(double x, double mu, double sigma) {
  check_parameters("normal_pdf", mu, sigma);
  return standard_normal_pdf((x - mu) / sigma) / sigma;
}

double normal_cdf(double x, double mu, double sigma) {
  check_parameters("normal_cdf", mu, sigma);
  return standard_normal_cdf((x - mu) / sigma);
}

double normal_sf(double x, double mu, double sigma) {
  check_parameters("normal_sf", mu, sigma);
  return standard_normal_sf((x - mu) / sigma);
}

double normal_quantile(double p, double mu, double sigma) {
  check_parameters("normal_quantile", mu, sigma);
  return mu + sigma * standard_normal_quantile(p);
}

}  // namespace mlplay::stats
