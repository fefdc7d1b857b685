// KV-cache inference and sampling. The kernels are plain loops over raw weights with 4-lane vector
// accumulators (SIMD128 in wasm, SSE natively); one token is a handful of matrix-vector products.
#include "mlplay/gpt/sampler.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/gpt/tokenizer.h"

namespace mlplay::gpt {
namespace {

using v4 = float __attribute__((vector_size(16)));

inline v4 load4(const float* p) {
  v4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

/// sum a[i] b[i], four independent vector accumulators.
inline float dot(const float* a, const float* b, int64_t n) {
  v4 s0 = {0, 0, 0, 0}, s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    s0 += load4(a + i) * load4(b + i);
    s1 += load4(a + i + 4) * load4(b + i + 4);
    s2 += load4(a + i + 8) * load4(b + i + 8);
    s3 += load4(a + i + 12) * load4(b + i + 12);
  }
  for (; i + 4 <= n; i += 4) s0 += load4(a + i) * load4(b + i);
  const v4 s = (s0 + s1) + (s2 + s3);
  float total = (s[0] + s[1]) + (s[2] + s[3]);
  for (; i < n; ++i) total += a[i] * b[i];
  return total;
}

/// y (out) = W (out, in) @ x (in) + b (out).
void matvec(const float* W, const float* b, const float* x, float* y, int64_t out, int64_t in) {
  for (int64_t o = 0; o < out; ++o) y[o] = dot(W + o * in, x, in) + (b ? b[o] : 0.0f);
}

/// y = (x - mean) / sqrt(var + 1e-5) * w + b over n values (biased variance, as layer_norm).
void layer_norm(const float* x, const float* w, const float* b, float* y, int64_t n) {
  double mean = 0;
  for (int64_t i = 0; i < n; ++i) mean += x[i];
  mean /= double(n);
  double var = 0;
  for (int64_t i = 0; i < n; ++i) var += (x[i] - mean) * (x[i] - mean);
  var /= double(n);
  const auto inv = static_cast<float>(1.0 / std::sqrt(var + 1e-5));
  const auto m = static_cast<float>(mean);
  for (int64_t i = 0; i < n; ++i) y[i] = (x[i] - m) * inv * w[i] + b[i];
}

/// GELU, tanh form: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
inline float gelu_tanh(float x) {
  constexpr float k = 0.7978845608028654f;
  return 0.5f * x * (1.0f + std::tanh(k * (x + 0.044715f * x * x * x)));
}

const float* weight(const TensorDict& params, const std::string& name) {
  const Tensor* t = params.find(name);
  check<ValueError>(t != nullptr, "KvCache: the model has no parameter '", name, "'");
  check<ValueError>(t->is_contiguous(), "KvCache: parameter '", name, "' is not contiguous");
  return t->data_ptr();
}

}  // namespace

KvCache::KvCache(const Gpt& model) : config_(model->config) {
  const TensorDict params = model->named_parameters();
  wte_ = weight(params, "wte.weight");
  wpe_ = weight(params, "wpe.weight");
  ln_f_w_ = weight(params, "ln_f.weight");
  ln_f_b_ = weight(params, "ln_f.bias");
  for (int64_t l = 0; l < config_.layers; ++l) {
    const std::string p = "h." + std::to_string(l) + ".";
    layers_.push_back({weight(params, p + "ln_1.weight"), weight(params, p + "ln_1.bias"),
                       weight(params, p + "attn.c_attn.weight"), weight(params, p + "attn.c_attn.bias"),
                       weight(params, p + "attn.c_proj.weight"), weight(params, p + "attn.c_proj.bias"),
                       weight(params, p + "ln_2.weight"), weight(params, p + "ln_2.bias"),
                       weight(params, p + "mlp.c_fc.weight"), weight(params, p + "mlp.c_fc.bias"),
                       weight(params, p + "mlp.c_proj.weight"), weight(params, p + "mlp.c_proj.bias")});
  }
  const int64_t C = config_.dim, T = config_.context_length;
  keys_.assign(size_t(config_.layers * T * C), 0.0f);
  values_.assign(keys_.size(), 0.0f);
  scores_.assign(size_t(config_.layers * config_.heads * T), 0.0f);
  x_.resize(size_t(C));
  h_.resize(size_t(C));
  qkv_.resize(size_t(3 * C));
  y_.resize(size_t(C));
  ff_.resize(size_t(4 * C));
  logits_.resize(size_t(config_.vocab_size));
}

std::span<const float> KvCache::step(int32_t token) {
  const int64_t C = config_.dim, T = config_.context_length, H = config_.heads, hd = C / H;
  check<ValueError>(length_ < T, "KvCache: the cache is full (", T, " positions)");
  check<ValueError>(token >= 0 && token < config_.vocab_size, "KvCache: token id ", token, " is outside the vocabulary of ",
                    config_.vocab_size);
  const int64_t pos = length_++;
  float *x = x_.data(), *h = h_.data(), *qkv = qkv_.data(), *y = y_.data(), *ff = ff_.data();
  for (int64_t i = 0; i < C; ++i) x[i] = wte_[token * C + i] + wpe_[pos * C + i];
  const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
  for (int64_t l = 0; l < config_.layers; ++l) {
    const Layer& L = layers_[size_t(l)];
    // Attention: q, k, v of this position; k and v join the cache.
    layer_norm(x, L.ln_1_w, L.ln_1_b, h, C);
    matvec(L.attn_w, L.attn_b, h, qkv, 3 * C, C);
    float* keys = keys_.data() + l * T * C;
    float* values = values_.data() + l * T * C;
    std::memcpy(keys + pos * C, qkv + C, size_t(C) * sizeof(float));
    std::memcpy(values + pos * C, qkv + 2 * C, size_t(C) * sizeof(float));
    for (int64_t head = 0; head < H; ++head) {
      const float* q = qkv + head * hd;
      float* s = scores_.data() + (l * H + head) * T;
      float max = -INFINITY;
      for (int64_t j = 0; j <= pos; ++j) {
        s[j] = dot(q, keys + j * C + head * hd, hd) * scale;
        max = std::max(max, s[j]);
      }
      float sum = 0;
      for (int64_t j = 0; j <= pos; ++j) sum += (s[j] = std::exp(s[j] - max));
      const float inv = 1.0f / sum;
      float* out = y + head * hd;
      std::fill(out, out + hd, 0.0f);
      for (int64_t j = 0; j <= pos; ++j) {
        s[j] *= inv;
        const float* v = values + j * C + head * hd;
        for (int64_t e = 0; e < hd; ++e) out[e] += s[j] * v[e];
      }
    }
    matvec(L.proj_w, L.proj_b, y, h, C, C);
    for (int64_t i = 0; i < C; ++i) x[i] += h[i];
    // MLP
    layer_norm(x, L.ln_2_w, L.ln_2_b, h, C);
    matvec(L.fc_w, L.fc_b, h, ff, 4 * C, C);
    for (int64_t i = 0; i < 4 * C; ++i) ff[i] = gelu_tanh(ff[i]);
    matvec(L.mlp_proj_w, L.mlp_proj_b, ff, h, C, 4 * C);
    for (int64_t i = 0; i < C; ++i) x[i] += h[i];
  }
  layer_norm(x, ln_f_w_, ln_f_b_, h, C);
  matvec(wte_, nullptr, h, logits_.data(), config_.vocab_size, C);  // tied output projection
  return {logits_.data(), logits_.size()};
}

void KvCache::attention(std::vector<float>& out) const {
  const int64_t H = config_.heads, T = config_.context_length, n = length_;
  out.resize(size_t(config_.layers * H * n));
  for (int64_t row = 0; row < config_.layers * H; ++row)
    std::copy_n(scores_.data() + row * T, n, out.data() + row * n);
}

void softmax_with_temperature(std::span<const float> logits, double temperature, std::vector<float>& probs) {
  const double t = temperature > 0 ? temperature : 1.0;
  probs.resize(logits.size());
  const float max = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (size_t i = 0; i < logits.size(); ++i) sum += (probs[i] = static_cast<float>(std::exp((logits[i] - max) / t)));
  const auto inv = static_cast<float>(1.0 / sum);
  for (float& p : probs) p *= inv;
}

TopTokens top_tokens(std::span<const float> probs) {
  TopTokens top;
  for (size_t i = 0; i < probs.size(); ++i) {
    // Insertion into the sorted top list (ties keep the smaller id first).
    int at = top.count;
    while (at > 0 && probs[i] > top.probs[size_t(at - 1)]) --at;
    if (at >= 10) continue;
    const int last = std::min(top.count, 9);
    for (int k = last; k > at; --k) {
      top.ids[size_t(k)] = top.ids[size_t(k - 1)];
      top.probs[size_t(k)] = top.probs[size_t(k - 1)];
    }
    top.ids[size_t(at)] = static_cast<int32_t>(i);
    top.probs[size_t(at)] = probs[i];
    top.count = std::min(top.count + 1, 10);
  }
  return top;
}

int32_t sample_token(std::span<const float> probs, const SampleOptions& options, Generator& gen,
                     std::vector<int32_t>& scratch) {
  const auto V = static_cast<int64_t>(probs.size());
  if (options.temperature <= 0) {
    return static_cast<int32_t>(std::max_element(probs.begin(), probs.end()) - probs.begin());
  }
  const bool top_k = options.top_k > 0 && options.top_k < V, top_p = options.top_p < 1.0;
  if (!top_k && !top_p) {
    const double u = gen.uniform_double();
    double cumulative = 0;
    for (int64_t i = 0; i < V; ++i) {
      cumulative += probs[size_t(i)];
      if (u < cumulative) return static_cast<int32_t>(i);
    }
    return static_cast<int32_t>(V - 1);  // rounding left u just above the total
  }
  // Candidates by probability, best first: only the k best when top-k is on.
  scratch.resize(size_t(V));
  std::iota(scratch.begin(), scratch.end(), 0);
  auto by_prob = [&](int32_t a, int32_t b) { return probs[size_t(a)] > probs[size_t(b)] || (probs[size_t(a)] == probs[size_t(b)] && a < b); };
  int64_t keep = top_k ? options.top_k : V;
  std::partial_sort(scratch.begin(), scratch.begin() + keep, scratch.end(), by_prob);
  double mass = 0;
  int64_t n = 0;
  while (n < keep) {
    mass += probs[size_t(scratch[size_t(n)])];
    ++n;
    if (top_p && mass >= options.top_p) break;  // the smallest set that reaches p
  }
  const double u = gen.uniform_double() * mass;
  double cumulative = 0;
  for (int64_t i = 0; i < n; ++i) {
    cumulative += probs[size_t(scratch[size_t(i)])];
    if (u < cumulative) return scratch[size_t(i)];
  }
  return scratch[size_t(n - 1)];
}

GptSampler::GptSampler(const Gpt& model, SampleOptions options, uint64_t seed)
    : cache_(model), options_(options), gen_(seed) {
  check<ValueError>(options.temperature >= 0 && std::isfinite(options.temperature),
                    "GptSampler: temperature must be ≥ 0, got ", options.temperature);
  check<ValueError>(options.top_k >= 0, "GptSampler: top_k must be ≥ 0, got ", options.top_k);
  check<ValueError>(options.top_p > 0 && options.top_p <= 1, "GptSampler: top_p must be in (0, 1], got ", options.top_p);
}

void GptSampler::refill(int64_t keep) {
  cache_.reset();
  window_start_ = static_cast<int64_t>(sequence_.size()) - keep;
  std::span<const float> logits = cache_.step(kStartToken);
  for (int64_t i = window_start_; i < static_cast<int64_t>(sequence_.size()); ++i) logits = cache_.step(sequence_[size_t(i)]);
  logits_.assign(logits.begin(), logits.end());
}

int64_t GptSampler::begin(const std::vector<int32_t>& prompt) {
  const int64_t room = cache_.context_length() - 1;
  const int64_t dropped = std::max<int64_t>(0, static_cast<int64_t>(prompt.size()) - room);
  sequence_.assign(prompt.begin() + dropped, prompt.end());
  prompt_length_ = static_cast<int64_t>(sequence_.size());
  refill(prompt_length_);
  return dropped;
}

SampledToken GptSampler::next(std::vector<float>* attention) {
  check<ValueError>(!logits_.empty(), "GptSampler: call begin() before next()");
  SampledToken token;
  token.window_start = window_start_;
  token.window_length = cache_.length();
  if (attention) cache_.attention(*attention);
  softmax_with_temperature(logits_, options_.temperature, probs_);
  token.id = sample_token(probs_, options_, gen_, scratch_);
  token.prob = probs_[size_t(token.id)];
  token.top = top_tokens(probs_);
  sequence_.push_back(token.id);
  if (cache_.length() == cache_.context_length()) {
    refill(cache_.context_length() / 2);  // slide: keep the last half of the window (new token included)
  } else {
    const std::span<const float> logits = cache_.step(token.id);
    logits_.assign(logits.begin(), logits.end());
  }
  return token;
}

Inspection inspect(const Gpt& model, const std::vector<int32_t>& ids, int64_t position, double temperature) {
  check<ValueError>(position >= 0 && position < static_cast<int64_t>(ids.size()), "inspect: position ", position,
                    " is outside the ", ids.size(), " tokens");
  KvCache cache(model);
  Inspection result;
  result.window_start = std::max<int64_t>(0, position - (cache.context_length() - 2));
  std::span<const float> logits = cache.step(kStartToken);
  for (int64_t i = result.window_start; i <= position; ++i) logits = cache.step(ids[size_t(i)]);
  result.window_length = cache.length();
  cache.attention(result.attention);
  softmax_with_temperature(logits, temperature, result.probs);
  return result;
}

}  // namespace mlplay::gpt
