#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "mlplay/data/digits.h"
#include "mlplay/data/idx.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/mnist.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::train;

namespace {
const data::MnistSet& test_set() {
  static const data::MnistSet set = data::load_mnist(mlplay::testing::repo_root() / data::kMnistDefaultDir, "t10k");
  return set;
}
Trainer mnist_trainer(double lr = 1e-3) {
  TrainerOptions options;
  options.lr = lr;
  return Trainer(SpecModel::from_json(kMnistCnnSpec, 1), options);
}
}  // namespace

TEST_CASE("the shipped mnist-draw CNN reads at least 99.2% of the 10000 MNIST test digits", "[mnist][model]") {
  // Guards public/models/mnist-cnn.safetensors (made by `mlplay train mnist`, see the README).
  Trainer trainer = mnist_trainer();
  SafetensorsMetadata metadata;
  trainer.model().module()->load_state_dict(load_safetensors((mlplay::testing::repo_root() / "public/models/mnist-cnn.safetensors").string(), &metadata));
  REQUIRE(metadata.at("mlplay_model") == "mnist-cnn");
  REQUIRE(metadata.at("spec") == kMnistCnnSpec);
  const MnistScore score = mnist_score(trainer, test_set().images, test_set().labels, test_set().count);
  REQUIRE(score.count == 10000);
  REQUIRE(score.accuracy >= 0.992);
  REQUIRE(score.loss < 0.05);
}

TEST_CASE("the shipped CNN is not sure about a dot or a scribble", "[mnist][model]") {
  // It was trained with non-digit scribbles whose target is uniform (kMnistJunkFraction).
  Trainer trainer = mnist_trainer();
  trainer.model().module()->load_state_dict(load_safetensors((mlplay::testing::repo_root() / "public/models/mnist-cnn.safetensors").string()));
  auto top_probability = [&](const std::vector<float>& canvas, int side) {
    const data::PreparedDigit digit = data::prepare_digit(canvas, side, side);
    const Tensor logits = trainer.predict(from_blob(digit.pixels.data(), {1, 1, 28, 28})).contiguous();
    const float* l = logits.data_ptr();
    const float peak = *std::max_element(l, l + 10);
    double sum = 0;
    for (int k = 0; k < 10; ++k) sum += std::exp(double(l[k] - peak));
    return 1.0 / sum;
  };
  std::vector<float> dot(140 * 140, 0.0f), zigzag(140 * 140, 0.0f);
  for (int y = 0; y < 140; ++y)
    for (int x = 0; x < 140; ++x) dot[size_t(y * 140 + x)] = std::hypot(x - 70, y - 70) < 6 ? 1.0f : 0.0f;
  for (int i = 0; i < 8; ++i) {  // a zigzag of eight strokes
    const double x0 = 30 + i * 10, y0 = i % 2 ? 30 : 110, x1 = x0 + 10, y1 = i % 2 ? 110 : 30;
    for (int k = 0; k <= 100; ++k) {
      const double x = x0 + (x1 - x0) * k / 100, y = y0 + (y1 - y0) * k / 100;
      for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx)
          if (dx * dx + dy * dy <= 16) zigzag[size_t((int(y) + dy) * 140 + int(x) + dx)] = 1.0f;
    }
  }
  REQUIRE(top_probability(dot, 140) < 0.3);
  REQUIRE(top_probability(zigzag, 140) < 0.3);
  // Non-digits it never saw in training: most get no confident answer either.
  Generator gen(12345);
  std::vector<float> junk(784);
  int confident = 0;
  for (int i = 0; i < 100; ++i) {
    data::junk_digit(junk.data(), gen);
    const Tensor logits = trainer.predict(from_blob(junk.data(), {1, 1, 28, 28})).contiguous();
    const float* l = logits.data_ptr();
    const float peak = *std::max_element(l, l + 10);
    double sum = 0;
    for (int k = 0; k < 10; ++k) sum += std::exp(double(l[k] - peak));
    confident += 1.0 / sum > 0.5;
  }
  REQUIRE(confident < 15);
}

TEST_CASE("mnist_batch scales bytes to [0, 1], one-hot targets, and augments the same for any thread count", "[mnist]") {
  const auto& set = test_set();
  std::vector<int64_t> index = {3, 0, 9999};
  std::vector<float> x(3 * 784), y(3 * 10);
  mnist_batch(set.images, set.labels, index, false, 0, 0, x.data(), y.data());
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < 10; ++k) REQUIRE(y[size_t(i * 10 + k)] == (k == set.labels[size_t(index[size_t(i)])] ? 1.0f : 0.0f));
  }
  for (int p = 0; p < 784; ++p) REQUIRE(x[size_t(p)] == float(set.images[size_t(3 * 784 + p)]) / 255.0f);
  std::vector<float> a(3 * 784), b(3 * 784);
  mnist_batch(set.images, set.labels, index, true, 5, 100, a.data(), y.data());
  mnist_batch(set.images, set.labels, index, true, 5, 100, b.data(), y.data());
  REQUIRE(a == b);
  REQUIRE(a != x);
  index = {10000};
  REQUIRE_THROWS_WITH(mnist_batch(set.images, set.labels, index, false, 0, 0, x.data(), y.data()),
                      Catch::Matchers::Contains("index 10000 is outside 0..9999"));
}

TEST_CASE("mnist_batch mixes in junk scribbles with a uniform target", "[mnist]") {
  const auto& set = test_set();
  std::vector<int64_t> index(400);
  std::iota(index.begin(), index.end(), 0);
  std::vector<float> x(400 * 784), y(400 * 10);
  mnist_batch(set.images, set.labels, index, true, 9, 0, x.data(), y.data(), 0.25);
  int junk = 0;
  for (int i = 0; i < 400; ++i) {
    if (y[size_t(i * 10)] == 0.1f) {
      ++junk;
      for (int k = 0; k < 10; ++k) REQUIRE(y[size_t(i * 10 + k)] == 0.1f);
      REQUIRE(*std::max_element(x.begin() + i * 784, x.begin() + (i + 1) * 784) > 0.5f);  // something was drawn
    }
  }
  REQUIRE(junk > 70);
  REQUIRE(junk < 130);
}

TEST_CASE("a few hundred steps on MNIST digits already learn to read most of them", "[mnist]") {
  const auto& set = test_set();  // train on the first 3000 test digits, score on the last 2000
  Trainer trainer = mnist_trainer(3e-3);
  const MnistScore before = mnist_score(trainer, std::span(set.images).subspan(8000 * 784), std::span(set.labels).subspan(8000), 2000);
  std::vector<int64_t> index(32);
  std::vector<float> x(32 * 784), y(32 * 10);
  for (int step = 0; step < 94; ++step) {
    std::iota(index.begin(), index.end(), int64_t(step) * 32);
    mnist_batch(set.images, set.labels, index, false, 0, 0, x.data(), y.data());
    trainer.train_batch(from_blob(x.data(), {32, 1, 28, 28}), from_blob(y.data(), {32, 10}));
  }
  const MnistScore after = mnist_score(trainer, std::span(set.images).subspan(8000 * 784), std::span(set.labels).subspan(8000), 2000);
  REQUIRE(before.accuracy < 0.3);
  REQUIRE(after.accuracy > 0.85);
  REQUIRE(after.loss < before.loss);
}
