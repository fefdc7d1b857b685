#pragma once
/// MultiheadAttention (torch/nn/modules/activation.h in PyTorch).
#include <tuple>

#include "mlplay/core/random.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/modules/linear.h"
#include "mlplay/nn/options/attention.h"

namespace mlplay::nn {

/// Multi-head scaled dot-product attention (Vaswani et al. 2017, https://arxiv.org/abs/1706.03762;
/// https://pytorch.org/docs/stable/generated/torch.nn.MultiheadAttention.html). Parameter names as in
/// PyTorch: in_proj_weight (3E, E) stacking W_q, W_k, W_v; in_proj_bias (3E); out_proj.weight (E, E);
/// out_proj.bias (E). NOTE: batch_first defaults to true here.
class MultiheadAttentionImpl : public Module {
 public:
  MultiheadAttentionImpl(int64_t embed_dim, int64_t num_heads)
      : MultiheadAttentionImpl(MultiheadAttentionOptions(embed_dim, num_heads)) {}
  explicit MultiheadAttentionImpl(const MultiheadAttentionOptions& options);
  /// in_proj_weight ~ xavier_uniform, biases 0, out_proj.weight keeps Linear's init (as PyTorch).
  void reset_parameters(Generator& gen = default_generator());

  /// query (N, L, E), key and value (N, S, E) ((L, N, E) and (S, N, E) without batch_first) ->
  /// (output (N, L, E), weights (N, L, S) averaged over heads, undefined unless need_weights).
  /// attn_mask is additive (-inf blocks), (L, S) or (N * num_heads, L, S); is_causal lets query i see
  /// keys j <= i only (it builds the mask itself, unlike PyTorch's hint of the same name).
  std::tuple<Tensor, Tensor> forward(const Tensor& query, const Tensor& key, const Tensor& value,
                                     const Tensor& attn_mask = Tensor(), bool need_weights = true,
                                     bool is_causal = false);
  void pretty_print(std::ostream& out) const override;

  MultiheadAttentionOptions options;
  Tensor in_proj_weight;  // (3 * embed_dim, embed_dim)
  Tensor in_proj_bias;    // (3 * embed_dim,), undefined with bias(false)
  Linear out_proj{nullptr};
};
MLPLAY_MODULE(MultiheadAttention);

}  // namespace mlplay::nn
