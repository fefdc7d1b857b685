#pragma once
// The one finite-difference gradient check every differentiable op's test runs (after flashlight's
// jacobianTestImpl and torch.autograd.gradcheck). Test-only: uses Catch2 to report mismatches.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <sstream>
#include <vector>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::testing {

/// Step and tolerances for gradcheck (float32 forward passes, so looser than torch's float64 defaults).
struct GradcheckOptions {
  double eps = 1e-2;   // finite-difference step
  double atol = 2e-3;  // |analytic - numeric| <= atol + rtol * |numeric|
  double rtol = 1e-2;
};

namespace detail {
/// Element `linear` (row-major position) of a possibly strided tensor.
inline float& element(const Tensor& t, int64_t linear) {
  int64_t offset = 0;
  for (size_t d = t.shape().size(); d-- > 0;) {
    offset += (linear % t.shape()[d]) * t.strides()[d];
    linear /= t.shape()[d];
  }
  return t.data_ptr()[offset];
}

/// sum(out * weights), accumulated in double.
inline double project(const Tensor& out, const std::vector<float>& weights) {
  const std::vector<float> values = out.to_vector();
  double total = 0;
  for (size_t i = 0; i < values.size(); ++i) total += double(values[i]) * weights[i];
  return total;
}
}  // namespace detail

/// Checks d(sum(fn(inputs) * w))/d(input) from backward() against central differences
/// (f(x + eps) - f(x - eps)) / 2 eps computed in double, for every element of every input that
/// requires grad. The projection weights w are fixed pseudo-random numbers, so every output element
/// counts. Inputs may be non-contiguous views (leaves made with detach()). Returns true when all match.
inline bool gradcheck(const std::function<Tensor(const std::vector<Tensor>&)>& fn, const std::vector<Tensor>& inputs,
                      GradcheckOptions options = {}) {
  for (const Tensor& t : inputs) t.impl()->grad = Tensor();
  const Tensor out = fn(inputs);
  Generator gen(1234);
  const Tensor weights = rand(out.shape(), gen) * 2.0 - 1.0;
  const std::vector<float> w = weights.to_vector();
  out.backward(weights);

  NoGradGuard no_grad;
  bool ok = true;
  int reported = 0;  // only the first few mismatches are printed
  for (size_t k = 0; k < inputs.size(); ++k) {
    const Tensor& x = inputs[k];
    if (!x.requires_grad()) continue;
    const std::vector<float> analytic = x.grad().defined() ? x.grad().to_vector() : std::vector<float>(x.numel(), 0.0f);
    for (int64_t i = 0; i < x.numel(); ++i) {
      float& v = detail::element(x, i);
      const float saved = v;
      const float plus = static_cast<float>(saved + options.eps), minus = static_cast<float>(saved - options.eps);
      v = plus;
      const double f_plus = detail::project(fn(inputs), w);
      v = minus;
      const double f_minus = detail::project(fn(inputs), w);
      v = saved;
      const double numeric = (f_plus - f_minus) / (double(plus) - double(minus));
      if (!(std::fabs(analytic[i] - numeric) <= options.atol + options.rtol * std::fabs(numeric))) {
        std::ostringstream msg;
        msg << "gradcheck: input " << k << " " << shape_str(x.shape()) << " element " << i << ": analytic "
            << analytic[i] << " vs numeric " << numeric;
        if (reported++ < 5) UNSCOPED_INFO(msg.str());
        ok = false;
      }
    }
  }
  return ok;
}

/// A leaf of `shape` with normal values that requires grad.
inline Tensor leaf(const Shape& shape, uint64_t seed, double scale = 1.0, double shift = 0.0) {
  Generator gen(seed);
  Tensor t = randn(shape, gen) * scale + shift;
  return t.detach().requires_grad_();
}

/// A non-contiguous leaf of `shape`: the transpose of a contiguous tensor, detached.
inline Tensor transposed_leaf(const Shape& shape, uint64_t seed, double scale = 1.0, double shift = 0.0) {
  Shape reversed(shape.rbegin(), shape.rend());
  Generator gen(seed);
  Shape dims;
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) dims.push_back(d);
  Tensor t = (randn(reversed, gen) * scale + shift).permute(dims).detach();
  return t.requires_grad_();
}

}  // namespace mlplay::testing
