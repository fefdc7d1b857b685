#include "mlplay/tensor/tensor.h"

#include <array>
#include <sstream>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "strided.h"

namespace mlplay {

Tensor make_view(std::shared_ptr<Storage> storage, int64_t offset, Shape shape, Shape strides) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = std::move(storage);
  impl->offset = offset;
  impl->shape = std::move(shape);
  impl->strides = std::move(strides);
  return Tensor(std::move(impl));
}

Tensor empty(const Shape& shape) {
  for (int64_t size : shape)
    check<ValueError>(size >= 0, "empty: negative size in shape ", shape_str(shape));
  auto storage = std::make_shared<Storage>();
  storage->data.assign(static_cast<size_t>(shape_numel(shape)), 0.0f);
  return make_view(std::move(storage), 0, shape, contiguous_strides(shape));
}

TensorImpl& Tensor::checked(const char* what) const {
  check<ValueError>(impl_ != nullptr, what, ": the tensor is undefined (default-constructed)");
  return *impl_;
}

// ---- geometry ---------------------------------------------------------------------------------
const Shape& Tensor::shape() const { return checked("shape").shape; }
const Shape& Tensor::strides() const { return checked("strides").strides; }
int64_t Tensor::size(int64_t d) const { return shape()[normalize_dim("size", d, dim())]; }
int64_t Tensor::stride(int64_t d) const { return strides()[normalize_dim("stride", d, dim())]; }
int64_t Tensor::numel() const { return shape_numel(shape()); }
int64_t Tensor::storage_offset() const { return checked("storage_offset").offset; }

bool Tensor::is_contiguous() const {
  // Size-1 dims may carry any stride; every other stride must be the row-major one.
  const TensorImpl& impl = checked("is_contiguous");
  int64_t expected = 1;
  for (size_t d = impl.shape.size(); d-- > 0;) {
    if (impl.shape[d] == 1) continue;
    if (impl.strides[d] != expected) return false;
    expected *= impl.shape[d];
  }
  return true;
}

// ---- data -------------------------------------------------------------------------------------
float* Tensor::data_ptr() const {
  const TensorImpl& impl = checked("data_ptr");
  return impl.storage->data.data() + impl.offset;
}

std::vector<float> Tensor::to_vector() const {
  std::vector<float> out(static_cast<size_t>(numel()));
  const float* src = data_ptr();
  if (is_contiguous()) return std::vector<float>(src, src + numel());
  int64_t i = 0;
  detail::for_each_strided<1>(shape(), {strides().data()},
                              [&](const std::array<int64_t, 1>& o) { out[i++] = src[o[0]]; });
  return out;
}

float Tensor::item() const {
  check<ValueError>(numel() == 1, "item: a tensor with ", numel(), " elements (shape ",
                    shape_str(shape()), ") cannot be converted to a scalar");
  return data_ptr()[0];
}

float Tensor::at(const std::vector<int64_t>& index) const {
  check<ValueError>(static_cast<int64_t>(index.size()) == dim(), "at: ", index.size(),
                    " indices for a tensor of shape ", shape_str(shape()));
  int64_t offset = 0;
  for (size_t d = 0; d < index.size(); ++d) {
    const int64_t size = impl_->shape[d];
    const int64_t i = index[d] < 0 ? index[d] + size : index[d];
    check<ValueError>(i >= 0 && i < size, "at: index ", index[d], " is out of bounds for dimension ",
                      d, " with size ", size);
    offset += i * impl_->strides[d];
  }
  return data_ptr()[offset];
}

std::string Tensor::to_string() const {
  std::ostringstream out;
  out << "tensor(shape=" << shape_str(shape()) << ", data=[";
  const std::vector<float> values = to_vector();
  for (size_t i = 0; i < values.size() && i < 20; ++i) out << (i ? ", " : "") << values[i];
  if (values.size() > 20) out << ", ...";
  out << "]" << (requires_grad() ? ", requires_grad=true" : "") << ")";
  return out.str();
}

std::ostream& operator<<(std::ostream& out, const Tensor& t) {
  return out << (t.defined() ? t.to_string() : std::string("tensor(undefined)"));
}

// ---- autograd ---------------------------------------------------------------------------------
bool Tensor::requires_grad() const { return checked("requires_grad").requires_grad; }

