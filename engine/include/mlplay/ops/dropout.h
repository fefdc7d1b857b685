#pragma once
/// Inverted dropout (Srivastava et al. 2014, https://jmlr.org/papers/v15/srivastava14a.html), as
/// torch.nn.functional.dropout: composed as x * mask / (1 - p).
#include "mlplay/core/random.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// In training, zeroes each element with probability p and scales the rest by 1 / (1 - p);
/// otherwise returns x unchanged. Throws ValueError unless 0 <= p <= 1.
Tensor dropout(const Tensor& x, double p = 0.5, bool training = true, Generator& gen = default_generator());

}  // namespace mlplay
