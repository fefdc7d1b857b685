#pragma once
// Internal: the loops behind every elementwise op. Outputs are new contiguous tensors; inputs may be
// strided views or broadcast. Contiguous same-shape inputs take a flat loop split across threads.
#include <array>

#include "../tensor/strided.h"
#include "mlplay/core/parallel.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::detail {

constexpr int64_t kElementwiseGrain = 1 << 15;

/// out[i] = f(a[i]).
template <typename F>
Tensor map_unary(const Tensor& a, F f) {
  Tensor out = empty(a.shape());
  float* o = out.data_ptr();
  const float* x = a.data_ptr();
  if (a.is_contiguous()) {
    parallel_for(0, a.numel(), kElementwiseGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) o[i] = f(x[i]);
    });
    return out;
  }
  int64_t i = 0;
  for_each_strided<1>(a.shape(), {a.strides().data()}, [&](const std::array<int64_t, 1>& off) { o[i++] = f(x[off[0]]); });
  return out;
}

/// out = f(a, b) with a and b broadcast together; `op` names the op in shape errors.
template <typename F>
Tensor map_binary(const char* op, const Tensor& a, const Tensor& b, F f) {
  const Shape shape = broadcast_shapes(op, a.shape(), b.shape());
  Tensor out = empty(shape);
  float* o = out.data_ptr();
  const float* x = a.data_ptr();
  const float* y = b.data_ptr();
  if (a.shape() == b.shape() && a.is_contiguous() && b.is_contiguous()) {
    parallel_for(0, out.numel(), kElementwiseGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) o[i] = f(x[i], y[i]);
    });
    return out;
  }
  if (b.numel() == 1 && a.is_contiguous() && a.shape() == shape) {  // tensor op scalar
    const float s = y[0];
    parallel_for(0, out.numel(), kElementwiseGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) o[i] = f(x[i], s);
    });
    return out;
  }
  const Shape sa = broadcast_strides(a.shape(), a.strides(), shape);
  const Shape sb = broadcast_strides(b.shape(), b.strides(), shape);
  int64_t i = 0;
  for_each_strided<2>(shape, {sa.data(), sb.data()},
                      [&](const std::array<int64_t, 2>& off) { o[i++] = f(x[off[0]], y[off[1]]); });
  return out;
}

/// out = f(a, b, c) with all three broadcast together.
template <typename F>
Tensor map_ternary(const char* op, const Tensor& a, const Tensor& b, const Tensor& c, F f) {
  const Shape shape = broadcast_shapes(op, broadcast_shapes(op, a.shape(), b.shape()), c.shape());
  Tensor out = empty(shape);
  float* o = out.data_ptr();
  const float *x = a.data_ptr(), *y = b.data_ptr(), *z = c.data_ptr();
  const Shape sa = broadcast_strides(a.shape(), a.strides(), shape);
  const Shape sb = broadcast_strides(b.shape(), b.strides(), shape);
  const Shape sc = broadcast_strides(c.shape(), c.strides(), shape);
  int64_t i = 0;
  for_each_strided<3>(shape, {sa.data(), sb.data(), sc.data()}, [&](const std::array<int64_t, 3>& off) {
    o[i++] = f(x[off[0]], y[off[1]], z[off[2]]);
  });
  return out;
}

}  // namespace mlplay::detail
