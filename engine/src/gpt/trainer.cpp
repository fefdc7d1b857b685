// The GPT training loop: batches of random windows, AdamW in two groups, warmup + cosine, clipping.
#include "mlplay/gpt/trainer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/gpt/tokenizer.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/optim/clip_grad.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::gpt {

void GptTrainOptions::validate() const {
  check<ValueError>(steps >= 1, "GptTrainOptions: steps must be at least 1, got ", steps);
  check<ValueError>(batch >= 1, "GptTrainOptions: batch must be at least 1, got ", batch);
  check<ValueError>(lr > 0 && std::isfinite(lr), "GptTrainOptions: invalid learning rate: ", lr);
  check<ValueError>(min_lr_ratio >= 0 && min_lr_ratio <= 1, "GptTrainOptions: min_lr_ratio must be in [0, 1], got ",
                    min_lr_ratio);
  check<ValueError>(warmup >= 0, "GptTrainOptions: warmup must be ≥ 0, got ", warmup);
  check<ValueError>(weight_decay >= 0, "GptTrainOptions: invalid weight_decay: ", weight_decay);
  check<ValueError>(grad_clip >= 0, "GptTrainOptions: invalid grad_clip: ", grad_clip);
}

namespace {

/// A window as model input (start token, then T - 1 tokens) and targets (the T tokens from begin):
/// input: start, t[b], ..., t[b + T - 2]; target: t[b], ..., t[b + T - 1].
void make_window(const std::vector<int32_t>& ids, int64_t begin, int64_t T, float* input, float* target) {
  input[0] = static_cast<float>(kStartToken);
  for (int64_t t = 0; t < T; ++t) {
    if (t + 1 < T) input[t + 1] = static_cast<float>(ids[size_t(begin + t)]);
    target[t] = static_cast<float>(ids[size_t(begin + t)]);
  }
}

}  // namespace

double gpt_learning_rate(const GptTrainOptions& o, int64_t step) {
  if (step < o.warmup) return o.lr * double(step + 1) / double(o.warmup);
  const int64_t decay_steps = std::max<int64_t>(1, o.steps - o.warmup);
  const double progress = std::clamp(double(step - o.warmup) / double(decay_steps), 0.0, 1.0);
  const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * progress));  // 1 -> 0
  return o.lr * (o.min_lr_ratio + (1.0 - o.min_lr_ratio) * cosine);
}

GptTrainer::GptTrainer(Gpt model, GptTrainOptions options, std::vector<int32_t> train, std::vector<int32_t> val)
    : model_(std::move(model)), options_(options), train_(std::move(train)), val_(std::move(val)) {
  options_.validate();
  check<ValueError>(train_.size() >= 2 && val_.size() >= 2, "GptTrainer: training and validation text need at least 2 "
                    "tokens each, got ", train_.size(), " and ", val_.size());
  window_ = std::min<int64_t>({model_->config.context_length, static_cast<int64_t>(train_.size()) - 1,
                               static_cast<int64_t>(val_.size()) - 1});
  // Weight decay on matrices and embeddings (dim ≥ 2), none on biases and LayerNorm gains (nanoGPT).
  std::vector<Tensor> decayed, plain;
  for (const Tensor& p : model_->parameters()) (p.dim() >= 2 ? decayed : plain).push_back(p);
  optim::AdamWOptions decay_options(options_.lr);
  decay_options.betas(std::make_tuple(0.9, 0.95)).weight_decay(options_.weight_decay);
  optim::AdamWOptions plain_options(options_.lr);
  plain_options.betas(std::make_tuple(0.9, 0.95)).weight_decay(0.0);
  decay_ = std::make_unique<optim::AdamW>(decayed, decay_options);
  no_decay_ = std::make_unique<optim::AdamW>(plain, plain_options);
  input_.resize(size_t(options_.batch * window_));
  target_.resize(input_.size());
}


float GptTrainer::train_step() {
  const int64_t B = options_.batch, T = window_;
  Generator gen(stream_key(options_.seed, static_cast<uint64_t>(step_)));
  const auto starts = static_cast<uint32_t>(static_cast<int64_t>(train_.size()) - T + 1);
  for (int64_t b = 0; b < B; ++b) make_window(train_, gen.randint(starts), T, &input_[size_t(b * T)], &target_[size_t(b * T)]);
  decay_->set_lr(lr());
  no_decay_->set_lr(lr());

  decay_->zero_grad();
  no_decay_->zero_grad();
  const Tensor loss = model_->loss(from_blob(input_.data(), {B, T}), from_blob(target_.data(), {B, T}));
  const float value = loss.item();
  check<ValueError>(std::isfinite(value), "GptTrainer: the loss is ", value, " at step ", step_ + 1,
                    " (training diverged; try a smaller learning rate)");
  loss.backward();
  if (options_.grad_clip > 0) nn::utils::clip_grad_norm_(model_->parameters(), options_.grad_clip);
  decay_->step();
  no_decay_->step();
  ++step_;
  return value;
}

