#include "mlplay/optimization/surface.h"

#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::optimization {
namespace {

// Each surface once, for double and Tensor alike (only +, -, * and scalars, which both support).
template <typename T>
T square(const T& a) {
  return a * a;
}

/// f = x^2 + y^2: round, condition number 1, Hessian 2I (L = 2).
template <typename T>
T bowl(const T& x, const T& y) {
  return x * x + y * y;
}
/// f = (x^2 + 25 y^2) / 2: a long narrow valley, Hessian diag(1, 25), condition number 25.
template <typename T>
T ravine(const T& x, const T& y) {
  return 0.5 * (x * x + 25.0 * (y * y));
}
/// Rosenbrock's banana valley: minimum 0 at (1, 1) at the end of a curved, flat-bottomed valley.
template <typename T>
T rosenbrock(const T& x, const T& y) {
  return square(1.0 - x) + 100.0 * square(y - x * x);
}
/// x^2 - y^2 + y^4 / 4: a saddle at the origin between two minima at (0, ±sqrt 2), f = -1.
template <typename T>
T saddle(const T& x, const T& y) {
  return x * x - y * y + 0.25 * square(y * y);
}
/// Himmelblau's function: four minima with f = 0.
template <typename T>
T himmelblau(const T& x, const T& y) {
  return square(x * x + y - 11.0) + square(x + y * y - 7.0);
}

template <typename T>
T evaluate_builtin(int kind, const T& x, const T& y) {
  switch (kind) {
    case 0: return bowl(x, y);
    case 1: return ravine(x, y);
    case 2: return rosenbrock(x, y);
    case 3: return saddle(x, y);
    default: return himmelblau(x, y);
  }
}

}  // namespace

const std::vector<std::string>& Surface::builtin_names() {
  static const std::vector<std::string> names = {"bowl", "ravine", "rosenbrock", "saddle", "himmelblau"};
  return names;
}

Surface Surface::builtin(std::string_view name) {
  const auto& names = builtin_names();
  Surface s;
  s.kind_ = -1;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) s.kind_ = static_cast<int>(i);
  }
  if (s.kind_ < 0) {
    throw ValueError("Surface: unknown function '" + std::string(name) + "'; use bowl, ravine, rosenbrock, saddle, himmelblau or a formula in x and y");
  }
  s.name_ = std::string(name);
  switch (s.kind_) {
    case 0:
      s.formula_ = "x^2 + y^2";
      s.bounds_ = {-3, 3, -3, 3};
      s.start_ = {-2.5, 2};
      s.minima_ = {{0, 0}};
      s.lipschitz_ = 2;
      break;
    case 1:
      s.formula_ = "(x^2 + 25 y^2) / 2";
      s.bounds_ = {-3, 3, -3, 3};
      s.start_ = {-2.8, 1};
      s.minima_ = {{0, 0}};
      s.lipschitz_ = 25;
      break;
    case 2:
      s.formula_ = "(1 - x)^2 + 100 (y - x^2)^2";
      s.bounds_ = {-2, 2, -1, 3};
      s.start_ = {-1.5, 2};
      s.minima_ = {{1, 1}};
      break;
    case 3:
      s.formula_ = "x^2 - y^2 + y^4 / 4";
      s.bounds_ = {-3, 3, -3, 3};
      s.start_ = {-2.5, 0.05};
      s.minima_ = {{0, -std::sqrt(2.0)}, {0, std::sqrt(2.0)}};
      break;
    default:
      s.formula_ = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
      s.bounds_ = {-5, 5, -5, 5};
      s.start_ = {0, -0.5};
      s.minima_ = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848127}};
      break;
  }
  return s;
}

Surface Surface::expression(std::string_view text, Bounds bounds) {
  check<ValueError>(std::isfinite(bounds.x_min) && std::isfinite(bounds.x_max) && bounds.x_min < bounds.x_max &&
                        std::isfinite(bounds.y_min) && std::isfinite(bounds.y_max) && bounds.y_min < bounds.y_max,
                    "Surface: invalid bounds [", bounds.x_min, ", ", bounds.x_max, "] x [", bounds.y_min, ", ", bounds.y_max, "]");
  Surface s;
  s.kind_ = -1;
  s.expression_ = Expression::parse(text, Expression::Variables::xy);
  s.name_ = "expression";
  s.formula_ = s.expression_->to_string();
  s.bounds_ = bounds;
  // 80% of the way across, rounded to 1e-6 so that [-3, 3] gives exactly 1.8 (a clean number to type).
  auto at = [](double low, double high) { return std::round((low + 0.8 * (high - low)) * 1e6) / 1e6; };
  s.start_ = {at(bounds.x_min, bounds.x_max), at(bounds.y_min, bounds.y_max)};
  return s;
}

Surface Surface::from_text(std::string_view text) {
  for (const auto& name : builtin_names()) {
    if (name == text) return builtin(text);
  }
  return expression(text);
}

double Surface::value(double x, double y) const {
  if (expression_) return (*expression_)(x, y);
  return evaluate_builtin(kind_, x, y);
}

std::array<double, 3> Surface::gradient(double x, double y) const {
  if (expression_) return expression_->gradient(x, y);
  Tensor params = from_vector({static_cast<float>(x), static_cast<float>(y)});
  params.requires_grad_();
  loss(params).backward();
  const auto g = params.grad().to_vector();
  return {value(x, y), g[0], g[1]};
}

Tensor Surface::loss(const Tensor& params) const {
  check<ValueError>(params.defined() && params.numel() == 2, "Surface.loss: params must hold 2 elements (x, y), got ",
                    params.defined() ? params.numel() : 0);
  if (!expression_) return evaluate_builtin(kind_, params.select(0, 0), params.select(0, 1));
  // NOTE: the typed expression is not made of tensor ops, so its loss enters the graph as its
  // first-order Taylor model at the current point, f + g . (p - p0) with g = the jets' exact
  // gradient: the same value and the same gradient, so backward() hands the optimizer exactly g.
  const auto p = params.to_vector();
  const auto [f, gx, gy] = expression_->gradient(p[0], p[1]);
  Tensor g = from_vector({static_cast<float>(gx), static_cast<float>(gy)});
  const double offset = f - (gx * p[0] + gy * p[1]);
  return (params * g).sum() + offset;
}

}  // namespace mlplay::optimization
