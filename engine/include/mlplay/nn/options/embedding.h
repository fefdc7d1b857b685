#pragma once
/// Options for Embedding (torch/nn/options/embedding.h); padding_idx and max_norm are not supported.
#include <cstdint>

#include "mlplay/nn/options/arg.h"

namespace mlplay::nn {

struct EmbeddingOptions {
  EmbeddingOptions(int64_t num_embeddings, int64_t embedding_dim)
      : num_embeddings_(num_embeddings), embedding_dim_(embedding_dim) {}
  MLPLAY_ARG(int64_t, num_embeddings);
  MLPLAY_ARG(int64_t, embedding_dim);
};

}  // namespace mlplay::nn
