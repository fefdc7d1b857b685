// Broadcasting binary primitives and where: forward kernels and their one backward rule each.
#include <cmath>

#include "elementwise_kernel.h"
#include "mlplay/autograd/node.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {

using Grads = std::vector<Tensor>;

Tensor add(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("add", a, b, [](float x, float y) { return x + y; });
  return record(out, "AddBackward", {a, b}, [as = a.shape(), bs = b.shape()](const Tensor& g) {
    return Grads{sum_to(g, as), sum_to(g, bs)};
  });
}

Tensor sub(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("sub", a, b, [](float x, float y) { return x - y; });
  return record(out, "SubBackward", {a, b}, [as = a.shape(), bs = b.shape()](const Tensor& g) {
    return Grads{sum_to(g, as), sum_to(neg(g), bs)};
  });
}

Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("mul", a, b, [](float x, float y) { return x * y; });
  return record(out, "MulBackward", {a, b}, [a, b](const Tensor& g) {
    // d(a*b)/da = b, d(a*b)/db = a
    return Grads{a.requires_grad() ? sum_to(mul(g, b), a.shape()) : Tensor(),
                 b.requires_grad() ? sum_to(mul(g, a), b.shape()) : Tensor()};
  }, {a, b});
}

Tensor div(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("div", a, b, [](float x, float y) { return x / y; });
  return record(out, "DivBackward", {a, b}, [a, b, out = out.detach()](const Tensor& g) {
    // d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 = -out/b
    return Grads{a.requires_grad() ? sum_to(div(g, b), a.shape()) : Tensor(),
                 b.requires_grad() ? sum_to(neg(div(mul(g, out), b)), b.shape()) : Tensor()};
  }, {a, b, out});
}

Tensor pow(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("pow", a, b, [](float x, float y) { return std::pow(x, y); });
  return record(out, "PowBackward", {a, b}, [a, b, out = out.detach()](const Tensor& g) {
    // d(a^b)/da = b * a^(b-1); d(a^b)/db = a^b * log(a)
    return Grads{a.requires_grad() ? sum_to(mul(g, mul(b, pow(a, sub(b, scalar_tensor(1))))), a.shape()) : Tensor(),
                 b.requires_grad() ? sum_to(mul(g, mul(out, log(a))), b.shape()) : Tensor()};
  }, {a, b, out});
}

Tensor pow(const Tensor& a, double exponent) { return pow(a, scalar_tensor(exponent)); }

Tensor maximum(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("maximum", a, b, [](float x, float y) { return x >= y ? x : y; });
  return record(out, "MaximumBackward", {a, b}, [a, b](const Tensor& g) {
    // share of the gradient that goes to a: 1 where a > b, 1/2 at ties, else 0
    const Tensor to_a = detail::map_binary("maximum", a, b, [](float x, float y) {
      return x > y ? 1.0f : (x == y ? 0.5f : 0.0f);
    });
    return Grads{sum_to(mul(g, to_a), a.shape()), sum_to(mul(g, sub(scalar_tensor(1), to_a)), b.shape())};
  }, {a, b});
}

Tensor minimum(const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_binary("minimum", a, b, [](float x, float y) { return x <= y ? x : y; });
  return record(out, "MinimumBackward", {a, b}, [a, b](const Tensor& g) {
    const Tensor to_a = detail::map_binary("minimum", a, b, [](float x, float y) {
      return x < y ? 1.0f : (x == y ? 0.5f : 0.0f);
    });
    return Grads{sum_to(mul(g, to_a), a.shape()), sum_to(mul(g, sub(scalar_tensor(1), to_a)), b.shape())};
  }, {a, b});
}

Tensor where(const Tensor& condition, const Tensor& a, const Tensor& b) {
  Tensor out = detail::map_ternary("where", condition, a, b, [](float c, float x, float y) { return c != 0 ? x : y; });
  return record(out, "WhereBackward", {condition, a, b}, [condition, as = a.shape(), bs = b.shape()](const Tensor& g) {
    const Tensor zero = scalar_tensor(0);
    return Grads{Tensor(), sum_to(where(condition, g, zero), as), sum_to(where(condition, zero, g), bs)};
  }, {condition});
}

Tensor where(const Tensor& condition, const Tensor& a, double b) { return where(condition, a, scalar_tensor(b)); }

Tensor clamp(const Tensor& a, double low, double high) {
  // NOTE: where, not minimum(maximum(a, low), high): at a bound the gradient passes whole, as in
  // PyTorch's clamp_backward (grad * (low <= a <= high)); maximum/minimum would halve it there.
  const Tensor raised = where(lt(a, low), scalar_tensor(low), a);
  return where(gt(raised, high), scalar_tensor(high), raised);
}

}  // namespace mlplay
