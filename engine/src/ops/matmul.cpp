// matmul: one primitive over (..., M, K) @ (..., K, N) with broadcast batch dims; every product is one
// gemm() call. Transposed views are passed to gemm as transposed operands instead of being copied.
#include "mlplay/ops/matmul.h"

#include <algorithm>

#include "../tensor/strided.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/gemm.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"

namespace mlplay {
namespace {

/// A (..., rows, cols) tensor as gemm sees each of its matrices: stored as is (row stride ld) or
/// transposed (a column-major matrix), plus the strides of its batch dims broadcast to `batch`.
struct GemmOperand {
  Tensor tensor;  // keeps the data alive (a contiguous copy when the view fits neither layout)
  bool trans = false;
  int64_t ld = 0;
  Shape batch_strides;
};

GemmOperand gemm_operand(const Tensor& t, const Shape& batch) {
  const int64_t rows = t.size(-2), cols = t.size(-1);
  const int64_t row_stride = t.stride(-2), col_stride = t.stride(-1);
  GemmOperand op;
  op.tensor = t;
  if (col_stride == 1 && (row_stride >= cols || rows == 1)) {
    op.ld = std::max(row_stride, cols);
  } else if (row_stride == 1 && (col_stride >= rows || cols == 1)) {
    op.trans = true;
    op.ld = std::max(col_stride, rows);
  } else {
    op.tensor = t.detach().contiguous();
    op.ld = cols;
  }
  const Shape t_batch(op.tensor.shape().begin(), op.tensor.shape().end() - 2);
  const Shape t_batch_strides(op.tensor.strides().begin(), op.tensor.strides().end() - 2);
  op.batch_strides = broadcast_strides(t_batch, t_batch_strides, batch);
  return op;
}

/// The primitive: a (..., M, K) @ b (..., K, N) -> (broadcast batch..., M, N).
Tensor batched_matmul(const Tensor& a, const Tensor& b) {
  const Shape a_batch(a.shape().begin(), a.shape().end() - 2), b_batch(b.shape().begin(), b.shape().end() - 2);
  check<ShapeError>(broadcastable(a_batch, b_batch), "matmul: batch dimensions of shapes ", shape_str(a.shape()),
                    " and ", shape_str(b.shape()), " cannot be broadcast");
  const Shape batch = broadcast_shapes("matmul", a_batch, b_batch);
  const int64_t M = a.size(-2), K = a.size(-1), N = b.size(-1);
  Shape out_shape = batch;
  out_shape.insert(out_shape.end(), {M, N});
  Tensor out = empty(out_shape);
  const GemmOperand A = gemm_operand(a, batch), B = gemm_operand(b, batch);
  Shape out_batch_strides(out.strides().begin(), out.strides().end() - 2);
  const float *a_data = A.tensor.data_ptr(), *b_data = B.tensor.data_ptr();
  float* out_data = out.data_ptr();
  detail::for_each_strided<3>(batch, {A.batch_strides.data(), B.batch_strides.data(), out_batch_strides.data()},
                              [&](const std::array<int64_t, 3>& o) {
                                gemm(A.trans, B.trans, M, N, K, 1.0f, a_data + o[0], A.ld, b_data + o[1], B.ld,
                                     0.0f, out_data + o[2], N);
                              });
  return record(out, "MatmulBackward", {a, b}, [a, b](const Tensor& g) {
    // out = a @ b: d/da = g @ b^T (..., M, K), d/db = a^T @ g (..., K, N), summed over broadcast batch dims
    return std::vector<Tensor>{
        a.requires_grad() ? sum_to(batched_matmul(g, transpose(b, -2, -1)), a.shape()) : Tensor(),
        b.requires_grad() ? sum_to(batched_matmul(transpose(a, -2, -1), g), b.shape()) : Tensor()};
  }, {a, b});
}

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
  check<ShapeError>(a.dim() >= 1 && b.dim() >= 1, "matmul: both arguments need at least 1 dimension, got shapes ",
                    shape_str(a.shape()), " and ", shape_str(b.shape()));
  const int64_t b_rows = b.dim() == 1 ? b.size(0) : b.size(-2);
  check<ShapeError>(a.size(-1) == b_rows, "matmul: shapes ", shape_str(a.shape()), " and ", shape_str(b.shape()),
                    " do not align");
  // A 1-D operand becomes a (1, K) row or (K, 1) column, and that dim is dropped from the result.
  const Tensor a2 = a.dim() == 1 ? unsqueeze(a, 0) : a;
  const Tensor b2 = b.dim() == 1 ? unsqueeze(b, 1) : b;
  Tensor out = batched_matmul(a2, b2);
  if (b.dim() == 1) out = squeeze(out, -1);
  if (a.dim() == 1) out = squeeze(out, b.dim() == 1 ? -1 : -2);
  return out;
}

}  // namespace mlplay
