// Tensor's op methods and operators: thin forwards to the free functions in mlplay/ops.
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {

Tensor Tensor::reshape(const Shape& s) const { return mlplay::reshape(*this, s); }
Tensor Tensor::view(const Shape& s) const { return mlplay::view(*this, s); }
Tensor Tensor::permute(const Shape& dims) const { return mlplay::permute(*this, dims); }
Tensor Tensor::transpose(int64_t d0, int64_t d1) const { return mlplay::transpose(*this, d0, d1); }
Tensor Tensor::t() const {
  check<ShapeError>(dim() <= 2, "t: expects a tensor with <= 2 dimensions, but got shape ", shape_str(shape()));
  return dim() < 2 ? *this : mlplay::transpose(*this, 0, 1);
}
Tensor Tensor::unsqueeze(int64_t d) const { return mlplay::unsqueeze(*this, d); }
Tensor Tensor::squeeze(int64_t d) const { return mlplay::squeeze(*this, d); }
Tensor Tensor::flatten(int64_t start, int64_t end) const { return mlplay::flatten(*this, start, end); }
Tensor Tensor::expand(const Shape& s) const { return mlplay::expand(*this, s); }
Tensor Tensor::slice(int64_t d, int64_t start, int64_t end, int64_t step) const {
  return mlplay::slice(*this, d, start, end, step);
}
Tensor Tensor::select(int64_t d, int64_t index) const { return mlplay::select(*this, d, index); }
Tensor Tensor::sum() const { return mlplay::sum(*this); }
Tensor Tensor::sum(const Shape& dims, bool keepdim) const { return mlplay::sum(*this, dims, keepdim); }
Tensor Tensor::mean() const { return mlplay::mean(*this); }
Tensor Tensor::mean(const Shape& dims, bool keepdim) const { return mlplay::mean(*this, dims, keepdim); }
Tensor Tensor::matmul(const Tensor& other) const { return mlplay::matmul(*this, other); }
Tensor Tensor::pow(double exponent) const { return mlplay::pow(*this, exponent); }
Tensor Tensor::exp() const { return mlplay::exp(*this); }
Tensor Tensor::log() const { return mlplay::log(*this); }
Tensor Tensor::sqrt() const { return mlplay::sqrt(*this); }
Tensor Tensor::abs() const { return mlplay::abs(*this); }

Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
Tensor operator-(const Tensor& a) { return neg(a); }
Tensor operator+(const Tensor& a, double b) { return add(a, scalar_tensor(b)); }
Tensor operator-(const Tensor& a, double b) { return sub(a, scalar_tensor(b)); }
Tensor operator*(const Tensor& a, double b) { return mul(a, scalar_tensor(b)); }
Tensor operator/(const Tensor& a, double b) { return div(a, scalar_tensor(b)); }
Tensor operator+(double a, const Tensor& b) { return add(scalar_tensor(a), b); }
Tensor operator-(double a, const Tensor& b) { return sub(scalar_tensor(a), b); }
Tensor operator*(double a, const Tensor& b) { return mul(scalar_tensor(a), b); }
Tensor operator/(double a, const Tensor& b) { return div(scalar_tensor(a), b); }

}  // namespace mlplay
