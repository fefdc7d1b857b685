#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

TEST_CASE("elementwise: forward values with broadcasting", "[tensor][ops]") {
  const Tensor a = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  const Tensor row = from_vector({10, 20, 30});
  const Tensor col = from_vector({1, 2}, {2, 1});
  REQUIRE((a + row).to_vector() == std::vector<float>{11, 22, 33, 14, 25, 36});
  REQUIRE((a - col).to_vector() == std::vector<float>{0, 1, 2, 2, 3, 4});
  REQUIRE((a * col).to_vector() == std::vector<float>{1, 2, 3, 8, 10, 12});
  REQUIRE((row / a).shape() == Shape{2, 3});
  REQUIRE((col + row).shape() == Shape{2, 3});  // (2, 1) + (3,) -> (2, 3)
  REQUIRE((2.0 - a).to_vector() == std::vector<float>{1, 0, -1, -2, -3, -4});
  REQUIRE(pow(a, 2).to_vector() == std::vector<float>{1, 4, 9, 16, 25, 36});
  REQUIRE(maximum(a, full({}, 3.5)).to_vector() == std::vector<float>{3.5f, 3.5f, 3.5f, 4, 5, 6});
  REQUIRE(minimum(a, col * 2).to_vector() == std::vector<float>{1, 2, 2, 4, 4, 4});
  REQUIRE(where(gt(a, 3.0), a, -1.0).to_vector() == std::vector<float>{-1, -1, -1, 4, 5, 6});
  REQUIRE(abs(-a).to_vector() == a.to_vector());
  REQUIRE(sqrt(from_vector({4, 9})).to_vector() == std::vector<float>{2, 3});
  REQUIRE(exp(zeros({2})).to_vector() == std::vector<float>{1, 1});
  REQUIRE(log(ones({2})).to_vector() == std::vector<float>{0, 0});
  REQUIRE(erf(from_vector({0.5f})).item() == Approx(0.5204998778));
  REQUIRE(clamp(a, 2, 4).to_vector() == std::vector<float>{2, 2, 3, 4, 4, 4});
  // the transpose of a, read through strides
  REQUIRE((a.t() + 0.0).to_vector() == std::vector<float>{1, 4, 2, 5, 3, 6});
}

TEST_CASE("elementwise: comparisons give 0/1 tensors without a graph", "[tensor][ops]") {
  const Tensor a = from_vector({1, 2, 3}).requires_grad_();
  const Tensor b = from_vector({3, 2, 1});
  REQUIRE(lt(a, b).to_vector() == std::vector<float>{1, 0, 0});
  REQUIRE(le(a, b).to_vector() == std::vector<float>{1, 1, 0});
  REQUIRE(gt(a, b).to_vector() == std::vector<float>{0, 0, 1});
  REQUIRE(ge(a, b).to_vector() == std::vector<float>{0, 1, 1});
  REQUIRE(eq(a, b).to_vector() == std::vector<float>{0, 1, 0});
  REQUIRE(ne(a, 2.0).to_vector() == std::vector<float>{1, 0, 1});
  REQUIRE((a > 1.5).to_vector() == std::vector<float>{0, 1, 1});
  REQUIRE(!(a < b).requires_grad());
  REQUIRE(sign(from_vector({-2, 0, 3})).to_vector() == std::vector<float>{-1, 0, 1});
  REQUIRE(allclose(a, a + 1e-7));
  REQUIRE(!allclose(a, b));
}

TEST_CASE("elementwise: binary ops pass gradcheck with broadcasting and strided views", "[autograd][ops]") {
  const std::vector<std::pair<Shape, Shape>> shapes = {{{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{2, 1, 4}, {3, 1}}, {{}, {2, 3}}};
  for (const auto& [sa, sb] : shapes) {
    INFO("shapes " << shape_str(sa) << " and " << shape_str(sb));
    const Tensor a = leaf(sa, 1), b = leaf(sb, 2);
    const Tensor pa = leaf(sa, 3, 0.3, 2.0), pb = leaf(sb, 4, 0.3, 2.0);  // positive, away from 0
    CHECK(gradcheck([](const Inputs& x) { return x[0] + x[1]; }, {a, b}));
    CHECK(gradcheck([](const Inputs& x) { return x[0] - x[1]; }, {a, b}));
    CHECK(gradcheck([](const Inputs& x) { return x[0] * x[1]; }, {a, b}));
    CHECK(gradcheck([](const Inputs& x) { return x[0] / x[1]; }, {a, pb}));
    CHECK(gradcheck([](const Inputs& x) { return pow(x[0], x[1]); }, {pa, b}));
    CHECK(gradcheck([](const Inputs& x) { return maximum(x[0], x[1]); }, {a, b}));
    CHECK(gradcheck([](const Inputs& x) { return minimum(x[0], x[1]); }, {a, b}));
    CHECK(gradcheck([](const Inputs& x) { return where(gt(x[0], 0.0), x[0], x[1]); }, {a, b}));
  }
  // non-contiguous leaves: transposed views
  const Tensor ta = transposed_leaf({3, 4}, 5), tb = transposed_leaf({3, 4}, 6, 0.3, 2.0);
  CHECK(gradcheck([](const Inputs& x) { return x[0] * x[1] + x[0] / x[1]; }, {ta, tb}));
  CHECK(gradcheck([](const Inputs& x) { return pow(x[1], 3.0) - x[0]; }, {ta, tb}));
}

TEST_CASE("elementwise: unary ops pass gradcheck", "[autograd][ops]") {
  for (const Shape& shape : {Shape{}, Shape{5}, Shape{2, 3, 4}}) {
    INFO("shape " << shape_str(shape));
    const Tensor x = leaf(shape, 7), positive = leaf(shape, 8, 0.3, 2.0);
    CHECK(gradcheck([](const Inputs& in) { return -in[0]; }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return exp(in[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return log(in[0]); }, {positive}));
    CHECK(gradcheck([](const Inputs& in) { return sqrt(in[0]); }, {positive}));
    CHECK(gradcheck([](const Inputs& in) { return abs(in[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return erf(in[0]); }, {x}));
  }
  // values away from the clamp bounds (a kink there)
  const Tensor c = from_vector({-2, -0.3f, 0.1f, 0.4f, 1.5f}).requires_grad_();
  CHECK(gradcheck([](const Inputs& in) { return clamp(in[0], -0.5, 0.5); }, {c}));
  const Tensor t = transposed_leaf({4, 3}, 9);
  CHECK(gradcheck([](const Inputs& in) { return exp(in[0]) * abs(in[0]); }, {t}));
}

TEST_CASE("elementwise: gradient conventions at kinks", "[autograd][ops]") {
  Tensor x = from_vector({0, 1}).requires_grad_();
  abs(x).sum().backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{0, 1});  // sign(0) = 0
  x.mutable_grad() = Tensor();
  maximum(x, ones({2})).sum().backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{0, 0.5f});  // ties share the gradient
}

TEST_CASE("elementwise: shape errors name the op and both shapes", "[tensor][ops]") {
  REQUIRE_THROWS_AS(ones({3, 4}) * ones({5}), ShapeError);
  REQUIRE_THROWS_WITH(ones({3, 4}) * ones({5}), Contains("mul: shapes (3, 4) and (5,) cannot be broadcast"));
  REQUIRE_THROWS_WITH(where(ones({2}), ones({3}), 0.0), Contains("where"));
  REQUIRE_THROWS_WITH(maximum(ones({2}), ones({3})), Contains("maximum"));
}
