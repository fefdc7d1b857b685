#include "mlplay/ops/dropout.h"

#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"

namespace mlplay {

Tensor dropout(const Tensor& x, double p, bool training, Generator& gen) {
  check<ValueError>(p >= 0 && p <= 1, "dropout: probability has to be between 0 and 1, but got ", p);
  if (!training || p == 0) return x;
  if (p == 1) return x * 0.0;
  // keep mask (1 with probability 1 - p), scaled so the expected value is unchanged
  const Tensor mask = bernoulli(x.shape(), 1.0 - p, gen) * (1.0 / (1.0 - p));
  return x * mask;
}

}  // namespace mlplay
