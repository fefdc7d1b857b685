#pragma once
/// Matrix products: one primitive, batched and broadcasting like torch.matmul; the kernel is gemm().
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// torch.matmul: 1-D x 1-D is a dot product; (M, K) @ (K, N) -> (M, N); leading batch dims broadcast:
/// (B, M, K) @ (K, N) -> (B, M, N). A 1-D operand is treated as a row (left) or column (right) vector
/// and that dim is removed from the result. Throws ShapeError: "matmul: shapes (3, 4) and (5, 2) do not align".
Tensor matmul(const Tensor& a, const Tensor& b);

}  // namespace mlplay
