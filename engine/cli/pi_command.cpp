// mlplay pi: estimate π by Monte Carlo, as in the monte-carlo-pi lesson.
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "args.h"
#include "commands.h"
#include "mlplay/core/parallel.h"
#include "mlplay/prob/monte_carlo.h"

namespace mlplay::cli {
namespace {

int run_pi(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("pi", tokens, {"samples", "threads", "seed"}, {"json"});
  if (!args.positionals().empty()) throw UsageError("pi: unexpected argument '" + args.positionals()[0] + "'");
  const int64_t samples = args.integer("samples", 10'000'000, 1, 1'000'000'000'000);
  const int threads = static_cast<int>(args.integer("threads", max_threads(), 1, max_threads()));
  const int64_t seed = args.integer("seed", 0, 0, INT64_MAX);
  set_num_threads(threads);

  PiEstimator estimator(static_cast<uint64_t>(seed));
  const auto start = std::chrono::steady_clock::now();
  estimator.throw_darts(samples);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double rate = seconds > 0 ? static_cast<double>(samples) / seconds : 0.0;

  if (args.flag("json")) {
    nlohmann::ordered_json result = {
        {"estimate", estimator.estimate()}, {"stderr", estimator.standard_error()},
        {"samples", estimator.samples()},   {"darts_per_second", rate},
        {"inside", estimator.inside()},     {"seed", seed},
        {"threads", threads},               {"seconds", seconds}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[256];
  std::snprintf(line, sizeof line, "pi ~ %.8f +- %.8f (standard error; |error| = %.2e)\n", estimator.estimate(),
                estimator.standard_error(), std::fabs(estimator.estimate() - M_PI));
  out << line;
  std::snprintf(line, sizeof line, "darts: %lld, inside the quarter circle: %lld (seed %lld)\n",
                static_cast<long long>(samples), static_cast<long long>(estimator.inside()),
                static_cast<long long>(seed));
  out << line;
  std::snprintf(line, sizeof line, "%.3f s on %d thread%s: %.3g darts/s\n", seconds, threads, threads == 1 ? "" : "s",
                rate);
  out << line;
  return 0;
}

}  // namespace

Command pi_command() {
  return {"pi", "mlplay pi [--samples N] [--threads T] [--seed S] [--json]",
          "Estimate pi by throwing N darts (default 1e7) at the unit square on T threads (default: all cores).",
          run_pi};
}

}  // namespace mlplay::cli
