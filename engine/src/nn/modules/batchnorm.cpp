#include "mlplay/nn/modules/batchnorm.h"

#include <ostream>
#include <string>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/normalization.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/init.h"

namespace mlplay::nn {

BatchNormImplBase::BatchNormImplBase(const BatchNormOptions& options_, const char* name, int64_t min_dim, int64_t max_dim)
    : options(options_), name_(name), min_dim_(min_dim), max_dim_(max_dim) {
  const int64_t C = options.num_features();
  check<ValueError>(C > 0, name_, ": num_features must be positive, got ", C);
  check<ValueError>(!options.momentum() || (*options.momentum() >= 0 && *options.momentum() <= 1), name_,
                    ": momentum must be in [0, 1], got ", options.momentum().value_or(0));
  if (options.affine()) {
    weight = register_parameter("weight", empty({C}));
    bias = register_parameter("bias", empty({C}));
  }
  if (options.track_running_stats()) {
    running_mean = register_buffer("running_mean", zeros({C}));
    running_var = register_buffer("running_var", ones({C}));
    num_batches_tracked = register_buffer("num_batches_tracked", zeros({}));
  }
  reset_parameters();
}

void BatchNormImplBase::reset_running_stats() {
  if (!options.track_running_stats()) return;
  init::zeros_(running_mean);
  init::ones_(running_var);
  init::zeros_(num_batches_tracked);
}

void BatchNormImplBase::reset_parameters() {
  reset_running_stats();
  if (!options.affine()) return;
  init::ones_(weight);
  init::zeros_(bias);
}

Tensor BatchNormImplBase::forward(const Tensor& x) {
  check<ShapeError>(x.dim() >= min_dim_ && x.dim() <= max_dim_ && x.size(1) == options.num_features(), name_,
                    ": expected input with ", min_dim_, (min_dim_ == max_dim_ ? "" : " or "),
                    (min_dim_ == max_dim_ ? std::string() : std::to_string(max_dim_)), " dims and ",
                    options.num_features(), " channels in dim 1, got shape ", shape_str(x.shape()));
  // eval without running statistics normalizes with the batch's own, as PyTorch does
  const bool use_batch_stats = is_training() || !options.track_running_stats();
  double factor = options.momentum().value_or(0.0);
  if (is_training() && options.track_running_stats()) {
    NoGradGuard no_grad;
    num_batches_tracked.add_(ones({}));
    // momentum nullopt: cumulative moving average, factor 1 / (batches seen)
    if (!options.momentum()) factor = 1.0 / static_cast<double>(num_batches_tracked.item());
  }
  const Tensor& mean = options.track_running_stats() ? running_mean : Tensor();
  const Tensor& var = options.track_running_stats() ? running_var : Tensor();
  return batch_norm(x, mean, var, weight, bias, use_batch_stats, factor, options.eps());
}

void BatchNormImplBase::pretty_print(std::ostream& out) const {
  out << std::boolalpha << name_ << "(" << options.num_features() << ", eps=" << options.eps() << ", momentum=";
  if (options.momentum()) {
    out << *options.momentum();
  } else {
    out << "None";
  }
  out << ", affine=" << options.affine() << ", track_running_stats=" << options.track_running_stats() << ")";
}

}  // namespace mlplay::nn
