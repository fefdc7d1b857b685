// Resuming GPT training from a checkpoint and its optimizer state goes on exactly as an uninterrupted
// run: the same weights, bit for bit, after the same number of steps.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/gpt/checkpoint.h"
#include "mlplay/gpt/trainer.h"

using namespace mlplay;
using namespace mlplay::gpt;

namespace {

GptConfig tiny_config() {
  GptConfig c;
  c.vocab_size = 257 + 4, c.context_length = 8, c.layers = 1, c.heads = 2, c.dim = 8;
  return c;
}

std::vector<int32_t> pattern_ids() {
  std::vector<int32_t> ids;
  for (int i = 0; i < 200; ++i) ids.push_back(int32_t("the cat sat. "[i % 13]));
  return ids;
}

GptTrainOptions tiny_options() {
  GptTrainOptions o;
  o.steps = 12, o.batch = 3, o.lr = 1e-2, o.warmup = 3;
  return o;
}

std::vector<std::vector<float>> weights(GptTrainer& trainer) {
  std::vector<std::vector<float>> out;
  for (const Tensor& p : trainer.model()->parameters()) out.push_back(p.to_vector());
  return out;
}

}  // namespace

TEST_CASE("GptTrainer: resuming from a checkpoint and its optimizer state equals an uninterrupted run", "[gpt]") {
  const std::vector<int32_t> ids = pattern_ids();
  GptTrainer whole(Gpt(tiny_config(), 1), tiny_options(), ids, ids);
  for (int s = 0; s < 12; ++s) whole.train_step();

  GptTrainer first(Gpt(tiny_config(), 1), tiny_options(), ids, ids);
  for (int s = 0; s < 5; ++s) first.train_step();
  GptRecord record;
  record.steps = first.step();
  const std::vector<uint8_t> checkpoint = save_gpt(first.model(), BpeTokenizer::from_merges({{'t', 'h'}, {257, 'e'}, {'c', 'a'}, {'s', 'a'}}), record);
  const std::vector<uint8_t> state = first.optimizer_state();

  // A new process: the model from the checkpoint, a fresh trainer, then the optimizer state.
  const GptBundle bundle = load_gpt(checkpoint.data(), checkpoint.size());
  GptTrainer second(bundle.model, tiny_options(), ids, ids);
  CHECK_THROWS_WITH(second.resume_from(4, state.data(), state.size()),
                    "GptTrainer::resume_from: the optimizer state is of step 5, the checkpoint of step 4");
  second.resume_from(bundle.record.steps, state.data(), state.size());
  CHECK(second.step() == 5);
  CHECK(second.lr() == gpt_learning_rate(tiny_options(), 5));  // no re-warm
  for (int s = 5; s < 12; ++s) second.train_step();
  CHECK(weights(second) == weights(whole));

  // Without the optimizer state (an older checkpoint) the moments restart: the run differs.
  GptTrainer restarted(load_gpt(checkpoint.data(), checkpoint.size()).model, tiny_options(), ids, ids);
  restarted.resume_at(5);
  for (int s = 5; s < 12; ++s) restarted.train_step();
  CHECK(weights(restarted) != weights(whole));
}

TEST_CASE("GptTrainer: an optimizer state from another model is refused, naming the mismatch", "[gpt]") {
  const std::vector<int32_t> ids = pattern_ids();
  GptTrainer small(Gpt(tiny_config(), 1), tiny_options(), ids, ids);
  small.train_step();
  GptConfig wider = tiny_config();
  wider.dim = 12;
  GptTrainer other(Gpt(wider, 1), tiny_options(), ids, ids);
  const std::vector<uint8_t> state = small.optimizer_state();
  CHECK_THROWS_WITH(other.resume_from(1, state.data(), state.size()), Catch::Contains("GptTrainer::resume_from: state.0.exp_avg has shape"));
  CHECK(other.step() == 0);  // unchanged
  std::vector<uint8_t> plain;
  save_safetensors(plain, TensorDict{});
  CHECK_THROWS_AS(other.resume_from(1, plain.data(), plain.size()), ValueError);
  CHECK(optimizer_state_path("build/ckpt.safetensors") == "build/ckpt.optimizer.safetensors");
  CHECK(optimizer_state_path("ckpt") == "ckpt.optimizer.safetensors");
}
