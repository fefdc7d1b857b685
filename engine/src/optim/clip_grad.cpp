#include "mlplay/optim/clip_grad.h"

#include <algorithm>
#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "update_loop.h"

namespace mlplay::nn::utils {

double clip_grad_norm_(const std::vector<Tensor>& parameters, double max_norm, double norm_type) {
  check<ValueError>(norm_type > 0, "clip_grad_norm_: invalid norm_type: ", norm_type, "; expected > 0 or infinity");
  check<ValueError>(max_norm >= 0, "clip_grad_norm_: invalid max_norm: ", max_norm);
  NoGradGuard no_grad;
  const bool infinity = std::isinf(norm_type);
  // Accumulated in double over all gradients at once: the p-norm of the per-parameter p-norms is
  // the p-norm of everything, which is what PyTorch computes.
  double total = 0;
  for (const Tensor& p : parameters) {
    const float* g = optim::detail::contiguous_grad("clip_grad_norm_", p);
    if (g == nullptr) continue;
    for (int64_t i = 0, n = p.numel(); i < n; ++i) {
      const double a = std::fabs(static_cast<double>(g[i]));
      total = infinity ? std::max(total, a) : total + (norm_type == 2.0 ? a * a : std::pow(a, norm_type));
    }
  }
  const double total_norm = infinity ? total : std::pow(total, 1.0 / norm_type);
  const auto clip_coef = static_cast<float>(std::min(1.0, max_norm / (total_norm + 1e-6)));
  for (const Tensor& p : parameters) {
    float* g = optim::detail::contiguous_grad("clip_grad_norm_", p);
    if (g == nullptr) continue;
    optim::detail::for_each_element(p.numel(), [=](int64_t i) { g[i] *= clip_coef; });
  }
  return total_norm;
}

void clip_grad_value_(const std::vector<Tensor>& parameters, double clip_value) {
  check<ValueError>(clip_value >= 0, "clip_grad_value_: invalid clip_value: ", clip_value);
  NoGradGuard no_grad;
  const auto limit = static_cast<float>(clip_value);
  for (const Tensor& p : parameters) {
    float* g = optim::detail::contiguous_grad("clip_grad_value_", p);
    if (g == nullptr) continue;
    optim::detail::for_each_element(p.numel(), [=](int64_t i) { g[i] = std::clamp(g[i], -limit, limit); });
  }
}

}  // namespace mlplay::nn::utils
