#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/trainer.h"

using namespace mlplay;
using train::SpecModel;
using train::Trainer;

namespace {

const char* kCnnSpec = R"({"input": [1, 8, 8], "layers": [
  {"type": "conv2d", "out": 4, "kernel": 3, "padding": 1}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
  {"type": "flatten"}, {"type": "linear", "out": 3}]})";

/// Two Gaussian blobs in 2D, labels 0 and 1.
void blobs(int64_t n, Tensor& x, Tensor& y) {
  Generator g(3);
  std::vector<float> xs, ys;
  for (int64_t i = 0; i < n; ++i) {
    const int label = int(i % 2);
    xs.push_back(float(g.normal(label ? 2.0 : -2.0, 0.7)));
    xs.push_back(float(g.normal(label ? 1.0 : -1.0, 0.7)));
    ys.push_back(float(label));
  }
  x = from_vector(xs, {n, 2});
  y = from_vector(ys, {n});
}

}  // namespace

TEST_CASE("SpecModel builds the layers of a spec and infers every shape", "[train]") {
  const SpecModel model = SpecModel::from_json(kCnnSpec, 1);
  REQUIRE(model.layers().size() == 5);
  REQUIRE(model.layers()[0].output_shape == Shape{4, 8, 8});
  REQUIRE(model.layers()[2].output_shape == Shape{4, 4, 4});
  REQUIRE(model.layers()[3].output_shape == Shape{64});
  REQUIRE(model.layers()[4].output_shape == Shape{3});
  REQUIRE(model.layers()[0].description == "conv2d 1→4, 3×3, padding 1");
  const auto names = model.module()->named_parameters();
  REQUIRE(names.find("0.weight") != nullptr);
  REQUIRE(names.find("4.bias") != nullptr);
  const auto outputs = model.forward_all(zeros({2, 1, 8, 8}));
  REQUIRE(outputs.size() == 5);
  REQUIRE(outputs.back().shape() == Shape{2, 3});
  // same seed, same weights
  const SpecModel again = SpecModel::from_json(kCnnSpec, 1);
  REQUIRE(again.module()->named_parameters().find("4.weight")->to_vector() ==
          model.module()->named_parameters().find("4.weight")->to_vector());
}

TEST_CASE("SpecModel explains a bad spec by layer", "[train]") {
  REQUIRE_THROWS_WITH(SpecModel::from_json("{nope", 0), Catch::StartsWith("model spec: not valid JSON"));
  REQUIRE_THROWS_WITH(SpecModel::from_json(R"({"input": [], "layers": [{"type": "relu"}]})", 0),
                      Catch::Contains("'input' must be the shape of one sample"));
  REQUIRE_THROWS_WITH(SpecModel::from_json(R"({"input": [4], "layers": [{"type": "linear", "out": -2}]})", 0),
                      "model spec: layer 0 (linear): 'out' must be a positive integer, got -2");
  REQUIRE_THROWS_WITH(SpecModel::from_json(R"({"input": [1, 8, 8], "layers": [{"type": "linear", "out": 2}]})", 0),
                      Catch::Contains("layer 0 (linear): needs a flat input, got 1×8×8 (add a flatten layer first)"));
  REQUIRE_THROWS_WITH(SpecModel::from_json(R"({"input": [4], "layers": [{"type": "transformer"}]})", 0),
                      Catch::StartsWith("model spec: layer 0 (transformer): unknown layer type"));
  REQUIRE_THROWS_WITH(SpecModel::from_json(R"({"input": [1, 2, 2], "layers": [{"type": "conv2d", "out": 1, "kernel": 5}]})", 0),
                      Catch::Contains("layer 0 (conv2d): does not fit an input of shape 1×2×2"));
}

TEST_CASE("Trainer learns two blobs with every optimizer", "[train]") {
  Tensor x, y;
  blobs(128, x, y);
  const char* spec = R"({"input": [2], "layers": [{"type": "linear", "out": 8}, {"type": "tanh"}, {"type": "linear", "out": 2}]})";
  for (const char* name : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "lion"}) {
    train::TrainerOptions options;
    options.optimizer = name;
    options.lr = std::string(name) == "lion" ? 3e-3 : std::string(name).rfind("sgd", 0) == 0 ? 0.2 : 0.03;
    Trainer trainer(SpecModel::from_json(spec, 2), options);
    const float first = trainer.evaluate(x, y);
    for (int step = 0; step < 150; ++step) trainer.train_batch(x, y);
    INFO(name << ": " << first << " -> " << trainer.evaluate(x, y));
    REQUIRE(trainer.evaluate(x, y) < 0.25f * first);
    const auto logits = trainer.predict(x).to_vector();
    int correct = 0;
    for (int64_t i = 0; i < 128; ++i) correct += (logits[2 * i + 1] > logits[2 * i]) == (y.to_vector()[i] == 1.0f);
    REQUIRE(correct >= 124);
  }
}

TEST_CASE("Trainer saves and loads safetensors bytes, and names bad input", "[train]") {
  Tensor x = rand({5, 1, 8, 8});
  Trainer a(SpecModel::from_json(kCnnSpec, 1), {});
  a.train_batch(x, from_vector({0, 1, 2, 0, 1}));
  Trainer b(SpecModel::from_json(kCnnSpec, 9), {});
  REQUIRE(a.predict(x).to_vector() != b.predict(x).to_vector());
  b.load(a.save());
  REQUIRE(a.predict(x).to_vector() == b.predict(x).to_vector());

  REQUIRE_THROWS_WITH(a.predict(zeros({2, 8, 8})), Catch::Contains("Trainer::predict: inputs of shape (2, 8, 8) do not fit"));
  REQUIRE_THROWS_WITH(a.train_batch(x, from_vector({0, 1})), Catch::Contains("cross_entropy needs outputs (N, classes) and N class indices"));
  train::TrainerOptions bad;
  bad.optimizer = "adamax";
  REQUIRE_THROWS_WITH(Trainer(SpecModel::from_json(kCnnSpec, 1), bad), Catch::StartsWith("Trainer: unknown optimizer 'adamax'"));
  bad.optimizer = "adam";
  bad.lr = std::nan("");
  REQUIRE_THROWS_WITH(Trainer(SpecModel::from_json(kCnnSpec, 1), bad), Catch::StartsWith("Trainer: learning rate must be"));
}

TEST_CASE("Trainer says when training diverges", "[train]") {
  const char* spec = R"({"input": [1], "layers": [{"type": "linear", "out": 1}]})";
  train::TrainerOptions options;
  options.optimizer = "sgd";
  options.loss = "mse";
  options.lr = 10;
  Trainer trainer(SpecModel::from_json(spec, 0), options);
  const Tensor x = from_vector({100, -100, 50}, {3, 1}), y = from_vector({1, 2, 3}, {3, 1});
  REQUIRE_THROWS_WITH(
      [&] {
        for (int i = 0; i < 100; ++i) trainer.train_batch(x, y);
      }(),
      Catch::Contains("training diverged"));
}
