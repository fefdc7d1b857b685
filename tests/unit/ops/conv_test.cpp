#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

namespace {
/// Direct convolution with seven loops: the reference for conv2d.
Tensor naive_conv2d(const Tensor& x, const Tensor& w, const Tensor& b, Size2 s, Size2 p, Size2 d, int64_t groups) {
  const int64_t N = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
  const int64_t O = w.size(0), Cg = w.size(1), kh = w.size(2), kw = w.size(3), Og = O / groups;
  const int64_t oh_n = conv_output_size(H, kh, s.h, p.h, d.h), ow_n = conv_output_size(W, kw, s.w, p.w, d.w);
  Tensor out = zeros({N, O, oh_n, ow_n});
  for (int64_t n = 0; n < N; ++n)
    for (int64_t o = 0; o < O; ++o)
      for (int64_t oh = 0; oh < oh_n; ++oh)
        for (int64_t ow = 0; ow < ow_n; ++ow) {
          double acc = b.defined() ? b.at({o}) : 0.0;
          for (int64_t c = 0; c < Cg; ++c)
            for (int64_t i = 0; i < kh; ++i)
              for (int64_t j = 0; j < kw; ++j) {
                const int64_t ih = oh * s.h - p.h + i * d.h, iw = ow * s.w - p.w + j * d.w;
                if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                acc += double(x.at({n, (o / Og) * Cg + c, ih, iw})) * w.at({o, c, i, j});
              }
          out.data_ptr()[((n * O + o) * oh_n + oh) * ow_n + ow] = static_cast<float>(acc);
        }
  (void)C;
  return out;
}
}  // namespace

TEST_CASE("unfold: im2col layout matches torch.nn.functional.unfold", "[tensor][ops]") {
  const Tensor x = arange(9).reshape({1, 1, 3, 3});
  const Tensor cols = unfold(x, 2);  // 4 rows (kernel positions) x 4 blocks
  REQUIRE(cols.shape() == Shape{1, 4, 4});
  REQUIRE(cols.to_vector() == std::vector<float>{0, 1, 3, 4, 1, 2, 4, 5, 3, 4, 6, 7, 4, 5, 7, 8});
  REQUIRE(unfold(x, 3, 1, 1).shape() == Shape{1, 9, 9});
  REQUIRE(unfold(x, 3, 1, 1).at({0, 0, 0}) == 0.0f);  // top-left of a padded window
  REQUIRE_THROWS_WITH(unfold(x, 4), Contains("unfold: input of shape (1, 1, 3, 3) is too small"));
}

TEST_CASE("unfold: gradcheck with padding, stride and dilation", "[autograd][ops]") {
  const Tensor x = leaf({2, 3, 5, 6}, 60);
  CHECK(gradcheck([](const Inputs& in) { return unfold(in[0], {2, 3}, {2, 1}, {1, 2}, {1, 2}); }, {x}));
  CHECK(gradcheck([](const Inputs& in) { return unfold(in[0], 3, 1, 0, 3); }, {x}));
}

TEST_CASE("conv2d matches a direct convolution for stride, padding, dilation and groups", "[tensor][ops]") {
  Generator gen(61);
  struct Case { int64_t C, O, groups; Size2 stride, padding, dilation; };
  for (const Case& c : {Case{3, 4, 1, 1, 0, 1}, Case{3, 2, 1, 2, 1, 1}, Case{2, 3, 1, {1, 2}, {2, 0}, 2},
                        Case{4, 6, 2, 1, 1, 1}, Case{4, 4, 4, 2, 1, 1}}) {
    const Tensor x = randn({2, c.C, 7, 6}, gen), w = randn({c.O, c.C / c.groups, 3, 3}, gen), b = randn({c.O}, gen);
    const Tensor got = conv2d(x, w, b, c.stride, c.padding, c.dilation, c.groups);
    const Tensor want = naive_conv2d(x, w, b, c.stride, c.padding, c.dilation, c.groups);
    REQUIRE(got.shape() == want.shape());
    REQUIRE(allclose(got, want, 1e-4, 1e-4));
  }
}

