#include "mlplay/kernels/packed_linear.h"

#include <algorithm>

#include "mlplay/core/error.h"
#include "sgemm_microkernel.h"

namespace mlplay::kernels {
namespace {

using detail::f32x4;

/// y[0 .. 8·P) of P consecutive panels (P = 1..4) starting at w, bias b; stores `count` outputs.
template <int P>
void panel_group(const float* x, int64_t in, const float* w, const float* b, float* y, int64_t count) {
  f32x4 acc[P][2];
  for (int p = 0; p < P; ++p) acc[p][0] = detail::load4(b + 8 * p), acc[p][1] = detail::load4(b + 8 * p + 4);
  const int64_t stride = in * 8;  // floats from one panel to the next
  for (int64_t k = 0; k < in; ++k) {
    const f32x4 a = detail::splat_load(x + k);
    for (int p = 0; p < P; ++p) {  // unrolled: P is a constant
      const float* wk = w + p * stride + k * 8;
      acc[p][0] = detail::madd(acc[p][0], a, detail::load4(wk));
      acc[p][1] = detail::madd(acc[p][1], a, detail::load4(wk + 4));
    }
  }
  float tile[P * 8];
  for (int p = 0; p < P; ++p) detail::store4(tile + 8 * p, acc[p][0]), detail::store4(tile + 8 * p + 4, acc[p][1]);
  std::copy(tile, tile + count, y);
}

}  // namespace

void PackedLinear::pack(const float* weight, const float* bias, int64_t out_features, int64_t in_features) {
  check(out_features > 0 && in_features > 0, "PackedLinear::pack: sizes must be positive, got ", out_features, "×", in_features);
  in = in_features, out = out_features;
  packed_weight.assign(size_t(panels() * in * 8), 0.0f);
  packed_bias.assign(size_t(panels() * 8), 0.0f);
  for (int64_t o = 0; o < out; ++o) {
    float* panel = packed_weight.data() + (o / 8) * in * 8 + o % 8;
    for (int64_t k = 0; k < in; ++k) panel[k * 8] = weight[o * in + k];
    if (bias) packed_bias[size_t(o)] = bias[o];
  }
}

void PackedLinear::run(const float* x, float* y, int64_t panel_begin, int64_t panel_end) const {
  for (int64_t p = panel_begin; p < panel_end;) {
    const int64_t take = std::min<int64_t>(4, panel_end - p);
    const float* w = packed_weight.data() + p * in * 8;
    const float* b = packed_bias.data() + p * 8;
    const int64_t count = std::min(out, (p + take) * 8) - p * 8;
    switch (take) {
      case 4: panel_group<4>(x, in, w, b, y + p * 8, count); break;
      case 3: panel_group<3>(x, in, w, b, y + p * 8, count); break;
      case 2: panel_group<2>(x, in, w, b, y + p * 8, count); break;
      default: panel_group<1>(x, in, w, b, y + p * 8, count); break;
    }
    p += take;
  }
}

}  // namespace mlplay::kernels
