#pragma once
/// A decoder-only transformer language model, GPT-2's shape (Radford et al. 2019; Vaswani et al. 2017,
/// https://arxiv.org/abs/1706.03762), after Karpathy's nanoGPT: token + learned position embeddings,
/// pre-LayerNorm blocks of causal multi-head self-attention and a GELU MLP with residuals, a final
/// LayerNorm, and the output projection tied to the token embedding. Built from the engine's ops, so
/// autograd trains it; parameter names are nanoGPT's ("h.0.attn.c_attn.weight"), so PyTorch can load it.
#include <cstdint>
#include <string>

#include "mlplay/core/random.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/modules/embedding.h"
#include "mlplay/nn/modules/linear.h"
#include "mlplay/nn/modules/normalization.h"
#include "mlplay/nn/ordered_dict.h"

namespace mlplay::gpt {

/// The model's size. Every head has dim / heads channels.
struct GptConfig {
  int64_t vocab_size = 1024;
  int64_t context_length = 128;  // learned positions
  int64_t layers = 4;
  int64_t heads = 4;
  int64_t dim = 128;             // d_model, the residual stream's width

  /// Throws ValueError naming the bad field (sizes ≥ 1, dim divisible by heads).
  void validate() const;
  /// {"vocab_size": ..., "context_length": ..., "layers": ..., "heads": ..., "dim": ...}.
  std::string to_json() const;
  static GptConfig from_json(const std::string& json);
  /// Trainable parameters (the tied output projection counted once).
  int64_t parameter_count() const;
  bool operator==(const GptConfig&) const = default;
};

/// Causal multi-head self-attention: one projection to q, k, v; softmax(q k^T / sqrt(hd) + causal) v
/// per head; heads concatenated and projected back.
class CausalSelfAttentionImpl : public nn::Module {
 public:
  explicit CausalSelfAttentionImpl(const GptConfig& config);
  /// x (B, T, dim) -> (B, T, dim).
  Tensor forward(const Tensor& x);
  int64_t heads;
  nn::Linear c_attn{nullptr};  // (3 dim, dim): rows stack W_q, W_k, W_v
  nn::Linear c_proj{nullptr};  // (dim, dim)
};
MLPLAY_MODULE(CausalSelfAttention);

/// Position-wise MLP: Linear(dim, 4 dim) -> GELU (tanh form, as GPT-2) -> Linear(4 dim, dim).
class MlpImpl : public nn::Module {
 public:
  explicit MlpImpl(const GptConfig& config);
  Tensor forward(const Tensor& x);
  nn::Linear c_fc{nullptr};
  nn::Linear c_proj{nullptr};
};
MLPLAY_MODULE(Mlp);

/// Pre-LN block: x + attn(ln_1(x)), then x + mlp(ln_2(x)).
class BlockImpl : public nn::Module {
 public:
  explicit BlockImpl(const GptConfig& config);
  /// x (B, T, dim) -> (B, T, dim).
  Tensor forward(const Tensor& x);
  nn::LayerNorm ln_1{nullptr};
  CausalSelfAttention attn{nullptr};
  nn::LayerNorm ln_2{nullptr};
  Mlp mlp{nullptr};
};
MLPLAY_MODULE(Block);

class GptImpl : public nn::Module {
 public:
  explicit GptImpl(const GptConfig& config, uint64_t seed = 1);
  /// GPT-2's init: weights N(0, 0.02), residual projections N(0, 0.02 / sqrt(2 layers)), biases 0,
  /// LayerNorms 1 and 0.
  void reset_parameters(Generator& gen);
  /// ids (B, T) holding token ids as floats, T ≤ context_length -> logits (B, T, vocab_size).
  Tensor forward(const Tensor& ids);
  /// Mean cross-entropy of predicting targets (B, T) from ids (B, T).
  Tensor loss(const Tensor& ids, const Tensor& targets);

  GptConfig config;
  nn::Embedding wte{nullptr};  // (vocab_size, dim); also the output projection (tied)
  nn::Embedding wpe{nullptr};  // (context_length, dim)
  std::vector<Block> h;
  nn::LayerNorm ln_f{nullptr};
};
MLPLAY_MODULE(Gpt);

}  // namespace mlplay::gpt