TEST_CASE("conv2d: gradcheck for input, weight and bias", "[autograd][ops]") {
  const Tensor x = leaf({2, 4, 5, 5}, 62), w = leaf({4, 2, 3, 3}, 63), b = leaf({4}, 64);
  CHECK(gradcheck([](const Inputs& in) { return conv2d(in[0], in[1], in[2], 1, 1, 1, 2); }, {x, w, b}));
  CHECK(gradcheck([](const Inputs& in) { return conv2d(in[0], in[1], Tensor(), 2, {0, 1}, {1, 2}); },
                  {leaf({1, 2, 6, 6}, 65), leaf({3, 2, 2, 2}, 66)}));
  // a channels-last style (non-contiguous) input
  const Tensor nhwc = leaf({1, 5, 5, 2}, 67).permute({0, 3, 1, 2}).detach().requires_grad_();
  CHECK(gradcheck([](const Inputs& in) { return conv2d(in[0], in[1], Tensor(), 1, 1); }, {nhwc, leaf({2, 2, 3, 3}, 68)}));
}

TEST_CASE("conv2d: mismatched channels throw ShapeError naming the shapes", "[tensor][ops]") {
  REQUIRE_THROWS_WITH(conv2d(ones({1, 3, 5, 5}), ones({8, 2, 3, 3})),
                      Contains("conv2d: input of shape (1, 3, 5, 5) has 3 channels, but weight of shape (8, 2, 3, 3)"));
  REQUIRE_THROWS_AS(conv2d(ones({3, 5, 5}), ones({8, 3, 3, 3})), ShapeError);
  REQUIRE_THROWS_AS(conv2d(ones({1, 4, 5, 5}), ones({3, 2, 3, 3}), Tensor(), 1, 0, 1, 2), ShapeError);
  REQUIRE_THROWS_AS(conv2d(ones({1, 3, 5, 5}), ones({8, 3, 3, 3}), ones({7})), ShapeError);
}

TEST_CASE("max_pool2d and avg_pool2d: forward values", "[tensor][ops]") {
  const Tensor x = arange(16).reshape({1, 1, 4, 4});
  REQUIRE(max_pool2d(x, 2).to_vector() == std::vector<float>{5, 7, 13, 15});
  REQUIRE(avg_pool2d(x, 2).to_vector() == std::vector<float>{2.5f, 4.5f, 10.5f, 12.5f});
  REQUIRE(max_pool2d(x, 3, 1).to_vector() == std::vector<float>{10, 11, 14, 15});
  REQUIRE(max_pool2d(-x, 2, 2, 1).to_vector() == std::vector<float>{0, -1, -3, -4, -5, -7, -12, -13, -15});
  // padded corners: count_include_pad divides by 4, otherwise by the 1 real pixel
  REQUIRE(avg_pool2d(x, 2, 2, 1).at({0, 0, 0, 0}) == 0.0f);
  REQUIRE(avg_pool2d(x + 1, 2, 2, 1).at({0, 0, 0, 0}) == 0.25f);
  REQUIRE(avg_pool2d(x + 1, 2, 2, 1, false).at({0, 0, 0, 0}) == 1.0f);
  REQUIRE(max_pool2d(ones({2, 3, 8, 8}), 2).shape() == Shape{2, 3, 4, 4});
  REQUIRE_THROWS_WITH(max_pool2d(x, 2, 2, 2), Contains("max_pool2d: padding (2, 2) should be at most half of kernel size"));
}

TEST_CASE("max_pool2d and avg_pool2d: gradcheck", "[autograd][ops]") {
  // distinct values so no window has a tie within the finite-difference step
  Generator gen(69);
  const Tensor distinct = (arange(2 * 3 * 6 * 6) * 0.05).reshape({2, 3, 6, 6});
  const Tensor shuffled = index_select(distinct.reshape({-1}), 0, [&] {
    std::vector<float> perm(216);
    for (int i = 0; i < 216; ++i) perm[i] = static_cast<float>(i);
    for (int i = 215; i > 0; --i) std::swap(perm[i], perm[gen.randint(i + 1)]);
    return from_vector(perm);
  }()).reshape({2, 3, 6, 6}).detach().requires_grad_();
  CHECK(gradcheck([](const Inputs& in) { return max_pool2d(in[0], 2); }, {shuffled}));
  CHECK(gradcheck([](const Inputs& in) { return max_pool2d(in[0], 3, 2, 1); }, {shuffled}));
  const Tensor x = leaf({2, 3, 5, 5}, 70);
  CHECK(gradcheck([](const Inputs& in) { return avg_pool2d(in[0], 2); }, {x}));
  CHECK(gradcheck([](const Inputs& in) { return avg_pool2d(in[0], 3, 2, 1, false); }, {x}));
}
