#pragma once
/// Embedding (torch/nn/modules/embedding.h).
#include <cstdint>

#include "mlplay/core/random.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/embedding.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::nn {

/// A lookup table of num_embeddings vectors (https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html).
class EmbeddingImpl : public Module {
 public:
  EmbeddingImpl(int64_t num_embeddings, int64_t embedding_dim)
      : EmbeddingImpl(EmbeddingOptions(num_embeddings, embedding_dim)) {}
  explicit EmbeddingImpl(const EmbeddingOptions& options);
  /// weight ~ N(0, 1), as PyTorch.
  void reset_parameters(Generator& gen = default_generator());
  /// indices (*) holding whole numbers (as floats) -> (*, embedding_dim).
  Tensor forward(const Tensor& indices);
  void pretty_print(std::ostream& out) const override;

  EmbeddingOptions options;
  Tensor weight;  // (num_embeddings, embedding_dim)
};
MLPLAY_MODULE(Embedding);

}  // namespace mlplay::nn
