// DigitReader: the mnist-draw lesson's CNN in the worker — read a drawing (prepared as MNIST digits
// were made), show what the first layer sees, train or fine-tune on MNIST held in wasm memory, and
// save/load safetensors. Over engine/include/mlplay/{data/digits,train/mnist}.h; documented in
// bindings/types/mnist_draw.d.ts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/data/digits.h"
#include "mlplay/data/idx.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/ops/activation.h"
#include "mlplay/optim/schedulers/one_cycle_lr.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/mnist.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Dataset {
  std::vector<uint8_t> images, labels;
  int64_t count() const { return int64_t(labels.size()); }
};

class DigitReader {
 public:
  DigitReader() : trainer_(make_trainer("adam", 1e-3, 1)) {}

  val info() const {
    return guard([&] {
      val out = val::object();
      int64_t parameters = 0;
      for (const auto& item : trainer_.model().module()->named_parameters()) parameters += item.value().numel();
      out.set("parameters", double(parameters));
      val layers = val::array();
      for (const auto& layer : trainer_.model().layers()) {
        val l = val::object(), shape = val::array();
        l.set("name", layer.name);
        l.set("description", layer.description);
        for (int64_t d : layer.output_shape) shape.call<void>("push", double(d));
        l.set("shape", shape);
        layers.call<void>("push", l);
      }
      out.set("layers", layers);
      const Tensor w = trainer_.model().module()->named_parameters()["0.weight"].contiguous();
      out.set("filters", typed_array("Float32Array", w.data_ptr(), size_t(w.numel())));
      out.set("filterChannels", double(w.size(0)));
      out.set("filterSize", double(w.size(2)));
      out.set("modelVersion", version_);
      out.set("recordedAccuracy", recorded_accuracy_ >= 0 ? val(recorded_accuracy_) : val::null());
      return out;
    });
  }

  void load(const val& bytes) {
    guard([&] {
      const auto data = from_typed_array<uint8_t>("DigitReader.load", "Uint8Array", bytes);
      SafetensorsMetadata metadata;
      const TensorDict state = load_safetensors(data, &metadata);
      const auto spec = metadata.find("spec");
      check(spec == metadata.end() || spec->second == train::kMnistCnnSpec,
            "DigitReader.load: this file holds a different network than the lesson's CNN");
      trainer_.model().module()->load_state_dict(state);
      const auto accuracy = metadata.find("test_accuracy");
      recorded_accuracy_ = accuracy == metadata.end() ? -1.0 : std::stod(accuracy->second);
      training_ = false;
      ++version_;
    });
  }

  val save() const {
    return guard([&] {
      std::vector<uint8_t> bytes;
      SafetensorsMetadata metadata = {{"format", "pt"}, {"mlplay_model", "mnist-cnn"}, {"spec", train::kMnistCnnSpec}};
      if (recorded_accuracy_ >= 0) metadata["test_accuracy"] = std::to_string(recorded_accuracy_);
      save_safetensors(bytes, trainer_.model().module()->state_dict(), metadata);
      return typed_array("Uint8Array", bytes.data(), bytes.size());
    });
  }

  val read(const val& ink, double width, double height, bool maps) {
    return guard([&] {
      const auto pixels = from_typed_array<float>("DigitReader.read", "Float32Array", ink);
      const double t0 = now_ms();
      const data::PreparedDigit digit = data::prepare_digit(pixels, int(width), int(height));
      const double t1 = now_ms();
      val out = val::object();
      out.set("empty", digit.empty);
      out.set("digit", typed_array("Float32Array", digit.pixels.data(), digit.pixels.size()));
      out.set("modelVersion", version_);
      std::vector<float> probs(10, 0.0f);
      int top = -1;
      double inference_ms = 0.0;
      std::vector<float> feature_maps;
      int channels = 0;
      if (!digit.empty) {
        // The answer comes from the fused one-sample path (batch norm folded, direct channels-last
        // convolutions with ReLU and pooling in one pass), and only it is timed.
        const double t2 = now_ms();
        const Tensor logits = from_blob(trainer_.predict_one(digit.pixels.data()), {1, 10});
        inference_ms = now_ms() - t2;
        const Tensor p = softmax(logits, 1).contiguous();
        std::copy_n(p.data_ptr(), 10, probs.begin());
        top = int(std::max_element(probs.begin(), probs.end()) - probs.begin());
        if (maps) {  // the first layer's maps to draw (conv → batch norm → ReLU, before pooling), not timed
          train::InferencePlan* plan = trainer_.inference_plan();
          if (plan) {
            feature_maps = plan->first_conv_maps(digit.pixels.data());
          } else {  // a model without a fast path: a layer-by-layer forward pass
            const Tensor first = trainer_.activations(from_blob(digit.pixels.data(), {1, 1, 28, 28}))[2].contiguous();
            feature_maps.assign(first.data_ptr(), first.data_ptr() + first.numel());
          }
          channels = int(feature_maps.size() / (28 * 28));
        }
      }
      out.set("probs", typed_array("Float32Array", probs.data(), probs.size()));
      out.set("top", top);
      out.set("inferenceMs", inference_ms);
      out.set("prepareMs", t1 - t0);
      out.set("maps", typed_array("Float32Array", feature_maps.data(), feature_maps.size()));
      out.set("mapChannels", channels);
      return out;
    });
  }

