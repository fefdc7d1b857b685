// distributions: a family's summary and curves (PDF/PMF, CDF), one CDF value or quantile, and
// SampleRun — draws or means of n draws in batches, read back as moments, a density histogram and
// KS distances. Arrays leave wasm as Float64Array (one copy each).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "guard.h"
#include "mlplay/stats/sample_run.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using stats::Distribution;

val float64(const std::vector<double>& data) {
  return val::global("Float64Array").new_(val(emscripten::typed_memory_view(data.size(), data.data())));
}

Distribution make(const std::string& family, double a, double b) {
  return Distribution(stats::family_from_name(family), a, b);
}

val moments_object(const stats::Moments& m) {
  val out = val::object();
  out.set("count", static_cast<double>(m.count));
  out.set("mean", m.mean);
  out.set("variance", m.variance);
  out.set("std", std::sqrt(m.variance));
  out.set("skewness", m.skewness);
  return out;
}

val curve_object(const stats::Curve& curve) {
  val out = val::object();
  out.set("x", float64(curve.x));
  out.set("pdf", float64(curve.pdf));
  out.set("cdf", float64(curve.cdf));
  return out;
}

/// {description, discrete, sampler, quantileClosedForm, mean, variance, std, skewness, range: [lo, hi]}.
val distribution_info(const std::string& family, double a, double b) {
  return guard([&] {
    const Distribution d = make(family, a, b);
    val out = val::object();
    out.set("description", d.describe());
    out.set("discrete", d.discrete());
    out.set("sampler", std::string(stats::sampler_name(d.sampler())));
    out.set("quantileClosedForm", d.quantile_closed_form());
    out.set("mean", d.mean());
    out.set("variance", d.variance());
    out.set("std", d.stddev());
    out.set("skewness", d.skewness());
    const auto range = d.plot_range();
    out.set("range", float64({range[0], range[1]}));
    return out;
  });
}

/// {x, pdf, cdf} over the family's plot range: `points` points, or every whole number (discrete).
val distribution_curve(const std::string& family, double a, double b, double points) {
  return guard([&] {
    const Distribution d = make(family, a, b);
    return curve_object(stats::distribution_curve(d, d.plot_range(), static_cast<int>(points)));
  });
}

double distribution_cdf(const std::string& family, double a, double b, double x) {
  return guard([&] { return make(family, a, b).cdf(x); });
}

double distribution_quantile(const std::string& family, double a, double b, double p) {
  return guard([&] { return make(family, a, b).quantile(p); });
}

class SampleRunJs {
 public:
  SampleRunJs(const std::string& family, double a, double b, double n, double seed)
      : run_(guard([&] {
          return stats::SampleRun(make(family, a, b), static_cast<int>(to_count(n, "SampleRun: n")), to_count(seed, "SampleRun: seed"));
        })) {}

  void draw(double count) {
    guard([&] { run_.draw(static_cast<int64_t>(to_count(count, "SampleRun.draw: count"))); });
  }
  double count() const { return static_cast<double>(run_.values().size()); }
  val moments() const { return guard([&] { return moments_object(run_.moments()); }); }
  val expected() const { return guard([&] { return moments_object(run_.expected()); }); }
  double proposals_per_draw() const { return run_.proposals_per_draw(); }

  /// {low, width, centers, density, cumulative, below, above} over range().
  val histogram() const {
    return guard([&] {
      const stats::Histogram h = run_.histogram();
      val out = val::object();
      out.set("low", h.low);
      out.set("width", h.width);
      out.set("centers", float64(h.centers()));
      out.set("density", float64(h.density()));
      out.set("cumulative", float64(h.cumulative()));
      out.set("below", static_cast<double>(h.below));
      out.set("above", static_cast<double>(h.above));
      return out;
    });
  }
  val range() const {
    return guard([&] {
      const auto r = run_.range();
      return float64({r[0], r[1]});
    });
  }
  double ks_to_distribution() const { return guard([&] { return run_.ks_to_distribution(); }); }
  double ks_to_normal() const { return guard([&] { return run_.ks_to_normal(); }); }
  /// N(μ, σ²/n) over range(): what the central limit theorem promises.
  val normal_curve(double points) const {
    return guard([&] {
      return curve_object(stats::normal_curve_for_means(run_.distribution(), run_.n(), run_.range(), static_cast<int>(points)));
    });
  }

 private:
  stats::SampleRun run_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_distributions) {
  using namespace emscripten;
  using mlplay::bindings::SampleRunJs;
  function("distributionInfo", &mlplay::bindings::distribution_info);
  function("distributionCurve", &mlplay::bindings::distribution_curve);
  function("distributionCdf", &mlplay::bindings::distribution_cdf);
  function("distributionQuantile", &mlplay::bindings::distribution_quantile);
  class_<SampleRunJs>("SampleRun")
      .constructor<std::string, double, double, double, double>()
      .function("draw", &SampleRunJs::draw)
      .function("count", &SampleRunJs::count)
      .function("moments", &SampleRunJs::moments)
      .function("expected", &SampleRunJs::expected)
      .function("proposalsPerDraw", &SampleRunJs::proposals_per_draw)
      .function("histogram", &SampleRunJs::histogram)
      .function("range", &SampleRunJs::range)
      .function("ksToDistribution", &SampleRunJs::ks_to_distribution)
      .function("ksToNormal", &SampleRunJs::ks_to_normal)
      .function("normalCurve", &SampleRunJs::normal_curve);
}
