#pragma once
/// Indexing by integer tensors. The engine is float32-only, so index tensors hold whole numbers as
/// floats (exact up to 2^24); each op checks they are integral and in range.
#include <vector>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// out[i][j] = a[i][index[i][j]] for dim = 1 (torch.gather). index has a's rank; out has index's shape.
/// Backward scatters (adds) the gradient back to the gathered positions.
Tensor gather(const Tensor& a, int64_t dim, const Tensor& index);
/// The slices a[..., index[k], ...] along dim, for a 1-D index. Backward index-adds.
Tensor index_select(const Tensor& a, int64_t dim, const Tensor& index);
/// Rows of weight (num_embeddings, embedding_dim) picked by indices of any shape:
/// indices (*,) -> (*, embedding_dim). Composed of index_select and reshape.
Tensor embedding(const Tensor& indices, const Tensor& weight);

/// Reads an index tensor as integers, checking each is whole and in [-size, size) (negatives wrap).
/// Throws ValueError naming `op`: "gather: index 7 is out of bounds for dimension 1 with size 5".
std::vector<int64_t> read_indices(const char* op, const Tensor& index, int64_t dim, int64_t size);

}  // namespace mlplay
