// MiniGpt, the lesson's object: training on a learner's text, streaming text, prompt cutting.
#include <catch2/catch.hpp>
#include <string>

#include "mlplay/gpt/session.h"

using namespace mlplay;
using namespace mlplay::gpt;

namespace {

std::string practice_text() {
  std::string text;
  const char* lines[] = {"The cat sat on the mat. ", "The dog sat on the log. ", "A bird sang in the tree. ",
                         "The sun rose over the hill. "};
  for (int i = 0; i < 120; ++i) text += lines[(i * 7 + i / 3) % 4];
  return text;
}

}  // namespace

TEST_CASE("MiniGpt: too little text says how much is needed", "[gpt]") {
  MiniGpt m;
  GptTrainOptions options;
  const TrainingStart start = m.start_training("far too short", "tiny", options);
  CHECK_FALSE(start.ok);
  CHECK(start.needed_chars == kMinTrainChars);
  CHECK(start.given_chars == 13);
  CHECK_THAT(start.message, Catch::Contains("2000"));
  CHECK_FALSE(m.loaded());
  CHECK_THROWS(m.start_training(practice_text(), "huge", options));
}

TEST_CASE("MiniGpt: a short in-tab run lowers the loss, then samples and saves", "[gpt]") {
  MiniGpt m;
  GptTrainOptions options;
  options.steps = 60, options.batch = 8, options.lr = 3e-3, options.warmup = 5, options.seed = 2;
  int merges_reported = 0;
  const TrainingStart start = m.start_training(practice_text(), "tiny", options, [&](int32_t, int32_t) { ++merges_reported; });
  REQUIRE(start.ok);
  CHECK(merges_reported > 0);
  const double before = m.validation_loss();
  const double first = m.train_steps(10);
  m.train_steps(50);
  CHECK(m.training_step() == 60);
  CHECK(m.train_steps(5) == 0.0);  // the run is over
  const double after = m.validation_loss();
  CHECK(after < before - 1.0);
  CHECK(first > 0);
  m.finish_training(after);
  CHECK(m.bundle().record.steps == 60);

  // Streaming: the texts of the tokens add up to the decoded sample (invalid bytes shown as U+FFFD).
  SampleOptions sampling;
  sampling.temperature = 0.8;
  m.begin_generation("The cat", sampling, 5);
  std::string streamed;
  for (int i = 0; i < 40; ++i) {
    const StreamedToken t = m.next_token(true);
    CHECK(!t.attention.empty());
    streamed += t.text;
  }
  const std::string decoded = sanitize_utf8(m.bundle().tokenizer.decode(m.sampled_ids()));
  CHECK(decoded.compare(0, streamed.size(), streamed) == 0);
  CHECK(decoded.size() - streamed.size() <= 3);  // at most one held-back, incomplete character
  CHECK(m.bundle().tokenizer.decode(m.prompt_ids()) == "The cat");

  const std::vector<uint8_t> bytes = m.save();
  MiniGpt copy;
  copy.load(bytes.data(), bytes.size());
  CHECK(copy.bundle().record.val_loss == Approx(after).epsilon(1e-5));
  copy.begin_generation("The cat", sampling, 5);
  std::string again;
  for (int i = 0; i < 40; ++i) again += copy.next_token(false).text;
  CHECK(again == streamed);
}

TEST_CASE("MiniGpt: a prompt longer than the context is cut to its last tokens", "[gpt]") {
  MiniGpt m;
  GptTrainOptions options;
  options.steps = 1;
  REQUIRE(m.start_training(practice_text(), "tiny", options).ok);
  std::string prompt;
  for (int i = 0; i < 60; ++i) prompt += "The sun rose over the hill. ";
  const int64_t dropped = m.begin_generation(prompt, SampleOptions{}, 1);
  CHECK(dropped > 0);
  CHECK(int64_t(m.prompt_ids().size()) == gpt_size_preset("tiny").context_length - 1);
  m.begin_generation("", SampleOptions{}, 1);  // an empty prompt samples from the start token
  CHECK(m.prompt_ids().empty());
  m.next_token(false);
  CHECK(m.sampled_ids().size() == 1);
}
