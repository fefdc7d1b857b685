// mlplay hmm: the hmm lesson on the command line. A hidden Markov model (a preset or a JSON file),
// an observation sequence, and the forward algorithm, Viterbi, posterior decoding, sampling or
// Baum–Welch.
//   mlplay hmm viterbi --model casino --obs "3 1 6 6 6 2 6 6 4"
//   mlplay hmm fit --model casino --sequences 10 --length 300 --iterations 100 --json
#include <climits>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/hmm/hmm.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::hmm;
using Json = nlohmann::ordered_json;

/// A JSON file {"states", "symbols", "start", "transition", "emission"} (matrices as arrays of rows).
Hmm read_model(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot open '", path, "'");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(file);
    Hmm m;
    m.states = j.at("states").get<std::vector<std::string>>();
    m.symbols = j.at("symbols").get<std::vector<std::string>>();
    m.start = j.at("start").get<std::vector<double>>();
    for (const char* key : {"transition", "emission"}) {
      auto& out = std::string(key) == "transition" ? m.transition : m.emission;
      const size_t width = std::string(key) == "transition" ? m.states.size() : m.symbols.size();
      const auto rows = j.at(key).get<std::vector<std::vector<double>>>();
      check(rows.size() == m.states.size(), key, " has ", rows.size(), " rows; expected one per state (", m.states.size(), ")");
      for (size_t i = 0; i < rows.size(); ++i) {
        check(rows[i].size() == width, key, " row ", i + 1, " has ", rows[i].size(), " entries; expected ", width);
        out.insert(out.end(), rows[i].begin(), rows[i].end());
      }
    }
    check_model(m);
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw IOError("'" + path + "' is not a model file (" + e.what() + "); expected {\"states\", \"symbols\", \"start\", \"transition\", \"emission\"}");
  } catch (const Error& e) {
    throw ValueError("'" + path + "': " + e.what());
  }
}

Hmm load_model(const Args& args) {
  const std::string name = args.value("model").value_or("casino");
  if (name == "casino" || name == "weather" || name == "fever") return preset(name);
  if (name.size() > 5 && name.substr(name.size() - 5) == ".json") return read_model(name);
  throw UsageError("hmm: --model must be casino, weather, fever or a FILE.json, got '" + name + "'");
}

Json rows(const std::vector<double>& flat, size_t width) {
  Json out = Json::array();
  for (size_t i = 0; i < flat.size(); i += width) out.push_back(std::vector<double>(flat.begin() + i, flat.begin() + i + width));
  return out;
}

Json model_json(const Hmm& m) {
  return {{"states", m.states}, {"symbols", m.symbols}, {"start", m.start},
          {"transition", rows(m.transition, m.states.size())}, {"emission", rows(m.emission, m.symbols.size())}};
}

std::vector<std::string> names(const std::vector<int>& path, const std::vector<std::string>& of) {
  std::vector<std::string> out;
  for (int i : path) out.push_back(of[static_cast<size_t>(i)]);
  return out;
}

void print_model(const Hmm& m, std::ostream& out) {
  char cell[64];
  out << "start π:";
  for (size_t i = 0; i < m.start.size(); ++i) std::snprintf(cell, sizeof cell, "  %s %.4f", m.states[i].c_str(), m.start[i]), out << cell;
  out << "\ntransition A (row: from, column: to):\n";
  for (int i = 0; i < m.num_states(); ++i) {
    std::snprintf(cell, sizeof cell, "  %-8s", m.states[i].c_str()), out << cell;
    for (int j = 0; j < m.num_states(); ++j) std::snprintf(cell, sizeof cell, " %.4f", m.a(i, j)), out << cell;
    out << "\n";
  }
  out << "emission B (columns:";
  for (const auto& s : m.symbols) out << ' ' << s;
  out << "):\n";
  for (int i = 0; i < m.num_states(); ++i) {
    std::snprintf(cell, sizeof cell, "  %-8s", m.states[i].c_str()), out << cell;
    for (int k = 0; k < m.num_symbols(); ++k) std::snprintf(cell, sizeof cell, " %.4f", m.b(i, k)), out << cell;
    out << "\n";
  }
}

std::vector<int> observations(const Args& args, const Hmm& m) {
  if (!args.has("obs")) throw UsageError("hmm " + args.positionals()[0] + ": --obs \"SYMBOLS\" is required");
  try {
    return parse_observations(*args.value("obs"), m);
  } catch (const ValueError& e) {
    throw UsageError(std::string("hmm: --obs: ") + e.what());
  }
}

/// t, x_t and one column per state of `table` (T, K).
void print_table(const Hmm& m, const std::vector<int>& x, const std::vector<double>& table, const char* title, std::ostream& out) {
  const size_t K = m.states.size();
  char cell[64];
  out << title << "\n     t  x_t     ";
  for (const auto& s : m.states) std::snprintf(cell, sizeof cell, " %10s", s.c_str()), out << cell;
  out << "\n";
  for (size_t t = 0; t < x.size(); ++t) {
    std::snprintf(cell, sizeof cell, "%6zu  %-8s", t + 1, m.symbols[static_cast<size_t>(x[t])].c_str()), out << cell;
    for (size_t i = 0; i < K; ++i) std::snprintf(cell, sizeof cell, " %10.6f", table[t * K + i]), out << cell;
    out << "\n";
  }
}