  /// Times the network on this drawing: `repeats` readings back to back through the fused plan,
  /// mean microseconds per step and in all.
  val profile(const val& ink, double width, double height, double repeats) {
    return guard([&] {
      check(std::isfinite(repeats) && repeats >= 1 && repeats <= 100000 && repeats == std::floor(repeats),
            "DigitReader.profile: repeats must be a whole number from 1 to 100000, got ", repeats);
      const auto pixels = from_typed_array<float>("DigitReader.profile", "Float32Array", ink);
      const data::PreparedDigit digit = data::prepare_digit(pixels, int(width), int(height));
      check(!digit.empty, "DigitReader.profile: the canvas is empty; draw a digit first");
      train::InferencePlan* plan = trainer_.inference_plan();
      check(plan != nullptr, "DigitReader.profile: this network has a layer without a fast inference path");
      val steps = val::array();
      double total = 0.0;
      for (const auto& t : plan->profile(digit.pixels.data(), int(repeats))) {
        val item = val::object();
        item.set("step", t.step);
        item.set("microseconds", t.microseconds);
        steps.call<void>("push", item);
        total += t.microseconds;
      }
      val out = val::object();
      out.set("steps", steps);
      out.set("totalMicroseconds", total);
      out.set("repeats", repeats);
      return out;
    });
  }

  /// Keeps MNIST digits in wasm memory: which = "train" or "test"; the IDX files' bytes (parsed and
  /// checked by the engine's IDX reader).
  void set_data(const std::string& which, const val& images_idx, const val& labels_idx) {
    guard([&] {
      check(which == "train" || which == "test", "DigitReader.setData: which must be 'train' or 'test', got '", which, "'");
      data::IdxArray images = data::parse_idx(from_typed_array<uint8_t>("DigitReader.setData: images", "Uint8Array", images_idx),
                                              which + " images");
      data::IdxArray labels = data::parse_idx(from_typed_array<uint8_t>("DigitReader.setData: labels", "Uint8Array", labels_idx),
                                              which + " labels");
      check(images.shape.size() == 3 && images.shape[1] == 28 && images.shape[2] == 28, "DigitReader.setData: ", which,
            " images must be N×28×28");
      check(labels.shape.size() == 1 && labels.count() == images.count(), "DigitReader.setData: ", images.count(), " ",
            which, " images but ", labels.count(), " labels");
      for (uint8_t l : labels.values) check(l <= 9, "DigitReader.setData: a label is ", int(l), "; expected 0–9");
      (which == "train" ? train_ : test_) = Dataset{std::move(images.values), std::move(labels.values)};
    });
  }
  double data_count(const std::string& which) const { return double(which == "train" ? train_.count() : test_.count()); }

  /// Sets up a training run; train_steps() then advances it.
  val start_training(const std::string& start, const std::string& optimizer, double lr, double batch, double epochs,
                     bool augment, double seed, double train_digits) {
    return guard([&] {
      check(start == "scratch" || start == "finetune", "DigitReader: start must be 'scratch' or 'finetune', got '", start, "'");
      check(std::isfinite(lr) && lr > 0 && lr <= 10, "learning rate must be a number above 0 and at most 10, got ", lr);
      check(batch >= 1 && batch <= 4096 && batch == std::floor(batch), "batch size must be a whole number from 1 to 4096, got ", batch);
      check(epochs >= 1 && epochs <= 100 && epochs == std::floor(epochs), "epochs must be a whole number from 1 to 100, got ", epochs);
      check(train_.count() > 0, "DigitReader: load the training digits first (setData('train', …))");
      const int64_t digits = std::min<int64_t>(to_count(train_digits, "DigitReader: trainDigits"), train_.count());
      check(digits >= 1, "DigitReader: trainDigits must be at least 1");
      const uint64_t run_seed = to_count(seed, "DigitReader: seed");
      // A fresh optimizer (and, from scratch, fresh weights) every run.
      train::Trainer next = make_trainer(optimizer, lr, start == "scratch" ? run_seed : 1);
      if (start == "finetune") {
        std::vector<uint8_t> bytes;
        save_safetensors(bytes, trainer_.model().module()->state_dict());
        next.model().module()->load_state_dict(load_safetensors(bytes));
      }
      schedule_.reset();
      trainer_ = std::move(next);
      batch_ = int64_t(batch);
      digits_ = digits;
      steps_per_epoch_ = (digits_ + batch_ - 1) / batch_;
      epochs_ = int64_t(epochs);
      schedule_ = std::make_unique<optim::OneCycleLR>(trainer_.optimizer(), lr, epochs_ * steps_per_epoch_, 0.2);
      augment_ = augment;
      seed_ = run_seed;
      epoch_ = 0;
      step_ = 0;
      order_.resize(size_t(train_.count()));
      shuffle_ = Generator(stream_key(run_seed, 0x5eed));
      recorded_accuracy_ = -1.0;
      training_ = true;
      snapshot();
      ++version_;
      val out = val::object();
      out.set("stepsPerEpoch", double(steps_per_epoch_));
      out.set("modelVersion", version_);
      return out;
    });
  }

