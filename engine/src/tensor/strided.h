#pragma once
// Internal: walking the elements of strided views. Every kernel that reads non-contiguous or
// broadcast operands goes through for_each_strided.
#include <array>
#include <cstdint>
#include <vector>

#include "mlplay/tensor/shape.h"

namespace mlplay::detail {

/// Calls body(offsets) once per index of `shape`, in row-major order, where for operand k
/// offsets[k] = sum_d index_d * strides[k][d]. The innermost dim runs as a tight loop.
template <size_t N, typename Body>
void for_each_strided(const Shape& shape, const std::array<const int64_t*, N>& strides, Body&& body) {
  std::array<int64_t, N> offsets{};
  const int64_t ndim = static_cast<int64_t>(shape.size());
  if (ndim == 0) {
    body(offsets);
    return;
  }
  for (int64_t size : shape)
    if (size == 0) return;
  std::vector<int64_t> index(ndim, 0);
  const int64_t inner = shape[ndim - 1];
  std::array<int64_t, N> inner_strides;
  for (size_t k = 0; k < N; ++k) inner_strides[k] = strides[k][ndim - 1];
  for (;;) {
    std::array<int64_t, N> o = offsets;
    for (int64_t i = 0; i < inner; ++i) {
      body(o);
      for (size_t k = 0; k < N; ++k) o[k] += inner_strides[k];
    }
    // Odometer step over the outer dims, last to first.
    int64_t d = ndim - 2;
    for (; d >= 0; --d) {
      ++index[d];
      for (size_t k = 0; k < N; ++k) offsets[k] += strides[k][d];
      if (index[d] < shape[d]) break;
      for (size_t k = 0; k < N; ++k) offsets[k] -= strides[k][d] * shape[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

/// Storage offset (relative to element 0) of the element at row-major position `linear`.
inline int64_t strided_offset(const Shape& shape, const Shape& strides, int64_t linear) {
  int64_t offset = 0;
  for (size_t d = shape.size(); d-- > 0;) {
    offset += (linear % shape[d]) * strides[d];
    linear /= shape[d];
  }
  return offset;
}

}  // namespace mlplay::detail
