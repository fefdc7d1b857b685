#include "mlplay/train/mnist.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/data/digits.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::train {

const char* const kMnistCnnSpec = R"({
  "input": [1, 28, 28],
  "layers": [
    {"type": "conv2d", "out": 16, "kernel": 3, "padding": 1, "bias": false},
    {"type": "batchnorm2d"}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
    {"type": "conv2d", "out": 32, "kernel": 3, "padding": 1, "bias": false},
    {"type": "batchnorm2d"}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
    {"type": "flatten"},
    {"type": "linear", "out": 128}, {"type": "relu"}, {"type": "dropout", "p": 0.25},
    {"type": "linear", "out": 10}
  ]
})";

void mnist_batch(std::span<const uint8_t> images, std::span<const uint8_t> labels, std::span<const int64_t> index,
                 bool augment, uint64_t seed, uint64_t stream_base, float* x, float* y, double junk) {
  constexpr int64_t kPixels = 784;
  const int64_t count = int64_t(labels.size());
  check<ValueError>(int64_t(images.size()) == count * kPixels, "mnist_batch: ", images.size(), " image bytes for ",
                    count, " labels; expected ", count * kPixels);
  check<ValueError>(junk >= 0 && junk <= 1, "mnist_batch: junk fraction ", junk, " must be in [0, 1]");
  for (int64_t i : index) check<ValueError>(i >= 0 && i < count, "mnist_batch: index ", i, " is outside 0..", count - 1);
  parallel_for(0, int64_t(index.size()), 16, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const uint8_t* source = images.data() + index[size_t(i)] * kPixels;
      float* out = x + i * kPixels;
      float* target = y + i * 10;
      Generator gen(stream_key(seed, stream_base + uint64_t(i)));
      if (junk > 0 && gen.uniform_double() < junk) {
        data::junk_digit(out, gen);
        std::fill(target, target + 10, 0.1f);
        continue;
      }
      if (augment) {
        data::augment_digit(source, out, gen);
      } else {
        for (int64_t p = 0; p < kPixels; ++p) out[p] = float(source[p]) / 255.0f;
      }
      std::fill(target, target + 10, 0.0f);
      target[labels[size_t(index[size_t(i)])]] = 1.0f;
    }
  });
}

MnistScore mnist_score(Trainer& trainer, std::span<const uint8_t> images, std::span<const uint8_t> labels,
                       int64_t count, std::vector<uint8_t>* predictions, int64_t batch) {
  check<ValueError>(count >= 0 && count <= int64_t(labels.size()), "mnist_score: count ", count, " is outside 0..",
                    labels.size());
  check<ValueError>(batch >= 1, "mnist_score: batch must be at least 1");
  if (predictions) predictions->assign(size_t(count), 0);
  MnistScore score;
  score.count = count;
  int64_t correct = 0;
  double loss_sum = 0.0;
  std::vector<float> x, y;
  for (int64_t start = 0; start < count; start += batch) {
    const int64_t n = std::min(batch, count - start);
    x.resize(size_t(n * 784));
    y.resize(size_t(n));
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t p = 0; p < 784; ++p) x[size_t(i * 784 + p)] = float(images[size_t((start + i) * 784 + p)]) / 255.0f;
      y[size_t(i)] = float(labels[size_t(start + i)]);
    }
    const Tensor logits = trainer.predict(from_blob(x.data(), {n, 1, 28, 28})).contiguous();
    const float* l = logits.data_ptr();
    for (int64_t i = 0; i < n; ++i) {
      const float* row = l + i * 10;
      const int best = int(std::max_element(row, row + 10) - row);
      const float peak = row[best];
      double sum = 0.0;
      for (int k = 0; k < 10; ++k) sum += std::exp(double(row[k] - peak));
      loss_sum += -(double(row[int(y[size_t(i)])] - peak) - std::log(sum));
      if (best == int(y[size_t(i)])) ++correct;
      if (predictions) (*predictions)[size_t(start + i)] = uint8_t(best);
    }
  }
  if (count > 0) {
    score.accuracy = double(correct) / double(count);
    score.loss = loss_sum / double(count);
  }
  return score;
}

}  // namespace mlplay::train
