// PiEstimator for the monte-carlo-pi lesson: counts darts, hands back a sample of coordinates.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "guard.h"
#include "mlplay/prob/monte_carlo.h"

namespace mlplay::bindings {
namespace {

/// JS-facing PiEstimator: counts are JS numbers (exact up to 2^53).
class PiEstimatorJs {
 public:
  PiEstimatorJs(double seed, double samples, double inside)
      : estimator_(guard([&] {
          return PiEstimator(to_count(seed, "PiEstimator: seed"), static_cast<int64_t>(to_count(samples, "PiEstimator: samples")),
                             static_cast<int64_t>(to_count(inside, "PiEstimator: inside")));
        })) {}

  double throw_darts(double count) {
    return guard([&] {
      return static_cast<double>(estimator_.throw_darts(static_cast<int64_t>(to_count(count, "PiEstimator.throwDarts: count"))));
    });
  }
  double samples() const { return static_cast<double>(estimator_.samples()); }
  double inside() const { return static_cast<double>(estimator_.inside()); }
  double estimate() const { return estimator_.estimate(); }
  double standard_error() const { return estimator_.standard_error(); }

  /// Float32Array [x0, y0, x1, y1, …] of darts [first, first + count): one copy out of wasm memory.
  emscripten::val darts(double first, double count) const {
    return guard([&] {
      const auto xy = dart_coordinates(estimator_.seed(), static_cast<int64_t>(to_count(first, "PiEstimator.darts: first")),
                                       static_cast<int64_t>(to_count(count, "PiEstimator.darts: count")));
      const auto view = emscripten::val(emscripten::typed_memory_view(xy.size(), xy.data()));
      return emscripten::val::global("Float32Array").new_(view);
    });
  }

 private:
  PiEstimator estimator_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_pi) {
  using namespace emscripten;
  using mlplay::bindings::PiEstimatorJs;
  class_<PiEstimatorJs>("PiEstimator")
      .constructor<double, double, double>()
      .function("throwDarts", &PiEstimatorJs::throw_darts)
      .function("samples", &PiEstimatorJs::samples)
      .function("inside", &PiEstimatorJs::inside)
      .function("estimate", &PiEstimatorJs::estimate)
      .function("standardError", &PiEstimatorJs::standard_error)
      .function("darts", &PiEstimatorJs::darts);
  constant("dartsPerBlock", static_cast<double>(mlplay::kDartsPerBlock));
}
