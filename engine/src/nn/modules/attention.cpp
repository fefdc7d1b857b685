#include "mlplay/nn/modules/attention.h"

#include <cmath>
#include <limits>
#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/ops/activation.h"
#include "mlplay/ops/dropout.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {
namespace {

/// 1 where key j <= query i, else 0: (L, S).
Tensor causal_allowed(int64_t L, int64_t S) {
  Tensor allowed = empty({L, S});
  for (int64_t i = 0; i < L; ++i)
    for (int64_t j = 0; j < S; ++j) allowed.data_ptr()[i * S + j] = j <= i ? 1.0f : 0.0f;
  return allowed;
}

}  // namespace

MultiheadAttentionImpl::MultiheadAttentionImpl(const MultiheadAttentionOptions& options_) : options(options_) {
  const int64_t E = options.embed_dim(), H = options.num_heads();
  check<ValueError>(E > 0 && H > 0, "MultiheadAttention: embed_dim (", E, ") and num_heads (", H, ") must be positive");
  check<ValueError>(E % H == 0, "MultiheadAttention: embed_dim (", E, ") must be divisible by num_heads (", H, ")");
  check<ValueError>(options.dropout() >= 0 && options.dropout() <= 1,
                    "MultiheadAttention: dropout has to be between 0 and 1, but got ", options.dropout());
  in_proj_weight = register_parameter("in_proj_weight", empty({3 * E, E}));
  if (options.bias()) in_proj_bias = register_parameter("in_proj_bias", empty({3 * E}));
  out_proj = Linear(register_module("out_proj", Linear(LinearOptions(E, E).bias(options.bias()))));
  reset_parameters();
}

void MultiheadAttentionImpl::reset_parameters(Generator& gen) {
  init::xavier_uniform_(in_proj_weight, 1.0, gen);
  if (in_proj_bias.defined()) {
    init::zeros_(in_proj_bias);
    init::zeros_(out_proj->bias);
  }
}

void MultiheadAttentionImpl::pretty_print(std::ostream& out) const {
  out << std::boolalpha << "MultiheadAttention(embed_dim=" << options.embed_dim() << ", num_heads=" << options.num_heads()
      << ", dropout=" << options.dropout() << ", bias=" << options.bias() << ", batch_first=" << options.batch_first()
      << ")";
}

std::tuple<Tensor, Tensor> MultiheadAttentionImpl::forward(const Tensor& query, const Tensor& key, const Tensor& value,
                                                           const Tensor& attn_mask, bool need_weights, bool is_causal) {
  const int64_t E = options.embed_dim(), H = options.num_heads(), D = E / H;
  const char* layout = options.batch_first() ? "(N, L, E)" : "(L, N, E)";
  for (const Tensor* t : {&query, &key, &value})
    check<ShapeError>(t->dim() == 3 && t->size(2) == E, "MultiheadAttention: expected inputs ", layout, " with E = ", E,
                      ", got shape ", shape_str(t->shape()));
  // work in (N, L, E)
  const Tensor q_in = options.batch_first() ? query : query.transpose(0, 1);
  const Tensor k_in = options.batch_first() ? key : key.transpose(0, 1);
  const Tensor v_in = options.batch_first() ? value : value.transpose(0, 1);
  check<ShapeError>(k_in.shape() == v_in.shape() && k_in.size(0) == q_in.size(0), "MultiheadAttention: query ",
                    shape_str(query.shape()), ", key ", shape_str(key.shape()), " and value ", shape_str(value.shape()),
                    " do not fit together");
  const int64_t N = q_in.size(0), L = q_in.size(1), S = k_in.size(1);
  // x (N, T, E) @ W_i^T (E, E) + b_i -> (N, T, E) -> heads (N, H, T, D)
  auto project = [&](const Tensor& x, int64_t i, int64_t T) {
    Tensor y = matmul(x, in_proj_weight.slice(0, i * E, (i + 1) * E).t());
    if (in_proj_bias.defined()) y = y + in_proj_bias.slice(0, i * E, (i + 1) * E);
    return y.reshape({N, T, H, D}).permute({0, 2, 1, 3});
  };
  const Tensor q = project(q_in, 0, L), k = project(k_in, 1, S), v = project(v_in, 2, S);
  // scores (N, H, L, S) = q (N, H, L, D) @ k^T (N, H, D, S) / sqrt(D)
  Tensor scores = matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(static_cast<double>(D)));
  if (is_causal) scores = where(causal_allowed(L, S), scores, -std::numeric_limits<double>::infinity());
  if (attn_mask.defined()) {
    check<ShapeError>(attn_mask.shape() == Shape{L, S} || attn_mask.shape() == Shape{N * H, L, S},
                      "MultiheadAttention: attn_mask must be (", L, ", ", S, ") or (", N * H, ", ", L, ", ", S,
                      "), got ", shape_str(attn_mask.shape()));
    scores = scores + (attn_mask.dim() == 3 ? attn_mask.reshape({N, H, L, S}) : attn_mask);
  }
  Tensor weights = softmax(scores, -1);
  if (options.dropout() > 0) weights = dropout(weights, options.dropout(), is_training());
  // (N, H, L, S) @ (N, H, S, D) -> (N, H, L, D) -> (N, L, H, D) -> (N, L, E)
  Tensor out = matmul(weights, v).permute({0, 2, 1, 3}).reshape({N, L, E});
  out = out_proj->forward(out);
  if (!options.batch_first()) out = out.transpose(0, 1);
  return {out, need_weights ? mean(weights, {1}) : Tensor()};
}

}  // namespace mlplay::nn
