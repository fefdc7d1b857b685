// cat is a primitive: the output gradient is cut back into one slice per input. stack = unsqueeze + cat.
#include "mlplay/ops/join.h"

#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/view.h"

namespace mlplay {

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  check<ValueError>(!tensors.empty(), "cat: expected a non-empty list of tensors");
  const Tensor& first = tensors[0];
  check<ShapeError>(first.dim() > 0, "cat: zero-dimensional tensor cannot be concatenated");
  const int64_t d = normalize_dim("cat", dim, first.dim());
  Shape shape = first.shape();
  shape[d] = 0;
  for (const Tensor& t : tensors) {
    bool match = t.dim() == first.dim();
    for (int64_t k = 0; match && k < first.dim(); ++k) match = k == d || t.shape()[k] == first.shape()[k];
    check<ShapeError>(match, "cat: shapes ", shape_str(first.shape()), " and ", shape_str(t.shape()),
                      " must match except in dimension ", d);
    shape[d] += t.shape()[d];
  }
  // copy each input into its slice of the output: [offset, offset + size) along d
  Tensor out = empty(shape);
  std::vector<int64_t> offsets;
  int64_t offset = 0;
  for (const Tensor& t : tensors) {
    offsets.push_back(offset);
    slice(out, d, offset, offset + t.shape()[d]).copy_(t.detach());
    offset += t.shape()[d];
  }
  return record(out, "CatBackward", tensors, [tensors, offsets, d](const Tensor& g) {
    std::vector<Tensor> grads;
    for (size_t i = 0; i < tensors.size(); ++i)
      grads.push_back(slice(g, d, offsets[i], offsets[i] + tensors[i].shape()[d]));
    return grads;
  });
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  check<ValueError>(!tensors.empty(), "stack: expected a non-empty list of tensors");
  const int64_t d = normalize_dim("stack", dim, tensors[0].dim() + 1);
  std::vector<Tensor> expanded;
  for (const Tensor& t : tensors) {
    check<ShapeError>(t.shape() == tensors[0].shape(), "stack: expects each tensor to be equal size, but got ",
                      shape_str(tensors[0].shape()), " and ", shape_str(t.shape()));
    expanded.push_back(unsqueeze(t, d));
  }
  return cat(expanded, d);
}

}  // namespace mlplay
