#pragma once
/// A float32 n-d array — shape, strides and shared storage — that records reverse-mode autograd
/// (after torch::Tensor: https://pytorch.org/cppdocs/api/classat_1_1_tensor.html).
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "mlplay/tensor/shape.h"

namespace mlplay {

class Node;
struct TensorImpl;

/// The flat float buffer that a tensor and all of its views share.
struct Storage {
  std::vector<float> data;
  /// Bumped by every in-place write (fill_, copy_, add_, mul_), so backward can detect that a
  /// tensor it saved was changed after the forward pass (PyTorch's version counter).
  uint64_t version = 0;
};

/// A handle to a tensor: copying the handle shares the data and autograd state (like torch::Tensor).
/// A default-constructed Tensor is undefined (`defined()` is false).
class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }

  // ---- geometry --------------------------------------------------------------------------
  const Shape& shape() const;
  const Shape& sizes() const { return shape(); }
  const Shape& strides() const;
  int64_t size(int64_t dim) const;
  int64_t stride(int64_t dim) const;
  int64_t dim() const { return static_cast<int64_t>(shape().size()); }
  int64_t numel() const;
  int64_t storage_offset() const;
  bool is_contiguous() const;

  // ---- data ------------------------------------------------------------------------------
  /// Pointer to element (0, ..., 0); elements live at data_ptr()[sum(index_d * strides_d)].
  float* data_ptr() const;
  /// The elements in row-major order (a copy).
  std::vector<float> to_vector() const;
  /// The value of a one-element tensor; throws ValueError otherwise.
  float item() const;
  /// Element at a full index (negative indices wrap), for tests and small demos.
  float at(const std::vector<int64_t>& index) const;
  std::string to_string() const;

  // ---- autograd --------------------------------------------------------------------------
  bool requires_grad() const;
  /// Marks a leaf as needing a gradient; throws ValueError on a non-leaf.
  Tensor& requires_grad_(bool requires_grad = true);
  /// Gradient accumulated by backward() (undefined until then). Same shape as this tensor.
  const Tensor& grad() const;
  Tensor& mutable_grad();
  const std::shared_ptr<Node>& grad_fn() const;
  /// True for tensors made by the user (no grad_fn); only leaves (and retain_grad tensors) get grad.
  bool is_leaf() const;
  /// Keeps the gradient of this non-leaf tensor in grad() after backward().
  void retain_grad();
  /// Reverse-mode sweep from this tensor. `gradient` defaults to 1 for a one-element tensor.
  void backward(const Tensor& gradient = Tensor()) const;
  /// A new leaf sharing this tensor's data, cut out of the graph.
  Tensor detach() const;

  // ---- copies (recorded: the gradient passes through unchanged) -------------------------
  /// A contiguous copy with its own storage.
  Tensor clone() const;
  /// This tensor if already contiguous, else clone().
  Tensor contiguous() const;

  // ---- in-place writes (never recorded; refused on tensors that require grad while grad mode
  // is on, so wrap parameter updates in NoGradGuard) ----------------------------------------
  Tensor& fill_(double value);
  Tensor& zero_() { return fill_(0.0); }
  /// Copies src (broadcast to this shape) into this tensor's elements.
  Tensor& copy_(const Tensor& src);
  /// this += alpha * other (other broadcast to this shape).
  Tensor& add_(const Tensor& other, double alpha = 1.0);
  Tensor& mul_(double value);

  // ---- common ops as methods (see mlplay/ops/*.h for the free functions) -----------------
  Tensor reshape(const Shape& shape) const;
  Tensor view(const Shape& shape) const;
  Tensor permute(const Shape& dims) const;
  Tensor transpose(int64_t dim0, int64_t dim1) const;
  Tensor t() const;
  Tensor unsqueeze(int64_t dim) const;
  Tensor squeeze(int64_t dim) const;
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  Tensor expand(const Shape& shape) const;
  Tensor slice(int64_t dim, int64_t start, int64_t end, int64_t step = 1) const;
  Tensor select(int64_t dim, int64_t index) const;
  Tensor sum() const;
  Tensor sum(const Shape& dims, bool keepdim = false) const;
  Tensor mean() const;
  Tensor mean(const Shape& dims, bool keepdim = false) const;
  Tensor matmul(const Tensor& other) const;
  Tensor pow(double exponent) const;
  Tensor exp() const;
  Tensor log() const;
  Tensor sqrt() const;
  Tensor abs() const;

 private:
  /// The impl, or a ValueError naming `what` when this tensor is undefined (instead of a crash).
  TensorImpl& checked(const char* what) const;

  std::shared_ptr<TensorImpl> impl_;
};

/// What a Tensor handle points to: a view (offset, shape, strides) of a Storage plus autograd state.
struct TensorImpl {
  std::shared_ptr<Storage> storage;
  int64_t offset = 0;
  Shape shape;
  Shape strides;
  bool requires_grad = false;
  bool retains_grad = false;
  Tensor grad;
  std::shared_ptr<Node> grad_fn;
};

/// A tensor viewing `storage` with the given geometry (no copy, no autograd).
Tensor make_view(std::shared_ptr<Storage> storage, int64_t offset, Shape shape, Shape strides);
/// A new contiguous tensor of zeros (unlike torch::empty, never garbage).
Tensor empty(const Shape& shape);

/// Prints to_string(): shape, the first elements and requires_grad.
std::ostream& operator<<(std::ostream& out, const Tensor& t);

Tensor operator+(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a, const Tensor& b);
Tensor operator*(const Tensor& a, const Tensor& b);
Tensor operator/(const Tensor& a, const Tensor& b);
Tensor operator-(const Tensor& a);
Tensor operator+(const Tensor& a, double b);
Tensor operator-(const Tensor& a, double b);
Tensor operator*(const Tensor& a, double b);
Tensor operator/(const Tensor& a, double b);
Tensor operator+(double a, const Tensor& b);
Tensor operator-(double a, const Tensor& b);
Tensor operator*(double a, const Tensor& b);
Tensor operator/(double a, const Tensor& b);

}  // namespace mlplay
