#pragma once
// Every bound entry point runs through guard(): a C++ exception becomes a JS Error with the same
// message (STYLE.md 8), so a lesson's catch sees "PiEstimator: …" rather than a wasm trap.
#include <emscripten/val.h>

#include <exception>
#include <string>
#include <utility>

namespace mlplay::bindings {

[[noreturn]] inline void throw_js_error(const std::string& message) {
  emscripten::val::global("Error").new_(message).throw_();
  __builtin_unreachable();
}

template <typename Fn>
auto guard(Fn&& fn) -> decltype(fn()) {
  try {
    return std::forward<Fn>(fn)();
  } catch (const std::exception& e) {
    throw_js_error(e.what());
  }
}

/// A JS number that must be a whole number in [0, 2^53] (seeds, counts).
uint64_t to_count(double value, const char* what);

}  // namespace mlplay::bindings
