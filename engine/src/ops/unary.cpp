// Unary primitives: forward kernels and their one backward rule each.
#include <cmath>

#include "elementwise_kernel.h"
#include "mlplay/autograd/node.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {

using Grads = std::vector<Tensor>;

Tensor neg(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return -x; });
  return record(out, "NegBackward", {a}, [](const Tensor& g) { return Grads{neg(g)}; });
}

Tensor exp(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return std::exp(x); });
  // d exp(a) = exp(a) = out
  return record(out, "ExpBackward", {a}, [out = out.detach()](const Tensor& g) { return Grads{mul(g, out)}; }, {out});
}

Tensor log(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return std::log(x); });
  return record(out, "LogBackward", {a}, [a](const Tensor& g) { return Grads{div(g, a)}; }, {a});
}

Tensor sqrt(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return std::sqrt(x); });
  // d sqrt(a) = 1 / (2 sqrt(a))
  return record(out, "SqrtBackward", {a}, [out = out.detach()](const Tensor& g) {
    return Grads{div(g, mul(out, scalar_tensor(2)))};
  }, {out});
}

Tensor abs(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return std::fabs(x); });
  return record(out, "AbsBackward", {a}, [a](const Tensor& g) { return Grads{mul(g, sign(a))}; }, {a});
}

Tensor erf(const Tensor& a) {
  Tensor out = detail::map_unary(a, [](float x) { return std::erf(x); });
  return record(out, "ErfBackward", {a}, [a](const Tensor& g) {
    // d erf(a) = 2/sqrt(pi) * exp(-a^2)
    const Tensor slope = detail::map_unary(a, [](float x) { return 1.1283791670955126f * std::exp(-x * x); });
    return Grads{mul(g, slope)};
  }, {a});
}

Tensor sign(const Tensor& a) {
  return detail::map_unary(a, [](float x) { return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f); });
}

}  // namespace mlplay
