#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/nn/modules/batchnorm.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/inference_plan.h"
#include "mlplay/train/mnist.h"
#include "mlplay/train/trainer.h"

using namespace mlplay;
using Catch::Matchers::Contains;

namespace {

/// Gives every batch-norm layer running statistics and affine parameters away from 1 and 0, so
/// folding them is really tested.
void perturb_batchnorms(train::SpecModel& model, uint64_t seed) {
  Generator gen(seed);
  NoGradGuard no_grad;
  for (size_t i = 0; i < model.module()->size(); ++i) {
    auto bn = std::dynamic_pointer_cast<nn::BatchNormImplBase>((*model.module())[i]);
    if (!bn) continue;
    const int64_t n = bn->running_mean.numel();
    for (int64_t c = 0; c < n; ++c) {
      bn->running_mean.data_ptr()[c] = float(gen.normal(0.0, 0.5));
      bn->running_var.data_ptr()[c] = float(0.2 + gen.uniform_double() * 2.0);
      bn->weight.data_ptr()[c] = float(0.5 + gen.uniform_double());
      bn->bias.data_ptr()[c] = float(gen.normal(0.0, 0.3));
    }
  }
}

/// Largest |plan − eval forward| over a few random inputs.
double max_difference(train::SpecModel& model, uint64_t seed) {
  train::InferencePlan plan = train::InferencePlan::compile(model);
  Generator gen(seed);
  Shape shape = {1};
  shape.insert(shape.end(), model.input_shape().begin(), model.input_shape().end());
  model.module()->eval();
  NoGradGuard no_grad;
  double worst = 0.0;
  for (int trial = 0; trial < 3; ++trial) {
    const Tensor x = randn(shape, gen);
    const Tensor expected = model.forward(x).contiguous();
    REQUIRE(expected.numel() == plan.output_size());
    const float* got = plan.run(x.contiguous().data_ptr());
    for (int64_t i = 0; i < expected.numel(); ++i) {
      worst = std::max(worst, std::abs(double(got[i]) - double(expected.data_ptr()[i])));
    }
  }
  return worst;
}

}  // namespace

TEST_CASE("InferencePlan folds batch norm and fuses ReLU and pooling in the mnist-draw CNN", "[inference_plan]") {
  train::SpecModel model = train::SpecModel::from_json(train::kMnistCnnSpec, 3);
  perturb_batchnorms(model, 4);
  const auto steps = train::InferencePlan::compile(model).describe();
  REQUIRE(steps.size() == 4);
  REQUIRE(steps[0] == "conv2d 1→16 3×3 + batchnorm + relu + maxpool 2×2");
  REQUIRE(steps[1] == "conv2d 16→32 3×3 + batchnorm + relu + maxpool 2×2");
  REQUIRE(steps[2] == "linear 1568→128 + relu");
  REQUIRE(steps[3] == "linear 128→10");
  REQUIRE(max_difference(model, 5) < 1e-4);
}

TEST_CASE("InferencePlan matches the model for strides, padding, other activations and standalone layers", "[inference_plan]") {
  const std::string spec = R"({"input": [3, 12, 10], "layers": [
      {"type": "conv2d", "out": 6, "kernel": 3, "stride": 2, "padding": 2},
      {"type": "leakyrelu", "slope": 0.1},
      {"type": "batchnorm2d"},
      {"type": "avgpool2d", "kernel": 2},
      {"type": "conv2d", "out": 4, "kernel": 1},
      {"type": "tanh"},
      {"type": "flatten"},
      {"type": "linear", "out": 7},
      {"type": "batchnorm1d"},
      {"type": "dropout", "p": 0.3},
      {"type": "sigmoid"},
      {"type": "linear", "out": 3, "bias": false}]})";
  train::SpecModel model = train::SpecModel::from_json(spec, 11);
  perturb_batchnorms(model, 12);
  const auto steps = train::InferencePlan::compile(model).describe();
  REQUIRE(steps.size() == 6);
  REQUIRE(steps[0] == "conv2d 3→6 3×3 + leakyrelu");
  REQUIRE(steps[1] == "batchnorm");
  REQUIRE(steps[2] == "avgpool 2×2");
  REQUIRE(steps[3] == "conv2d 6→4 1×1 + tanh");
  REQUIRE(steps[4] == "linear 36→7 + batchnorm + sigmoid");
  REQUIRE(max_difference(model, 13) < 1e-5);
}

