#pragma once
/// Numerical derivatives by finite differences, and the step-size trade-off they live with.
///
///   forward:  D⁺_h f(x) = (f(x+h) − f(x)) / h              error ≈ |f''| h / 2   + ε|f| / h
///   central:  D_h f(x)  = (f(x+h) − f(x−h)) / (2h)         error ≈ |f'''| h² / 6 + ε|f| / h
///   second:   D²_h f(x) = (f(x+h) − 2f(x) + f(x−h)) / h²   error ≈ |f''''| h² / 12 + 4ε|f| / h²
/// The first term (truncation, from Taylor's theorem) shrinks with h; the second (round-off: f is
/// only known to about ε = 2.2e-16 relative, and the difference cancels the leading digits) grows as
/// h shrinks. The best central step balances them: h* = (3ε|f| / |f'''|)^(1/3) ≈ 1e-5.
/// See e.g. Sauer, "Numerical Analysis", §5.1.
#include <string>
#include <vector>

#include "mlplay/calculus/expression.h"

namespace mlplay {

/// Machine epsilon of double, 2^-52.
inline constexpr double kEpsilon = 2.220446049250313e-16;

double forward_difference(const Expression& f, double x, double h);
double central_difference(const Expression& f, double x, double h);
double second_difference(const Expression& f, double x, double h);

/// Near-optimal steps scaled to |x|: ε^(1/3)·max(1, |x|) for the central first difference,
/// ε^(1/4)·max(1, |x|) for the second difference.
double central_step(double x);
double second_step(double x);

/// f, its central-difference derivative with step h, and the exact derivative (forward-mode
/// automatic differentiation) on n evenly spaced points of [from, to]. Values that are not finite,
/// or far off the plotted range, are NaN: the page draws them as gaps.
struct CurveSamples {
  std::vector<double> x, f, derivative, exact_derivative;
  /// A y range that shows the curve: robust to poles (tan, 1/x), padded by 8%.
  double f_low = -1, f_high = 1, derivative_low = -1, derivative_high = 1;
  /// How many points of f were not finite (log of a negative, 1/0, …).
  int undefined = 0;
};
CurveSamples sample_curve(const Expression& f, double from, double to, int n, double h);

/// The tangent at a: y = f(a) + slope (x − a), with the slope by central differences (step h) and
/// the exact slope, and the line's endpoints at x = from and x = to for drawing.
struct Tangent {
  double a, fa, slope, exact_slope, error, second_derivative;
  double x0, y0, x1, y1;
};
Tangent tangent_at(const Expression& f, double a, double h, double from, double to);

/// Derivative error against step size at x: h = 10^k for k from min_exponent to max_exponent in
/// `per_decade` steps per decade, measured (forward and central) and modelled (truncation and
/// round-off terms of the central difference).
struct StepErrorSweep {
  std::vector<double> h, central_error, forward_error, truncation, roundoff;
  double exact = 0;        // f'(x)
  double best_h = 0;       // the h with the smallest measured central error
  double best_error = 0;
  double model_best_h = 0; // (3 ε |f| / |f'''|)^(1/3); 0 when f''' = 0 or f = 0
};
StepErrorSweep step_error_sweep(const Expression& f, double x, double min_exponent = -16, double max_exponent = 0,
                                int per_decade = 8);

}  // namespace mlplay
