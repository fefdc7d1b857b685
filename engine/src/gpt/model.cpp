// The GPT modules: every step is an engine op, so autograd supplies the backward pass.
#include "mlplay/gpt/model.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/activation.h"
#include "mlplay/ops/attention.h"
#include "mlplay/ops/loss.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/init.h"

namespace mlplay::gpt {

void GptConfig::validate() const {
  check<ValueError>(vocab_size >= 257, "GptConfig: vocab_size must be at least 257 (bytes and the start token), got ",
                    vocab_size);
  check<ValueError>(context_length >= 2, "GptConfig: context_length must be at least 2, got ", context_length);
  check<ValueError>(layers >= 1, "GptConfig: layers must be at least 1, got ", layers);
  check<ValueError>(heads >= 1, "GptConfig: heads must be at least 1, got ", heads);
  check<ValueError>(dim >= 1 && dim % heads == 0, "GptConfig: dim (", dim, ") must be a positive multiple of heads (",
                    heads, ")");
}

std::string GptConfig::to_json() const {
  nlohmann::ordered_json j{{"vocab_size", vocab_size}, {"context_length", context_length}, {"layers", layers},
                           {"heads", heads},           {"dim", dim}};
  return j.dump();
}

GptConfig GptConfig::from_json(const std::string& text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw ValueError(std::string("GptConfig: not valid JSON: ") + e.what());
  }
  GptConfig c;
  for (auto [name, field] : {std::pair{"vocab_size", &c.vocab_size}, std::pair{"context_length", &c.context_length},
                             std::pair{"layers", &c.layers}, std::pair{"heads", &c.heads}, std::pair{"dim", &c.dim}}) {
    check<ValueError>(j.is_object() && j.contains(name) && j[name].is_number_integer(), "GptConfig: '", name,
                      "' must be an integer");
    *field = j[name].get<int64_t>();
  }
  c.validate();
  return c;
}

int64_t GptConfig::parameter_count() const {
  const int64_t d = dim;
  const int64_t per_block = 2 * 2 * d            // two LayerNorms
                            + 3 * d * d + 3 * d  // c_attn
                            + d * d + d          // attn.c_proj
                            + 4 * d * d + 4 * d  // c_fc
                            + 4 * d * d + d;     // mlp.c_proj
  return vocab_size * d + context_length * d + layers * per_block + 2 * d;
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const GptConfig& config) : heads(config.heads) {
  c_attn = nn::Linear(register_module("c_attn", nn::Linear(config.dim, 3 * config.dim)));
  c_proj = nn::Linear(register_module("c_proj", nn::Linear(config.dim, config.dim)));
}

Tensor CausalSelfAttentionImpl::forward(const Tensor& x) {
  const int64_t B = x.size(0), T = x.size(1), C = x.size(2), hd = C / heads;
  const Tensor qkv = c_attn->forward(x);  // (B, T, 3C)
  // (B, T, C) -> (B, T, heads, hd) -> (B, heads, T, hd)
  auto split = [&](int64_t part) { return slice(qkv, 2, part * C, (part + 1) * C).reshape({B, T, heads, hd}).permute({0, 2, 1, 3}); };
  const Tensor y = scaled_dot_product_attention(split(0), split(1), split(2), Tensor(), 0.0, /*is_causal=*/true);
  // (B, heads, T, hd) -> (B, T, heads, hd) -> (B, T, C)
  return c_proj->forward(y.permute({0, 2, 1, 3}).reshape({B, T, C}));
}

MlpImpl::MlpImpl(const GptConfig& config) {
  c_fc = nn::Linear(register_module("c_fc", nn::Linear(config.dim, 4 * config.dim)));
  c_proj = nn::Linear(register_module("c_proj", nn::Linear(4 * config.dim, config.dim)));
}

Tensor MlpImpl::forward(const Tensor& x) { return c_proj->forward(gelu(c_fc->forward(x), "tanh")); }

BlockImpl::BlockImpl(const GptConfig& config) {
  ln_1 = nn::LayerNorm(register_module("ln_1", nn::LayerNorm(nn::LayerNormOptions({config.dim}))));
  attn = CausalSelfAttention(register_module("attn", CausalSelfAttention(config)));
  ln_2 = nn::LayerNorm(register_module("ln_2", nn::LayerNorm(nn::LayerNormOptions({config.dim}))));
  mlp = Mlp(register_module("mlp", Mlp(config)));
}

Tensor BlockImpl::forward(const Tensor& x) {
  const Tensor a = x + attn->forward(ln_1->forward(x));
  return a + mlp->forward(ln_2->forward(a));
}

GptImpl::GptImpl(const GptConfig& config_, uint64_t seed) : config(config_) {
  config.validate();
  wte = nn::Embedding(register_module("wte", nn::Embedding(config.vocab_size, config.dim)));
  wpe = nn::Embedding(register_module("wpe", nn::Embedding(config.context_length, config.dim)));
  // "h" holds the blocks as children "0", "1", ... (PyTorch's ModuleList naming: h.0.attn...).
  const auto blocks = register_module("h", std::make_shared<nn::Module>());
  for (int64_t i = 0; i < config.layers; ++i) h.push_back(Block(blocks->register_module(std::to_string(i), Block(config))));
  ln_f = nn::LayerNorm(register_module("ln_f", nn::LayerNorm(nn::LayerNormOptions({config.dim}))));
  Generator gen(seed);
  reset_parameters(gen);
}

void GptImpl::reset_parameters(Generator& gen) {
  const double residual_std = 0.02 / std::sqrt(2.0 * static_cast<double>(config.layers));
  for (const auto& item : named_parameters()) {
    const std::string& name = item.key();
    Tensor p = item.value();
    const bool is_bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
    if (name.find("ln_") != std::string::npos) {
      is_bias ? nn::init::zeros_(p) : nn::init::ones_(p);
    } else if (is_bias) {
      nn::init::zeros_(p);
    } else if (name.find("c_proj.weight") != std::string::npos) {
      nn::init::normal_(p, 0.0, residual_std, gen);
    } else {
      nn::init::normal_(p, 0.0, 0.02, gen);
    }
  }
}

Tensor GptImpl::forward(const Tensor& ids) {
  check<ShapeError>(ids.dim() == 2, "Gpt: ids must be (B, T), got ", shape_str(ids.shape()));
  const int64_t T = ids.size(1);
  check<ValueError>(T >= 1 && T <= config.context_length, "Gpt: sequence length ", T, " is outside 1..",
                    config.context_length, " (the context window)");
  Tensor x = wte->forward(ids) + wpe->forward(arange(static_cast<double>(T)));  // (B, T, C) + (T, C)
  for (Block& block : h) x = block->forward(x);
  x = ln_f->forward(x);
  return matmul(x, wte->weight.t());  // (B, T, C) @ (C, V) -> (B, T, V), tied to the embedding
}

Tensor GptImpl::loss(const Tensor& ids, const Tensor& targets) {
  const Tensor logits = forward(ids);
  const int64_t V = config.vocab_size;
  return cross_entropy(logits.reshape({-1, V}), targets.reshape({-1}));
}

}  // namespace mlplay::gpt
