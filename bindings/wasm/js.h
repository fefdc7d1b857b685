#pragma once
// Engine values to JavaScript and back, shared by the lesson bindings: copies of std::vectors as new
// typed arrays (Float32Array, Float64Array, Int32Array, Uint8Array …) and string arrays, and the
// options objects and arrays a lesson passes in read as C++ values.
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "guard.h"
#include "mlplay/core/error.h"

namespace mlplay::bindings {

/// A new JS typed array of constructor `type` ("Float64Array", …) holding a copy of the `count` values at `data`.
template <typename T>
emscripten::val typed_array(const char* type, const T* data, size_t count) {
  return emscripten::val::global(type).new_(emscripten::val(emscripten::typed_memory_view(count, data)));
}

/// A new JS typed array of constructor `type` ("Float64Array", …) holding a copy of `data`.
template <typename T>
emscripten::val typed_array(const char* type, const std::vector<T>& data) {
  return typed_array(type, data.data(), data.size());
}

/// A fresh Float32Array copied from doubles (NaN stays NaN: the page draws a gap).
inline emscripten::val float32_array(const std::vector<double>& values) {
  const std::vector<float> narrow(values.begin(), values.end());
  return typed_array("Float32Array", narrow);
}

/// A copy of the JS typed array `array`, which must be of constructor `type` ("Uint8Array", …);
/// `what` names the entry point in the error.
template <typename T>
std::vector<T> from_typed_array(const char* what, const char* type, const emscripten::val& array) {
  check(array.instanceof(emscripten::val::global(type)), what, ": expected a ", type);
  std::vector<T> out(static_cast<size_t>(array["length"].as<double>()));
  emscripten::val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

/// A new JS array of the strings.
inline emscripten::val strings(const std::vector<std::string>& items) {
  emscripten::val out = emscripten::val::array();
  for (const auto& item : items) out.call<void>("push", item);
  return out;
}

/// The numbers of a JS array (or typed array).
inline std::vector<double> doubles(const emscripten::val& array) {
  return emscripten::convertJSArrayToNumberVector<double>(array);
}

/// options[key], an array of strings; empty when undefined or null.
inline std::vector<std::string> string_list(const emscripten::val& options, const char* key) {
  const emscripten::val v = options[key];
  if (v.isUndefined() || v.isNull()) return {};
  return emscripten::vecFromJSArray<std::string>(v);
}

/// options[key], a number; `fallback` when undefined or null.
inline double number_option(const emscripten::val& options, const char* key, double fallback) {
  const emscripten::val v = options[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<double>();
}

/// options[key], a whole number (see to_count); `fallback` when undefined or null.
inline int int_option(const emscripten::val& options, const char* key, double fallback, const char* what) {
  return static_cast<int>(to_count(number_option(options, key, fallback), what));
}

}  // namespace mlplay::bindings
