// hmm: a discrete hidden Markov model from JS ({states, symbols, start, transition, emission}, matrices
// flat and row-major), the forward algorithm, Viterbi, posterior decoding, sampling and Baum–Welch.
// Paths cross as Int32Array, tables as Float64Array (T × K, row by row).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/hmm/hmm.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::hmm;

std::vector<std::string> strings(const val& array) { return emscripten::vecFromJSArray<std::string>(array); }
std::vector<int> ints(const val& array) { return emscripten::convertJSArrayToNumberVector<int>(array); }

Hmm to_model(const val& spec) {
  Hmm m;
  m.states = strings(spec["states"]);
  m.symbols = strings(spec["symbols"]);
  m.start = doubles(spec["start"]);
  m.transition = doubles(spec["transition"]);
  m.emission = doubles(spec["emission"]);
  return m;
}

val to_spec(const Hmm& m) {
  val out = val::object(), states = val::array(), symbols = val::array();
  for (const auto& s : m.states) states.call<void>("push", s);
  for (const auto& s : m.symbols) symbols.call<void>("push", s);
  out.set("states", states);
  out.set("symbols", symbols);
  out.set("start", typed_array("Float64Array", m.start));
  out.set("transition", typed_array("Float64Array", m.transition));
  out.set("emission", typed_array("Float64Array", m.emission));
  return out;
}

val hmm_preset(const std::string& name) {
  return guard([&] { return to_spec(preset(name)); });
}

/// "" when the model is usable, else what is wrong ("transition row 'Fair' sums to 0.9, not 1").
std::string hmm_model_problem(const val& spec) {
  return guard([&] { return model_problem(to_model(spec)); });
}

val hmm_normalized(const val& spec) {
  return guard([&] { return to_spec(normalized(to_model(spec))); });
}

/// Symbol indices; throws naming the token that is not a symbol.
val hmm_parse_observations(const std::string& text, const val& spec) {
  return guard([&] { return typed_array("Int32Array", parse_observations(text, to_model(spec))); });
}

/// Everything the decoding demo draws, for one model and one observation sequence.
val hmm_analyze(const val& spec, const val& observations) {
  return guard([&] {
    const Hmm m = to_model(spec);
    const std::vector<int> x = ints(observations);
    const ForwardResult f = forward(m, x);
    const PosteriorResult p = posterior(m, x);
    const ViterbiResult v = viterbi(m, x);
    val out = val::object();
    out.set("alphaHat", typed_array("Float64Array", f.alpha_hat));
    out.set("logAlpha", typed_array("Float64Array", f.log_alpha));
    out.set("scale", typed_array("Float64Array", f.scale));
    out.set("logLikelihood", f.log_likelihood);
    out.set("gamma", typed_array("Float64Array", p.gamma));
    out.set("posteriorPath", typed_array("Int32Array", p.path));
    out.set("viterbiPath", typed_array("Int32Array", v.path));
    out.set("viterbiLogProbability", v.log_probability);
    return out;
  });
}

val hmm_sample(const val& spec, double length, double seed) {
  return guard([&] {
    Generator generator(to_count(seed, "hmmSample: seed"));
    const Sample s = sample(to_model(spec), static_cast<int64_t>(to_count(length, "hmmSample: length")), generator);
    val out = val::object();
    out.set("states", typed_array("Int32Array", s.states));
    out.set("observations", typed_array("Int32Array", s.observations));
    return out;
  });
}

double hmm_agreement(const val& a, const val& b) {
  return guard([&] { return agreement(ints(a), ints(b)); });
}

/// Baum–Welch on `count` sequences sampled from the true model with `seed`, from random_like(truth, seed + 1):
/// the same experiment as `mlplay hmm fit`.
class HmmFitterJs {
 public:
  HmmFitterJs(const val& truth, double count, double length, double seed)
      : truth_(guard([&] { return to_model(truth); })),
        sequences_(guard([&] {
          return sample_sequences(truth_, static_cast<int64_t>(to_count(count, "HmmFitter: count")),
                                  static_cast<int64_t>(to_count(length, "HmmFitter: length")), to_count(seed, "HmmFitter: seed"));
        })),
        fitter_(guard([&] { return BaumWelch(random_like(truth_, to_count(seed, "HmmFitter: seed") + 1), sequences_); })) {}

  double step() { return guard([&] { return fitter_.step(); }); }
  double log_likelihood() const { return guard([&] { return fitter_.log_likelihood(); }); }
  double true_log_likelihood() const {
    return guard([&] {
      double total = 0;
      for (const auto& x : sequences_) total += forward(truth_, x).log_likelihood;
      return total;
    });
  }
  double iterations() const { return static_cast<double>(fitter_.iterations()); }
  val model() const { return to_spec(fitter_.model()); }

 private:
  Hmm truth_;
  std::vector<std::vector<int>> sequences_;
  BaumWelch fitter_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_hmm) {
  using namespace emscripten;
  using mlplay::bindings::HmmFitterJs;
  class_<HmmFitterJs>("HmmFitter")
      .constructor<val, double, double, double>()
      .function("step", &HmmFitterJs::step)
      .function("logLikelihood", &HmmFitterJs::log_likelihood)
      .function("trueLogLikelihood", &HmmFitterJs::true_log_likelihood)
      .function("iterations", &HmmFitterJs::iterations)
      .function("model", &HmmFitterJs::model);
  function("hmmPreset", &mlplay::bindings::hmm_preset);
  function("hmmModelProblem", &mlplay::bindings::hmm_model_problem);
  function("hmmNormalized", &mlplay::bindings::hmm_normalized);
  function("hmmParseObservations", &mlplay::bindings::hmm_parse_observations);
  function("hmmAnalyze", &mlplay::bindings::hmm_analyze);
  function("hmmSample", &mlplay::bindings::hmm_sample);
  function("hmmAgreement", &mlplay::bindings::hmm_agreement);
}