TEST_CASE("InferencePlan keeps PyTorch's channel order through dilation, odd channel counts and flattening", "[inference_plan]") {
  // 5 and 11 output channels (not multiples of the kernel's 8), 7×9 pixels (not a multiple of its 5),
  // a dilated kernel, and a batch norm over the flattened channels-last features.
  const std::string flat_spec = R"({"input": [2, 9, 11], "layers": [
      {"type": "conv2d", "out": 5, "kernel": 3, "padding": 1, "dilation": 2},
      {"type": "relu"},
      {"type": "conv2d", "out": 11, "kernel": 2, "stride": 1},
      {"type": "flatten"},
      {"type": "batchnorm1d"},
      {"type": "linear", "out": 4}]})";
  train::SpecModel flat_model = train::SpecModel::from_json(flat_spec, 31);
  perturb_batchnorms(flat_model, 32);
  REQUIRE(max_difference(flat_model, 33) < 1e-5);
  // An image out: the plan turns its channels-last result back into channels × height × width.
  const std::string image_spec = R"({"input": [3, 8, 7], "layers": [
      {"type": "conv2d", "out": 9, "kernel": 3, "padding": 1},
      {"type": "batchnorm2d"},
      {"type": "maxpool2d", "kernel": 2},
      {"type": "leakyrelu", "slope": 0.2}]})";
  train::SpecModel image_model = train::SpecModel::from_json(image_spec, 34);
  perturb_batchnorms(image_model, 35);
  REQUIRE(max_difference(image_model, 36) < 1e-5);
}

TEST_CASE("InferencePlan::first_conv_maps equals the model's conv, batch norm and ReLU output", "[inference_plan]") {
  train::SpecModel model = train::SpecModel::from_json(train::kMnistCnnSpec, 41);
  perturb_batchnorms(model, 42);
  train::InferencePlan plan = train::InferencePlan::compile(model);
  Generator gen(43);
  const Tensor x = randn({1, 1, 28, 28}, gen);
  model.module()->eval();
  NoGradGuard no_grad;
  const Tensor expected = model.forward_all(x)[2].contiguous();  // conv → batch norm → ReLU
  const std::vector<float> maps = plan.first_conv_maps(x.contiguous().data_ptr());
  REQUIRE(int64_t(maps.size()) == expected.numel());
  for (int64_t i = 0; i < expected.numel(); ++i) REQUIRE(std::abs(maps[size_t(i)] - expected.data_ptr()[i]) < 1e-4);
}

TEST_CASE("InferencePlan refuses layers without a fast path, naming them", "[inference_plan]") {
  train::SpecModel model = train::SpecModel::from_json(
      R"({"input": [8], "layers": [{"type": "linear", "out": 4}, {"type": "gelu"}]})", 1);
  REQUIRE_THROWS_WITH(train::InferencePlan::compile(model), Contains("layer 1") && Contains("no fast inference path"));
}

TEST_CASE("Trainer::predict_one follows the weights through training steps and loads", "[inference_plan]") {
  train::Trainer trainer(train::SpecModel::from_json(train::kMnistCnnSpec, 21), {});
  Generator gen(22);
  const Tensor x = randn({8, 1, 28, 28}, gen);
  const Tensor labels = full({8}, 3.0);
  auto agrees = [&] {
    const Tensor expected = trainer.predict(narrow(x, 0, 0, 1)).contiguous();
    const float* got = trainer.predict_one(x.contiguous().data_ptr());
    double worst = 0;
    for (int i = 0; i < 10; ++i) worst = std::max(worst, std::abs(double(got[i]) - double(expected.data_ptr()[i])));
    return worst;
  };
  REQUIRE(agrees() < 1e-4);
  const auto before = trainer.save();
  const float* first = trainer.predict_one(x.contiguous().data_ptr());
  const float logit = first[3];
  for (int i = 0; i < 3; ++i) trainer.train_batch(x, labels);
  REQUIRE(agrees() < 1e-4);
  REQUIRE(trainer.predict_one(x.contiguous().data_ptr())[3] != logit);
  trainer.load(before);
  REQUIRE(trainer.predict_one(x.contiguous().data_ptr())[3] == Approx(logit).epsilon(1e-5));

  // A model with a layer the plan does not fuse still answers, through predict().
  train::Trainer other(train::SpecModel::from_json(R"({"input": [4], "layers": [{"type": "linear", "out": 3}, {"type": "gelu"}]})", 2), {});
  const float in[4] = {0.5f, -1.0f, 2.0f, 0.25f};
  const Tensor expected = other.predict(from_blob(in, {1, 4})).contiguous();
  const float* got = other.predict_one(in);
  for (int i = 0; i < 3; ++i) REQUIRE(got[i] == Approx(expected.data_ptr()[i]));
}
