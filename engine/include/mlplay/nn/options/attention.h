#pragma once
/// Options for MultiheadAttention (torch/nn/options/activation.h in PyTorch).
#include <cstdint>

#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

/// NOTE: batch_first defaults to true here (inputs (N, L, E)); PyTorch's default is false ((L, N, E)).
/// kdim / vdim other than embed_dim, add_bias_kv and add_zero_attn are not supported.
struct MultiheadAttentionOptions {
  MultiheadAttentionOptions(int64_t embed_dim, int64_t num_heads) : embed_dim_(embed_dim), num_heads_(num_heads) {}
  MLPLAY_ARG(int64_t, embed_dim);
  MLPLAY_ARG(int64_t, num_heads);
  MLPLAY_ARG(double, dropout) = 0.0;
  MLPLAY_ARG(bool, bias) = true;
  MLPLAY_ARG(bool, batch_first) = true;
};

}  // namespace mlplay::nn
