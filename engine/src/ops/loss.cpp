// Losses composed from primitives: no backward rules here.
#include "mlplay/ops/loss.h"

#include <utility>

#include "mlplay/core/error.h"
#include "mlplay/ops/activation.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/index.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {

Tensor reduce(const Tensor& loss, Reduction reduction) {
  if (reduction == Reduction::Mean) return mean(loss);
  if (reduction == Reduction::Sum) return sum(loss);
  return loss;
}

void check_same_shape(const char* op, const Tensor& input, const Tensor& target) {
  check<ShapeError>(input.shape() == target.shape(), op, ": input ", shape_str(input.shape()), " and target ",
                    shape_str(target.shape()), " must have the same shape");
}

/// Checks class indices and returns (indices with ignored ones replaced by 0, 0/1 mask of kept ones).
std::pair<Tensor, Tensor> class_targets(const char* op, const Tensor& input, const Tensor& target, int64_t ignore_index) {
  check<ShapeError>(input.dim() == 2 && target.dim() == 1 && target.size(0) == input.size(0), op, ": input ",
                    shape_str(input.shape()), " and target ", shape_str(target.shape()),
                    " do not match: expected input (N, C) and class indices (N,)");
  const int64_t C = input.size(1);
  std::vector<float> safe = target.to_vector(), keep(safe.size(), 1.0f);
  for (size_t i = 0; i < safe.size(); ++i) {
    if (safe[i] == static_cast<float>(ignore_index)) {
      safe[i] = 0;
      keep[i] = 0;
      continue;
    }
    check<ValueError>(safe[i] >= 0 && safe[i] < C && safe[i] == static_cast<float>(static_cast<int64_t>(safe[i])), op,
                      ": target ", safe[i], " is out of bounds for ", C, " classes");
  }
  return {from_vector(safe, target.shape()), from_vector(keep, target.shape())};
}

/// Sum of per-sample losses over kept samples; the mean divides by how many were kept.
Tensor reduce_kept(const Tensor& loss, const Tensor& keep, Reduction reduction) {
  const Tensor kept = loss * keep;
  if (reduction == Reduction::Mean) return sum(kept) / sum(keep);
  return reduce(kept, reduction);
}

}  // namespace

Tensor nll_loss(const Tensor& input, const Tensor& target, Reduction reduction, int64_t ignore_index) {
  if (input.dim() == 1) return nll_loss(unsqueeze(input, 0), unsqueeze(target, 0), reduction, ignore_index).squeeze(0);
  auto [index, keep] = class_targets("nll_loss", input, target, ignore_index);
  // picked (N,) = input[i, target[i]]
  const Tensor picked = gather(input, 1, unsqueeze(index, 1)).squeeze(1);
  return reduce_kept(-picked, keep, reduction);
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, Reduction reduction, double label_smoothing,
                     int64_t ignore_index) {
  check<ValueError>(label_smoothing >= 0 && label_smoothing <= 1, "cross_entropy: label_smoothing must be in [0, 1], got ",
                    label_smoothing);
  if (input.dim() == 1) {  // unbatched: logits (C,) with a class index () or probabilities (C,)
    return cross_entropy(unsqueeze(input, 0), unsqueeze(target, 0), reduction, label_smoothing, ignore_index).squeeze(0);
  }
  const int64_t C = input.size(-1);
  const Tensor logp = log_softmax(input, 1);  // (N, C)
  if (target.shape() == input.shape()) {
    // class probabilities: -sum_c t_c log p_c with t mixed toward uniform
    const Tensor t = label_smoothing > 0 ? target * (1.0 - label_smoothing) + label_smoothing / double(C) : target;
    return reduce(-sum(t * logp, {1}), reduction);
  }
  auto [index, keep] = class_targets("cross_entropy", input, target, ignore_index);
  Tensor loss = -gather(logp, 1, unsqueeze(index, 1)).squeeze(1);  // (N,)
  if (label_smoothing > 0) {
    // (1 - eps) * nll + eps * mean over classes of -log p_c
    loss = (1.0 - label_smoothing) * loss + label_smoothing * -mean(logp, {1});
  }
  return reduce_kept(loss, keep, reduction);
}

Tensor mse_loss(const Tensor& input, const Tensor& target, Reduction reduction) {
  check_same_shape("mse_loss", input, target);
  const Tensor d = input - target;
  return reduce(d * d, reduction);
}

Tensor huber_loss(const Tensor& input, const Tensor& target, Reduction reduction, double delta) {
  check_same_shape("huber_loss", input, target);
  check<ValueError>(delta > 0, "huber_loss: delta must be positive, got ", delta);
  const Tensor d = input - target;
  const Tensor ad = abs(d);
  return reduce(where(lt(ad, delta), 0.5 * d * d, delta * (ad - 0.5 * delta)), reduction);
}

Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, Reduction reduction,
                                        const Tensor& pos_weight) {
  check_same_shape("binary_cross_entropy_with_logits", input, target);
  // (1 - y) x + w (log(1 + exp(-|x|)) + max(-x, 0)), w = 1 + (pos_weight - 1) y (PyTorch's formula)
  const Tensor w = pos_weight.defined() ? 1.0 + (pos_weight - 1.0) * target : ones({});
  const Tensor log_sigmoid_neg = log(1.0 + exp(-abs(input))) + maximum(-input, scalar_tensor(0));
  return reduce((1.0 - target) * input + w * log_sigmoid_neg, reduction);
}

}  // namespace mlplay
