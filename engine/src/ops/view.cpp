// View primitives (reshape, permute, expand, slice) share storage; each has one backward rule.
// select, narrow, transpose, (un)squeeze and flatten are composed from them.
#include "mlplay/ops/view.h"

#include <algorithm>
#include <optional>

#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {

using Grads = std::vector<Tensor>;

/// Replaces one -1 in `shape` so that it holds `numel` elements; throws ShapeError naming `op`.
Shape infer_shape(const char* op, const Shape& shape, int64_t numel) {
  Shape out = shape;
  int64_t known = 1, infer_at = -1;
  for (size_t d = 0; d < out.size(); ++d) {
    if (out[d] == -1) {
      check<ShapeError>(infer_at < 0, op, ": only one dimension can be inferred in ", shape_str(shape));
      infer_at = static_cast<int64_t>(d);
    } else {
      check<ShapeError>(out[d] >= 0, op, ": invalid shape ", shape_str(shape));
      known *= out[d];
    }
  }
  if (infer_at >= 0 && known != 0 && numel % known == 0) out[infer_at] = numel / known;
  check<ShapeError>(shape_numel(out) == numel && (infer_at < 0 || known != 0), op, ": shape ", shape_str(shape),
                    " is invalid for input of size ", numel);
  return out;
}

/// Strides that read (shape, strides) as new_shape without copying, if any exist
/// (PyTorch's computeStride: match runs of dims that are contiguous among themselves).
std::optional<Shape> view_strides(const Shape& shape, const Shape& strides, const Shape& new_shape) {
  if (shape_numel(shape) <= 1 || shape.empty()) return contiguous_strides(new_shape);
  Shape new_strides(new_shape.size());
  int64_t view_d = static_cast<int64_t>(new_shape.size()) - 1;
  int64_t chunk_base_stride = strides.back(), tensor_numel = 1, view_numel = 1;
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    tensor_numel *= shape[d];
    // a chunk ends where the next-outer dim is not laid out right after this one
    if (d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || new_shape[view_d] == 1)) {
        new_strides[view_d] = view_numel * chunk_base_stride;
        view_numel *= new_shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (d > 0) {
        chunk_base_stride = strides[d - 1];
        tensor_numel = view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return new_strides;
}

Tensor view_of(const Tensor& a, Shape shape, Shape strides, int64_t offset) {
  return make_view(a.impl()->storage, offset, std::move(shape), std::move(strides));
}

}  // namespace

Tensor reshape(const Tensor& a, const Shape& requested) {
  const Shape shape = infer_shape("reshape", requested, a.numel());
  if (shape == a.shape()) return a;
  const std::optional<Shape> strides = view_strides(a.shape(), a.strides(), shape);
  if (!strides) return reshape(a.contiguous(), shape);  // the copy is recorded by contiguous()
  Tensor out = view_of(a, shape, *strides, a.storage_offset());
  return record(out, "ReshapeBackward", {a}, [in = a.shape()](const Tensor& g) { return Grads{reshape(g, in)}; });
}

Tensor view(const Tensor& a, const Shape& requested) {
  const Shape shape = infer_shape("view", requested, a.numel());
  check<ShapeError>(view_strides(a.shape(), a.strides(), shape).has_value(), "view: a tensor of shape ",
                    shape_str(a.shape()), " and strides ", shape_str(a.strides()), " cannot be viewed as ",
                    shape_str(shape), " without a copy; use reshape");
  return reshape(a, shape);
}

Tensor permute(const Tensor& a, const Shape& dims) {
  const int64_t ndim = a.dim();
  check<ShapeError>(static_cast<int64_t>(dims.size()) == ndim, "permute: ", dims.size(),
                    " dims given for a tensor of shape ", shape_str(a.shape()));
  Shape shape(ndim), strides(ndim), inverse(ndim, -1);
  for (int64_t i = 0; i < ndim; ++i) {
    const int64_t d = normalize_dim("permute", dims[i], ndim);
    check<ValueError>(inverse[d] < 0, "permute: dim ", dims[i], " repeats in ", shape_str(dims));
    inverse[d] = i;
    shape[i] = a.shape()[d];
    strides[i] = a.strides()[d];
  }
  Tensor out = view_of(a, shape, strides, a.storage_offset());
  return record(out, "PermuteBackward", {a}, [inverse](const Tensor& g) { return Grads{permute(g, inverse)}; });
}

Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1) {
  if (a.dim() == 0) return a;
  Shape dims(a.dim());
  for (int64_t d = 0; d < a.dim(); ++d) dims[d] = d;
  std::swap(dims[normalize_dim("transpose", dim0, a.dim())], dims[normalize_dim("transpose", dim1, a.dim())]);
  return permute(a, dims);
}

