// The GPT: gradients of attention and a block, causality, KV-cache logits vs the full forward pass,
// sampling rules, the learning-rate schedule, training, and the model file.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/gpt/checkpoint.h"
#include "mlplay/gpt/model.h"
#include "mlplay/gpt/sampler.h"
#include "mlplay/gpt/trainer.h"
#include "mlplay/tensor/factory.h"
#include "support/gradcheck.h"

using namespace mlplay;
using namespace mlplay::gpt;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using Inputs = std::vector<Tensor>;

namespace {

GptConfig small_config(int64_t context = 16) {
  GptConfig c;
  c.vocab_size = 300, c.context_length = context, c.layers = 2, c.heads = 2, c.dim = 16;
  return c;
}

/// A model with weights larger than GPT-2's init, so attention is far from uniform.
Gpt random_model(const GptConfig& config, uint64_t seed) {
  Gpt model(config, seed);
  NoGradGuard no_grad;
  Generator gen(seed + 100);
  for (Tensor p : model->parameters()) p.copy_(randn(p.shape(), gen) * 0.3);
  return model;
}

Tensor ids_tensor(const std::vector<int32_t>& ids) {
  std::vector<float> v(ids.begin(), ids.end());
  return from_vector(v, {1, static_cast<int64_t>(ids.size())});
}

}  // namespace

TEST_CASE("CausalSelfAttention: gradcheck through the input and every parameter", "[gpt]") {
  GptConfig config = small_config();
  config.dim = 8;
  CausalSelfAttention attn(config);
  Inputs inputs = {leaf({2, 3, 8}, 1, 0.5)};
  for (Tensor p : attn->parameters()) {
    NoGradGuard no_grad;
    Generator gen(p.numel());
    p.copy_(randn(p.shape(), gen) * 0.4);
  }
  for (const Tensor& p : attn->parameters()) inputs.push_back(p);
  CHECK(gradcheck([&](const Inputs& v) { return attn->forward(v[0]); }, inputs));
}

TEST_CASE("Block: gradcheck through LayerNorm, attention, GELU MLP and the residuals", "[gpt]") {
  GptConfig config = small_config();
  config.dim = 8;
  Block block(config);
  for (Tensor p : block->parameters()) {
    NoGradGuard no_grad;
    Generator gen(p.numel() + 3);
    p.copy_(randn(p.shape(), gen) * 0.4 + (p.dim() == 1 ? 0.5 : 0.0));
  }
  Inputs inputs = {leaf({1, 4, 8}, 2)};
  for (const Tensor& p : block->parameters()) inputs.push_back(p);
  CHECK(gradcheck([&](const Inputs& v) { return block->forward(v[0]); }, inputs));
}

TEST_CASE("Gpt: parameter names and count, and a later token never changes earlier logits", "[gpt]") {
  const GptConfig config = small_config();
  Gpt model = random_model(config, 3);
  int64_t count = 0;
  for (const Tensor& p : model->parameters()) count += p.numel();
  CHECK(count == config.parameter_count());
  CHECK(model->named_parameters().contains("h.1.attn.c_attn.weight"));
  CHECK(model->named_parameters().contains("h.0.mlp.c_proj.bias"));
  NoGradGuard no_grad;
  const Tensor a = model->forward(ids_tensor({256, 5, 17, 99, 42}));
  const Tensor b = model->forward(ids_tensor({256, 5, 17, 99, 7}));
  for (int64_t t = 0; t < 4; ++t)
    for (int64_t v = 0; v < config.vocab_size; v += 7) CHECK(a.at({0, t, v}) == b.at({0, t, v}));
  CHECK(a.at({0, 4, 0}) != b.at({0, 4, 0}));
  CHECK_THROWS_AS(model->forward(ids_tensor(std::vector<int32_t>(17, 1))), ValueError);  // past the context
}

