#pragma once
/// Normalization composed from primitives (torch.nn.functional.layer_norm / batch_norm).
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// Normalizes over the trailing dims given by normalized_shape: (x - mean) / sqrt(var + eps) with the
/// biased variance, then * weight + bias (both of normalized_shape, or undefined).
/// (Ba, Kiros & Hinton 2016, https://arxiv.org/abs/1607.06450)
Tensor layer_norm(const Tensor& x, const Shape& normalized_shape, const Tensor& weight = Tensor(),
                  const Tensor& bias = Tensor(), double eps = 1e-5);

/// x (N, C, *) normalized per channel. training: uses the batch's mean and biased variance and, when
/// defined, updates running_mean / running_var (C,) in place: r = (1 - momentum) r + momentum * stat,
/// with the unbiased variance. eval: uses the running statistics. weight, bias (C,) or undefined.
/// (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167)
Tensor batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight = Tensor(),
                  const Tensor& bias = Tensor(), bool training = false, double momentum = 0.1, double eps = 1e-5);

}  // namespace mlplay
