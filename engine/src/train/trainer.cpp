#include "mlplay/train/trainer.h"

#include <algorithm>
#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::train {
namespace {

std::unique_ptr<optim::Optimizer> make_optimizer(const TrainerOptions& o, std::vector<Tensor> params) {
  check(std::isfinite(o.lr) && o.lr > 0 && o.lr <= 10, "Trainer: learning rate must be a number above 0 and at most 10, got ", o.lr);
  check(std::isfinite(o.weight_decay) && o.weight_decay >= 0 && o.weight_decay <= 1,
        "Trainer: weight decay must be from 0 to 1, got ", o.weight_decay);
  const std::string& name = o.optimizer;
  if (name == "sgd") return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.lr).weight_decay(o.weight_decay));
  if (name == "momentum")
    return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.lr).momentum(0.9).weight_decay(o.weight_decay));
  if (name == "nesterov")
    return std::make_unique<optim::SGD>(params,
                                        optim::SGDOptions(o.lr).momentum(0.9).nesterov(true).weight_decay(o.weight_decay));
  if (name == "adagrad") return std::make_unique<optim::Adagrad>(params, optim::AdagradOptions(o.lr).weight_decay(o.weight_decay));
  if (name == "rmsprop") return std::make_unique<optim::RMSprop>(params, optim::RMSpropOptions(o.lr).weight_decay(o.weight_decay));
  if (name == "adam") return std::make_unique<optim::Adam>(params, optim::AdamOptions(o.lr).weight_decay(o.weight_decay));
  if (name == "adamw") return std::make_unique<optim::AdamW>(params, optim::AdamWOptions(o.lr).weight_decay(o.weight_decay));
  if (name == "lion") return std::make_unique<optim::Lion>(params, optim::LionOptions(o.lr).weight_decay(o.weight_decay));
  throw ValueError("Trainer: unknown optimizer '" + name + "'; use sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw or lion");
}

}  // namespace

Trainer::Trainer(SpecModel model, TrainerOptions options) : model_(std::move(model)), options_(std::move(options)) {
  check(options_.loss == "cross_entropy" || options_.loss == "mse", "Trainer: unknown loss '", options_.loss,
        "'; use cross_entropy or mse");
  std::vector<Tensor> params;
  for (const auto& item : model_.module()->named_parameters()) params.push_back(item.value());
  check(!params.empty(), "Trainer: the model has no parameters to train");
  optimizer_ = make_optimizer(options_, std::move(params));
}

void Trainer::check_inputs(const char* what, const Tensor& inputs) const {
  const Shape& want = model_.input_shape();
  const Shape& got = inputs.shape();
  bool ok = got.size() == want.size() + 1 && got[0] > 0;
  for (size_t i = 0; ok && i < want.size(); ++i) ok = got[i + 1] == want[i];
  check<ShapeError>(ok, what, ": inputs of shape ", shape_str(got), " do not fit the model's input (N, ",
                    shape_str(want), ")");
}

Tensor Trainer::loss_of(const Tensor& output, const Tensor& targets) const {
  if (options_.loss == "mse") return mse_loss(output, targets);
  const bool indices = targets.dim() == 1 && targets.size(0) == output.size(0);
  const bool probabilities = targets.dim() == 2 && targets.shape() == output.shape();
  check<ShapeError>(output.dim() == 2 && (indices || probabilities),
                    "Trainer: cross_entropy needs outputs (N, classes) and N class indices or (N, classes) ",
                    "probabilities, got ", shape_str(output.shape()), " and ", shape_str(targets.shape()));
  return cross_entropy(output, targets);
}

float Trainer::train_batch(const Tensor& inputs, const Tensor& targets) {
  check_inputs("Trainer::train_batch", inputs);
  plan_stale_ = true;  // weights and batch-norm statistics change
  model_.module()->train();
  optimizer_->zero_grad();
  const Tensor loss = loss_of(model_.forward(inputs), targets);
  const float value = loss.item();
  check(std::isfinite(value), "Trainer: the loss is ", value, ": training diverged (try a smaller learning rate)");
  loss.backward();
  optimizer_->step();
  return value;
}

float Trainer::evaluate(const Tensor& inputs, const Tensor& targets) {
  check_inputs("Trainer::evaluate", inputs);
  NoGradGuard no_grad;
  model_.module()->eval();
  return loss_of(model_.forward(inputs), targets).item();
}

Tensor Trainer::predict(const Tensor& inputs) {
  check_inputs("Trainer::predict", inputs);
  NoGradGuard no_grad;
  model_.module()->eval();
  return model_.forward(inputs);
}

InferencePlan* Trainer::inference_plan() {
  if (plan_stale_ && !plan_unsupported_) {
    try {
      plan_ = InferencePlan::compile(model_);
    } catch (const ValueError&) {
      plan_unsupported_ = true;  // a layer without a fast path: the same spec never gets one
      plan_.reset();
    }
    plan_stale_ = false;
  }
  return plan_ ? &*plan_ : nullptr;
}

const float* Trainer::predict_one(const float* input) {
  if (InferencePlan* plan = inference_plan()) return plan->run(input);
  Shape shape = {1};
  shape.insert(shape.end(), model_.input_shape().begin(), model_.input_shape().end());
  Tensor x = zeros(shape);
  std::copy(input, input + x.numel(), x.data_ptr());
  const Tensor y = predict(x).contiguous();
  fallback_output_.assign(y.data_ptr(), y.data_ptr() + y.numel());
  return fallback_output_.data();
}

std::vector<Tensor> Trainer::activations(const Tensor& inputs) {
  check_inputs("Trainer::activations", inputs);
  NoGradGuard no_grad;
  model_.module()->eval();
  return model_.forward_all(inputs);
}

void Trainer::set_lr(double lr) {
  check(std::isfinite(lr) && lr > 0 && lr <= 10, "Trainer: learning rate must be a number above 0 and at most 10, got ", lr);
  optimizer_->set_lr(lr);
}

double Trainer::lr() const { return optimizer_->lr(); }

std::vector<uint8_t> Trainer::save() const {
  std::vector<uint8_t> bytes;
  save_safetensors(bytes, model_.module()->state_dict());
  return bytes;
}

void Trainer::load(const std::vector<uint8_t>& bytes) {
  plan_stale_ = true;
  model_.module()->load_state_dict(load_safetensors(bytes));
}

}  // namespace mlplay::train
