#include "mlplay/calculus/critical_points.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "mlplay/calculus/derivative.h"

namespace mlplay {

const char* to_string(CriticalKind kind) {
  switch (kind) {
    case CriticalKind::maximum: return "max";
    case CriticalKind::minimum: return "min";
    default: return "inflection";
  }
}

namespace {

using Function = std::function<double(double)>;

int sign(double v) { return (v > 0) - (v < 0); }

/// A root of g in [a, b] where g(a) and g(b) have opposite signs: bisection to the last bit.
double bisect(const Function& g, double a, double b) {
  int sign_a = sign(g(a));
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;  // no double left between them
    const int s = sign(g(mid));
    if (s == 0) return mid;
    if (s == sign_a) {
      a = mid;
    } else {
      b = mid;
    }
  }
  return 0.5 * (a + b);
}

/// The x in [a, b] where |g| is smallest, by golden-section search (|g| unimodal there).
double golden_minimum(const Function& g, double a, double b) {
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double c = b - ratio * (b - a), d = a + ratio * (b - a);
  double gc = std::fabs(g(c)), gd = std::fabs(g(d));
  for (int i = 0; i < 200 && b - a > 1e-15 * std::max(1.0, std::fabs(a)); ++i) {
    if (gc < gd) {
      b = d, d = c, gd = gc;
      c = b - ratio * (b - a), gc = std::fabs(g(c));
    } else {
      a = c, c = d, gc = gd;
      d = a + ratio * (b - a), gd = std::fabs(g(d));
    }
  }
  return gc < gd ? c : d;
}

/// Round-off noise of the second difference at x, with a safety factor of 25:
/// each f value is off by about ε|f|, and the difference divides by h².
double second_difference_noise(const Expression& f, double x) {
  const double h = second_step(x);
  const double size = std::fabs(f(x - h)) + 2 * std::fabs(f(x)) + std::fabs(f(x + h));
  return 25 * kEpsilon * std::max(size, 1.0) / (h * h);
}

CriticalPoint classify(const Expression& f, double c, double spacing) {
  CriticalPoint point{c, f(c), second_difference(f, c, second_step(c)), CriticalKind::inflection, true};
  if (point.second_derivative < -second_difference_noise(f, c)) {
    point.kind = CriticalKind::maximum;
  } else if (point.second_derivative > second_difference_noise(f, c)) {
    point.kind = CriticalKind::minimum;
  } else {
    // f'' ≈ 0: the second-derivative test says nothing; the sign of f' on either side decides.
    point.by_second_derivative = false;
    const double left = central_difference(f, c - spacing / 2, central_step(c));
    const double right = central_difference(f, c + spacing / 2, central_step(c));
    if (left > 0 && right < 0) point.kind = CriticalKind::maximum;
    else if (left < 0 && right > 0) point.kind = CriticalKind::minimum;
  }
  return point;
}

}  // namespace

CriticalPoints find_critical_points(const Expression& f, double from, double to, int grid) {
  check(std::isfinite(from) && std::isfinite(to) && from < to && to - from >= 1e-9 && to - from <= 1e9,
        "find_critical_points: the interval [", from, ", ", to, "] must be finite, with from < to, 1e-9 to 1e9 wide");
  check(grid >= 10 && grid <= 1000000, "find_critical_points: grid must be from 10 to 1000000 intervals, got ", grid);
  const double spacing = (to - from) / grid;
  const Function slope = [&](double x) { return central_difference(f, x, central_step(x)); };
  const Function curvature = [&](double x) { return second_difference(f, x, second_step(x)); };

  std::vector<double> x(grid + 1), d(grid + 1), c(grid + 1);
  double scale = 0;
  for (int i = 0; i <= grid; ++i) {
    x[i] = i == grid ? to : from + spacing * i;
    d[i] = std::isfinite(f(x[i])) ? slope(x[i]) : NAN;
    c[i] = std::isfinite(d[i]) ? curvature(x[i]) : NAN;
    if (std::isfinite(d[i])) scale = std::max(scale, std::fabs(d[i]));
  }
  // |f'(c)| this small counts as zero: far above the noise of D_h f, far below any real slope.
  const double tolerance = 1e-8 * std::max(1.0, scale);

  std::vector<double> roots;
  for (int i = 0; i <= grid; ++i) {
    if (!std::isfinite(d[i])) continue;
    if (d[i] == 0) roots.push_back(x[i]);
    if (i < grid && std::isfinite(d[i + 1]) && sign(d[i]) * sign(d[i + 1]) < 0) roots.push_back(bisect(slope, x[i], x[i + 1]));
    const bool interior = i > 0 && i < grid && std::isfinite(d[i - 1]) && std::isfinite(d[i + 1]);
    if (interior && d[i] != 0 && sign(d[i - 1]) == sign(d[i]) && sign(d[i + 1]) == sign(d[i]) &&
        std::fabs(d[i]) <= std::fabs(d[i - 1]) && std::fabs(d[i]) <= std::fabs(d[i + 1])) {
      roots.push_back(golden_minimum(slope, x[i - 1], x[i + 1]));  // touches zero? checked below
    }
  }

  CriticalPoints result;
  std::sort(roots.begin(), roots.end());
  for (double root : roots) {
    if (!std::isfinite(f(root)) || !(std::fabs(slope(root)) <= tolerance)) continue;  // a pole or a near miss
    if (!result.critical.empty() && root - result.critical.back().x <= 1e-7 * (to - from)) continue;  // same point
    if (static_cast<int>(result.critical.size()) == kMaxCriticalPoints) {
      result.truncated = true;
      break;
    }
    result.critical.push_back(classify(f, root, spacing));
  }

  // Inflection points: f'' changes sign, with both sides clear of round-off noise.
  int last = -1;  // the last grid point where f'' was clearly nonzero
  for (int i = 0; i <= grid; ++i) {
    if (!std::isfinite(c[i])) {
      last = -1;
      continue;
    }
    if (std::fabs(c[i]) <= second_difference_noise(f, x[i])) continue;
    if (last >= 0 && sign(c[last]) != sign(c[i])) {
      const double root = bisect(curvature, x[last], x[i]);
      // Through zero, |f''| at the root is below both neighbours; across a pole (tan, 1/x) it is huge.
      const double at_root = std::fabs(curvature(root));
      const bool smooth = std::isfinite(f(root)) && at_root <= std::min(std::fabs(c[last]), std::fabs(c[i]));
      if (smooth && static_cast<int>(result.inflections.size()) == kMaxCriticalPoints) {
        result.truncated = true;
        break;
      }
      if (smooth) result.inflections.push_back({root, f(root), slope(root)});
    }
    last = i;
  }
  return result;
}

}  // namespace mlplay
