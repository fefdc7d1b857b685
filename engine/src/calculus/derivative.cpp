#include "mlplay/calculus/derivative.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace mlplay {

double forward_difference(const Expression& f, double x, double h) { return (f(x + h) - f(x)) / h; }

double central_difference(const Expression& f, double x, double h) { return (f(x + h) - f(x - h)) / (2 * h); }

double second_difference(const Expression& f, double x, double h) { return (f(x + h) - 2 * f(x) + f(x - h)) / (h * h); }

double central_step(double x) { return std::cbrt(kEpsilon) * std::max(1.0, std::fabs(x)); }

double second_step(double x) { return std::sqrt(std::sqrt(kEpsilon)) * std::max(1.0, std::fabs(x)); }

namespace {

void check_interval(const char* operation, double from, double to) {
  check(std::isfinite(from) && std::isfinite(to) && from < to, operation, ": the interval [", from, ", ", to,
        "] must be finite with from < to");
  check(to - from >= 1e-9 && to - from <= 1e9, operation, ": the interval [", from, ", ", to,
        "] must be between 1e-9 and 1e9 wide");
}

void check_step(const char* operation, double h) {
  check(std::isfinite(h) && h > 0 && h <= 1e3, operation, ": step h must be a positive number up to 1000, got ", h);
}

/// [low, high] that shows most of `values`: the 5th–95th percentile range widened by its own width,
/// but never past the actual extremes. Poles (tan, 1/x) then do not flatten the rest of the curve.
std::pair<double, double> visible_range(const std::vector<double>& values) {
  std::vector<double> finite;
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return {-1, 1};
  std::sort(finite.begin(), finite.end());
  const auto at = [&](double q) { return finite[static_cast<size_t>(q * static_cast<double>(finite.size() - 1))]; };
  const double q05 = at(0.05), q95 = at(0.95);
  const double spread = q95 - q05;
  double low = std::max(finite.front(), q05 - spread);
  double high = std::min(finite.back(), q95 + spread);
  if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) {  // a constant: show ±1 around it
    low -= 1;
    high += 1;
  }
  const double pad = 0.08 * (high - low);
  return {low - pad, high + pad};
}

/// NaN for points far outside [low, high] and for both ends of a jump taller than the whole range
/// (a pole or a jump: drawing the connecting segment would be a lie).
void mask_off_scale(std::vector<double>& values, double low, double high) {
  const double span = high - low;
  for (double& v : values)
    if (!std::isfinite(v) || v < low - span || v > high + span) v = NAN;
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    if (std::fabs(values[i + 1] - values[i]) > span) {
      values[i] = NAN;
      values[i + 1] = NAN;
    }
  }
}

}  // namespace

CurveSamples sample_curve(const Expression& f, double from, double to, int n, double h) {
  check_interval("sample_curve", from, to);
  check_step("sample_curve", h);
  check(n >= 2 && n <= 100000, "sample_curve: n must be from 2 to 100000 points, got ", n);
  CurveSamples samples;
  samples.x.resize(n);
  samples.f.resize(n);
  samples.derivative.resize(n);
  samples.exact_derivative.resize(n);
  for (int i = 0; i < n; ++i) {
    const double x = from + (to - from) * i / (n - 1);
    samples.x[i] = x;
    const Derivatives exact = f.derivatives(x);
    samples.f[i] = exact[0];
    samples.exact_derivative[i] = exact[1];
    samples.derivative[i] = central_difference(f, x, h);
    if (!std::isfinite(exact[0])) ++samples.undefined;
  }
  std::tie(samples.f_low, samples.f_high) = visible_range(samples.f);
  std::tie(samples.derivative_low, samples.derivative_high) = visible_range(samples.exact_derivative);
  mask_off_scale(samples.f, samples.f_low, samples.f_high);
  mask_off_scale(samples.exact_derivative, samples.derivative_low, samples.derivative_high);
  mask_off_scale(samples.derivative, samples.derivative_low, samples.derivative_high);
  return samples;
}

Tangent tangent_at(const Expression& f, double a, double h, double from, double to) {
  check(std::isfinite(a), "tangent_at: the point a must be a finite number, got ", a);
  check_step("tangent_at", h);
  check_interval("tangent_at", from, to);
  const Derivatives exact = f.derivatives(a);
  Tangent t{};
  t.a = a;
  t.fa = f(a);
  t.slope = central_difference(f, a, h);
  t.exact_slope = exact[1];
  t.error = std::fabs(t.slope - t.exact_slope);
  t.second_derivative = second_difference(f, a, second_step(a));
  t.x0 = from;
  t.y0 = t.fa + t.slope * (from - a);
  t.x1 = to;
  t.y1 = t.fa + t.slope * (to - a);
  return t;
}

StepErrorSweep step_error_sweep(const Expression& f, double x, double min_exponent, double max_exponent, int per_decade) {
  check(std::isfinite(x), "step_error_sweep: x must be a finite number, got ", x);
  check(min_exponent >= -20 && max_exponent <= 3 && min_exponent < max_exponent, "step_error_sweep: exponents [",
        min_exponent, ", ", max_exponent, "] must satisfy -20 <= min < max <= 3");
  check(per_decade >= 1 && per_decade <= 100, "step_error_sweep: per_decade must be from 1 to 100, got ", per_decade);
  const Derivatives exact = f.derivatives(x);
  StepErrorSweep sweep;
  sweep.exact = exact[1];
  const double third = std::fabs(exact[3]);
  const int steps = static_cast<int>(std::round((max_exponent - min_exponent) * per_decade));
  sweep.best_error = INFINITY;
  for (int k = 0; k <= steps; ++k) {
    const double h = std::pow(10.0, min_exponent + static_cast<double>(k) / per_decade);
    const double central = std::fabs(central_difference(f, x, h) - exact[1]);
    sweep.h.push_back(h);
    sweep.central_error.push_back(central);
    sweep.forward_error.push_back(std::fabs(forward_difference(f, x, h) - exact[1]));
    sweep.truncation.push_back(third * h * h / 6);
    sweep.roundoff.push_back(kEpsilon * std::max(std::fabs(f(x + h)), std::fabs(f(x - h))) / h);
    if (central < sweep.best_error) {
      sweep.best_error = central;
      sweep.best_h = h;
    }
  }
  const double fx = std::fabs(exact[0]);
  sweep.model_best_h = third > 0 && fx > 0 && std::isfinite(third) && std::isfinite(fx) ? std::cbrt(3 * kEpsilon * fx / third) : 0;
  if (!std::isfinite(sweep.best_error)) sweep.best_error = NAN;
  return sweep;
}

}  // namespace mlplay