void GptTrainer::resume_at(int64_t step, int64_t rewarm) {
  check<ValueError>(step >= 0 && rewarm >= 0, "GptTrainer::resume_at: step and rewarm must be ≥ 0, got ", step, " and ", rewarm);
  step_ = resumed_at_ = step;
  rewarm_ = rewarm;
}

std::vector<uint8_t> GptTrainer::optimizer_state() const {
  TensorDict tensors;
  SafetensorsMetadata metadata{{"format", "mlplay-gpt-optimizer"}, {"step", std::to_string(step_)}};
  optim::write_optimizer_state(decay_->state_dict(), tensors, metadata, "decay.");
  optim::write_optimizer_state(no_decay_->state_dict(), tensors, metadata, "no_decay.");
  std::vector<uint8_t> out;
  save_safetensors(out, tensors, metadata);
  return out;
}

void GptTrainer::resume_from(int64_t step, const uint8_t* data, size_t size) {
  SafetensorsMetadata metadata;
  const TensorDict tensors = load_safetensors(data, size, &metadata);
  const auto saved = metadata.find("step");
  check<ValueError>(saved != metadata.end() && optim::has_optimizer_state(metadata, "decay.") &&
                        optim::has_optimizer_state(metadata, "no_decay."),
                    "GptTrainer::resume_from: not a GPT optimizer state (no step or optimizer in the metadata)");
  check<ValueError>(saved->second == std::to_string(step), "GptTrainer::resume_from: the optimizer state is of step ",
                    saved->second, ", the checkpoint of step ", step);
  const optim::OptimizerState decay = optim::read_optimizer_state(tensors, metadata, "decay.");
  const optim::OptimizerState no_decay = optim::read_optimizer_state(tensors, metadata, "no_decay.");
  // Both checked before either loads, so a mismatch leaves the trainer as it was.
  for (const auto& [optimizer, state] : {std::pair{decay_.get(), &decay}, std::pair{no_decay_.get(), &no_decay}}) {
    const auto& params = optimizer->parameters();
    check<ValueError>(state->state.size() == params.size(), "GptTrainer::resume_from: the optimizer state has ",
                      state->state.size(), " parameters, the model ", params.size());
    for (size_t k = 0; k < params.size(); ++k) {
      for (const auto& [name, t] : state->state[k].tensors) {
        check<ValueError>(t.shape() == params[k].shape(), "GptTrainer::resume_from: state.", k, ".", name, " has shape ",
                          shape_str(t.shape()), " but parameter ", k, " has shape ", shape_str(params[k].shape()));
      }
    }
  }
  decay_->load_state_dict(decay);
  no_decay_->load_state_dict(no_decay);
  step_ = resumed_at_ = step;
  rewarm_ = 0;
}

double GptTrainer::lr() const {
  const double scheduled = gpt_learning_rate(options_, step_);
  const int64_t since = step_ - resumed_at_;
  return since < rewarm_ ? scheduled * double(since + 1) / double(rewarm_ + 1) : scheduled;
}

double GptTrainer::evaluate(int64_t max_windows) { return gpt_validation_loss(model_, val_, window_, max_windows); }

double gpt_validation_loss(Gpt& model, const std::vector<int32_t>& ids, int64_t window, int64_t max_windows) {
  NoGradGuard no_grad;
  const int64_t T = std::min<int64_t>({window, model->config.context_length, static_cast<int64_t>(ids.size())});
  check<ValueError>(T >= 1, "gpt_validation_loss: no tokens to score");
  const int64_t available = static_cast<int64_t>(ids.size()) / T;  // non-overlapping windows
  const int64_t windows = std::clamp<int64_t>(available, 1, max_windows);
  // Spread the windows over the whole text.
  const int64_t stride = windows > 1 ? (static_cast<int64_t>(ids.size()) - T) / (windows - 1) : 0;
  double total = 0;
  const int64_t chunk = 16;
  std::vector<float> input(size_t(chunk * T)), target(input.size());
  for (int64_t w0 = 0; w0 < windows; w0 += chunk) {
    const int64_t n = std::min(chunk, windows - w0);
    for (int64_t w = 0; w < n; ++w) make_window(ids, (w0 + w) * stride, T, &input[size_t(w * T)], &target[size_t(w * T)]);
    total += double(model->loss(from_blob(input.data(), {n, T}), from_blob(target.data(), {n, T})).item()) * double(n);
  }
  return total / double(windows);
}

}  // namespace mlplay::gpt
