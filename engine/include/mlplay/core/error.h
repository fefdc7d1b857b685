#pragma once
/// Typed engine errors. Every check names the operation and the offending values (STYLE.md 8), e.g.
/// "set_num_threads: 0 threads requested; expected 1 to 2". Bindings turn these into JS `Error`s.
#include <sstream>
#include <stdexcept>
#include <string>

namespace mlplay {

namespace detail {
/// The message of the newest mlplay::Error created on this thread. The wasm bindings read it when
/// they cannot catch by type: Emscripten 3.1.6's -pthread build with -fwasm-exceptions only catches
/// with catch (...) (typed handlers never match), so bindings/wasm/guard.h falls back to this.
std::string& last_error_message();
}  // namespace detail

/// Base class of everything the engine throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) { detail::last_error_message() = message; }
  explicit Error(const char* message) : Error(std::string(message)) {}
};

/// An argument is out of range or malformed (PyTorch's ValueError / TORCH_CHECK).
class ValueError : public Error {
 public:
  using Error::Error;
};

/// Tensor shapes that do not fit together.
class ShapeError : public Error {
 public:
  using Error::Error;
};

/// A file or byte buffer is missing, truncated or malformed.
class IOError : public Error {
 public:
  using Error::Error;
};

namespace detail {
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}
}  // namespace detail

/// Throws `E` with the parts streamed together when `condition` is false:
/// `check<ValueError>(lr >= 0, "Adam: invalid learning rate: ", lr);`
template <typename E = ValueError, typename... Parts>
void check(bool condition, const Parts&... parts) {
  if (!condition) throw E(detail::concat(parts...));
}

}  // namespace mlplay
