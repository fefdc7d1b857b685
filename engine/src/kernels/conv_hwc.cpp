#include "mlplay/kernels/conv_hwc.h"

#include <algorithm>

#include "mlplay/core/error.h"
#include "sgemm_microkernel.h"

namespace mlplay::kernels {
namespace {

using detail::f32x4;
constexpr int kPixels = 5;  // output pixels per micro-kernel call
constexpr int kLanes = 8;   // output channels per micro-kernel call

/// y[r][0..8) = bias + Σ_t Σ_c x[r][tap_t + c] · w[t][c][0..8) for the kPixels window corners x[r].
/// Rows r ≥ rows are computed (from a repeated corner) but not stored.
inline void micro(const float* const* corner, const int64_t* tap, int64_t taps, int64_t channels, const float* w,
                  const float* bias, float* y, int64_t ldy, int rows) {
  f32x4 acc[kPixels][2];
  const f32x4 b0 = detail::load4(bias), b1 = detail::load4(bias + 4);
  for (int r = 0; r < kPixels; ++r) acc[r][0] = b0, acc[r][1] = b1;
  for (int64_t t = 0; t < taps; ++t) {
    const int64_t o = tap[t];
    const float* x0 = corner[0] + o;
    const float* x1 = corner[1] + o;
    const float* x2 = corner[2] + o;
    const float* x3 = corner[3] + o;
    const float* x4 = corner[4] + o;
    for (int64_t c = 0; c < channels; ++c) {
      const f32x4 w0 = detail::load4(w), w1 = detail::load4(w + 4);
      w += kLanes;
      f32x4 a = detail::splat_load(x0 + c);
      acc[0][0] = detail::madd(acc[0][0], a, w0), acc[0][1] = detail::madd(acc[0][1], a, w1);
      a = detail::splat_load(x1 + c);
      acc[1][0] = detail::madd(acc[1][0], a, w0), acc[1][1] = detail::madd(acc[1][1], a, w1);
      a = detail::splat_load(x2 + c);
      acc[2][0] = detail::madd(acc[2][0], a, w0), acc[2][1] = detail::madd(acc[2][1], a, w1);
      a = detail::splat_load(x3 + c);
      acc[3][0] = detail::madd(acc[3][0], a, w0), acc[3][1] = detail::madd(acc[3][1], a, w1);
      a = detail::splat_load(x4 + c);
      acc[4][0] = detail::madd(acc[4][0], a, w0), acc[4][1] = detail::madd(acc[4][1], a, w1);
    }
  }
  for (int r = 0; r < rows; ++r) {
    detail::store4(y + r * ldy, acc[r][0]);
    detail::store4(y + r * ldy + 4, acc[r][1]);
  }
}

}  // namespace

void ConvHwc::pack(const float* weight, const float* bias) {
  check(in_c > 0 && out_c > 0 && kh > 0 && kw > 0 && sh > 0 && sw > 0 && dh > 0 && dw > 0 && padded_w > 0, "ConvHwc::pack: ",
        "channels, kernel, stride, dilation and padded width must be positive");
  const int64_t taps = kh * kw, panels = out_c_padded() / kLanes;
  packed_weight.assign(size_t(panels * taps * in_c * kLanes), 0.0f);
  for (int64_t o = 0; o < out_c; ++o) {
    float* panel = packed_weight.data() + (o / kLanes) * taps * in_c * kLanes;
    for (int64_t c = 0; c < in_c; ++c) {
      for (int64_t t = 0; t < taps; ++t) panel[(t * in_c + c) * kLanes + o % kLanes] = weight[(o * in_c + c) * taps + t];
    }
  }
  packed_bias.assign(size_t(out_c_padded()), 0.0f);
  if (bias) std::copy(bias, bias + out_c, packed_bias.begin());
  tap_offset.resize(size_t(taps));
  for (int64_t i = 0; i < kh; ++i) {
    for (int64_t j = 0; j < kw; ++j) tap_offset[size_t(i * kw + j)] = (i * dh * padded_w + j * dw) * in_c;
  }
}

void ConvHwc::run(const float* x, float* y, int64_t p_begin, int64_t p_end) const {
  const int64_t taps = kh * kw, ldy = out_c_padded(), panel_size = taps * in_c * kLanes;
  for (int64_t p = p_begin; p < p_end; p += kPixels) {
    const int rows = int(std::min<int64_t>(kPixels, p_end - p));
    const float* corner[kPixels];
    for (int r = 0; r < kPixels; ++r) {
      const int64_t q = p + std::min(r, rows - 1), oy = q / out_w, ox = q % out_w;
      corner[r] = x + (oy * sh * padded_w + ox * sw) * in_c;
    }
    for (int64_t n = 0; n < ldy / kLanes; ++n) {
      micro(corner, tap_offset.data(), taps, in_c, packed_weight.data() + n * panel_size, packed_bias.data() + n * kLanes,
            y + p * ldy + n * kLanes, ldy, rows);
    }
  }
}

}  // namespace mlplay::kernels
