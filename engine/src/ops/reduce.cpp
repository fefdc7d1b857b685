// Reductions. Primitives: sum and amax (one backward rule each). Composed: mean, var, amin, max/min.
#include "mlplay/ops/reduce.h"

#include <algorithm>
#include <limits>

#include "../tensor/strided.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/index.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {

using Grads = std::vector<Tensor>;

/// Which dims a reduction removes, and the output shape with (kept) and without (out) size-1 dims.
struct ReducePlan {
  std::vector<bool> reduced;
  Shape kept_shape;  // input shape with reduced dims set to 1
  Shape out_shape;   // kept_shape, or without the reduced dims when !keepdim
  int64_t count = 1; // elements folded into each output
};

ReducePlan plan_reduce(const char* op, const Tensor& a, const Shape& dims, bool keepdim) {
  const int64_t ndim = a.dim();
  ReducePlan plan;
  plan.reduced.assign(ndim, dims.empty());
  for (int64_t d : dims) {
    const int64_t k = normalize_dim(op, d, ndim);
    if (ndim == 0) continue;
    check<ValueError>(!plan.reduced[k], op, ": dim ", d, " appears multiple times in the list of dims");
    plan.reduced[k] = true;
  }
  for (int64_t d = 0; d < ndim; ++d) {
    const bool r = plan.reduced[d];
    plan.kept_shape.push_back(r ? 1 : a.shape()[d]);
    if (r) plan.count *= a.shape()[d];
    if (!r || keepdim) plan.out_shape.push_back(r ? 1 : a.shape()[d]);
  }
  return plan;
}

/// Folds the input into kept_shape: acc[out] = combine(acc[out], x) over every input element.
template <typename Acc, typename Combine>
std::vector<Acc> reduce_kernel(const Tensor& a, const ReducePlan& plan, Acc init, Combine combine) {
  std::vector<Acc> acc(static_cast<size_t>(shape_numel(plan.kept_shape)), init);
  Shape out_strides = contiguous_strides(plan.kept_shape);
  for (size_t d = 0; d < out_strides.size(); ++d)
    if (plan.reduced[d]) out_strides[d] = 0;
  const float* x = a.data_ptr();
  detail::for_each_strided<2>(a.shape(), {a.strides().data(), out_strides.data()},
                              [&](const std::array<int64_t, 2>& o) { acc[o[1]] = combine(acc[o[1]], x[o[0]]); });
  return acc;
}

template <typename Acc>
Tensor to_tensor(const std::vector<Acc>& values, const Shape& shape) {
  Tensor out = empty(shape);
  float* o = out.data_ptr();
  for (size_t i = 0; i < values.size(); ++i) o[i] = static_cast<float>(values[i]);
  return out;
}

}  // namespace

Tensor sum(const Tensor& a) { return sum(a, {}, false); }

Tensor sum(const Tensor& a, const Shape& dims, bool keepdim) {
  const ReducePlan plan = plan_reduce("sum", a, dims, keepdim);
  // Accumulate in double: float sums of many terms lose digits.
  const auto acc = reduce_kernel<double>(a, plan, 0.0, [](double s, float x) { return s + x; });
  Tensor out = to_tensor(acc, plan.out_shape);
  return record(out, "SumBackward", {a}, [shape = a.shape(), kept = plan.kept_shape](const Tensor& g) {
    // every input element contributed once to its output: broadcast g back
    return Grads{expand(reshape(g, kept), shape)};
  });
}

Tensor amax(const Tensor& a, const Shape& dims, bool keepdim) {
  check<ValueError>(a.numel() > 0, "amax: cannot reduce an empty tensor of shape ", shape_str(a.shape()));
  const ReducePlan plan = plan_reduce("amax", a, dims, keepdim);
  const float lowest = -std::numeric_limits<float>::infinity();
  const auto acc = reduce_kernel<float>(a, plan, lowest, [](float m, float x) { return x > m || x != x ? x : m; });
  Tensor out = to_tensor(acc, plan.out_shape);
  Tensor kept = out.detach().reshape(plan.kept_shape);
  return record(out, "AmaxBackward", {a}, [a, kept, dims, plan](const Tensor& g) {
    // the gradient goes to the maximal elements, shared evenly among ties
    const Tensor is_max = eq(a, kept);
    const Tensor ties = sum(is_max, dims, true);
    return Grads{mul(div(reshape(g, plan.kept_shape), ties), is_max)};
  }, {a, out});
}

