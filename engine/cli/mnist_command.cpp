// mlplay train mnist / mlplay eval mnist: train the mnist-draw lesson's CNN on MNIST (with augmentation,
// Adam and a one-cycle learning rate) and report its test accuracy.
//   mlplay train mnist --epochs 8 --out public/models/mnist-cnn.safetensors
//   mlplay eval mnist --model public/models/mnist-cnn.safetensors --json
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/data/idx.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/optim/schedulers/one_cycle_lr.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/mnist.h"

namespace mlplay::cli {
namespace {

using train::kMnistCnnSpec;

constexpr const char* kDefaultModel = "public/models/mnist-cnn.safetensors";

train::Trainer make_trainer(double lr, uint64_t seed) {
  train::TrainerOptions options;
  options.optimizer = "adam";
  options.lr = lr;
  return train::Trainer(train::SpecModel::from_json(kMnistCnnSpec, seed), options);
}

void load_model(train::Trainer& trainer, const std::string& path) {
  check<IOError>(std::filesystem::exists(path), "no model file '", path, "' (train one with: mlplay train mnist)");
  trainer.model().module()->load_state_dict(load_safetensors(path));
}

std::string expect_mnist(const Args& args, const char* command) {
  if (args.positionals().size() != 1 || args.positionals()[0] != "mnist") {
    throw UsageError(std::string(command) + ": say what to " + command + ": 'mnist' (e.g. mlplay " + command + " mnist)");
  }
  return args.value("data").value_or(data::kMnistDefaultDir);
}

int run_train(const std::vector<std::string>& tokens, std::ostream& out) {
  if (std::find(tokens.begin(), tokens.end(), "gpt") != tokens.end()) return run_gpt_train(tokens, out);
  Args args("train", tokens,
            {"data", "epochs", "batch", "lr", "seed", "threads", "out", "resume", "limit", "augment", "junk"},
            {"json"});
  const std::string dir = expect_mnist(args, "train");
  const int64_t epochs = args.integer("epochs", 8, 1, 1000);
  const int64_t batch = args.integer("batch", 64, 1, 4096);
  const double lr = args.number("lr", 3e-3, 1e-6, 1.0);
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  const int threads = static_cast<int>(args.integer("threads", max_threads(), 1, max_threads()));
  const std::string path = args.value("out").value_or(kDefaultModel);
  const std::string augment = args.value("augment").value_or("on");
  if (augment != "on" && augment != "off") throw UsageError("train: --augment must be on or off, got '" + augment + "'");
  const double junk = args.number("junk", train::kMnistJunkFraction, 0, 0.5);
  const bool json = args.flag("json");
  set_num_threads(threads);

  const data::MnistSet train_set = data::load_mnist(dir, "train");
  const data::MnistSet test_set = data::load_mnist(dir, "t10k");
  const int64_t limit = args.integer("limit", train_set.count, 1, train_set.count);

  train::Trainer trainer = make_trainer(lr, seed);
  if (args.has("resume")) load_model(trainer, *args.value("resume"));
  const int64_t steps_per_epoch = (limit + batch - 1) / batch;
  optim::OneCycleLR schedule(trainer.optimizer(), lr, epochs * steps_per_epoch, 0.2);

  std::vector<int64_t> order(static_cast<size_t>(limit));
  std::iota(order.begin(), order.end(), 0);
  Generator shuffle(stream_key(seed, 0x5eed));
  std::vector<float> x(static_cast<size_t>(batch * 784)), y(static_cast<size_t>(batch * 10));
  nlohmann::ordered_json history = nlohmann::ordered_json::array();
  train::MnistScore score;
  const auto start = std::chrono::steady_clock::now();
  for (int64_t epoch = 0; epoch < epochs; ++epoch) {
    for (int64_t i = limit - 1; i > 0; --i) std::swap(order[size_t(i)], order[shuffle.randint(uint32_t(i + 1))]);
    const auto epoch_start = std::chrono::steady_clock::now();
    double loss_sum = 0.0;
    for (int64_t step = 0; step < steps_per_epoch; ++step) {
      const int64_t begin = step * batch, n = std::min(batch, limit - begin);
      const std::span<const int64_t> index(order.data() + begin, size_t(n));
      train::mnist_batch(train_set.images, train_set.labels, index, augment == "on", seed,
                  uint64_t(epoch) * uint64_t(train_set.count) + uint64_t(begin), x.data(), y.data(), junk);
      loss_sum += trainer.train_batch(from_blob(x.data(), {n, 1, 28, 28}), from_blob(y.data(), {n, 10})) * double(n);
      schedule.step();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_start).count();
    score = train::mnist_score(trainer, test_set.images, test_set.labels, test_set.count);
    const double train_loss = loss_sum / double(limit);
    history.push_back({{"epoch", epoch + 1}, {"train_loss", train_loss}, {"test_loss", score.loss},
                       {"test_accuracy", score.accuracy}, {"seconds", seconds}});
    if (!json) {
      char line[200];
      std::snprintf(line, sizeof line, "epoch %3lld/%lld  train loss %.4f  test loss %.4f  test accuracy %.2f%%  %.1f s (%.0f digits/s)\n",
                    static_cast<long long>(epoch + 1), static_cast<long long>(epochs), train_loss, score.loss,
                    100 * score.accuracy, seconds, double(limit) / seconds);
      out << line << std::flush;
    }
    // A checkpoint after every epoch: the file always holds a usable model.
    std::filesystem::create_directories(std::filesystem::absolute(path).parent_path());
    save_safetensors(path, trainer.model().module()->state_dict(),
                     {{"format", "pt"}, {"mlplay_model", "mnist-cnn"}, {"spec", kMnistCnnSpec},
                      {"epochs", std::to_string(epoch + 1)}, {"junk_fraction", std::to_string(junk)},
                      {"test_accuracy", std::to_string(score.accuracy)}});
  }
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (json) {
    out << nlohmann::ordered_json{{"model", path}, {"epochs", epochs}, {"batch", batch}, {"lr", lr}, {"seed", seed},
                                  {"augment", augment == "on"}, {"junk", junk}, {"train_digits", limit}, {"test_accuracy", score.accuracy},
                                  {"test_loss", score.loss}, {"seconds", total}, {"history", history}}
               .dump()
        << "\n";
  } else {
    char line[200];
    std::snprintf(line, sizeof line, "wrote %s (test accuracy %.2f%%, %.0f s)\n", path.c_str(), 100 * score.accuracy, total);
    out << line;
  }
  return 0;
}

int run_eval(const std::vector<std::string>& tokens, std::ostream& out) {
  if (std::find(tokens.begin(), tokens.end(), "gpt") != tokens.end()) return run_gpt_eval(tokens, out);
  Args args("eval", tokens, {"data", "model", "threads"}, {"json"});
  const std::string dir = expect_mnist(args, "eval");
  const int threads = static_cast<int>(args.integer("threads", max_threads(), 1, max_threads()));
  set_num_threads(threads);
  train::Trainer trainer = make_trainer(1e-3, 0);
  load_model(trainer, args.value("model").value_or(kDefaultModel));
  const data::MnistSet test_set = data::load_mnist(dir, "t10k");
  std::vector<uint8_t> predictions;
  const auto start = std::chrono::steady_clock::now();
  const train::MnistScore score = train::mnist_score(trainer, test_set.images, test_set.labels, test_set.count, &predictions);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::vector<int64_t>> confusion(10, std::vector<int64_t>(10, 0));
  for (int64_t i = 0; i < test_set.count; ++i) ++confusion[test_set.labels[size_t(i)]][predictions[size_t(i)]];
  std::vector<double> per_class(10);
  for (int k = 0; k < 10; ++k) {
    const int64_t row = std::accumulate(confusion[k].begin(), confusion[k].end(), int64_t{0});
    per_class[size_t(k)] = row > 0 ? double(confusion[k][k]) / double(row) : 0.0;
  }
  if (args.flag("json")) {
    out << nlohmann::ordered_json{{"accuracy", score.accuracy}, {"loss", score.loss}, {"count", score.count},
                                  {"errors", score.count - int64_t(std::llround(score.accuracy * double(score.count)))},
                                  {"per_class_accuracy", per_class}, {"confusion", confusion}, {"seconds", seconds}}
               .dump()
        << "\n";
    return 0;
  }
  char line[200];
  std::snprintf(line, sizeof line, "test accuracy %.2f%% (%lld of %lld digits), mean cross-entropy %.4f, %.2f s\n",
                100 * score.accuracy, static_cast<long long>(std::llround(score.accuracy * double(score.count))),
                static_cast<long long>(score.count), score.loss, seconds);
  out << line << "per digit:";
  for (int k = 0; k < 10; ++k) {
    std::snprintf(line, sizeof line, "  %d %.1f%%", k, 100 * per_class[size_t(k)]);
    out << line;
  }
  out << "\n";
  return 0;
}

}  // namespace

Command train_command() {
  return {"train",
          "mlplay train mnist [--epochs 8] [--batch 64] [--lr 0.003] [--augment on|off] [--junk 0.0625] [--limit N] [--seed S] "
          "[--threads T] [--resume FILE] [--out FILE] [--data DIR] [--json]\n"
          "       mlplay train gpt [--steps 1800] [--batch 8] [--lr 0.0025] [--warmup 100] [--vocab 1024] [--context 128] "
          "[--layers 4] [--heads 4] [--dim 128] [--eval-every 200] [--seed S] [--threads 1] [--resume FILE] "
          "[--checkpoint FILE] [--out FILE] [--tokenizer-out FILE] [--data FILE] [--json]",
          "Train the mnist-draw CNN on MNIST (augmented, with a fraction of non-digit scribbles whose target is "
          "uniform; Adam, one-cycle lr); writes a checkpoint every epoch. `mlplay train gpt`: the minigpt transformer "
          "(gpt_command.cpp).",
          run_train};
}

Command eval_command() {
  return {"eval", "mlplay eval mnist [--model FILE] [--data DIR] [--threads T] [--json]\n"
          "       mlplay eval gpt [--model FILE] [--data FILE] [--tokens 1000] [--temperature 0.8] [--seed S] [--json]",
          "Test accuracy, loss, per-digit accuracy and confusion matrix of a trained mnist-draw CNN. `mlplay eval gpt`: "
          "the minigpt's validation loss, perplexity and word validity.", run_eval};
}

}  // namespace mlplay::cli
