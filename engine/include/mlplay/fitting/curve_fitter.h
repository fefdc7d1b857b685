#pragma once
/// Curve fitting by gradient descent on the mean squared error: a line, a polynomial, an
/// exponential or a sinusoid, trained with the engine's tensors, autograd and optim::Adam
/// (the loop zero_grad → forward → loss → backward → step, visible in curve_fitter.cpp).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mlplay/tensor/tensor.h"

namespace mlplay::optim {
class Adam;
}

namespace mlplay::fitting {

enum class ModelKind { Line, Poly, Exp, Sinusoid };

/// Which curve: line, poly:K (degree K in 0..12), exp or sinusoid.
struct ModelSpec {
  ModelKind kind = ModelKind::Line;
  int degree = 1;  // poly only
};

/// "line", "poly:3", "exp", "sinusoid" → ModelSpec; throws ValueError naming the text otherwise.
ModelSpec parse_model(std::string_view text);
std::string model_name(const ModelSpec& spec);
inline constexpr int kMaxDegree = 12;

/// Feature scaling: the models work on u = (x − x_mean) / x_std and v = (y − y_mean) / y_std, so
/// every parameter sees gradients of a similar size (and u^12 stays moderate).
struct Scaling {
  double x_mean = 0, x_std = 1, y_mean = 0, y_std = 1;
  /// Means and standard deviations of x and y; a constant column gets std 1.
  static Scaling of(const std::vector<double>& x, const std::vector<double>& y);
};

struct FitOptions {
  double lr = 0.02;  // Adam's learning rate
  /// Sinusoid only: the starting period in x units (GD refines it); 0 picks half the x range.
  double period = 0;
};

/// One named parameter of the fitted curve in the data's own units.
struct NamedValue {
  std::string name;
  double value;
};

/// Fits one model to (x, y) with Adam on the MSE of the scaled data.
class CurveFitter {
 public:
  /// Throws ValueError when x and y differ in length, hold fewer points than the model has
  /// parameters, or are not finite.
  CurveFitter(ModelSpec spec, std::vector<double> x, std::vector<double> y, FitOptions options = {});
  ~CurveFitter();
  CurveFitter(CurveFitter&&) noexcept;
  CurveFitter& operator=(CurveFitter&&) noexcept;

  /// Takes `count` Adam steps; returns the training MSE (in y units squared) after them. Stops
  /// early, and diverged() turns true, when the loss stops being finite.
  double step(int64_t count);
  int64_t steps() const { return steps_; }
  bool diverged() const { return diverged_; }
  /// Training MSE in y units squared at the current parameters.
  double loss() const;
  /// MSE of the current curve on other points (a validation set).
  double mse(const std::vector<double>& x, const std::vector<double>& y) const;
  std::vector<double> predict(const std::vector<double>& x) const;

  const ModelSpec& spec() const { return spec_; }
  const Scaling& scaling() const { return scaling_; }
  /// The trained weights on the scaled data (what Adam sees).
  std::vector<double> scaled_parameters() const;
  /// The curve's parameters in the data's units (line: slope, intercept; exp: A, B, C;
  /// sinusoid: amplitude, period, phase, offset; poly: w0…wK of the scaled polynomial).
  std::vector<NamedValue> parameters() const;
  /// The formula the parameters belong to, e.g. "y = A·sin(2π·x/P + φ) + C".
  std::string formula() const;

 private:
  Tensor forward(const Tensor& u) const;

  ModelSpec spec_;
  Scaling scaling_;
  Tensor u_, v_;                // (N,) scaled training inputs and targets
  std::vector<Tensor> params_;  // each (1,) or (K+1,) leaf with requires_grad
  std::unique_ptr<optim::Adam> optimizer_;
  int64_t steps_ = 0;
  bool diverged_ = false;
};

}  // namespace mlplay::fitting