Tensor& Tensor::requires_grad_(bool requires_grad) {
  TensorImpl& impl = checked("requires_grad_");
  check<ValueError>(!impl.grad_fn || requires_grad, "requires_grad_: only leaf tensors can be changed; ",
                    "use detach() to get a leaf from ", impl.grad_fn ? impl.grad_fn->name() : "");
  impl.requires_grad = requires_grad;
  return *this;
}

const Tensor& Tensor::grad() const { return checked("grad").grad; }
Tensor& Tensor::mutable_grad() { return checked("mutable_grad").grad; }
const std::shared_ptr<Node>& Tensor::grad_fn() const { return checked("grad_fn").grad_fn; }
bool Tensor::is_leaf() const { return checked("is_leaf").grad_fn == nullptr; }
void Tensor::retain_grad() { checked("retain_grad").retains_grad = true; }

void Tensor::backward(const Tensor& gradient) const {
  check<ValueError>(requires_grad(), "backward: tensor does not require grad and has no grad_fn");
  Tensor g = gradient;
  if (!g.defined()) {
    check<ValueError>(numel() == 1, "backward: grad can be implicitly created only for scalar outputs, ",
                      "got shape ", shape_str(shape()));
    g = empty(shape()).fill_(1.0);
  }
  check<ShapeError>(g.shape() == shape(), "backward: gradient of shape ", shape_str(g.shape()),
                    " for a tensor of shape ", shape_str(shape()));
  run_backward(*this, g.detach());
}

Tensor Tensor::detach() const {
  const TensorImpl& impl = checked("detach");
  return make_view(impl.storage, impl.offset, impl.shape, impl.strides);
}

// ---- copies and in-place writes ---------------------------------------------------------------
Tensor Tensor::clone() const {
  Tensor out = empty(shape());
  {
    NoGradGuard no_grad;  // the copy itself is not an in-place op on a graph tensor
    out.copy_(*this);
  }
  return record(out, "CloneBackward", {*this}, [](const Tensor& g) { return std::vector<Tensor>{g}; });
}

Tensor Tensor::contiguous() const { return is_contiguous() ? *this : clone(); }

namespace {
/// Refuses in-place writes into the graph while recording, then counts the write.
void begin_in_place(const char* op, const Tensor& t) {
  check<ValueError>(!(GradMode::is_enabled() && t.requires_grad()), op,
                    ": a tensor that requires grad is being used in an in-place operation; ",
                    "wrap the update in NoGradGuard");
  ++t.impl()->storage->version;
}
}  // namespace

Tensor& Tensor::fill_(double value) {
  begin_in_place("fill_", *this);
  float* dst = data_ptr();
  const auto v = static_cast<float>(value);
  detail::for_each_strided<1>(shape(), {strides().data()}, [&](const std::array<int64_t, 1>& o) { dst[o[0]] = v; });
  return *this;
}

Tensor& Tensor::copy_(const Tensor& src) {
  begin_in_place("copy_", *this);
  const Shape target = broadcast_shapes("copy_", src.shape(), shape());
  check<ShapeError>(target == shape(), "copy_: source of shape ", shape_str(src.shape()),
                    " cannot be broadcast to ", shape_str(shape()));
  const Shape src_strides = broadcast_strides(src.shape(), src.strides(), shape());
  float* dst = data_ptr();
  const float* s = src.data_ptr();
  detail::for_each_strided<2>(shape(), {strides().data(), src_strides.data()},
                              [&](const std::array<int64_t, 2>& o) { dst[o[0]] = s[o[1]]; });
  return *this;
}

Tensor& Tensor::add_(const Tensor& other, double alpha) {
  begin_in_place("add_", *this);
  const Shape target = broadcast_shapes("add_", other.shape(), shape());
  check<ShapeError>(target == shape(), "add_: other of shape ", shape_str(other.shape()),
                    " cannot be broadcast to ", shape_str(shape()));
  const Shape other_strides = broadcast_strides(other.shape(), other.strides(), shape());
  float* dst = data_ptr();
  const float* s = other.data_ptr();
  const auto a = static_cast<float>(alpha);
  detail::for_each_strided<2>(shape(), {strides().data(), other_strides.data()},
                              [&](const std::array<int64_t, 2>& o) { dst[o[0]] += a * s[o[1]]; });
  return *this;
}

Tensor& Tensor::mul_(double value) {
  begin_in_place("mul_", *this);
  float* dst = data_ptr();
  const auto v = static_cast<float>(value);
  detail::for_each_strided<1>(shape(), {strides().data()}, [&](const std::array<int64_t, 1>& o) { dst[o[0]] *= v; });
  return *this;
}

}  // namespace mlplay
