// Integer indexing: gather and index_select are primitives whose backward rules scatter-add the
// gradient back; embedding is index_select of rows.
#include "mlplay/ops/index.h"

#include <algorithm>
#include <cmath>

#include "../tensor/strided.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {

using Grads = std::vector<Tensor>;

/// For gather and its backward: calls body(a_offset, index_offset) for every element of `index`,
/// where a_offset addresses a[..., index[...], ...] (index replacing the coordinate along dim).
template <typename Body>
void for_each_gathered(const Tensor& a, int64_t d, const Tensor& index, const std::vector<int64_t>& idx, Body body) {
  // Walk index's shape; a's strides for that walk are a's own, except along d (handled by idx).
  Shape a_strides = a.strides();
  a_strides[d] = 0;
  const Shape index_strides = contiguous_strides(index.shape());
  detail::for_each_strided<2>(index.shape(), {a_strides.data(), index_strides.data()},
                              [&](const std::array<int64_t, 2>& o) {
                                body(o[0] + idx[o[1]] * a.strides()[d], o[1]);
                              });
}

}  // namespace

std::vector<int64_t> read_indices(const char* op, const Tensor& index, int64_t dim, int64_t size) {
  std::vector<int64_t> out;
  out.reserve(static_cast<size_t>(index.numel()));
  for (float v : index.to_vector()) {
    check<ValueError>(std::isfinite(v) && v == std::floor(v), op, ": index ", v,
                      " is not a whole number (index tensors hold integers as floats)");
    const auto i = static_cast<int64_t>(v);
    check<ValueError>(i >= -size && i < size, op, ": index ", i, " is out of bounds for dimension ", dim,
                      " with size ", size);
    out.push_back(i < 0 ? i + size : i);
  }
  return out;
}

Tensor gather(const Tensor& a, int64_t dim, const Tensor& index) {
  const int64_t d = normalize_dim("gather", dim, a.dim());
  check<ShapeError>(index.dim() == a.dim() || a.dim() == 0, "gather: index ", shape_str(index.shape()),
                    " and input ", shape_str(a.shape()), " must have the same number of dimensions");
  for (int64_t k = 0; k < a.dim(); ++k)
    check<ShapeError>(k == d || index.shape()[k] <= a.shape()[k], "gather: index ", shape_str(index.shape()),
                      " is larger than input ", shape_str(a.shape()), " in dimension ", k);
  const std::vector<int64_t> idx = read_indices("gather", index, d, a.dim() == 0 ? 1 : a.shape()[d]);
  Tensor out = empty(index.shape());
  const float* src = a.data_ptr();
  float* dst = out.data_ptr();
  if (a.dim() == 0) {
    dst[0] = src[0];
  } else {
    for_each_gathered(a, d, index, idx, [&](int64_t a_off, int64_t i) { dst[i] = src[a_off]; });
  }
  return record(out, "GatherBackward", {a, index}, [in = a.shape(), d, index, idx](const Tensor& g) {
    // scatter-add: every gathered position receives the gradient of each output that read it
    Tensor grad = zeros(in);
    const Tensor gc = g.contiguous();
    if (in.empty()) {
      grad.data_ptr()[0] = gc.data_ptr()[0];
    } else {
      for_each_gathered(grad, d, index, idx, [&](int64_t a_off, int64_t i) { grad.data_ptr()[a_off] += gc.data_ptr()[i]; });
    }
    return Grads{grad, Tensor()};
  });
}

Tensor index_select(const Tensor& a, int64_t dim, const Tensor& index) {
  const int64_t d = normalize_dim("index_select", dim, a.dim());
  check<ShapeError>(a.dim() > 0, "index_select: input must have at least one dimension");
  check<ShapeError>(index.dim() <= 1, "index_select: index must be 0-d or 1-D, got shape ", shape_str(index.shape()));
  const std::vector<int64_t> idx = read_indices("index_select", index, d, a.shape()[d]);
  Shape shape = a.shape();
  shape[d] = static_cast<int64_t>(idx.size());
  // view a as (outer, n, inner) and out as (outer, k, inner); copy rows of `inner` floats
  const Tensor x = a.detach().contiguous();
  const int64_t n = a.shape()[d], k = shape[d];
  const int64_t inner = shape_numel(Shape(a.shape().begin() + d + 1, a.shape().end()));
  const int64_t outer = shape_numel(Shape(a.shape().begin(), a.shape().begin() + d));
  Tensor out = empty(shape);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < k; ++j)
      std::copy_n(x.data_ptr() + (o * n + idx[j]) * inner, inner, out.data_ptr() + (o * k + j) * inner);
  return record(out, "IndexSelectBackward", {a, index}, [in = a.shape(), idx, n, k, inner, outer](const Tensor& g) {
    // index-add: row j of g goes back to row idx[j] of the input (repeated indices accumulate)
    Tensor grad = zeros(in);
    const Tensor gc = g.contiguous();
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t j = 0; j < k; ++j) {
        const float* src = gc.data_ptr() + (o * k + j) * inner;
        float* dst = grad.data_ptr() + (o * n + idx[j]) * inner;
        for (int64_t i = 0; i < inner; ++i) dst[i] += src[i];
      }
    return Grads{grad, Tensor()};
  });
}

Tensor embedding(const Tensor& indices, const Tensor& weight) {
  check<ShapeError>(weight.dim() == 2, "embedding: weight must be (num_embeddings, embedding_dim), got ",
                    shape_str(weight.shape()));
  // indices (*,) -> rows (numel, embedding_dim) -> (*, embedding_dim)
  Shape shape = indices.shape();
  shape.push_back(weight.shape()[1]);
  return reshape(index_select(weight, 0, reshape(indices, {-1})), shape);
}

}  // namespace mlplay
