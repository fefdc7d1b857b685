#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/kernels/conv_hwc.h"
#include "mlplay/kernels/packed_linear.h"

using namespace mlplay;

namespace {

std::vector<float> random_values(Generator& g, int64_t n) {
  std::vector<float> v(static_cast<size_t>(n));
  for (auto& x : v) x = g.uniform(-1.0f, 1.0f);
  return v;
}

}  // namespace

TEST_CASE("ConvHwc equals a direct convolution for strides, dilation, odd channel counts and pixel ranges", "[kernels][conv_hwc]") {
  Generator g(7);
  struct Case {
    int64_t in_c, out_c, kh, kw, sh, sw, dh, dw, padded_h, padded_w;
  };
  for (const Case& c : {Case{1, 16, 3, 3, 1, 1, 1, 1, 30, 30}, Case{16, 32, 3, 3, 1, 1, 1, 1, 16, 16},
                        Case{3, 5, 3, 2, 2, 1, 1, 2, 11, 9}, Case{4, 11, 1, 1, 1, 1, 1, 1, 3, 7}}) {
    kernels::ConvHwc conv;
    conv.in_c = c.in_c, conv.out_c = c.out_c, conv.kh = c.kh, conv.kw = c.kw, conv.sh = c.sh, conv.sw = c.sw;
    conv.dh = c.dh, conv.dw = c.dw, conv.padded_w = c.padded_w;
    conv.out_h = (c.padded_h - c.dh * (c.kh - 1) - 1) / c.sh + 1;
    conv.out_w = (c.padded_w - c.dw * (c.kw - 1) - 1) / c.sw + 1;
    const auto weight = random_values(g, c.out_c * c.in_c * c.kh * c.kw), bias = random_values(g, c.out_c);
    const auto x = random_values(g, c.padded_h * c.padded_w * c.in_c);  // HWC
    conv.pack(weight.data(), bias.data());
    const int64_t pixels = conv.out_h * conv.out_w, ld = conv.out_c_padded();
    REQUIRE(ld % 8 == 0);
    std::vector<float> y(static_cast<size_t>(pixels * ld), 1e9f);
    // Two ranges that do not start on a multiple of the kernel's 5 pixels, as two threads would run them.
    const int64_t middle = pixels / 2 + 1;
    conv.run(x.data(), y.data(), 0, middle);
    conv.run(x.data(), y.data(), middle, pixels);
    for (int64_t p = 0; p < pixels; ++p) {
      const int64_t oy = p / conv.out_w, ox = p % conv.out_w;
      for (int64_t o = 0; o < c.out_c; ++o) {
        double expected = bias[size_t(o)];
        for (int64_t ch = 0; ch < c.in_c; ++ch)
          for (int64_t i = 0; i < c.kh; ++i)
            for (int64_t j = 0; j < c.kw; ++j) {
              const int64_t yy = oy * c.sh + i * c.dh, xx = ox * c.sw + j * c.dw;
              expected += double(weight[size_t(((o * c.in_c + ch) * c.kh + i) * c.kw + j)]) *
                          x[size_t((yy * c.padded_w + xx) * c.in_c + ch)];
            }
        INFO("case in " << c.in_c << " out " << c.out_c << " pixel " << p << " channel " << o);
        REQUIRE(std::abs(y[size_t(p * ld + o)] - expected) < 1e-4);
      }
    }
  }
}

TEST_CASE("PackedLinear equals W x + b for any output count and panel range", "[kernels][packed_linear]") {
  Generator g(8);
  for (auto [out, in] : std::vector<std::pair<int64_t, int64_t>>{{128, 1568}, {10, 128}, {1, 3}, {37, 19}}) {
    const auto weight = random_values(g, out * in), bias = random_values(g, out), x = random_values(g, in);
    kernels::PackedLinear linear;
    linear.pack(weight.data(), bias.data(), out, in);
    std::vector<float> y(static_cast<size_t>(out) + 8, 1e9f);
    const int64_t half = linear.panels() / 2;
    linear.run(x.data(), y.data(), 0, half);
    linear.run(x.data(), y.data(), half, linear.panels());
    for (int64_t o = 0; o < out; ++o) {
      double expected = bias[size_t(o)];
      for (int64_t k = 0; k < in; ++k) expected += double(weight[size_t(o * in + k)]) * x[size_t(k)];
      INFO(out << "×" << in << " output " << o);
      REQUIRE(std::abs(y[size_t(o)] - expected) < 1e-4 * std::sqrt(double(in)));
    }
    REQUIRE(y[size_t(out)] == 1e9f);  // nothing written past the last output
  }
}