int run_hmm(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("hmm", tokens, {"model", "obs", "length", "sequences", "iterations", "seed"}, {"json"});
  if (args.positionals().size() != 1) throw UsageError("hmm: give one action: forward, viterbi, posterior, sample or fit");
  const std::string action = args.positionals()[0];
  if (action != "forward" && action != "viterbi" && action != "posterior" && action != "sample" && action != "fit")
    throw UsageError("hmm: unknown action '" + action + "'; choose forward, viterbi, posterior, sample or fit");
  const Hmm m = load_model(args);
  const bool json = args.flag("json");
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  char line[256];
  if (action == "forward" || action == "viterbi" || action == "posterior") {
    const std::vector<int> x = observations(args, m);
    Json result = {{"action", action}, {"model", model_json(m)}, {"observations", names(x, m.symbols)}};
    if (action == "forward") {
      const ForwardResult f = forward(m, x);
      if (json) {
        result["alpha_hat"] = rows(f.alpha_hat, m.states.size());
        result["scale"] = f.scale;
        result["log_likelihood"] = f.log_likelihood;
        out << result.dump() << "\n";
        return 0;
      }
      print_table(m, x, f.alpha_hat, "scaled forward variables α̂_t(i) = P(z_t = i | x_1..t):", out);
      std::snprintf(line, sizeof line, "log P(x) = %.10g   (P(x) = %.6g)\n", f.log_likelihood, std::exp(f.log_likelihood));
      out << line;
      return 0;
    }
    if (action == "viterbi") {
      const ViterbiResult v = viterbi(m, x);
      if (json) {
        result["path"] = names(v.path, m.states);
        result["log_probability"] = v.log_probability;
        out << result.dump() << "\n";
        return 0;
      }
      out << "Viterbi path:";
      for (const auto& s : names(v.path, m.states)) out << ' ' << s;
      std::snprintf(line, sizeof line, "\nlog P(path, x) = %.10g   (P = %.6g)\n", v.log_probability, std::exp(v.log_probability));
      out << line;
      return 0;
    }
    const PosteriorResult p = posterior(m, x);
    if (json) {
      result["gamma"] = rows(p.gamma, m.states.size());
      result["path"] = names(p.path, m.states);
      result["log_likelihood"] = p.log_likelihood;
      out << result.dump() << "\n";
      return 0;
    }
    print_table(m, x, p.gamma, "posterior γ_t(i) = P(z_t = i | x_1..T) by forward–backward:", out);
    out << "posterior decoding:";
    for (const auto& s : names(p.path, m.states)) out << ' ' << s;
    std::snprintf(line, sizeof line, "\nlog P(x) = %.10g\n", p.log_likelihood);
    out << line;
    return 0;
  }
  if (args.has("obs")) throw UsageError("hmm " + action + ": --obs is for forward, viterbi and posterior");
  if (action == "sample") {
    Generator generator(seed);
    const Sample s = sample(m, args.integer("length", 50, 1, 1'000'000), generator);
    if (json) {
      out << Json{{"action", "sample"}, {"seed", seed}, {"states", names(s.states, m.states)},
                  {"observations", names(s.observations, m.symbols)}}.dump() << "\n";
      return 0;
    }
    out << "states:      ";
    for (const auto& n : names(s.states, m.states)) out << ' ' << n;
    out << "\nobservations:";
    for (const auto& n : names(s.observations, m.symbols)) out << ' ' << n;
    out << "\n";
    return 0;
  }
  if (action == "fit") {
    const int64_t count = args.integer("sequences", 10, 1, 10'000);
    const int64_t length = args.integer("length", 200, 1, 100'000);
    const int64_t iterations = args.integer("iterations", 50, 0, 100'000);
    const std::vector<std::vector<int>> sequences = sample_sequences(m, count, length, seed);
    double truth = 0;
    for (const auto& x : sequences) truth += forward(m, x).log_likelihood;
    BaumWelch bw(random_like(m, seed + 1), sequences);
    std::vector<double> history;
    for (int64_t i = 0; i < iterations; ++i) history.push_back(bw.step());
    history.push_back(bw.log_likelihood());
    if (json) {
      out << Json{{"action", "fit"}, {"seed", seed}, {"sequences", count}, {"length", length}, {"iterations", iterations},
                  {"log_likelihood", history}, {"true_log_likelihood", truth}, {"model", model_json(bw.model())},
                  {"true_model", model_json(m)}}.dump() << "\n";
      return 0;
    }
    std::snprintf(line, sizeof line, "Baum–Welch on %lld sampled sequences of %lld symbols, from a random start (seed %llu)\n",
                  static_cast<long long>(count), static_cast<long long>(length), static_cast<unsigned long long>(seed));
    out << line;
    for (size_t i = 0; i < history.size(); ++i) {
      if (i < 10 || i + 1 == history.size() || i % 10 == 0) {
        std::snprintf(line, sizeof line, "iteration %5zu  log-likelihood %.6f\n", i, history[i]);
        out << line;
      }
    }
    std::snprintf(line, sizeof line, "the true model scores %.6f on the same sequences\nfitted model:\n", truth);
    out << line;
    print_model(bw.model(), out);
    return 0;
  }
  return 2;  // unreachable: the action was checked above
}

}  // namespace

Command hmm_command() {
  return {"hmm",
          "mlplay hmm forward|viterbi|posterior|sample|fit [--model casino|weather|fever|FILE.json] [--obs \"SYMBOLS\"] "
          "[--length T] [--sequences N] [--iterations I] [--seed S] [--json]",
          "Hidden Markov model: the forward algorithm (scaled α and log P(x)), the Viterbi path, posterior decoding by "
          "forward–backward, sampling, or Baum–Welch fitted to N sampled sequences from a random start (the "
          "log-likelihood per iteration). --obs lists symbols by name (\"walk shop clean\"; casino rolls may be run "
          "together: \"31666\"). A model file is JSON {states, symbols, start, transition: [[…]], emission: [[…]]}.",
          run_hmm};
}

}  // namespace mlplay::cli