TEST_CASE("KvCache: logits at every position equal the full forward pass", "[gpt]") {
  const GptConfig config = small_config();
  Gpt model = random_model(config, 5);
  std::vector<int32_t> ids = {kStartToken};
  Generator gen(11);
  for (int i = 0; i < 15; ++i) ids.push_back(static_cast<int32_t>(gen.randint(300)));
  NoGradGuard no_grad;
  const Tensor full = model->forward(ids_tensor(ids));
  KvCache cache(model);
  double worst = 0;
  for (size_t t = 0; t < ids.size(); ++t) {
    const std::span<const float> logits = cache.step(ids[t]);
    for (int64_t v = 0; v < config.vocab_size; ++v)
      worst = std::max(worst, double(std::fabs(logits[size_t(v)] - full.at({0, int64_t(t), v}))));
  }
  CHECK(worst < 1e-4);
  // Each head's attention over the 16 cached positions sums to 1.
  std::vector<float> attention;
  cache.attention(attention);
  REQUIRE(attention.size() == size_t(config.layers * config.heads * 16));
  for (int64_t row = 0; row < config.layers * config.heads; ++row) {
    double sum = 0;
    for (int64_t j = 0; j < 16; ++j) sum += attention[size_t(row * 16 + j)];
    CHECK(sum == Approx(1.0).epsilon(1e-5));
  }
  CHECK_THROWS_AS(cache.step(1), ValueError);  // full
}

TEST_CASE("GptSampler: same seed same tokens, and the window slides past the context", "[gpt]") {
  const GptConfig config = small_config(8);
  Gpt model = random_model(config, 9);
  SampleOptions options;
  options.temperature = 1.0;
  GptSampler a(model, options, 42), b(model, options, 42), c(model, options, 43);
  CHECK(a.begin({1, 2, 3}) == 0);
  b.begin({1, 2, 3});
  c.begin({1, 2, 3});
  std::vector<int32_t> ta, tb, tc;
  for (int i = 0; i < 30; ++i) {
    std::vector<float> attention;
    const SampledToken s = a.next(&attention);
    CHECK(s.window_length <= config.context_length);
    CHECK(attention.size() == size_t(config.layers * config.heads * s.window_length));
    ta.push_back(s.id);
    tb.push_back(b.next().id);
    tc.push_back(c.next().id);
  }
  CHECK(ta == tb);
  CHECK(ta != tc);
  // The next token's distribution is the full forward pass over the window it reports.
  const SampledToken s = a.next();
  const auto& seq = a.sequence();
  std::vector<int32_t> window = {kStartToken};
  window.insert(window.end(), seq.begin() + s.window_start, seq.end() - 1);
  REQUIRE(int64_t(window.size()) == s.window_length);
  NoGradGuard no_grad;
  const Tensor logits = model->forward(ids_tensor(window));
  std::vector<float> last(size_t(config.vocab_size)), probs;
  for (int64_t v = 0; v < config.vocab_size; ++v) last[size_t(v)] = logits.at({0, s.window_length - 1, v});
  softmax_with_temperature(last, 1.0, probs);
  CHECK(s.prob == Approx(probs[size_t(s.id)]).epsilon(1e-4));
  // A prompt longer than the window keeps its last context_length - 1 tokens.
  GptSampler d(model, options, 1);
  CHECK(d.begin(std::vector<int32_t>(20, 5)) == 20 - 7);
  CHECK(d.prompt_length() == 7);
}

TEST_CASE("sample_token: greedy, top-k, top-p and the drawn frequencies", "[gpt]") {
  const std::vector<float> probs = {0.1f, 0.5f, 0.05f, 0.3f, 0.05f};
  std::vector<int32_t> scratch;
  Generator gen(1);
  SampleOptions greedy;
  greedy.temperature = 0;
  CHECK(sample_token(probs, greedy, gen, scratch) == 1);
  SampleOptions top1;
  top1.top_k = 1;
  CHECK(sample_token(probs, top1, gen, scratch) == 1);
  SampleOptions top2;
  top2.top_k = 2;
  SampleOptions nucleus;
  nucleus.top_p = 0.75;  // {1, 3} reach 0.8 ≥ 0.75
  std::vector<int> counts(5, 0), nucleus_counts(5, 0), plain(5, 0);
  for (int i = 0; i < 20000; ++i) {
    ++counts[size_t(sample_token(probs, top2, gen, scratch))];
    ++nucleus_counts[size_t(sample_token(probs, nucleus, gen, scratch))];
    ++plain[size_t(sample_token(probs, SampleOptions{}, gen, scratch))];
  }
  CHECK(counts[0] + counts[2] + counts[4] == 0);
  CHECK(double(counts[1]) / 20000 == Approx(0.5 / 0.8).margin(0.02));
  CHECK(nucleus_counts[0] + nucleus_counts[2] + nucleus_counts[4] == 0);
  for (size_t k = 0; k < 5; ++k) CHECK(double(plain[k]) / 20000 == Approx(probs[k]).margin(0.015));
  const TopTokens top = top_tokens(probs);
  CHECK(top.count == 5);
  CHECK(top.ids[0] == 1);
  CHECK(top.ids[1] == 3);
  CHECK(top.ids[2] == 0);
}

