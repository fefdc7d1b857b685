#pragma once
/// BatchNorm1d and BatchNorm2d (torch/nn/modules/batchnorm.h).
#include <cstdint>

#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"
#include "mlplay/nn/options/batchnorm.h"

namespace mlplay::nn {

/// Shared by BatchNorm1d/2d: parameters weight (ones) and bias (zeros) when affine, buffers running_mean
/// (zeros), running_var (ones) and num_batches_tracked (a float 0-d count here; int64 in PyTorch) when
/// track_running_stats. Training normalizes with the batch's statistics and updates the running ones;
/// eval uses the running ones (the batch's when not tracked) (https://arxiv.org/abs/1502.03167).
class BatchNormImplBase : public Module {
 public:
  BatchNormImplBase(const BatchNormOptions& options, const char* name, int64_t min_dim, int64_t max_dim);
  /// weight = 1, bias = 0, running statistics reset.
  void reset_parameters();
  void reset_running_stats();
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  BatchNormOptions options;
  Tensor weight, bias;                                     // (C,)
  Tensor running_mean, running_var, num_batches_tracked;  // (C,), (C,), ()

 private:
  const char* name_;
  int64_t min_dim_, max_dim_;  // accepted input ranks
};

/// Over (N, C) or (N, C, L) (https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm1d.html).
class BatchNorm1dImpl : public BatchNormImplBase {
 public:
  explicit BatchNorm1dImpl(const BatchNormOptions& options) : BatchNormImplBase(options, "BatchNorm1d", 2, 3) {}
};
MLPLAY_MODULE(BatchNorm1d);

/// Over (N, C, H, W) (https://pytorch.org/docs/stable/generated/torch.nn.BatchNorm2d.html).
class BatchNorm2dImpl : public BatchNormImplBase {
 public:
  explicit BatchNorm2dImpl(const BatchNormOptions& options) : BatchNormImplBase(options, "BatchNorm2d", 4, 4) {}
};
MLPLAY_MODULE(BatchNorm2d);

}  // namespace mlplay::nn
