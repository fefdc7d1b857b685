// ab-testing: the two-proportion z-test with its intervals, power and sample size, density and power
// curves for the plots, and the peeking simulation. Curves and counts cross as Float64Array.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>
#include <vector>

#include "guard.h"
#include "mlplay/stats/ab_test.h"
#include "mlplay/stats/peeking.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::stats;

template <typename T>
val float64_array(const std::vector<T>& data) {
  const std::vector<double> copy(data.begin(), data.end());
  return val::global("Float64Array").new_(val(emscripten::typed_memory_view(copy.size(), copy.data())));
}

val curve_object(const Curve& curve) {
  val out = val::object();
  out.set("x", float64_array(curve.x));
  out.set("y", float64_array(curve.y));
  return out;
}

val interval_object(const Interval& interval) {
  val out = val::object();
  out.set("low", interval.low);
  out.set("high", interval.high);
  return out;
}

/// Every field of TwoProportionTest, camelCased.
val ab_test_js(double conversions_a, double visitors_a, double conversions_b, double visitors_b, double alpha) {
  return guard([&] {
    const auto whole = [](double v, const char* what) { return static_cast<int64_t>(to_count(v, what)); };
    const TwoProportionTest t = two_proportion_z_test(
        {whole(conversions_a, "abTest: conversions A"), whole(visitors_a, "abTest: visitors A")},
        {whole(conversions_b, "abTest: conversions B"), whole(visitors_b, "abTest: visitors B")}, alpha);
    val out = val::object();
    out.set("rateA", t.rate_a);
    out.set("rateB", t.rate_b);
    out.set("rateAInterval", interval_object(t.rate_a_interval));
    out.set("rateBInterval", interval_object(t.rate_b_interval));
    out.set("difference", t.difference);
    out.set("lift", t.lift);
    out.set("pooledRate", t.pooled_rate);
    out.set("standardError", t.standard_error);
    out.set("z", t.z);
    out.set("pValue", t.p_value);
    out.set("zCritical", t.z_critical);
    out.set("significant", t.significant);
    out.set("differenceStandardError", t.difference_standard_error);
    out.set("differenceInterval", interval_object(t.difference_interval));
    out.set("liftInterval", interval_object(t.lift_interval));
    return out;
  });
}

double power_js(double rate_a, double rate_b, double visitors, double alpha) {
  return guard([&] { return two_proportion_power(rate_a, rate_b, visitors, alpha); });
}

double sample_size_js(double rate_a, double rate_b, double alpha, double power) {
  return guard([&] { return static_cast<double>(two_proportion_sample_size(rate_a, rate_b, alpha, power)); });
}

val power_curve_js(double rate_a, double rate_b, double alpha, double max_visitors, double points) {
  return guard([&] {
    return curve_object(two_proportion_power_curve(rate_a, rate_b, alpha, max_visitors,
                                                   static_cast<int>(to_count(points, "abPowerCurve: points"))));
  });
}

val density_curve_js(double mean, double std, double from, double to, double points) {
  return guard([&] {
    return curve_object(normal_density_curve(mean, std, from, to, static_cast<int>(to_count(points, "abDensityCurve: points"))));
  });
}

class PeekingSimulatorJs {
 public:
  PeekingSimulatorJs(double rate_a, double rate_b, double visitors_per_arm, double looks, double alpha, double seed)
      : simulator_(guard([&] {
          return PeekingSimulator({.rate_a = rate_a,
                                   .rate_b = rate_b,
                                   .visitors_per_arm = static_cast<int64_t>(to_count(visitors_per_arm, "PeekingSimulator: visitorsPerArm")),
                                   .looks = static_cast<int>(std::min<uint64_t>(to_count(looks, "PeekingSimulator: looks"), 1u << 30)),
                                   .alpha = alpha,
                                   .seed = to_count(seed, "PeekingSimulator: seed")});
        })) {}

  void run(double count) {
    guard([&] { simulator_.run(static_cast<int64_t>(to_count(count, "PeekingSimulator.run: count"))); });
  }
  double experiments() const { return static_cast<double>(simulator_.experiments()); }
  val rejected_by_look() const { return float64_array(simulator_.rejected_by_look()); }
  double rejected_at_end() const { return static_cast<double>(simulator_.rejected_at_end()); }
  double rejected_bonferroni() const { return static_cast<double>(simulator_.rejected_bonferroni()); }
  double z_critical() const { return simulator_.z_critical(); }
  double z_bonferroni() const { return simulator_.z_bonferroni(); }
  val look_visitors() const { return float64_array(simulator_.look_visitors()); }
  val z_path(double index) const {
    return guard([&] { return float64_array(simulator_.z_path(static_cast<int64_t>(to_count(index, "PeekingSimulator.zPath: index")))); });
  }

 private:
  PeekingSimulator simulator_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_ab_testing) {
  using namespace emscripten;
  using mlplay::bindings::PeekingSimulatorJs;
  function("abTest", &mlplay::bindings::ab_test_js);
  function("abPower", &mlplay::bindings::power_js);
  function("abSampleSize", &mlplay::bindings::sample_size_js);
  function("abPowerCurve", &mlplay::bindings::power_curve_js);
  function("abDensityCurve", &mlplay::bindings::density_curve_js);
  class_<PeekingSimulatorJs>("PeekingSimulator")
      .constructor<double, double, double, double, double, double>()
      .function("run", &PeekingSimulatorJs::run)
      .function("experiments", &PeekingSimulatorJs::experiments)
      .function("rejectedByLook", &PeekingSimulatorJs::rejected_by_look)
      .function("rejectedAtEnd", &PeekingSimulatorJs::rejected_at_end)
      .function("rejectedBonferroni", &PeekingSimulatorJs::rejected_bonferroni)
      .function("zCritical", &PeekingSimulatorJs::z_critical)
      .function("zBonferroni", &PeekingSimulatorJs::z_bonferroni)
      .function("lookVisitors", &PeekingSimulatorJs::look_visitors)
      .function("zPath", &PeekingSimulatorJs::z_path);
}
