#pragma once
/// Shape ops. reshape (when the strides allow it), permute, expand and slice are views sharing
/// storage, each a primitive with one backward rule (src/ops/view.cpp); the rest are composed from them.
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// Same elements, new shape (one size may be -1). A view when the strides allow it (always for a
/// contiguous tensor), else a copy through contiguous().
Tensor reshape(const Tensor& a, const Shape& shape);
/// Like reshape, but throws ShapeError instead of copying a non-contiguous tensor.
Tensor view(const Tensor& a, const Shape& shape);
/// Reorders dimensions: output dim i is input dim dims[i]. A view.
Tensor permute(const Tensor& a, const Shape& dims);
Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1);
/// Broadcasts size-1 (or missing leading) dims to `shape` without copying (stride 0); -1 keeps a size.
Tensor expand(const Tensor& a, const Shape& shape);
/// Elements start, start + step, ... < end along dim (Python slicing: negative indices wrap, bounds
/// clamp). A view.
Tensor slice(const Tensor& a, int64_t dim, int64_t start, int64_t end, int64_t step = 1);
/// The sub-tensor at `index` along dim, with that dim removed.
Tensor select(const Tensor& a, int64_t dim, int64_t index);
Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length);
Tensor unsqueeze(const Tensor& a, int64_t dim);
/// Removes dim if its size is 1 (else returns a unchanged, as PyTorch does).
Tensor squeeze(const Tensor& a, int64_t dim);
Tensor flatten(const Tensor& a, int64_t start_dim = 0, int64_t end_dim = -1);

}  // namespace mlplay
