#pragma once
/// The digit reader of the mnist-draw lesson: the CNN it ships, batches of MNIST digits (optionally
/// augmented), and accuracy over a labelled set. `mlplay train mnist` and the lesson's in-tab
/// training both use these, so a model trained in either place loads in the other.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/train/trainer.h"

namespace mlplay::train {

/// The shipped CNN: two 3×3 conv blocks (16 and 32 channels, batch norm, ReLU, 2×2 max-pool),
/// a 128-unit hidden layer with dropout, and 10 logits. About 1.1 M multiply-adds per digit.
extern const char* const kMnistCnnSpec;

/// Fills `x` (count × 784 floats in [0, 1]) and `y` (count × 10 target probabilities: one-hot) with
/// the digits `images[index[i]]`, `labels[index[i]]` (28×28 bytes each). With `augment`, digit i gets
/// the random variation of data::augment_digit drawn from stream (seed, stream_base + i), so a batch
/// is the same for any number of threads; and with `junk` > 0 about that fraction of the batch is
/// replaced by data::junk_digit scribbles whose target is uniform (10% each). Runs over the pool.
void mnist_batch(std::span<const uint8_t> images, std::span<const uint8_t> labels, std::span<const int64_t> index,
                 bool augment, uint64_t seed, uint64_t stream_base, float* x, float* y, double junk = 0.0);

/// The fraction of junk scribbles `mlplay train mnist` mixes into its batches by default.
inline constexpr double kMnistJunkFraction = 1.0 / 16;

/// Accuracy and mean cross-entropy of `trainer`'s model on the first `count` digits (eval mode),
/// in batches; `predictions` (if not null) receives the predicted class of every digit.
struct MnistScore {
  double accuracy = 0.0;
  double loss = 0.0;
  int64_t count = 0;
};
MnistScore mnist_score(Trainer& trainer, std::span<const uint8_t> images, std::span<const uint8_t> labels,
                       int64_t count, std::vector<uint8_t>* predictions = nullptr, int64_t batch = 500);

}  // namespace mlplay::train
