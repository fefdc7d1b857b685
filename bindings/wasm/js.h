#pragma once
// Engine vectors to JavaScript: a copy of a std::vector as a new typed array (Float32Array,
// Float64Array, Int32Array, Uint8Array …), shared by the lesson bindings.
#include <emscripten/val.h>

#include <vector>

namespace mlplay::bindings {

/// A new JS typed array of constructor `type` ("Float64Array", …) holding a copy of `data`.
template <typename T>
emscripten::val typed_array(const char* type, const std::vector<T>& data) {
  return emscripten::val::global(type).new_(emscripten::val(emscripten::typed_memory_view(data.size(), data.data())));
}

}  // namespace mlplay::bindings
