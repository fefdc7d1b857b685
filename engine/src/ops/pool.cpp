// Pooling composed from unfold and reductions: each (N*C) plane is unfolded into its windows.
#include "mlplay/ops/pool.h"

#include <limits>

#include "mlplay/core/error.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

namespace mlplay {
namespace {

void check_pool_args(const char* op, const Tensor& x, Size2 kernel, Size2 padding) {
  check<ShapeError>(x.dim() == 4, op, ": input must be 4-D (N, C, H, W), got shape ", shape_str(x.shape()));
  check<ValueError>(padding.h <= kernel.h / 2 && padding.w <= kernel.w / 2, op, ": padding (", padding.h, ", ",
                    padding.w, ") should be at most half of kernel size (", kernel.h, ", ", kernel.w, ")");
}

}  // namespace

Tensor max_pool2d(const Tensor& x, Size2 kernel, std::optional<Size2> stride, Size2 padding, Size2 dilation) {
  check_pool_args("max_pool2d", x, kernel, padding);
  const Size2 s = stride.value_or(kernel);
  const int64_t N = x.size(0), C = x.size(1);
  const int64_t out_h = conv_output_size(x.size(2), kernel.h, s.h, padding.h, dilation.h);
  const int64_t out_w = conv_output_size(x.size(3), kernel.w, s.w, padding.w, dilation.w);
  // (N*C, 1, H, W) -> windows (N*C, kh*kw, L) -> max over the window -> (N, C, out_h, out_w)
  const Tensor planes = x.reshape({N * C, 1, x.size(2), x.size(3)});
  const Tensor windows = unfold(planes, kernel, dilation, padding, s, -std::numeric_limits<double>::infinity());
  return amax(windows, {1}).reshape({N, C, out_h, out_w});
}

Tensor avg_pool2d(const Tensor& x, Size2 kernel, std::optional<Size2> stride, Size2 padding, bool count_include_pad) {
  check_pool_args("avg_pool2d", x, kernel, padding);
  const Size2 s = stride.value_or(kernel);
  const int64_t N = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
  const int64_t out_h = conv_output_size(H, kernel.h, s.h, padding.h, 1);
  const int64_t out_w = conv_output_size(W, kernel.w, s.w, padding.w, 1);
  const Tensor windows = unfold(x.reshape({N * C, 1, H, W}), kernel, 1, padding, s);
  if (count_include_pad) return mean(windows, {1}).reshape({N, C, out_h, out_w});
  // divide each window's sum by how many of its positions are inside the image
  const Tensor inside = sum(unfold(ones({1, 1, H, W}), kernel, 1, padding, s), {1});
  return (sum(windows, {1}) / inside).reshape({N, C, out_h, out_w});
}

}  // namespace mlplay