  /// Runs up to `steps` training steps (stopping at the end of an epoch). Returns {loss (mean),
  /// steps, epoch (1-based), step (in the epoch), lr, epochEnded, finished, diverged, message}.
  val train_steps(double steps) {
    return guard([&] {
      check(training_, "DigitReader.trainSteps: no training run (call startTraining first)");
      val out = val::object();
      double loss_sum = 0.0;
      int64_t done = 0;
      bool diverged = false;
      std::string message;
      for (; done < int64_t(steps) && epoch_ < epochs_; ++done) {
        if (step_ == 0) {
          std::iota(order_.begin(), order_.end(), 0);
          for (int64_t i = int64_t(order_.size()) - 1; i > 0; --i) std::swap(order_[size_t(i)], order_[shuffle_.randint(uint32_t(i + 1))]);
        }
        const int64_t begin = step_ * batch_, n = std::min(batch_, digits_ - begin);
        x_.resize(size_t(n * 784));
        y_.resize(size_t(n * 10));
        // Augmented runs also mix in the non-digit scribbles the shipped model learned "not sure" from.
        train::mnist_batch(train_.images, train_.labels, std::span<const int64_t>(order_.data() + begin, size_t(n)), augment_,
                           seed_, uint64_t(epoch_) * uint64_t(train_.count()) + uint64_t(begin), x_.data(), y_.data(),
                           augment_ ? train::kMnistJunkFraction : 0.0);
        // Every 20 steps, the weights before a step whose loss comes out finite become the ones to
        // go back to if training later diverges.
        const bool checkpoint = total_steps_ % 20 == 0;
        if (checkpoint) {
          pending_.clear();
          save_safetensors(pending_, trainer_.model().module()->state_dict());
        }
        float loss = 0.0f;
        try {
          loss = trainer_.train_batch(from_blob(x_.data(), {n, 1, 28, 28}), from_blob(y_.data(), {n, 10}));
        } catch (...) {
          // The loss was not finite: the step was not taken; go back to the last good weights.
          message = detail::last_error_message();
          diverged = true;
          break;
        }
        if (checkpoint) good_.swap(pending_);
        ++total_steps_;
        loss_sum += loss;
        schedule_->step();
        if (++step_ == steps_per_epoch_) {
          step_ = 0;
          ++epoch_;
          ++done;
          break;
        }
      }
      if (diverged) {
        trainer_.model().module()->load_state_dict(load_safetensors(good_));
        training_ = false;
        out.set("message", message.empty() ? std::string("the loss stopped being a finite number") : message);
      }
      ++version_;
      out.set("diverged", diverged);
      out.set("loss", done > 0 ? loss_sum / double(done) : 0.0);
      out.set("steps", double(done));
      out.set("epoch", double(step_ == 0 ? epoch_ : epoch_ + 1));
      out.set("step", double(step_ == 0 ? steps_per_epoch_ : step_));
      out.set("stepsPerEpoch", double(steps_per_epoch_));
      out.set("epochEnded", step_ == 0 && done > 0);
      out.set("finished", epoch_ >= epochs_ || diverged);
      out.set("lr", trainer_.lr());
      out.set("modelVersion", version_);
      if (epoch_ >= epochs_) training_ = false;
      return out;
    });
  }

  /// Accuracy and mean cross-entropy on the first `count` test digits.
  val score(double count) {
    return guard([&] {
      const int64_t n = std::min<int64_t>(to_count(count, "DigitReader.score: count"), test_.count());
      const train::MnistScore s = train::mnist_score(trainer_, test_.images, test_.labels, n);
      if (n == test_.count()) recorded_accuracy_ = s.accuracy;
      val out = val::object();
      out.set("accuracy", s.accuracy);
      out.set("loss", s.loss);
      out.set("count", double(s.count));
      return out;
    });
  }

