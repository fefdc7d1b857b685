// Comparisons: 0/1 float results, never recorded (they have no gradient).
#include <cmath>

#include "elementwise_kernel.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {

#define MLPLAY_COMPARISON(name, expr)                                                   \
  Tensor name(const Tensor& a, const Tensor& b) {                                       \
    return detail::map_binary(#name, a, b, [](float x, float y) { return (expr) ? 1.0f : 0.0f; }); \
  }                                                                                     \
  Tensor name(const Tensor& a, double b) { return name(a, scalar_tensor(b)); }

MLPLAY_COMPARISON(eq, x == y)
MLPLAY_COMPARISON(ne, x != y)
MLPLAY_COMPARISON(lt, x < y)
MLPLAY_COMPARISON(le, x <= y)
MLPLAY_COMPARISON(gt, x > y)
MLPLAY_COMPARISON(ge, x >= y)
#undef MLPLAY_COMPARISON

Tensor operator<(const Tensor& a, const Tensor& b) { return lt(a, b); }
Tensor operator<=(const Tensor& a, const Tensor& b) { return le(a, b); }
Tensor operator>(const Tensor& a, const Tensor& b) { return gt(a, b); }
Tensor operator>=(const Tensor& a, const Tensor& b) { return ge(a, b); }
Tensor operator<(const Tensor& a, double b) { return lt(a, b); }
Tensor operator<=(const Tensor& a, double b) { return le(a, b); }
Tensor operator>(const Tensor& a, double b) { return gt(a, b); }
Tensor operator>=(const Tensor& a, double b) { return ge(a, b); }

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol) {
  if (a.shape() != b.shape()) return false;
  const std::vector<float> x = a.to_vector(), y = b.to_vector();
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) return false;
    if (std::fabs(double(x[i]) - y[i]) > atol + rtol * std::fabs(double(y[i]))) return false;
  }
  return true;
}

}  // namespace mlplay
