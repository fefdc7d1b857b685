#pragma once
/// Training a Gpt on a token stream, as nanoGPT does: random windows, AdamW (weight decay on the
/// matrices only: Loshchilov & Hutter 2019), a linear warmup then cosine decay of the learning rate,
/// gradient-norm clipping, and a validation loss on fixed windows of held-out text. The loop is
/// written out in train_step(): zero_grad → forward → loss → backward → clip → step.
#include <cstdint>
#include <memory>
#include <vector>

#include "mlplay/gpt/model.h"
#include "mlplay/optim/adamw.h"

namespace mlplay::gpt {

struct GptTrainOptions {
  int64_t steps = 2000;      // optimizer steps in the whole run (the schedule's length)
  int64_t batch = 16;        // windows per step
  double lr = 2e-3;          // peak learning rate
  double min_lr_ratio = 0.1; // the cosine ends at lr * min_lr_ratio
  int64_t warmup = 100;      // steps of linear warmup
  double weight_decay = 0.1; // on 2-D weights only
  double grad_clip = 1.0;    // max global gradient norm (0 = off)
  uint64_t seed = 1;         // the windows drawn at step s depend only on (seed, s): resumable
  /// Throws ValueError naming the bad field.
  void validate() const;
};

/// Learning rate at 0-based `step`: lr (step + 1) / warmup during warmup, then a cosine from lr down to
/// lr * min_lr_ratio at the last step.
double gpt_learning_rate(const GptTrainOptions& options, int64_t step);

/// Mean cross-entropy (nats per token) of `model` on up to max_windows non-overlapping windows of
/// `window` tokens spread over ids (each window begins with the start token), without a graph.
double gpt_validation_loss(Gpt& model, const std::vector<int32_t>& ids, int64_t window, int64_t max_windows = 48);

class GptTrainer {
 public:
  /// train and val are token ids (without start tokens); each needs at least 2 tokens.
  GptTrainer(Gpt model, GptTrainOptions options, std::vector<int32_t> train, std::vector<int32_t> val);

  /// One optimizer step on a fresh batch; returns its loss (before the step). Throws ValueError when
  /// the loss is not finite (training diverged).
  float train_step();
  /// Mean loss (nats per token) on up to max_windows non-overlapping validation windows (no graph).
  double evaluate(int64_t max_windows = 48);
  /// Steps done (the next train_step uses schedule step `step()`).
  int64_t step() const { return step_; }
  /// Continues a run at `step` (after loading its checkpoint's weights) when its optimizer state is lost
  /// (an older checkpoint): the moments start afresh, and Adam's first updates are about lr * sign(g) for
  /// every weight, so the learning rate re-warms linearly over `rewarm` steps.
  void resume_at(int64_t step, int64_t rewarm = 20);
  /// Both AdamW optimizers' state_dict()s (under "decay." and "no_decay.") and the step, as safetensors
  /// bytes to keep beside a checkpoint (see gpt/checkpoint.h).
  std::vector<uint8_t> optimizer_state() const;
  /// Continues a run at `step` exactly where optimizer_state() was taken (after loading that checkpoint's
  /// weights): the moments, step counts and schedule go on as if training had never stopped. Throws
  /// ValueError, changing nothing, when the state was taken at another step or does not fit this model.
  void resume_from(int64_t step, const uint8_t* data, size_t size);
  /// The learning rate of the next step.
  double lr() const;
  /// Tokens of training windows per step.
  int64_t tokens_per_step() const { return options_.batch * window_; }
  Gpt& model() { return model_; }
  const GptTrainOptions& options() const { return options_; }

 private:
  Gpt model_;
  GptTrainOptions options_;
  std::vector<int32_t> train_, val_;
  int64_t window_;  // T: min(context_length, shortest stream length)
  std::unique_ptr<optim::AdamW> decay_, no_decay_;
  int64_t step_ = 0;
  int64_t resumed_at_ = 0, rewarm_ = 0;
  std::vector<float> input_, target_;
};

}  // namespace mlplay::gpt
