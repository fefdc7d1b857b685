#include "mlplay/fitting/curve_fitter.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/loss.h"
#include "mlplay/optim/adam.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::fitting {
namespace {

constexpr double kPi = std::numbers::pi;

/// An elementwise copy of `t` through `fn` (no autograd).
template <typename Fn>
Tensor map(const Tensor& t, Fn fn) {
  std::vector<float> values = t.contiguous().to_vector();
  for (float& v : values) v = static_cast<float>(fn(static_cast<double>(v)));
  return from_vector(values, t.shape());
}

// NOTE: the engine's op set has no sin/cos yet; these two record their one backward rule each
// (d sin z = cos z dz, d cos z = −sin z dz) the same way the primitive ops do.
Tensor sin(const Tensor& z) {
  const Tensor saved = z.detach();
  return record(map(z, [](double v) { return std::sin(v); }), "SinBackward", {z},
                [saved](const Tensor& grad) { return std::vector<Tensor>{grad * map(saved, [](double v) { return std::cos(v); })}; },
                {z});
}

Tensor cos(const Tensor& z) {
  const Tensor saved = z.detach();
  return record(map(z, [](double v) { return std::cos(v); }), "CosBackward", {z},
                [saved](const Tensor& grad) { return std::vector<Tensor>{grad * map(saved, [](double v) { return -std::sin(v); })}; },
                {z});
}

int parameter_count(const ModelSpec& spec) {
  switch (spec.kind) {
    case ModelKind::Line: return 2;
    case ModelKind::Poly: return spec.degree + 1;
    case ModelKind::Exp: return 3;
    case ModelKind::Sinusoid: return 4;
  }
  return 0;
}

Tensor column(const std::vector<double>& values) {
  return from_vector(std::vector<float>(values.begin(), values.end()), {static_cast<int64_t>(values.size()), 1});
}

std::vector<double> scaled(const std::vector<double>& values, double mean, double std) {
  std::vector<double> out(values.size());
  for (size_t i = 0; i < values.size(); ++i) out[i] = (values[i] - mean) / std;
  return out;
}

Tensor leaf(std::vector<float> values) {
  Tensor t = from_vector(values);
  t.requires_grad_(true);
  return t;
}

}  // namespace

ModelSpec parse_model(std::string_view text) {
  if (text == "line") return {ModelKind::Line, 1};
  if (text == "exp") return {ModelKind::Exp, 0};
  if (text == "sinusoid") return {ModelKind::Sinusoid, 0};
  if (text.substr(0, 5) == "poly:") {
    int degree = -1;
    const auto digits = text.substr(5);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), degree);
    check(error == std::errc() && end == digits.data() + digits.size() && degree >= 0 && degree <= kMaxDegree,
          "fit: polynomial degree must be a whole number from 0 to ", kMaxDegree, ", got '", digits, "'");
    return {ModelKind::Poly, degree};
  }
  throw ValueError(detail::concat("fit: unknown model '", text, "'; expected line, poly:K, exp or sinusoid"));
}

std::string model_name(const ModelSpec& spec) {
  switch (spec.kind) {
    case ModelKind::Line: return "line";
    case ModelKind::Poly: return detail::concat("poly:", spec.degree);
    case ModelKind::Exp: return "exp";
    case ModelKind::Sinusoid: return "sinusoid";
  }
  return "?";
}

Scaling Scaling::of(const std::vector<double>& x, const std::vector<double>& y) {
  auto moments = [](const std::vector<double>& v, double& mean, double& std) {
    mean = 0;
    for (double e : v) mean += e;
    mean /= static_cast<double>(v.size());
    double ss = 0;
    for (double e : v) ss += (e - mean) * (e - mean);
    std = std::sqrt(ss / static_cast<double>(v.size()));
    if (!(std > 0)) std = 1;  // a constant column: nothing to scale
  };
  Scaling s;
  moments(x, s.x_mean, s.x_std);
  moments(y, s.y_mean, s.y_std);
  return s;
}

