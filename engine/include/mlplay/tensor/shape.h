#pragma once
/// Shapes, strides and the broadcasting rule shared by every tensor op
/// (NumPy / PyTorch broadcasting: https://pytorch.org/docs/stable/notes/broadcasting.html).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace mlplay {

/// Sizes (or strides) of a tensor, outermost dimension first. An empty Shape is a 0-d (scalar) tensor.
using Shape = std::vector<int64_t>;

/// Number of elements of a tensor of this shape (1 for a 0-d shape).
int64_t shape_numel(const Shape& shape);

/// Row-major strides (in elements) of a contiguous tensor of this shape: (2, 3, 4) -> (12, 4, 1).
Shape contiguous_strides(const Shape& shape);

/// Python-style text of a shape for messages — (3, 4), (5,), () — built only when streamed or
/// converted, so the argument checks every op runs cost no string formatting when they pass.
class ShapeText {
 public:
  explicit ShapeText(Shape shape) : shape_(std::move(shape)) {}
  std::string str() const;
  operator std::string() const { return str(); }  // NOLINT: implicit, for string concatenation
  friend std::ostream& operator<<(std::ostream& out, const ShapeText& text);

 private:
  Shape shape_;
};

inline ShapeText shape_str(const Shape& shape) { return ShapeText(shape); }

/// True when the two shapes broadcast together (trailing sizes equal or 1).
bool broadcastable(const Shape& a, const Shape& b);

/// The shape both operands broadcast to; throws ShapeError naming `op`:
/// "add: shapes (3, 4) and (5,) cannot be broadcast".
Shape broadcast_shapes(const char* op, const Shape& a, const Shape& b);

/// Strides that read a tensor of (shape, strides) as if it had `target` shape: missing leading dims and
/// size-1 dims that broadcast get stride 0. `shape` must broadcast to `target`.
Shape broadcast_strides(const Shape& shape, const Shape& strides, const Shape& target);

/// Wraps a possibly negative dim into [0, ndim); throws ValueError naming `op` when out of range.
int64_t normalize_dim(const char* op, int64_t dim, int64_t ndim);

}  // namespace mlplay
