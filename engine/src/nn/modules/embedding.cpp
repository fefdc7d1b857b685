#include "mlplay/nn/modules/embedding.h"

#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/ops/index.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {

EmbeddingImpl::EmbeddingImpl(const EmbeddingOptions& options_) : options(options_) {
  check<ValueError>(options.num_embeddings() > 0 && options.embedding_dim() > 0,
                    "Embedding: num_embeddings and embedding_dim must be positive, got ", options.num_embeddings(),
                    " and ", options.embedding_dim());
  weight = register_parameter("weight", empty({options.num_embeddings(), options.embedding_dim()}));
  reset_parameters();
}

void EmbeddingImpl::reset_parameters(Generator& gen) { init::normal_(weight, 0.0, 1.0, gen); }

Tensor EmbeddingImpl::forward(const Tensor& indices) { return embedding(indices, weight); }

void EmbeddingImpl::pretty_print(std::ostream& out) const {
  out << "Embedding(num_embeddings=" << options.num_embeddings() << ", embedding_dim=" << options.embedding_dim() << ")";
}

}  // namespace mlplay::nn
