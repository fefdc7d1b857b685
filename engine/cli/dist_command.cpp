// mlplay dist: a distribution's moments against the moments of a sample drawn by the engine's own
// sampler, a few quantiles, and optionally the central limit theorem on means of n draws — as in the
// distributions lesson.
#include <array>
#include <climits>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/sample_run.h"

namespace mlplay::cli {
namespace {

using stats::Distribution;
using stats::Family;

struct Parameter {
  const char* flag;
  double fallback;
};

// The flags of each family's two parameters (nullptr: none), in Distribution's (a, b) order.
std::array<Parameter, 2> parameters_of(Family family) {
  switch (family) {
    case Family::normal: return {{{"mu", 0}, {"sigma", 1}}};
    case Family::binomial: return {{{"n", 10}, {"p", 0.5}}};
    case Family::poisson: return {{{"lambda", 4}, {nullptr, 0}}};
    case Family::exponential: return {{{"lambda", 1}, {nullptr, 0}}};
    case Family::uniform: return {{{"a", 0}, {"b", 1}}};
    case Family::beta: return {{{"alpha", 2}, {"beta", 5}}};
    case Family::gamma: return {{{"k", 2}, {"theta", 1}}};
  }
  return {};
}

constexpr const char* kParameterFlags[] = {"mu", "sigma", "n", "p", "lambda", "a", "b", "alpha", "beta", "k", "theta"};
constexpr double kQuantiles[] = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

std::string flags_of(Family family) {
  std::string text;
  for (const auto& parameter : parameters_of(family))
    if (parameter.flag) text += (text.empty() ? "--" : ", --") + std::string(parameter.flag);
  return text;
}

Distribution read_distribution(const Args& args) {
  if (args.positionals().size() != 1)
    throw UsageError(args.positionals().empty() ? "dist: name a distribution: normal, binomial, poisson, exponential, uniform, beta or gamma"
                                                : "dist: unexpected argument '" + args.positionals()[1] + "'");
  Family family;
  try {
    family = stats::family_from_name(args.positionals()[0]);
  } catch (const ValueError& e) {
    throw UsageError(e.what());
  }
  const auto parameters = parameters_of(family);
  for (const char* flag : kParameterFlags) {
    const bool mine = (parameters[0].flag && flag == std::string(parameters[0].flag)) ||
                      (parameters[1].flag && flag == std::string(parameters[1].flag));
    if (args.has(flag) && !mine)
      throw UsageError(std::string("dist: --") + flag + " does not apply to " + stats::family_name(family) +
                       " (its parameters: " + flags_of(family) + ")");
  }
  double values[2] = {0, 0};
  for (int i = 0; i < 2; ++i)
    if (parameters[i].flag) values[i] = args.number(parameters[i].flag, parameters[i].fallback, -1e12, 1e12);
  try {
    return Distribution(family, values[0], values[1]);
  } catch (const ValueError& e) {
    throw UsageError(std::string("dist: ") + e.what());
  }
}

nlohmann::ordered_json moments_json(const stats::Moments& m) {
  return {{"mean", m.mean}, {"variance", m.variance}, {"std", std::sqrt(m.variance)}, {"skewness", m.skewness}};
}

void print_moments(std::ostream& out, const char* theory_title, const stats::Moments& theory, const stats::Moments& sample) {
  char line[160];
  std::snprintf(line, sizeof line, "  %-10s %14s %14s\n", "", theory_title, "sample");
  out << line;
  const struct { const char* name; double theory, sample; } rows[] = {
      {"mean", theory.mean, sample.mean},
      {"std dev", std::sqrt(theory.variance), std::sqrt(sample.variance)},
      {"variance", theory.variance, sample.variance},
      {"skewness", theory.skewness, sample.skewness}};
  for (const auto& row : rows) {
    std::snprintf(line, sizeof line, "  %-10s %14.6g %14.6g\n", row.name, row.theory, row.sample);
    out << line;
  }
}

int run_dist(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("dist", tokens, {"sample", "seed", "clt", "means", "mu", "sigma", "n", "p", "lambda", "a", "b", "alpha", "beta", "k", "theta"},
            {"json"});
  const Distribution distribution = read_distribution(args);
  const int64_t count = args.integer("sample", 10000, 1, stats::SampleRun::kMaxValues);
  const int64_t seed = args.integer("seed", 0, 0, INT64_MAX);
  const int clt = static_cast<int>(args.integer("clt", 0, 0, stats::SampleRun::kMaxN));
  const int64_t means = args.integer("means", 10000, 1, stats::SampleRun::kMaxValues);
  if (args.has("means") && clt == 0) throw UsageError("dist: --means needs --clt N (the number of draws per mean)");

  stats::SampleRun run(distribution, 1, static_cast<uint64_t>(seed));
  run.draw(count);
  const stats::Moments sample = run.moments(), theory = run.expected();
  const double ks = run.ks_to_distribution();

  nlohmann::ordered_json result = {
      {"distribution", stats::family_name(distribution.family())},
      {"description", distribution.describe()},
      {"parameters", nlohmann::ordered_json::object()},
      {"sampler", stats::sampler_name(distribution.sampler())},
      {"theory", moments_json(theory)},
      {"sample", moments_json(sample)},
  };
  const auto parameters = parameters_of(distribution.family());
  const double values[2] = {distribution.a(), distribution.b()};
  for (int i = 0; i < 2; ++i)
    if (parameters[i].flag) result["parameters"][parameters[i].flag] = values[i];
  result["sample"]["count"] = count;
  result["sample"]["seed"] = seed;
  result["sample"]["ks_distance"] = ks;
  result["sample"]["proposals_per_draw"] = run.proposals_per_draw();
  result["quantile_method"] = distribution.quantile_closed_form() ? "closed form" : "bisection on the CDF";
  result["quantiles"] = nlohmann::ordered_json::array();
  for (double p : kQuantiles) result["quantiles"].push_back({{"p", p}, {"x", distribution.quantile(p)}});

  std::optional<stats::SampleRun> means_run;
  if (clt > 0) {
    means_run.emplace(distribution, clt, static_cast<uint64_t>(seed) + 1);
    means_run->draw(means);
    result["clt"] = {{"n", clt},
                     {"means", means},
                     {"theory", moments_json(means_run->expected())},
                     {"sample", moments_json(means_run->moments())},
                     {"ks_distance_to_normal", means_run->ks_to_normal()}};
  }

  if (args.flag("json")) {
    out << result.dump() << "\n";
    return 0;
  }
  char line[200];
  out << distribution.describe() << " — sampler: " << stats::sampler_name(distribution.sampler()) << "\n";
  print_moments(out, "theory", theory, sample);
  std::snprintf(line, sizeof line, "  %lld draws (seed %lld); Kolmogorov–Smirnov distance to the CDF: %.4g\n",
                static_cast<long long>(count), static_cast<long long>(seed), ks);
  out << line;
  if (distribution.sampler() == stats::Sampler::rejection) {
    std::snprintf(line, sizeof line, "  rejection sampler: %.4f proposals per accepted gamma draw\n", run.proposals_per_draw());
    out << line;
  }
  out << "quantiles (" << (distribution.quantile_closed_form() ? "closed form" : "bisection on the CDF")
      << "): the x with P(X <= x) = p\n";
  for (double p : kQuantiles) {
    std::snprintf(line, sizeof line, "  p = %-5g x = %.6g\n", p, distribution.quantile(p));
    out << line;
  }
  if (means_run) {
    const auto expected = means_run->expected();
    std::snprintf(line, sizeof line, "central limit theorem: %lld means of %d draws (seed %lld)\n",
                  static_cast<long long>(means), clt, static_cast<long long>(seed) + 1);
    out << line;
    print_moments(out, "CLT says", expected, means_run->moments());
    std::snprintf(line, sizeof line, "  Kolmogorov–Smirnov distance to N(%.6g, %.6g²): %.4g\n", expected.mean,
                  std::sqrt(expected.variance), means_run->ks_to_normal());
    out << line;
  }
  return 0;
}

}  // namespace

Command dist_command() {
  return {"dist",
          "mlplay dist normal|binomial|poisson|exponential|uniform|beta|gamma [--mu M --sigma S | --n N --p P | "
          "--lambda L | --a A --b B | --alpha A --beta B | --k K --theta T] [--sample N] [--seed S] [--clt N "
          "[--means M]] [--json]",
          "A distribution's mean, variance and skewness against a sample drawn by the engine's sampler (default "
          "10000 draws), its quantiles, and with --clt N the means of N draws against the normal the central limit "
          "theorem promises.",
          run_dist};
}

}  // namespace mlplay::cli
