#pragma once
// A third-order jet: a value together with its first three derivatives with respect to x,
// d = {u, u', u'', u'''}. Arithmetic on jets applies the rules of calculus (Leibniz for products,
// Faà di Bruno for compositions), so evaluating an expression on the jet {x, 1, 0, 0} yields
// {f(x), f'(x), f''(x), f'''(x)} exactly up to rounding: forward-mode automatic differentiation.
#include <array>
#include <cmath>

namespace mlplay::calculus {

struct Jet {
  std::array<double, 4> d{};

  static Jet constant(double value) { return {{value, 0, 0, 0}}; }
  static Jet variable(double value) { return {{value, 1, 0, 0}}; }
  bool is_constant() const { return d[1] == 0 && d[2] == 0 && d[3] == 0; }
};

inline Jet operator+(const Jet& a, const Jet& b) { return {{a.d[0] + b.d[0], a.d[1] + b.d[1], a.d[2] + b.d[2], a.d[3] + b.d[3]}}; }
inline Jet operator-(const Jet& a, const Jet& b) { return {{a.d[0] - b.d[0], a.d[1] - b.d[1], a.d[2] - b.d[2], a.d[3] - b.d[3]}}; }
inline Jet operator-(const Jet& a) { return {{-a.d[0], -a.d[1], -a.d[2], -a.d[3]}}; }

/// Leibniz: (ab)^(n) = sum_k C(n, k) a^(k) b^(n-k).
inline Jet operator*(const Jet& a, const Jet& b) {
  const auto& x = a.d;
  const auto& y = b.d;
  return {{x[0] * y[0], x[0] * y[1] + x[1] * y[0], x[0] * y[2] + 2 * x[1] * y[1] + x[2] * y[0],
           x[0] * y[3] + 3 * x[1] * y[2] + 3 * x[2] * y[1] + x[3] * y[0]}};
}

/// g(u) for an outer function with derivatives g = {g, g', g'', g'''} at u (Faà di Bruno, order 3).
/// NOTE: a term whose inner derivative is zero is skipped, so g' = inf where u' = 0 (sqrt at a
/// constant 0) does not turn into inf * 0 = NaN.
inline Jet compose(const Jet& u, const std::array<double, 4>& g) {
  const auto& a = u.d;
  auto term = [](double coefficient, double factor) { return factor == 0 ? 0.0 : coefficient * factor; };
  return {{g[0], term(g[1], a[1]), term(g[2], a[1] * a[1]) + term(g[1], a[2]),
           term(g[3], a[1] * a[1] * a[1]) + term(g[2], 3 * a[1] * a[2]) + term(g[1], a[3])}};
}

inline Jet reciprocal(const Jet& u) {
  const double v = u.d[0];
  const double r = 1 / v;
  return compose(u, {r, -r * r, 2 * r * r * r, -6 * r * r * r * r});
}
inline Jet operator/(const Jet& a, const Jet& b) {
  if (b.is_constant()) return {{a.d[0] / b.d[0], a.d[1] / b.d[0], a.d[2] / b.d[0], a.d[3] / b.d[0]}};
  return a * reciprocal(b);
}

inline Jet sin(const Jet& u) {
  const double s = std::sin(u.d[0]), c = std::cos(u.d[0]);
  return compose(u, {s, c, -s, -c});
}
inline Jet cos(const Jet& u) {
  const double s = std::sin(u.d[0]), c = std::cos(u.d[0]);
  return compose(u, {c, -s, -c, s});
}
inline Jet tan(const Jet& u) {
  const double t = std::tan(u.d[0]);
  const double sec2 = 1 + t * t;  // tan' = sec² = 1 + tan²
  return compose(u, {t, sec2, 2 * t * sec2, (2 + 6 * t * t) * sec2});
}
inline Jet exp(const Jet& u) {
  const double e = std::exp(u.d[0]);
  return compose(u, {e, e, e, e});
}
inline Jet log(const Jet& u) {
  const double v = u.d[0];
  return compose(u, {std::log(v), 1 / v, -1 / (v * v), 2 / (v * v * v)});
}
inline Jet sqrt(const Jet& u) {
  const double s = std::sqrt(u.d[0]);
  return compose(u, {s, 0.5 / s, -0.25 / (s * s * s), 0.375 / (s * s * s * s * s)});
}
/// |u|: slope sign(u); not differentiable at 0, where the derivatives are NaN.
inline Jet abs(const Jet& u) {
  const double v = u.d[0];
  const double sign = v > 0 ? 1.0 : v < 0 ? -1.0 : NAN;
  return compose(u, {std::fabs(v), sign, sign * 0, sign * 0});
}

/// u^p for a constant p: g^(k) = p (p-1) … (p-k+1) u^(p-k), with a zero falling factorial giving 0
/// (so x^2 has g''' = 0 even at x = 0, where 0^-1 would be inf).
inline Jet pow_constant(const Jet& u, double p) {
  std::array<double, 4> g{};
  double falling = 1;
  for (int k = 0; k < 4; ++k) {
    g[k] = falling == 0 ? 0.0 : falling * std::pow(u.d[0], p - k);
    falling *= p - k;
  }
  return compose(u, g);
}

/// u^v: a constant exponent uses the power rule; otherwise u^v = exp(v log u) (defined for u > 0).
inline Jet pow(const Jet& u, const Jet& v) {
  if (v.is_constant()) return pow_constant(u, v.d[0]);
  if (u.is_constant() && u.d[0] > 0) {
    const double l = std::log(u.d[0]);
    return exp(v * Jet::constant(l));
  }
  Jet result = exp(v * log(u));
  result.d[0] = std::pow(u.d[0], v.d[0]);  // the value itself, exactly as pow computes it
  return result;
}

}  // namespace mlplay::calculus
