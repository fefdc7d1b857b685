#pragma once
/// A SpecModel with an optimizer and a loss: the training loop a lesson drives one batch at a time,
/// written out as zero_grad → forward → loss → backward → step (STYLE.md 3).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <optional>

#include "mlplay/optim/optimizer.h"
#include "mlplay/train/inference_plan.h"
#include "mlplay/train/model_spec.h"

namespace mlplay::train {

/// How to train: optimizer name ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw",
/// "lion"), its learning rate and weight decay, and the loss ("cross_entropy" with class-index
/// targets (N,) or class probabilities (N, classes), or "mse" with targets shaped like the output).
struct TrainerOptions {
  std::string optimizer = "adam";
  double lr = 1e-3;
  double weight_decay = 0.0;
  std::string loss = "cross_entropy";
};

class Trainer {
 public:
  Trainer(SpecModel model, TrainerOptions options);

  /// One step on a batch; returns the loss before the step. Throws ValueError naming the problem
  /// when shapes or targets do not fit, and when the loss is not finite (training diverged).
  float train_batch(const Tensor& inputs, const Tensor& targets);
  /// Loss on a batch without training (eval mode, no graph).
  float evaluate(const Tensor& inputs, const Tensor& targets);
  /// Model output for a batch (eval mode, no graph).
  Tensor predict(const Tensor& inputs);
  /// One sample (input_shape floats) → the model's output for it, through an InferencePlan (batch
  /// norm folded, layers fused, no allocation: inference_plan.h) when every layer has a fast path,
  /// else through predict(). The plan is rebuilt when the weights may have changed: after a training
  /// step, load(), or any use of the non-const model(). The pointer is valid until the next call.
  const float* predict_one(const float* input);
  /// The plan predict_one runs (compiled now if the weights may have changed), or null when a layer
  /// has no fast path; for profiling it step by step.
  InferencePlan* inference_plan();
  /// Every layer's output for a batch (eval mode, no graph).
  std::vector<Tensor> activations(const Tensor& inputs);

  void set_lr(double lr);
  double lr() const;
  /// The optimizer, for a learning-rate scheduler (optim/schedulers) to drive.
  optim::Optimizer& optimizer() { return *optimizer_; }
  SpecModel& model() {
    plan_stale_ = true;  // the caller may change the weights
    return model_;
  }
  const SpecModel& model() const { return model_; }
  const TrainerOptions& options() const { return options_; }

  /// The model's state_dict as safetensors bytes (PyTorch names), and back.
  std::vector<uint8_t> save() const;
  void load(const std::vector<uint8_t>& bytes);

 private:
  Tensor loss_of(const Tensor& output, const Tensor& targets) const;
  void check_inputs(const char* what, const Tensor& inputs) const;

  SpecModel model_;
  TrainerOptions options_;
  std::unique_ptr<optim::Optimizer> optimizer_;
  std::optional<InferencePlan> plan_;
  bool plan_stale_ = true;
  bool plan_unsupported_ = false;
  std::vector<float> fallback_output_;
};

}  // namespace mlplay::train
