// Build and thread facts for the page footer, and the thread-count seam.
#include <emscripten/bind.h>

#include <cmath>
#include <string>

#include "guard.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::bindings {

uint64_t to_count(double value, const char* what) {
  check(std::isfinite(value) && value >= 0 && value <= 9007199254740992.0 && std::floor(value) == value, what,
        ": expected a whole number from 0 to 2^53, got ", value);
  return static_cast<uint64_t>(value);
}

namespace {

struct BuildInfo {
  std::string build;  // "mt" or "st"
  bool simd;
  int max_threads;
};

BuildInfo build_info() {
#ifdef __wasm_simd128__
  const bool simd = true;
#else
  const bool simd = false;
#endif
  return {threads_available() ? "mt" : "st", simd, max_threads()};
}

void set_threads(int n) {
  guard([&] { set_num_threads(n); });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_engine_info) {
  using namespace emscripten;
  using mlplay::bindings::BuildInfo;
  value_object<BuildInfo>("BuildInfo")
      .field("build", &BuildInfo::build)
      .field("simd", &BuildInfo::simd)
      .field("maxThreads", &BuildInfo::max_threads);
  function("buildInfo", &mlplay::bindings::build_info);
  function("setNumThreads", &mlplay::bindings::set_threads);
  function("getNumThreads", &mlplay::get_num_threads);
}
