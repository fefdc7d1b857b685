// im2col (unfold) and its backward, col2im: the data movement under conv2d and the pools.
#include <algorithm>
#include <cmath>
#include <utility>

#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/ops/conv.h"

namespace mlplay {
namespace {

/// Geometry of one unfold: input (N, C, H, W), kernel, output grid (out_h, out_w).
struct UnfoldGeometry {
  int64_t N, C, H, W, kh, kw, dh, dw, ph, pw, sh, sw, out_h, out_w;
  int64_t rows() const { return C * kh * kw; }
  int64_t blocks() const { return out_h * out_w; }
};

/// The output positions [lo, hi) of one kernel tap whose input coordinate out * stride + offset lies
/// in [0, size); the others fall in the padding.
std::pair<int64_t, int64_t> inside_range(int64_t offset, int64_t stride, int64_t size, int64_t out) {
  const int64_t lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
  const int64_t hi = size - 1 - offset < 0 ? 0 : std::min(out, (size - 1 - offset) / stride + 1);
  return {std::min(lo, out), std::max(hi, std::min(lo, out))};
}

/// Calls copy(col_row, inside, in_row, lo, hi) for every output row (tap (i, j), output row oh) of
/// channel c: col_row indexes the out_w column entries, in_row input column (j * dw - pw) of the input
/// row they read; inside is false when that whole row is padding. Entries [lo, hi) read
/// in_row + ow * sw, the rest are padding.
template <typename Copy>
void for_each_tap_row(const UnfoldGeometry& g, int64_t c, Copy copy) {
  for (int64_t i = 0; i < g.kh; ++i)
    for (int64_t j = 0; j < g.kw; ++j) {
      const int64_t row = (c * g.kh + i) * g.kw + j;
      const int64_t col_offset = j * g.dw - g.pw;
      const auto [lo, hi] = inside_range(col_offset, g.sw, g.W, g.out_w);
      for (int64_t oh = 0; oh < g.out_h; ++oh) {
        const int64_t ih = oh * g.sh - g.ph + i * g.dh;
        const bool inside = ih >= 0 && ih < g.H;
        copy(row * g.blocks() + oh * g.out_w, inside, (c * g.H + ih) * g.W + col_offset, lo, hi);
      }
    }
}

}  // namespace

int64_t conv_output_size(int64_t in, int64_t kernel, int64_t stride, int64_t padding, int64_t dilation) {
  return (in + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
}

/// (sample, channel) tasks per thread chunk: at least ~32k copied values each, so a single small
/// image stays on one thread (waking the pool costs more than the copy).
static int64_t channel_grain(const UnfoldGeometry& g) {
  const int64_t per_channel = std::max<int64_t>(1, g.kh * g.kw * g.out_h * g.out_w);
  return std::max<int64_t>(1, (int64_t{1} << 15) / per_channel);
}

Tensor unfold(const Tensor& x, Size2 kernel, Size2 dilation, Size2 padding, Size2 stride, double pad_value) {
  check<ShapeError>(x.dim() == 4, "unfold: input must be 4-D (N, C, H, W), got shape ", shape_str(x.shape()));
  check<ValueError>(kernel.h > 0 && kernel.w > 0 && stride.h > 0 && stride.w > 0 && dilation.h > 0 &&
                        dilation.w > 0 && padding.h >= 0 && padding.w >= 0,
                    "unfold: kernel_size, stride and dilation must be positive and padding non-negative");
  UnfoldGeometry g{x.size(0), x.size(1), x.size(2), x.size(3), kernel.h, kernel.w, dilation.h, dilation.w,
                   padding.h, padding.w, stride.h, stride.w, 0, 0};
  g.out_h = conv_output_size(g.H, g.kh, g.sh, g.ph, g.dh);
  g.out_w = conv_output_size(g.W, g.kw, g.sw, g.pw, g.dw);
  check<ShapeError>(g.out_h > 0 && g.out_w > 0, "unfold: input of shape ", shape_str(x.shape()), " is too small for kernel (",
                    g.kh, ", ", g.kw, ") with padding (", g.ph, ", ", g.pw, ") and dilation (", g.dh, ", ", g.dw, ")");
  const Tensor input = x.detach().contiguous();
  Tensor out = empty({g.N, g.rows(), g.blocks()});
  const auto pad = static_cast<float>(pad_value);
  // one task per (sample, channel): it fills that channel's kh * kw rows of the columns
  parallel_for(0, g.N * g.C, channel_grain(g), [&](int64_t lo, int64_t hi) {
    for (int64_t nc = lo; nc < hi; ++nc) {
      const int64_t n = nc / g.C, c = nc % g.C;
      const float* src = input.data_ptr() + n * g.C * g.H * g.W;
      float* dst = out.data_ptr() + n * g.rows() * g.blocks();
      for_each_tap_row(g, c, [&](int64_t col, bool inside, int64_t in, int64_t lo, int64_t hi) {
        float* out_row = dst + col;
        if (!inside) {
          std::fill(out_row, out_row + g.out_w, pad);
          return;
        }
        std::fill(out_row, out_row + lo, pad);
        if (g.sw == 1) {
          std::copy(src + in + lo, src + in + hi, out_row + lo);  // stride 1: a contiguous run
        } else {
          for (int64_t ow = lo; ow < hi; ++ow) out_row[ow] = src[in + ow * g.sw];
        }
        std::fill(out_row + hi, out_row + g.out_w, pad);
      });
    }
  });
  return record(out, "UnfoldBackward", {x}, [g](const Tensor& grad) {
    // col2im: each column entry adds its gradient to the input pixel it was copied from
    const Tensor gc = grad.contiguous();
    Tensor dx = empty({g.N, g.C, g.H, g.W});
    parallel_for(0, g.N * g.C, channel_grain(g), [&](int64_t lo, int64_t hi) {
      for (int64_t nc = lo; nc < hi; ++nc) {
        const int64_t n = nc / g.C, c = nc % g.C;
        const float* src = gc.data_ptr() + n * g.rows() * g.blocks();
        float* dst = dx.data_ptr() + n * g.C * g.H * g.W;
        for_each_tap_row(g, c, [&](int64_t col, bool inside, int64_t in, int64_t lo, int64_t hi) {
          if (!inside) return;
          for (int64_t ow = lo; ow < hi; ++ow) dst[in + ow * g.sw] += src[col + ow];
        });
      }
    });
    return std::vector<Tensor>{dx};
  });
}

}  // namespace mlplay
