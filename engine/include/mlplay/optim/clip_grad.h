#pragma once
/// Gradient clipping, as torch.nn.utils.clip_grad_norm_ / clip_grad_value_ 1.13
/// (https://pytorch.org/docs/1.13/generated/torch.nn.utils.clip_grad_norm_.html). They live beside the
/// optimizers but keep PyTorch's namespace, nn::utils, so learners find the names they know.
#include <limits>
#include <vector>

#include "mlplay/tensor/tensor.h"

namespace mlplay::nn::utils {

/// Scales every defined grad by min(1, max_norm / (total_norm + 1e-6)), where total_norm is the
/// norm_type-norm of all gradients taken together (norm_type = infinity: the largest |g|). Parameters
/// without a grad are skipped. Returns total_norm (before clipping). Throws ValueError when
/// norm_type <= 0 or max_norm < 0.
double clip_grad_norm_(const std::vector<Tensor>& parameters, double max_norm, double norm_type = 2.0);

/// Clamps every defined grad to [-clip_value, clip_value]. Throws ValueError when clip_value < 0.
void clip_grad_value_(const std::vector<Tensor>& parameters, double clip_value);

}  // namespace mlplay::nn::utils
