#include "mlplay/nn/modules/linear.h"

#include <cmath>
#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {

LinearImpl::LinearImpl(const LinearOptions& options_) : options(options_) {
  check<ValueError>(options.in_features() >= 0 && options.out_features() >= 0,
                    "Linear: in_features and out_features must be non-negative, got ", options.in_features(), " and ",
                    options.out_features());
  weight = register_parameter("weight", empty({options.out_features(), options.in_features()}));
  if (options.bias()) bias = register_parameter("bias", empty({options.out_features()}));
  reset_parameters();
}

void LinearImpl::reset_parameters(Generator& gen) {
  // kaiming_uniform with a = sqrt(5): gain sqrt(2 / 6), bound gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in)
  init::kaiming_uniform_(weight, std::sqrt(5.0), init::FanMode::FanIn, "leaky_relu", gen);
  if (bias.defined()) {
    const int64_t fan_in = options.in_features();
    const double bound = fan_in > 0 ? 1.0 / std::sqrt(static_cast<double>(fan_in)) : 0.0;
    init::uniform_(bias, -bound, bound, gen);
  }
}

Tensor LinearImpl::forward(const Tensor& x) {
  check<ShapeError>(x.dim() >= 1 && x.size(-1) == options.in_features(), "Linear: input of shape ", shape_str(x.shape()),
                    " does not end in in_features = ", options.in_features());
  Tensor y = matmul(x, weight.t());  // x (*, in) @ W^T (in, out) -> (*, out)
  if (bias.defined()) y = y + bias;
  return y;
}

void LinearImpl::pretty_print(std::ostream& out) const {
  out << std::boolalpha << "Linear(in_features=" << options.in_features() << ", out_features=" << options.out_features()
      << ", bias=" << options.bias() << ")";
}

void FlattenImpl::pretty_print(std::ostream& out) const {
  out << "Flatten(start_dim=" << options.start_dim() << ", end_dim=" << options.end_dim() << ")";
}

Tensor FlattenImpl::forward(const Tensor& x) { return flatten(x, options.start_dim(), options.end_dim()); }

}  // namespace mlplay::nn
