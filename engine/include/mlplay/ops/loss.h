#pragma once
/// Loss functions composed from primitives (torch.nn.functional losses, same defaults).
/// Class indices are float tensors holding whole numbers (the engine is float32-only).
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// How per-element losses are combined, as torch's reduction='none' | 'mean' | 'sum'.
enum class Reduction { None, Mean, Sum };

/// -input[i, target[i]] for log-probabilities input (N, C) (or (C,)) and class indices target (N,)
/// (or ()). Targets equal to ignore_index add nothing and are left out of the mean.
Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                int64_t ignore_index = -100);
/// nll_loss(log_softmax(input)) for logits (N, C). target is either class indices (N,) or class
/// probabilities (N, C). label_smoothing eps mixes the target with the uniform distribution:
/// (1 - eps) * target + eps / C. For (B, T, C) logits, reshape to (B*T, C) first.
Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                     double label_smoothing = 0.0, int64_t ignore_index = -100);
/// (input - target)^2.
Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean);
/// 0.5 d^2 where |d| < delta, else delta (|d| - 0.5 delta), with d = input - target.
Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                  double delta = 1.0);
/// -[y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))], computed stably from the logits x.
/// pos_weight (broadcast over the last dim) weighs the positive term.
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, Reduction reduction = Reduction::Mean,
                                        const Tensor& pos_weight = Tensor());

}  // namespace mlplay
