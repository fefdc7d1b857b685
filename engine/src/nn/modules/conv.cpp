#include "mlplay/nn/modules/conv.h"

#include <cmath>
#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {
namespace {

/// Prints a Size2 as PyTorch prints an ExpandingArray: [h, w].
struct SizeText {
  Size2 size;
};
std::ostream& operator<<(std::ostream& out, SizeText text) { return out << "[" << text.size.h << ", " << text.size.w << "]"; }
SizeText text(Size2 size) { return {size}; }

}  // namespace

Conv2dImpl::Conv2dImpl(const Conv2dOptions& options_) : options(options_) {
  const int64_t in = options.in_channels(), out = options.out_channels(), groups = options.groups();
  const Size2 k = options.kernel_size();
  check<ValueError>(in > 0 && out > 0 && groups > 0, "Conv2d: in_channels (", in, "), out_channels (", out,
                    ") and groups (", groups, ") must be positive");
  check<ValueError>(in % groups == 0 && out % groups == 0, "Conv2d: in_channels (", in, ") and out_channels (", out,
                    ") must be divisible by groups (", groups, ")");
  check<ValueError>(k.h > 0 && k.w > 0, "Conv2d: kernel_size must be positive, got (", k.h, ", ", k.w, ")");
  weight = register_parameter("weight", empty({out, in / groups, k.h, k.w}));
  if (options.bias()) bias = register_parameter("bias", empty({out}));
  reset_parameters();
}

void Conv2dImpl::reset_parameters(Generator& gen) {
  init::kaiming_uniform_(weight, std::sqrt(5.0), init::FanMode::FanIn, "leaky_relu", gen);
  if (bias.defined()) {
    const int64_t fan_in = init::calculate_fan_in_and_fan_out(weight).first;
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    init::uniform_(bias, -bound, bound, gen);
  }
}

Tensor Conv2dImpl::forward(const Tensor& x) {
  check<ShapeError>(x.dim() == 4 && x.size(1) == options.in_channels(), "Conv2d: expected input (N, ",
                    options.in_channels(), ", H, W), got shape ", shape_str(x.shape()));
  return conv2d(x, weight, bias, options.stride(), options.padding(), options.dilation(), options.groups());
}

void Conv2dImpl::pretty_print(std::ostream& out) const {
  out << "Conv2d(" << options.in_channels() << ", " << options.out_channels() << ", kernel_size="
      << text(options.kernel_size()) << ", stride=" << text(options.stride()) << ", padding=" << text(options.padding());
  if (options.dilation().h != 1 || options.dilation().w != 1) out << ", dilation=" << text(options.dilation());
  if (options.groups() != 1) out << ", groups=" << options.groups();
  if (!options.bias()) out << ", bias=false";
  out << ")";
}

}  // namespace mlplay::nn
