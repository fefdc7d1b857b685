// layer_norm and batch_norm composed from primitives: no backward rules here.
#include "mlplay/ops/normalization.h"

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"

namespace mlplay {

Tensor layer_norm(const Tensor& x, const Shape& normalized_shape, const Tensor& weight, const Tensor& bias, double eps) {
  const int64_t k = static_cast<int64_t>(normalized_shape.size());
  const bool fits = k <= x.dim() && Shape(x.shape().end() - k, x.shape().end()) == normalized_shape;
  check<ShapeError>(fits, "layer_norm: input of shape ", shape_str(x.shape()), " does not end in normalized_shape ",
                    shape_str(normalized_shape));
  check<ShapeError>(!weight.defined() || weight.shape() == normalized_shape, "layer_norm: weight of shape ",
                    shape_str(weight.defined() ? weight.shape() : Shape{}), " does not match ", shape_str(normalized_shape));
  check<ShapeError>(!bias.defined() || bias.shape() == normalized_shape, "layer_norm: bias of shape ",
                    shape_str(bias.defined() ? bias.shape() : Shape{}), " does not match ", shape_str(normalized_shape));
  Shape dims;
  for (int64_t d = x.dim() - k; d < x.dim(); ++d) dims.push_back(d);
  const Tensor centered = x - mean(x, dims, true);
  const Tensor variance = mean(centered * centered, dims, true);  // biased, as in the paper
  Tensor y = centered / sqrt(variance + eps);
  if (weight.defined()) y = y * weight;
  if (bias.defined()) y = y + bias;
  return y;
}

Tensor batch_norm(const Tensor& x, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  check<ShapeError>(x.dim() >= 2, "batch_norm: input must be (N, C, *), got shape ", shape_str(x.shape()));
  const int64_t C = x.size(1);
  for (const Tensor* t : {&running_mean, &running_var, &weight, &bias}) {
    if (!t->defined()) continue;
    check<ShapeError>(t->shape() == Shape{C}, "batch_norm: expected (", C, ",) statistics or parameters for input of shape ",
                      shape_str(x.shape()), ", got ", shape_str(t->shape()));
  }
  // statistics per channel: reduce over every dim but 1; parameters broadcast as (1, C, 1, ...)
  Shape dims{0}, param_shape(x.dim(), 1);
  for (int64_t d = 2; d < x.dim(); ++d) dims.push_back(d);
  param_shape[1] = C;
  const int64_t count = x.numel() / C;
  Tensor y;
  if (training) {
    check<ValueError>(count > 1, "batch_norm: expected more than 1 value per channel when training, got input of shape ",
                      shape_str(x.shape()));
    const Tensor mu = mean(x, dims, true);
    const Tensor centered = x - mu;
    const Tensor variance = mean(centered * centered, dims, true);
    y = centered / sqrt(variance + eps);
    NoGradGuard no_grad;
    if (running_mean.defined()) Tensor(running_mean).mul_(1.0 - momentum).add_(mu.reshape({C}), momentum);
    if (running_var.defined())
      Tensor(running_var).mul_(1.0 - momentum).add_(variance.reshape({C}), momentum * double(count) / double(count - 1));
  } else {
    check<ValueError>(running_mean.defined() && running_var.defined(),
                      "batch_norm: running_mean and running_var are needed in eval mode");
    y = (x - running_mean.reshape(param_shape)) / sqrt(running_var.reshape(param_shape) + eps);
  }
  if (weight.defined()) y = y * weight.reshape(param_shape);
  if (bias.defined()) y = y + bias.reshape(param_shape);
  return y;
}

}  // namespace mlplay