TEST_CASE("softmax_with_temperature: lower temperature sharpens", "[gpt]") {
  const std::vector<float> logits = {1.0f, 2.0f, 3.0f};
  std::vector<float> hot, cold;
  softmax_with_temperature(logits, 2.0, hot);
  softmax_with_temperature(logits, 0.5, cold);
  CHECK(cold[2] > hot[2]);
  CHECK(hot[0] + hot[1] + hot[2] == Approx(1.0));
  CHECK(cold[2] == Approx(std::exp(6.0) / (std::exp(2.0) + std::exp(4.0) + std::exp(6.0))).epsilon(1e-5));
}

TEST_CASE("gpt_learning_rate: linear warmup, then cosine down to min_lr_ratio", "[gpt]") {
  GptTrainOptions o;
  o.steps = 1000, o.warmup = 100, o.lr = 1e-3, o.min_lr_ratio = 0.1;
  CHECK(gpt_learning_rate(o, 0) == Approx(1e-5));
  CHECK(gpt_learning_rate(o, 99) == Approx(1e-3));
  CHECK(gpt_learning_rate(o, 100) == Approx(1e-3));
  CHECK(gpt_learning_rate(o, 550) == Approx(0.55e-3));  // halfway down the cosine
  CHECK(gpt_learning_rate(o, 1000) == Approx(1e-4));
}

TEST_CASE("GptTrainer: resuming re-warms the learning rate while Adam's moments refill", "[gpt]") {
  GptTrainOptions o;
  o.steps = 1000, o.warmup = 100, o.lr = 1e-3, o.batch = 2;
  std::vector<int32_t> ids(300, 'a');
  GptTrainer trainer(Gpt(small_config(), 1), o, ids, ids);
  CHECK(trainer.lr() == Approx(gpt_learning_rate(o, 0)));
  trainer.resume_at(500, 20);
  CHECK(trainer.step() == 500);
  CHECK(trainer.lr() == Approx(gpt_learning_rate(o, 500) / 21));
  for (int i = 0; i < 20; ++i) trainer.train_step();
  CHECK(trainer.lr() == Approx(gpt_learning_rate(o, 520)));
}

TEST_CASE("GptTrainer: the loss falls on a repeated pattern and save_gpt / load_gpt round trip", "[gpt]") {
  GptConfig config = small_config();
  config.vocab_size = 257 + 8;
  std::vector<int32_t> ids;
  for (int i = 0; i < 400; ++i) ids.push_back(int32_t("the cat sat. "[i % 13]));
  GptTrainOptions options;
  options.steps = 120, options.batch = 8, options.lr = 1e-2, options.warmup = 10;
  GptTrainer trainer(Gpt(config, 1), options, ids, ids);
  const double before = trainer.evaluate();
  for (int s = 0; s < 120; ++s) trainer.train_step();
  const double after = trainer.evaluate();
  CHECK(before > 4.0);  // about log(265) at the start
  CHECK(after < 0.5);   // the pattern is learned

  BpeTokenizer tokenizer = BpeTokenizer::from_merges({{'t', 'h'}, {257, 'e'}, {'c', 'a'}, {'s', 'a'}, {' ', 258},
                                                      {' ', 259}, {' ', 260}, {'a', 't'}});
  GptRecord record;
  record.steps = 120, record.val_loss = after, record.corpus = "test";
  const std::vector<uint8_t> bytes = save_gpt(trainer.model(), tokenizer, record);
  const GptBundle loaded = load_gpt(bytes.data(), bytes.size());
  CHECK(loaded.model->config == config);
  CHECK(loaded.record.steps == 120);
  CHECK(loaded.record.val_loss == Approx(after).epsilon(1e-5));
  CHECK(loaded.tokenizer.merges() == tokenizer.merges());
  NoGradGuard no_grad;
  const Tensor x = ids_tensor({256, 't', 'h'});
  CHECK(loaded.model->forward(x).at({0, 2, 5}) == trainer.model()->forward(x).at({0, 2, 5}));
  std::vector<uint8_t> broken(bytes.begin(), bytes.begin() + 40);
  CHECK_THROWS(load_gpt(broken.data(), broken.size()));
}