Tensor sum_to(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const int64_t lead = grad.dim() - static_cast<int64_t>(shape.size());
  check<ShapeError>(lead >= 0, "sum_to: cannot sum shape ", shape_str(grad.shape()), " to ", shape_str(shape));
  Shape dims;
  for (int64_t d = 0; d < grad.dim(); ++d) {
    if (d < lead) {
      dims.push_back(d);
    } else if (shape[d - lead] == 1 && grad.shape()[d] != 1) {
      dims.push_back(d);
    } else {
      check<ShapeError>(shape[d - lead] == grad.shape()[d], "sum_to: cannot sum shape ",
                        shape_str(grad.shape()), " to ", shape_str(shape));
    }
  }
  if (dims.empty()) return reshape(grad, shape);
  return reshape(sum(grad, dims, true), shape);
}

Tensor mean(const Tensor& a) { return mean(a, {}, false); }

Tensor mean(const Tensor& a, const Shape& dims, bool keepdim) {
  const int64_t count = plan_reduce("mean", a, dims, keepdim).count;
  return sum(a, dims, keepdim) / static_cast<double>(count);
}

Tensor var(const Tensor& a, const Shape& dims, bool unbiased, bool keepdim) {
  const int64_t count = plan_reduce("var", a, dims, keepdim).count;
  const Tensor centered = a - mean(a, dims, true);
  return sum(centered * centered, dims, keepdim) / static_cast<double>(count - (unbiased ? 1 : 0));
}

Tensor amin(const Tensor& a, const Shape& dims, bool keepdim) { return neg(amax(neg(a), dims, keepdim)); }
Tensor max(const Tensor& a) { return amax(a, {}, false); }
Tensor min(const Tensor& a) { return amin(a, {}, false); }

Tensor argmax(const Tensor& a, int64_t dim, bool keepdim) {
  check<ValueError>(a.numel() > 0, "argmax: cannot reduce an empty tensor of shape ", shape_str(a.shape()));
  const int64_t d = normalize_dim("argmax", dim, a.dim());
  const Tensor x = a.detach().contiguous();
  // view x as (outer, n, inner) and scan the middle dim
  const int64_t n = a.dim() == 0 ? 1 : a.shape()[d];
  const int64_t inner = a.dim() == 0 ? 1 : shape_numel(Shape(a.shape().begin() + d + 1, a.shape().end()));
  const int64_t outer = a.numel() / (n * inner);
  ReducePlan plan = plan_reduce("argmax", a, {dim}, keepdim);
  Tensor out = empty(plan.out_shape);
  const float* src = x.data_ptr();
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      const float* row = src + o * n * inner + i;
      int64_t best = 0;
      for (int64_t k = 1; k < n; ++k)
        if (row[k * inner] > row[best * inner]) best = k;
      out.data_ptr()[o * inner + i] = static_cast<float>(best);
    }
  return out;
}

Tensor argmin(const Tensor& a, int64_t dim, bool keepdim) { return argmax(neg(a.detach()), dim, keepdim); }

std::tuple<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim) {
  const Tensor index = argmax(a, dim, true);
  Tensor values = gather(a, dim, index);  // gather's backward sends the gradient to the argmax
  if (!keepdim && a.dim() > 0) return {squeeze(values, dim), squeeze(index, dim)};
  return {values, index};
}

std::tuple<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim) {
  const Tensor index = argmin(a, dim, true);
  Tensor values = gather(a, dim, index);
  if (!keepdim && a.dim() > 0) return {squeeze(values, dim), squeeze(index, dim)};
  return {values, index};
}

}  // namespace mlplay
