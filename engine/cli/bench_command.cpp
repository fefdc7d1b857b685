// mlplay bench gemm|mlp|cnn|digits: the native counterparts of the browser benchmarks in bench/web/:
// SGEMM GFLOP/s on n×n×n products, training / inference rates of the fixed MLP and CNN workloads
// (engine/include/mlplay/bench/models.h), and the mnist-draw lesson's CNN (train/mnist.h): training
// samples/s and one digit's inference through the fused path (train/inference_plan.h) and through
// the ordinary eval-mode forward. Medians of 5 runs of about 0.3 s each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "args.h"
#include "commands.h"
#include "mlplay/bench/models.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"
#include "mlplay/kernels/sgemm.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/mnist.h"
#include "mlplay/train/trainer.h"

namespace mlplay::cli {
namespace {

double gemm_gflops(int n) {
  Generator g(0);
  std::vector<float> a(size_t(n) * n), b(size_t(n) * n), c(size_t(n) * n);
  for (auto& x : a) x = g.uniform(-1.0f, 1.0f);
  for (auto& x : b) x = g.uniform(-1.0f, 1.0f);
  auto run = [&](int reps) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r) kernels::sgemm(false, false, n, n, n, 1.0f, a.data(), n, b.data(), n, 0.0f, c.data(), n);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  int reps = 1;
  for (double seconds = run(reps); seconds < 0.06; seconds = run(reps)) reps *= 4;
  reps = std::max(1, int(reps * 0.3 / run(reps)));
  std::vector<double> rates;
  for (int i = 0; i < 5; ++i) rates.push_back(2.0 * n * n * n * reps / run(reps) / 1e9);
  std::sort(rates.begin(), rates.end());
  return rates[2];
}

std::vector<int> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    auto n = parse_integer(item);
    if (!n || *n < 1 || *n > 4096) throw UsageError("bench: --sizes expects numbers from 1 to 4096 separated by commas, got '" + text + "'");
    sizes.push_back(int(*n));
  }
  if (sizes.empty()) throw UsageError("bench: --sizes is empty");
  return sizes;
}

/// Median rate (units per second) of `step` over 5 runs of about 0.3 s; `units` per call of step.
template <typename Step>
double median_rate(Step step, double units) {
  auto run = [&](int reps) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; ++r) step();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  int reps = 1;
  for (double seconds = run(reps); seconds < 0.06; seconds = run(reps)) reps *= 4;
  reps = std::max(1, int(reps * 0.3 / run(reps)));
  std::vector<double> rates;
  for (int i = 0; i < 5; ++i) rates.push_back(units * reps / run(reps));
  std::sort(rates.begin(), rates.end());
  return rates[2];
}

/// mlp / cnn: training samples per second (batch 64, Adam) and, for the CNN, one-image inference.
int run_model_bench(const std::string& what, const Args& args, std::ostream& out) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  const int threads = get_num_threads();
  if (what == "digits") {
    train::Trainer trainer(train::SpecModel::from_json(train::kMnistCnnSpec, 1), {});
    Generator gen(2);
    const Tensor x = rand({64, 1, 28, 28}, gen);
    Tensor y = zeros({64});
    for (int64_t i = 0; i < 64; ++i) y.data_ptr()[i] = float(i % 10);
    const double rate = median_rate([&] { trainer.train_batch(x, y); }, 64);
    const Tensor one = narrow(x, 0, 0, 1).contiguous();
    const double fused = median_rate([&] { trainer.predict_one(one.data_ptr()); }, 1);
    const double plain = median_rate([&] { trainer.predict(one); }, 1);
    results.push_back({{"case", "digits-train"}, {"threads", threads}, {"samples_per_second", rate}});
    results.push_back({{"case", "digits-infer"}, {"threads", threads}, {"milliseconds", 1000.0 / fused}});
    results.push_back({{"case", "digits-infer-unfused"}, {"threads", threads}, {"milliseconds", 1000.0 / plain}});
  } else if (what == "mlp") {
    bench::MlpWorkload mlp(64);
    const double rate = median_rate([&] { mlp.train_step(); }, 64);
    results.push_back({{"case", "mlp-train"}, {"threads", threads}, {"samples_per_second", rate}});
  } else {
    bench::CnnWorkload cnn(64);
    const double rate = median_rate([&] { cnn.train_step(); }, 64);
    const double per_second = median_rate([&] { cnn.infer_one(); }, 1);
    results.push_back({{"case", "cnn-train"}, {"threads", threads}, {"samples_per_second", rate}});
    results.push_back({{"case", "cnn-infer"}, {"threads", threads}, {"milliseconds", 1000.0 / per_second}});
  }
  if (args.flag("json")) {
    out << results.dump() << "\n";
    return 0;
  }
  for (const auto& r : results) {
    char line[160];
    if (r.contains("milliseconds")) {
      std::snprintf(line, sizeof line, "%s on %d thread%s: %.4f ms per image\n", r["case"].get<std::string>().c_str(),
                    threads, threads == 1 ? "" : "s", r["milliseconds"].get<double>());
    } else {
      std::snprintf(line, sizeof line, "%s on %d thread%s: %.0f samples/s (batch 64, Adam)\n",
                    r["case"].get<std::string>().c_str(), threads, threads == 1 ? "" : "s",
                    r["samples_per_second"].get<double>());
    }
    out << line;
  }
  return 0;
}

int run_bench(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("bench", tokens, {"sizes", "threads"}, {"json"});
  const std::string what = args.positionals().size() == 1 ? args.positionals()[0] : "";
  if (what != "gemm" && what != "mlp" && what != "cnn" && what != "digits") {
    throw UsageError("bench: name what to measure: gemm, mlp, cnn or digits");
  }
  const int threads = int(args.integer("threads", max_threads(), 1, max_threads()));
  set_num_threads(threads);
  if (what != "gemm") return run_model_bench(what, args, out);
  const auto sizes = parse_sizes(args.value("sizes").value_or("128,256,512,1024"));
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (int n : sizes) {
    const double gflops = gemm_gflops(n);
    results.push_back({{"case", "gemm"}, {"n", n}, {"threads", threads}, {"gflops", gflops}});
    if (!args.flag("json")) {
      char line[128];
      std::snprintf(line, sizeof line, "sgemm %4d x %4d x %4d on %d thread%s: %6.1f GFLOP/s\n", n, n, n, threads,
                    threads == 1 ? "" : "s", gflops);
      out << line;
    }
  }
  if (args.flag("json")) out << results.dump() << "\n";
  return 0;
}

}  // namespace

Command bench_command() {
  return {"bench", "mlplay bench gemm|mlp|cnn|digits [--sizes 128,256,512,1024] [--threads T] [--json]",
          "Measure the engine natively: SGEMM GFLOP/s on n x n matrices; MLP 784-128-10 or small-CNN training "
          "samples/s (batch 64, Adam) and CNN one-image inference time; digits: the mnist-draw CNN's training rate and "
          "one-digit inference, fused and unfused.",
          run_bench};
}

}  // namespace mlplay::cli
