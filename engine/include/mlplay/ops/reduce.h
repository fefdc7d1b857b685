#pragma once
/// Reductions: sum and amax are primitives (one backward rule each); mean, var, min and the
/// (values, indices) forms are composed from them. `dims` empty means every dimension.
#include <tuple>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

Tensor sum(const Tensor& a);
Tensor sum(const Tensor& a, const Shape& dims, bool keepdim = false);
Tensor mean(const Tensor& a);
Tensor mean(const Tensor& a, const Shape& dims, bool keepdim = false);
/// Variance over dims; `unbiased` divides by n - 1 (Bessel), else by n.
Tensor var(const Tensor& a, const Shape& dims, bool unbiased = true, bool keepdim = false);

/// Largest value over dims. NOTE: ties share the gradient evenly (torch.amax does the same).
Tensor amax(const Tensor& a, const Shape& dims, bool keepdim = false);
Tensor amin(const Tensor& a, const Shape& dims, bool keepdim = false);
/// Largest element of the whole tensor (0-d).
Tensor max(const Tensor& a);
Tensor min(const Tensor& a);
/// (values, indices) along one dim; the gradient goes to the first maximal element, as in PyTorch.
std::tuple<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim = false);
std::tuple<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim = false);
/// Index of the first largest element along dim, as a float tensor (no gradient).
Tensor argmax(const Tensor& a, int64_t dim, bool keepdim = false);
Tensor argmin(const Tensor& a, int64_t dim, bool keepdim = false);

/// Sums `grad` down to `shape` (the inverse of broadcasting): leading dims and dims where `shape`
/// has size 1 are summed away. The one place broadcast gradients are reduced (flashlight's sumAs).
Tensor sum_to(const Tensor& grad, const Shape& shape);

}  // namespace mlplay
