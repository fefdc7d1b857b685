// conv2d composed from primitives: unfold (im2col) -> reshape -> matmul (gemm) -> + bias.
#include "mlplay/ops/conv.h"

#include "mlplay/core/error.h"
#include "mlplay/ops/matmul.h"
#include "mlplay/ops/view.h"

namespace mlplay {

Tensor conv2d(const Tensor& x, const Tensor& weight, const Tensor& bias, Size2 stride, Size2 padding, Size2 dilation,
              int64_t groups) {
  check<ShapeError>(x.dim() == 4, "conv2d: input must be 4-D (N, C, H, W), got shape ", shape_str(x.shape()));
  check<ShapeError>(weight.dim() == 4, "conv2d: weight must be 4-D (out_channels, in_channels / groups, kh, kw), got shape ",
                    shape_str(weight.shape()));
  check<ValueError>(groups > 0, "conv2d: groups must be positive, got ", groups);
  const int64_t N = x.size(0), C = x.size(1), O = weight.size(0), Cg = weight.size(1);
  const int64_t kh = weight.size(2), kw = weight.size(3);
  check<ShapeError>(C == Cg * groups, "conv2d: input of shape ", shape_str(x.shape()), " has ", C,
                    " channels, but weight of shape ", shape_str(weight.shape()), " with groups=", groups,
                    " expects ", Cg * groups);
  check<ShapeError>(O % groups == 0, "conv2d: out_channels (", O, ") must be divisible by groups (", groups, ")");
  check<ShapeError>(!bias.defined() || bias.shape() == Shape{O}, "conv2d: bias of shape ",
                    shape_str(bias.defined() ? bias.shape() : Shape{}), " does not match out_channels ", O);
  const int64_t out_h = conv_output_size(x.size(2), kh, stride.h, padding.h, dilation.h);
  const int64_t out_w = conv_output_size(x.size(3), kw, stride.w, padding.w, dilation.w);

  // columns (N, C*kh*kw, L) -> (N, groups, Cg*kh*kw, L): each group reads its own Cg channels
  const Tensor columns = unfold(x, {kh, kw}, dilation, padding, stride).reshape({N, groups, Cg * kh * kw, -1});
  // weight (O, Cg, kh, kw) -> (groups, O/groups, Cg*kh*kw)
  const Tensor w = weight.reshape({groups, O / groups, Cg * kh * kw});
  // (groups, O/g, K) @ (N, groups, K, L) -> (N, groups, O/g, L) -> (N, O, out_h, out_w)
  Tensor out = matmul(w, columns).reshape({N, O, out_h, out_w});
  if (bias.defined()) out = out + bias.reshape({1, O, 1, 1});
  return out;
}

}  // namespace mlplay
