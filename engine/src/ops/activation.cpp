// Activations composed from primitives (STYLE.md 4): no backward rules here.
#include "mlplay/ops/activation.h"

#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {
constexpr double kInvSqrt2 = 0.70710678118654752440;      // 1 / sqrt(2)
constexpr double kSqrt2OverPi = 0.79788456080286535588;  // sqrt(2 / pi)
}  // namespace

Tensor relu(const Tensor& x) { return x * gt(x, 0.0); }

Tensor leaky_relu(const Tensor& x, double negative_slope) { return where(gt(x, 0.0), x, x * negative_slope); }

Tensor gelu(const Tensor& x, const std::string& approximate) {
  if (approximate == "none") return 0.5 * x * (1.0 + erf(x * kInvSqrt2));  // Phi(x) = (1 + erf(x / sqrt 2)) / 2
  check<ValueError>(approximate == "tanh", "gelu: approximate must be 'none' or 'tanh', got '", approximate, "'");
  return 0.5 * x * (1.0 + tanh(kSqrt2OverPi * (x + 0.044715 * x * x * x)));
}

Tensor sigmoid(const Tensor& x) {
  // e = exp(-|x|) is in (0, 1]: sigmoid = 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0
  const Tensor e = exp(-abs(x));
  return where(ge(x, 0.0), 1.0 / (1.0 + e), e / (1.0 + e));
}

Tensor tanh(const Tensor& x) { return 2.0 * sigmoid(2.0 * x) - 1.0; }

Tensor softplus(const Tensor& x, double beta, double threshold) {
  // log(1 + exp(z)) = max(z, 0) + log(1 + exp(-|z|)) never overflows
  const Tensor z = x * beta;
  const Tensor soft = (maximum(z, scalar_tensor(0)) + log(1.0 + exp(-abs(z)))) / beta;
  return where(gt(z, threshold), x, soft);
}

Tensor softmax(const Tensor& x, int64_t dim) {
  const Tensor e = exp(x - amax(x, {dim}, true).detach());
  return e / sum(e, {dim}, true);
}

Tensor log_softmax(const Tensor& x, int64_t dim) {
  const Tensor shifted = x - amax(x, {dim}, true).detach();
  return shifted - log(sum(exp(shifted), {dim}, true));
}

}  // namespace mlplay
