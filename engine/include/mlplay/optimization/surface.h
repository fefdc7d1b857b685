#pragma once
/// A loss surface f(x, y) for the gradient-descent lesson: one of the classic test functions
/// (https://en.wikipedia.org/wiki/Test_functions_for_optimization) or a learner-typed expression.
///
/// The built-in surfaces are written once, as a template over the number type, so the same formula
/// runs on doubles (contour grids, reported losses) and on Tensors (autograd gives the gradient the
/// optimizers use). A typed expression gets its exact gradient from forward-mode jets instead.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/calculus/expression.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::optimization {

/// The rectangle [x_min, x_max] x [y_min, y_max] a surface is drawn over.
struct Bounds {
  double x_min, x_max, y_min, y_max;
};

class Surface {
 public:
  /// Names of the built-in surfaces: bowl, ravine, rosenbrock, saddle, himmelblau.
  static const std::vector<std::string>& builtin_names();
  /// A built-in surface; throws ValueError "Surface: unknown function 'x'; use bowl, ravine, …".
  static Surface builtin(std::string_view name);
  /// f(x, y) typed by a learner; throws ExpressionError naming the position of a mistake.
  static Surface expression(std::string_view text, Bounds bounds = {-3, 3, -3, 3});
  /// builtin(name) when `text` names one, else expression(text).
  static Surface from_text(std::string_view text);

  /// f(x, y) in double; NaN or ±inf where undefined.
  double value(double x, double y) const;
  /// {f, df/dx, df/dy} in double (the exact analytic gradient of a built-in, jets for an expression).
  std::array<double, 3> gradient(double x, double y) const;
  /// The loss as a 0-d tensor of `params` = (x, y), recorded for autograd, so loss.backward() leaves
  /// the gradient in params.grad().
  Tensor loss(const Tensor& params) const;

  const std::string& name() const { return name_; }
  /// The formula in words: "(1 - x)^2 + 100 (y - x^2)^2".
  const std::string& formula() const { return formula_; }
  const Bounds& bounds() const { return bounds_; }
  /// Where a race starts by default.
  std::array<double, 2> start() const { return start_; }
  /// The known global minima (empty for a typed expression).
  const std::vector<std::array<double, 2>>& minima() const { return minima_; }
  /// The largest eigenvalue of the Hessian for the quadratics (bowl, ravine), else 0: GD diverges
  /// for lr > 2 / L.
  double lipschitz() const { return lipschitz_; }
  bool is_expression() const { return expression_.has_value(); }

 private:
  Surface() = default;

  std::string name_;
  std::string formula_;
  Bounds bounds_{-3, 3, -3, 3};
  std::array<double, 2> start_{0, 0};
  std::vector<std::array<double, 2>> minima_;
  double lipschitz_ = 0;
  int kind_ = 0;  // index into builtin_names(); -1 for an expression
  std::optional<Expression> expression_;
};

}  // namespace mlplay::optimization