Tensor expand(const Tensor& a, const Shape& requested) {
  const int64_t lead = static_cast<int64_t>(requested.size()) - a.dim();
  check<ShapeError>(lead >= 0, "expand: the number of sizes provided (", requested.size(),
                    ") must be greater or equal to the number of dimensions in the tensor (", a.dim(), ")");
  Shape shape(requested.size()), strides(requested.size(), 0);
  for (int64_t d = 0; d < static_cast<int64_t>(requested.size()); ++d) {
    if (d < lead) {
      check<ShapeError>(requested[d] >= 0, "expand: size -1 is not allowed in a new leading dimension");
      shape[d] = requested[d];
      continue;
    }
    const int64_t have = a.shape()[d - lead], want = requested[d] == -1 ? have : requested[d];
    check<ShapeError>(have == want || have == 1, "expand: the expanded size of the tensor (", want,
                      ") must match the existing size (", have, ") at non-singleton dimension ", d,
                      ".  Target sizes: ", shape_str(requested), ".  Tensor sizes: ", shape_str(a.shape()));
    shape[d] = want;
    strides[d] = have == want ? a.strides()[d - lead] : 0;
  }
  if (shape == a.shape()) return a;
  Tensor out = view_of(a, shape, strides, a.storage_offset());
  return record(out, "ExpandBackward", {a}, [in = a.shape()](const Tensor& g) { return Grads{sum_to(g, in)}; });
}

Tensor slice(const Tensor& a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  const int64_t d = normalize_dim("slice", dim, a.dim());
  check<ValueError>(a.dim() > 0, "slice: cannot slice a 0-d tensor");
  check<ValueError>(step > 0, "slice: step must be positive, got ", step);
  const int64_t size = a.shape()[d];
  auto clamp_index = [size](int64_t i) { return std::min(std::max(i < 0 ? i + size : i, int64_t{0}), size); };
  start = clamp_index(start);
  end = std::max(clamp_index(end), start);
  Shape shape = a.shape(), strides = a.strides();
  shape[d] = (end - start + step - 1) / step;
  strides[d] *= step;
  Tensor out = view_of(a, shape, strides, a.storage_offset() + start * a.strides()[d]);
  return record(out, "SliceBackward", {a}, [in = a.shape(), d, start, end, step](const Tensor& g) {
    // the slice's elements get g, every other element of the input gets 0
    Tensor grad = zeros(in);
    slice(grad, d, start, end, step).copy_(g);
    return Grads{grad};
  });
}

Tensor select(const Tensor& a, int64_t dim, int64_t index) {
  const int64_t d = normalize_dim("select", dim, a.dim());
  const int64_t size = a.shape()[d];
  check<ValueError>(index >= -size && index < size, "select: index ", index, " out of range for dimension ",
                    d, " with size ", size);
  const int64_t i = index < 0 ? index + size : index;
  return squeeze(slice(a, d, i, i + 1), d);
}

Tensor narrow(const Tensor& a, int64_t dim, int64_t start, int64_t length) {
  const int64_t d = normalize_dim("narrow", dim, a.dim());
  check<ValueError>(start >= 0 && length >= 0 && start + length <= a.shape()[d], "narrow: start (", start,
                    ") + length (", length, ") exceeds dimension size (", a.shape()[d], ")");
  return slice(a, d, start, start + length);
}

Tensor unsqueeze(const Tensor& a, int64_t dim) {
  const int64_t d = normalize_dim("unsqueeze", dim, a.dim() + 1);
  Shape shape = a.shape();
  shape.insert(shape.begin() + d, 1);
  return reshape(a, shape);
}

Tensor squeeze(const Tensor& a, int64_t dim) {
  if (a.dim() == 0) return a;
  const int64_t d = normalize_dim("squeeze", dim, a.dim());
  if (a.shape()[d] != 1) return a;
  Shape shape = a.shape();
  shape.erase(shape.begin() + d);
  return reshape(a, shape);
}

Tensor flatten(const Tensor& a, int64_t start_dim, int64_t end_dim) {
  if (a.dim() == 0) return reshape(a, {1});
  const int64_t s = normalize_dim("flatten", start_dim, a.dim()), e = normalize_dim("flatten", end_dim, a.dim());
  check<ValueError>(s <= e, "flatten: start_dim (", start_dim, ") cannot come after end_dim (", end_dim, ")");
  Shape shape(a.shape().begin(), a.shape().begin() + s);
  int64_t merged = 1;
  for (int64_t d = s; d <= e; ++d) merged *= a.shape()[d];
  shape.push_back(merged);
  shape.insert(shape.end(), a.shape().begin() + e + 1, a.shape().end());
  return reshape(a, shape);
}

}  // namespace mlplay
