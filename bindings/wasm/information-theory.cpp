// information-theory: entropy, cross-entropy and KL divergence (with per-outcome terms) of two
// distributions, dragging one probability, and the classification loss curves. Arrays cross as
// Float64Array.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/stats/information.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::stats;

/// {entropyP, entropyQ, crossEntropy, klPQ, klQP, terms: {entropyP, entropyQ, crossEntropy, klPQ, klQP}}.
val information_measures(const val& p_js, const val& q_js, const std::string& unit) {
  return guard([&] {
    const std::vector<double> p = doubles(p_js), q = doubles(q_js);
    const LogBase base = parse_log_base(unit);
    const InformationTerms t = information_terms(p, q, base);
    val terms = val::object();
    terms.set("entropyP", typed_array("Float64Array", t.entropy_p));
    terms.set("entropyQ", typed_array("Float64Array", t.entropy_q));
    terms.set("crossEntropy", typed_array("Float64Array", t.cross_entropy));
    terms.set("klPQ", typed_array("Float64Array", t.kl_pq));
    terms.set("klQP", typed_array("Float64Array", t.kl_qp));
    val out = val::object();
    out.set("entropyP", entropy(p, base));
    out.set("entropyQ", entropy(q, base));
    out.set("crossEntropy", cross_entropy(p, q, base));
    out.set("klPQ", kl_divergence(p, q, base));
    out.set("klQP", kl_divergence(q, p, base));
    out.set("terms", terms);
    return out;
  });
}

/// Throws an Error naming `name` and the entry or the sum when `p` is not a distribution.
void check_distribution_js(const val& p, const std::string& name) {
  guard([&] { check_distribution("information", name.c_str(), doubles(p)); });
}

val with_probability_js(const val& p, double index, double value) {
  return guard([&] {
    return typed_array("Float64Array", with_probability(doubles(p), static_cast<size_t>(to_count(index, "withProbability: index")), value));
  });
}

val loss_curves_js(double points, const std::string& unit) {
  return guard([&] {
    const LossCurves c = classification_loss_curves(static_cast<int>(to_count(points, "lossCurves: points")), parse_log_base(unit));
    val out = val::object();
    out.set("q", typed_array("Float64Array", c.q));
    out.set("crossEntropy", typed_array("Float64Array", c.cross_entropy));
    out.set("squaredError", typed_array("Float64Array", c.squared_error));
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_information_theory) {
  using namespace emscripten;
  function("informationMeasures", &mlplay::bindings::information_measures);
  function("checkDistribution", &mlplay::bindings::check_distribution_js);
  function("withProbability", &mlplay::bindings::with_probability_js);
  function("lossCurves", &mlplay::bindings::loss_curves_js);
}