CurveFitter::CurveFitter(ModelSpec spec, std::vector<double> x, std::vector<double> y, FitOptions options)
    : spec_(spec) {
  check(x.size() == y.size(), "fit: x has ", x.size(), " values but y has ", y.size());
  const int count = parameter_count(spec);
  check(x.size() >= static_cast<size_t>(count), "fit: ", model_name(spec), " has ", count,
        " parameters, so it needs at least ", count, " points; got ", x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    check(std::isfinite(x[i]) && std::isfinite(y[i]), "fit: point ", i + 1, " is not finite: (", x[i], ", ", y[i], ")");
  }
  check(std::isfinite(options.lr) && options.lr > 0, "fit: invalid learning rate: ", options.lr);
  check(std::isfinite(options.period) && options.period >= 0, "fit: invalid starting period: ", options.period);
  scaling_ = Scaling::of(x, y);
  u_ = column(scaled(x, scaling_.x_mean, scaling_.x_std));  // (N, 1)
  v_ = column(scaled(y, scaling_.y_mean, scaling_.y_std));  // (N, 1)

  switch (spec.kind) {
    case ModelKind::Line:
    case ModelKind::Poly:
      params_ = {leaf(std::vector<float>(static_cast<size_t>(count), 0.0f))};  // w (K+1,)
      break;
    case ModelKind::Exp: {
      double corr = 0;  // start rising or falling like the data
      for (size_t i = 0; i < x.size(); ++i) corr += (x[i] - scaling_.x_mean) * (y[i] - scaling_.y_mean);
      const float b = corr >= 0 ? 0.5f : -0.5f;
      params_ = {leaf({1.0f}), leaf({b}), leaf({-std::exp(0.5f * b * b)})};  // a, b, c
      break;
    }
    case ModelKind::Sinusoid: {
      double lo = x[0], hi = x[0];
      for (double e : x) lo = std::min(lo, e), hi = std::max(hi, e);
      const double period = options.period > 0 ? options.period : std::max(hi - lo, 1e-12) / 2;
      const auto omega = static_cast<float>(2 * kPi * scaling_.x_std / period);  // radians per unit of u
      params_ = {leaf({0.0f}), leaf({0.0f}), leaf({0.0f}), leaf({omega})};  // a, b, c, ω
      break;
    }
  }
  optimizer_ = std::make_unique<optim::Adam>(params_, optim::AdamOptions(options.lr));
}

CurveFitter::~CurveFitter() = default;
CurveFitter::CurveFitter(CurveFitter&&) noexcept = default;
CurveFitter& CurveFitter::operator=(CurveFitter&&) noexcept = default;

Tensor CurveFitter::forward(const Tensor& u) const {
  switch (spec_.kind) {
    case ModelKind::Line:
    case ModelKind::Poly: {
      // Φ (N, K+1) with Φ[n, k] = u_n^k, times w (K+1, 1) -> (N, 1)
      const int64_t n = u.size(0), k1 = spec_.degree + 1;
      std::vector<float> u_values = u.contiguous().to_vector(), phi(static_cast<size_t>(n * k1));
      for (int64_t i = 0; i < n; ++i) {
        double power = 1;
        for (int64_t k = 0; k < k1; ++k, power *= u_values[i]) phi[i * k1 + k] = static_cast<float>(power);
      }
      return from_vector(phi, {n, k1}).matmul(params_[0].reshape({k1, 1}));
    }
    case ModelKind::Exp:  // a·exp(b·u) + c
      return params_[0] * exp(params_[1] * u) + params_[2];
    case ModelKind::Sinusoid: {  // a·sin(ω·u) + b·cos(ω·u) + c
      const Tensor phase = params_[3] * u;
      return params_[0] * sin(phase) + params_[1] * cos(phase) + params_[2];
    }
  }
  return Tensor();
}

