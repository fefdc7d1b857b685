#pragma once
/// Sampling from a Gpt one token at a time with a KV cache: each new token runs the blocks on one
/// position only, reusing the keys and values of the earlier positions. It reads the model's weights
/// directly (no autograd, no tensors, no allocation per token) and computes what Gpt::forward computes
/// (tests check the logits agree), plus each head's attention weights for the lesson to show.
/// Sampling: temperature, then top-k and top-p (nucleus, Holtzman et al. 2020,
/// https://arxiv.org/abs/1904.09751), from a seeded Generator.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/gpt/model.h"

namespace mlplay::gpt {

/// How the next token is picked from the logits.
struct SampleOptions {
  double temperature = 0.8;  // 0 = greedy (argmax)
  int64_t top_k = 0;         // 0 = off
  double top_p = 1.0;        // 1 = off
};

/// The ten most probable next tokens of one distribution, best first.
struct TopTokens {
  std::array<int32_t, 10> ids{};
  std::array<float, 10> probs{};
  int count = 0;
};

/// The model run position by position with cached keys and values.
class KvCache {
 public:
  /// Reads the weights of `model` (which must outlive this cache and keep its parameters' storage).
  explicit KvCache(const Gpt& model);

  /// Forgets every position.
  void reset() { length_ = 0; }
  /// Runs `token` at the next position (length() before the call) and returns the logits (vocab_size)
  /// for the token after it; valid until the next call. Throws ValueError when the cache is full
  /// (length() == context_length) or the id is out of range.
  std::span<const float> step(int32_t token);
  /// Positions cached.
  int64_t length() const { return length_; }
  int64_t context_length() const { return config_.context_length; }
  const GptConfig& config() const { return config_; }
  /// Attention weights of the last step's query: layers × heads × length(), row by row.
  void attention(std::vector<float>& out) const;

 private:
  struct Layer {
    const float *ln_1_w, *ln_1_b, *attn_w, *attn_b, *proj_w, *proj_b;
    const float *ln_2_w, *ln_2_b, *fc_w, *fc_b, *mlp_proj_w, *mlp_proj_b;
  };
  GptConfig config_;
  const float *wte_, *wpe_, *ln_f_w_, *ln_f_b_;
  std::vector<Layer> layers_;
  std::vector<float> keys_, values_;  // (layers, context_length, dim)
  std::vector<float> scores_;         // (layers, heads, context_length): the last step's attention
  std::vector<float> x_, h_, qkv_, y_, ff_, logits_;
  int64_t length_ = 0;
};

/// Softmax of logits / temperature (plain softmax when temperature is 0 or 1) into probs.
void softmax_with_temperature(std::span<const float> logits, double temperature, std::vector<float>& probs);
/// The ten most probable entries of probs.
TopTokens top_tokens(std::span<const float> probs);
/// Draws a token from probs after top-k and top-p filtering (argmax when temperature is 0).
/// `scratch` is reused between calls to avoid allocation.
int32_t sample_token(std::span<const float> probs, const SampleOptions& options, Generator& gen,
                     std::vector<int32_t>& scratch);

/// One sampled token with what produced it.
struct SampledToken {
  int32_t id = 0;
  float prob = 0;  // after temperature, before top-k / top-p
  TopTokens top;
  /// Index in sequence() of the window's first token after the start token.
  int64_t window_start = 0;
  /// Window tokens (start token included) the producing query attended to.
  int64_t window_length = 0;
};

/// Prompt in, tokens out: keeps the window (start token + the last tokens) in a KvCache and slides it
/// by re-running the last half of the context when it fills up.
class GptSampler {
 public:
  GptSampler(const Gpt& model, SampleOptions options, uint64_t seed);
  /// Starts from the prompt's last context_length - 1 tokens (returns how many were dropped).
  int64_t begin(const std::vector<int32_t>& prompt);
  /// Samples the next token and advances the cache past it. With `attention`, the producing query's
  /// weights (layers × heads × window_length) are written there.
  SampledToken next(std::vector<float>* attention = nullptr);
  /// Prompt (as kept) followed by the sampled tokens.
  const std::vector<int32_t>& sequence() const { return sequence_; }
  int64_t prompt_length() const { return prompt_length_; }

 private:
  void refill(int64_t keep);

  KvCache cache_;
  SampleOptions options_;
  Generator gen_;
  std::vector<int32_t> sequence_;
  int64_t prompt_length_ = 0;
  int64_t window_start_ = 0;
  std::vector<float> logits_, probs_;
  std::vector<int32_t> scratch_;
};

/// What the model computes after ids[position] with the window that ends there: the next-token
/// distribution and every head's attention (layers × heads × window_length).
struct Inspection {
  std::vector<float> attention;
  std::vector<float> probs;
  int64_t window_start = 0;
  int64_t window_length = 0;
};
Inspection inspect(const Gpt& model, const std::vector<int32_t>& ids, int64_t position, double temperature);

}  // namespace mlplay::gpt
