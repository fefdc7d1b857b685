#include "mlplay/nn/modules/pooling.h"

#include <ostream>

#include "mlplay/ops/pool.h"

namespace mlplay::nn {
namespace {
/// Prints a Size2 as PyTorch prints an ExpandingArray: [h, w].
struct SizeText {
  Size2 size;
};
std::ostream& operator<<(std::ostream& out, SizeText text) { return out << "[" << text.size.h << ", " << text.size.w << "]"; }
SizeText text(Size2 size) { return {size}; }
}  // namespace

Tensor MaxPool2dImpl::forward(const Tensor& x) {
  return max_pool2d(x, options.kernel_size(), options.stride(), options.padding(), options.dilation());
}

Tensor AvgPool2dImpl::forward(const Tensor& x) {
  return avg_pool2d(x, options.kernel_size(), options.stride(), options.padding(), options.count_include_pad());
}

void MaxPool2dImpl::pretty_print(std::ostream& out) const {
  out << "MaxPool2d(kernel_size=" << text(options.kernel_size()) << ", stride=" << text(options.stride())
      << ", padding=" << text(options.padding()) << ", dilation=" << text(options.dilation()) << ")";
}

void AvgPool2dImpl::pretty_print(std::ostream& out) const {
  out << std::boolalpha << "AvgPool2d(kernel_size=" << text(options.kernel_size()) << ", stride="
      << text(options.stride()) << ", padding=" << text(options.padding())
      << ", count_include_pad=" << options.count_include_pad() << ")";
}

}  // namespace mlplay::nn
