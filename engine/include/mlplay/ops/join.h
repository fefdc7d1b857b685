#pragma once
/// Joining tensors: cat is a primitive (its gradient is slices of the output gradient); stack is
/// unsqueeze + cat.
#include <vector>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// Concatenates along an existing dim; all other sizes must match.
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);
/// Joins equal-shape tensors along a new dim.
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);

}  // namespace mlplay
