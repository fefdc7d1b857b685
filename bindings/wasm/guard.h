#pragma once
// Every bound entry point runs through guard(): a C++ exception becomes a JS Error with the same
// message (STYLE.md 8), so a lesson's catch sees "PiEstimator: …" rather than a wasm trap.
//
// NOTE: in the threaded build (Emscripten 3.1.6, -pthread -fwasm-exceptions) typed catch clauses
// never match — only catch (...) does (tests/e2e/engine.test.mjs covers both builds). So the
// fallback reads the message every mlplay::Error records when it is made.
#include <emscripten/val.h>

#include <exception>
#include <string>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay::bindings {

[[noreturn]] inline void throw_js_error(const std::string& message) {
  emscripten::val::global("Error").new_(message).throw_();
  __builtin_unreachable();
}

template <typename Fn>
auto guard(Fn&& fn) -> decltype(fn()) {
  detail::last_error_message().clear();
  try {
    return std::forward<Fn>(fn)();
  } catch (const std::exception& e) {
    throw_js_error(e.what());
  } catch (...) {
    const std::string& message = detail::last_error_message();
    throw_js_error(message.empty() ? std::string("the engine failed with an unexpected C++ exception") : message);
  }
}

/// A JS number that must be a whole number in [0, 2^53] (seeds, counts).
uint64_t to_count(double value, const char* what);

}  // namespace mlplay::bindings
