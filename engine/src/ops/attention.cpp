#include "mlplay/ops/attention.h"

#include <cmath>
#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/ops/activation.h"
#include "mlplay/ops/dropout.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/view.h"

namespace mlplay {

Tensor scaled_dot_product_attention(const Tensor& query, const Tensor& key, const Tensor& value, const Tensor& attn_mask,
                                    double dropout_p, bool is_causal, std::optional<double> scale, Generator& gen) {
  const char* op = "scaled_dot_product_attention";
  check<ShapeError>(query.dim() >= 2 && key.dim() >= 2 && value.dim() >= 2, op,
                    ": query, key and value need at least 2 dims, got ", shape_str(query.shape()), ", ",
                    shape_str(key.shape()), " and ", shape_str(value.shape()));
  check<ShapeError>(query.size(-1) == key.size(-1), op, ": query ", shape_str(query.shape()), " and key ",
                    shape_str(key.shape()), " must have the same embedding size");
  check<ShapeError>(key.size(-2) == value.size(-2), op, ": key ", shape_str(key.shape()), " and value ",
                    shape_str(value.shape()), " must have the same sequence length");
  const int64_t L = query.size(-2), S = key.size(-2);
  const double s = scale.value_or(1.0 / std::sqrt(static_cast<double>(query.size(-1))));
  // scores (..., L, S) = q (..., L, E) @ k^T (..., E, S) * scale
  Tensor scores = matmul(query, transpose(key, -2, -1)) * s;
  if (is_causal) {
    Tensor allowed = empty({L, S});  // 1 where key j <= query i (lower triangle)
    for (int64_t i = 0; i < L; ++i)
      for (int64_t j = 0; j < S; ++j) allowed.data_ptr()[i * S + j] = j <= i ? 1.0f : 0.0f;
    scores = where(allowed, scores, -std::numeric_limits<double>::infinity());
  }
  if (attn_mask.defined()) scores = scores + attn_mask;
  Tensor weights = softmax(scores, -1);
  if (dropout_p > 0) weights = dropout(weights, dropout_p, true, gen);
  return matmul(weights, value);  // (..., L, S) @ (..., S, Ev) -> (..., L, Ev)
}

}  // namespace mlplay