double CurveFitter::step(int64_t count) {
  check(count >= 0, "CurveFitter.step: negative step count ", count);
  for (int64_t i = 0; i < count && !diverged_; ++i) {
    optimizer_->zero_grad();
    const Tensor prediction = forward(u_);         // (N, 1)
    const Tensor loss = mse_loss(prediction, v_);  // mean of (v̂ − v)²
    if (!std::isfinite(loss.item())) {
      diverged_ = true;
      break;
    }
    loss.backward();
    optimizer_->step();
    ++steps_;
  }
  return loss();
}

double CurveFitter::loss() const {
  NoGradGuard no_grad;
  const double scaled_loss = mse_loss(forward(u_), v_).item();
  return scaled_loss * scaling_.y_std * scaling_.y_std;  // back to y units²
}

std::vector<double> CurveFitter::predict(const std::vector<double>& x) const {
  if (x.empty()) return {};
  NoGradGuard no_grad;
  const std::vector<float> v = forward(column(scaled(x, scaling_.x_mean, scaling_.x_std))).contiguous().to_vector();
  std::vector<double> y(v.size());
  for (size_t i = 0; i < v.size(); ++i) y[i] = scaling_.y_mean + scaling_.y_std * static_cast<double>(v[i]);
  return y;
}

double CurveFitter::mse(const std::vector<double>& x, const std::vector<double>& y) const {
  check(x.size() == y.size(), "CurveFitter.mse: x has ", x.size(), " values but y has ", y.size());
  if (x.empty()) return std::nan("");
  const std::vector<double> p = predict(x);
  double sum = 0;
  for (size_t i = 0; i < x.size(); ++i) sum += (p[i] - y[i]) * (p[i] - y[i]);
  return sum / static_cast<double>(x.size());
}

std::vector<double> CurveFitter::scaled_parameters() const {
  std::vector<double> out;
  for (const Tensor& p : params_)
    for (float v : p.contiguous().to_vector()) out.push_back(v);
  return out;
}

std::vector<NamedValue> CurveFitter::parameters() const {
  const std::vector<double> w = scaled_parameters();
  const Scaling& s = scaling_;
  switch (spec_.kind) {
    case ModelKind::Line: {
      const double slope = s.y_std * w[1] / s.x_std;
      return {{"slope m", slope}, {"intercept b", s.y_mean + s.y_std * w[0] - slope * s.x_mean}};
    }
    case ModelKind::Poly: {
      std::vector<NamedValue> out;
      for (size_t k = 0; k < w.size(); ++k) out.push_back({detail::concat("w", k), w[k]});
      return out;
    }
    case ModelKind::Exp: {  // y = ȳ + s_y (a e^{b (x − x̄)/s_x} + c)
      const double rate = w[1] / s.x_std;
      return {{"A", s.y_std * w[0] * std::exp(-rate * s.x_mean)}, {"B", rate}, {"C", s.y_mean + s.y_std * w[2]}};
    }
    case ModelKind::Sinusoid: {  // a sin θ + b cos θ = R sin(θ + atan2(b, a)), θ = ω (x − x̄)/s_x
      double a = w[0], b = w[1], omega = w[3];
      if (omega < 0) omega = -omega, a = -a;  // sin(−θ) = −sin θ
      const double per_x = omega / s.x_std;
      double phase = std::remainder(std::atan2(b, a) - per_x * s.x_mean, 2 * kPi);
      return {{"amplitude A", s.y_std * std::hypot(a, b)},
              {"period P", per_x > 0 ? 2 * kPi / per_x : std::numeric_limits<double>::infinity()},
              {"phase φ", phase},
              {"offset C", s.y_mean + s.y_std * w[2]}};
    }
  }
  return {};
}

std::string CurveFitter::formula() const {
  switch (spec_.kind) {
    case ModelKind::Line: return "y = m·x + b";
    case ModelKind::Poly: return "y = ȳ + s_y·(w0 + w1·u + … + wK·u^K), u = (x − x̄)/s_x";
    case ModelKind::Exp: return "y = A·exp(B·x) + C";
    case ModelKind::Sinusoid: return "y = A·sin(2π·x/P + φ) + C";
  }
  return "";
}

}  // namespace mlplay::fitting
