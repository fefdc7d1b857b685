#pragma once
/// Scaled dot-product attention (Vaswani et al. 2017, https://arxiv.org/abs/1706.03762), as
/// torch.nn.functional.scaled_dot_product_attention, composed from matmul, where and softmax.
#include <optional>

#include "mlplay/core/random.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// softmax(q k^T * scale + mask) v for q (..., L, E), k (..., S, E), v (..., S, Ev) -> (..., L, Ev).
/// attn_mask is additive (float; -inf blocks a position) and broadcasts to (..., L, S). is_causal
/// lets query i see keys j <= i only. scale defaults to 1 / sqrt(E). dropout_p drops attention weights.
Tensor scaled_dot_product_attention(const Tensor& query, const Tensor& key, const Tensor& value,
                                    const Tensor& attn_mask = Tensor(), double dropout_p = 0.0, bool is_causal = false,
                                    std::optional<double> scale = std::nullopt, Generator& gen = default_generator());

}  // namespace mlplay