  /// Test digits the model gets wrong: up to `limit` of them with label, guess and confidence.
  val mistakes(double limit) {
    return guard([&] {
      check(test_.count() > 0, "DigitReader.mistakes: load the test digits first (setData('test', …))");
      std::vector<uint8_t> predictions;
      const train::MnistScore s = train::mnist_score(trainer_, test_.images, test_.labels, test_.count(), &predictions);
      recorded_accuracy_ = s.accuracy;
      std::vector<int32_t> wrong;
      for (int64_t i = 0; i < test_.count(); ++i) {
        if (predictions[size_t(i)] != test_.labels[size_t(i)]) wrong.push_back(int32_t(i));
      }
      const uint64_t most = to_count(limit, "DigitReader.mistakes: limit");
      check(most <= 500, "DigitReader.mistakes: limit must be at most 500, got ", most);
      const size_t keep = std::min(wrong.size(), size_t(most));
      std::vector<uint8_t> images(keep * 784), labels(keep), guesses(keep);
      std::vector<float> confidence(keep);
      std::vector<float> x(keep * 784);
      for (size_t k = 0; k < keep; ++k) {
        const size_t i = size_t(wrong[k]);
        std::copy_n(test_.images.begin() + std::ptrdiff_t(i * 784), 784, images.begin() + std::ptrdiff_t(k * 784));
        for (size_t p = 0; p < 784; ++p) x[k * 784 + p] = images[k * 784 + p] / 255.0f;
        labels[k] = test_.labels[i];
        guesses[k] = predictions[i];
      }
      if (keep > 0) {
        const Tensor p = softmax(trainer_.predict(from_blob(x.data(), {int64_t(keep), 1, 28, 28})), 1).contiguous();
        for (size_t k = 0; k < keep; ++k) {
          const float* row = p.data_ptr() + k * 10;
          confidence[k] = *std::max_element(row, row + 10);  // the top class's probability
        }
      }
      wrong.resize(keep);
      val out = val::object();
      out.set("wrong", double(test_.count() - std::llround(s.accuracy * double(test_.count()))));
      out.set("scored", double(test_.count()));
      out.set("accuracy", s.accuracy);
      out.set("images", typed_array("Uint8Array", images.data(), images.size()));
      out.set("labels", typed_array("Uint8Array", labels.data(), labels.size()));
      out.set("guesses", typed_array("Uint8Array", guesses.data(), guesses.size()));
      out.set("confidence", typed_array("Float32Array", confidence.data(), confidence.size()));
      out.set("indices", typed_array("Int32Array", wrong.data(), wrong.size()));
      return out;
    });
  }

  double version() const { return version_; }

 private:
  static train::Trainer make_trainer(const std::string& optimizer, double lr, uint64_t seed) {
    train::TrainerOptions options;
    options.optimizer = optimizer;
    options.lr = lr;
    return train::Trainer(train::SpecModel::from_json(train::kMnistCnnSpec, seed), options);
  }
  void snapshot() {
    good_.clear();
    save_safetensors(good_, trainer_.model().module()->state_dict());
  }

  train::Trainer trainer_;
  std::unique_ptr<optim::OneCycleLR> schedule_;
  Dataset train_, test_;
  std::vector<int64_t> order_;
  std::vector<float> x_, y_;
  std::vector<uint8_t> good_;     // the newest weights known to give a finite loss
  std::vector<uint8_t> pending_;  // weights before the current step, until its loss is known
  int64_t total_steps_ = 0;
  Generator shuffle_{0};
  int64_t batch_ = 64, digits_ = 0, steps_per_epoch_ = 0, epochs_ = 0, epoch_ = 0, step_ = 0;
  uint64_t seed_ = 0;
  bool augment_ = false, training_ = false;
  double version_ = 1;
  double recorded_accuracy_ = -1.0;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_mnist_draw) {
  using mlplay::bindings::DigitReader;
  emscripten::class_<DigitReader>("DigitReader")
      .constructor<>()
      .function("info", &DigitReader::info)
      .function("load", &DigitReader::load)
      .function("save", &DigitReader::save)
      .function("read", &DigitReader::read)
      .function("profile", &DigitReader::profile)
      .function("setData", &DigitReader::set_data)
      .function("dataCount", &DigitReader::data_count)
      .function("startTraining", &DigitReader::start_training)
      .function("trainSteps", &DigitReader::train_steps)
      .function("score", &DigitReader::score)
      .function("mistakes", &DigitReader::mistakes)
      .function("version", &DigitReader::version);
  emscripten::function("mnistCnnSpec", +[] { return std::string(mlplay::train::kMnistCnnSpec); });
}
