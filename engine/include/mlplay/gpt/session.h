#pragma once
/// MiniGpt: what the minigpt lesson does with one model, in one object the worker can hold — load and
/// save a model file, show how text splits into tokens, stream sampled tokens (with the text each adds
/// and what the model attended to), inspect any position, and train a fresh model (tokenizer first) on
/// the learner's own text a few steps at a time.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/gpt/checkpoint.h"
#include "mlplay/gpt/sampler.h"
#include "mlplay/gpt/trainer.h"

namespace mlplay::gpt {

/// Fewest characters (bytes of UTF-8) of text MiniGpt::start_training accepts.
inline constexpr int64_t kMinTrainChars = 2000;
/// Fraction of the learner's text held out for validation (its end).
inline constexpr double kTrainValFraction = 0.1;

/// The in-tab model sizes: "tiny" (2 layers, 2 heads, dim 64, context 64, 512 tokens) and "small"
/// (3 layers, 4 heads, dim 96, context 64, 768 tokens). Throws ValueError for another name.
GptConfig gpt_size_preset(std::string_view name);

/// One sampled token as the lesson streams it.
struct StreamedToken {
  SampledToken sampled;
  std::string token;  // the token's bytes as display text
  std::string text;   // bytes added to the output, partial UTF-8 characters held back until complete
  std::vector<float> attention;
};

struct TrainingStart {
  bool ok = false;
  std::string message;
  int64_t needed_chars = kMinTrainChars;
  int64_t given_chars = 0;
};

class MiniGpt {
 public:
  bool loaded() const { return bundle_.model.ptr() != nullptr; }
  const GptBundle& bundle() const;
  /// Increases whenever the weights change (load, training).
  int64_t version() const { return version_; }

  void load(const uint8_t* data, size_t size);
  std::vector<uint8_t> save() const;

  /// Starts sampling after `prompt`; returns the prompt tokens dropped to fit the window.
  int64_t begin_generation(std::string_view prompt, const SampleOptions& options, uint64_t seed);
  StreamedToken next_token(bool with_attention);
  /// Prompt tokens kept (after begin_generation) and every id sampled since.
  std::vector<int32_t> prompt_ids() const;
  std::vector<int32_t> sampled_ids() const;

  /// Checks the text is long enough, learns a tokenizer from its first 90% and builds a fresh model
  /// of `size`; train_steps() then advances it. `on_merge` reports tokenizer progress.
  TrainingStart start_training(std::string_view text, std::string_view size, const GptTrainOptions& options,
                               const std::function<void(int32_t, int32_t)>& on_merge = {});
  /// Runs up to `steps` steps (not past options.steps); returns their mean loss.
  double train_steps(int64_t steps);
  double validation_loss();
  bool training() const { return trainer_ != nullptr; }
  int64_t training_step() const;
  double training_lr() const;
  int64_t tokens_per_step() const;
  /// Ends the run, recording steps and the validation loss in the model's record.
  void finish_training(double val_loss);

 private:
  GptBundle bundle_;
  int64_t version_ = 0;
  std::unique_ptr<GptSampler> sampler_;
  std::string pending_;  // bytes of a character not complete yet
  std::unique_ptr<GptTrainer> trainer_;
};

}  // namespace mlplay::gpt
