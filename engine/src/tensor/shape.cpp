#include "mlplay/tensor/shape.h"

#include <algorithm>
#include <sstream>

#include "mlplay/core/error.h"

namespace mlplay {

int64_t shape_numel(const Shape& shape) {
  int64_t n = 1;
  for (int64_t size : shape) n *= size;
  return n;
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

std::ostream& operator<<(std::ostream& out, const ShapeText& text) {
  out << '(';
  for (size_t d = 0; d < text.shape_.size(); ++d) out << (d ? ", " : "") << text.shape_[d];
  if (text.shape_.size() == 1) out << ',';
  return out << ')';
}

std::string ShapeText::str() const {
  std::ostringstream out;
  out << *this;
  return out.str();
}

bool broadcastable(const Shape& a, const Shape& b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    const int64_t da = a[a.size() - 1 - i], db = b[b.size() - 1 - i];
    if (da != db && da != 1 && db != 1) return false;
  }
  return true;
}

Shape broadcast_shapes(const char* op, const Shape& a, const Shape& b) {
  // Align trailing dims; each pair must be equal or contain a 1.
  const size_t ndim = std::max(a.size(), b.size());
  Shape out(ndim);
  for (size_t i = 0; i < ndim; ++i) {
    const int64_t da = i < a.size() ? a[a.size() - 1 - i] : 1;
    const int64_t db = i < b.size() ? b[b.size() - 1 - i] : 1;
    check<ShapeError>(da == db || da == 1 || db == 1, op, ": shapes ", shape_str(a), " and ",
                      shape_str(b), " cannot be broadcast");
    out[ndim - 1 - i] = da == 1 ? db : da;
  }
  return out;
}

Shape broadcast_strides(const Shape& shape, const Shape& strides, const Shape& target) {
  Shape out(target.size(), 0);
  const size_t lead = target.size() - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    out[lead + d] = (shape[d] == 1 && target[lead + d] != 1) ? 0 : strides[d];
  return out;
}

int64_t normalize_dim(const char* op, int64_t dim, int64_t ndim) {
  const int64_t lo = ndim == 0 ? -1 : -ndim, hi = ndim == 0 ? 0 : ndim - 1;
  check<ValueError>(dim >= lo && dim <= hi, op, ": dimension out of range (expected to be in range of [",
                    lo, ", ", hi, "], but got ", dim, ")");
  return dim < 0 ? dim + std::max<int64_t>(ndim, 1) : dim;
}

}  // namespace mlplay
