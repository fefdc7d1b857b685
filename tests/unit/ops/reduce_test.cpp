#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/ops/ops.h"
#include "support/gradcheck.h"

using namespace mlplay;
using mlplay::testing::gradcheck;
using mlplay::testing::leaf;
using mlplay::testing::transposed_leaf;
using Catch::Matchers::Contains;
using Inputs = std::vector<Tensor>;

namespace {
/// A leaf whose values are a shuffled 0, 0.1, 0.2, ...: no ties, so max is differentiable.
Tensor distinct_leaf(const Shape& shape, uint64_t seed) {
  const int64_t n = shape_numel(shape);
  std::vector<float> values(n);
  Generator gen(seed);
  for (int64_t i = 0; i < n; ++i) values[i] = 0.1f * static_cast<float>(i);
  for (int64_t i = n - 1; i > 0; --i) std::swap(values[i], values[gen.randint(static_cast<uint32_t>(i + 1))]);
  return from_vector(values, shape).requires_grad_();
}
}  // namespace

TEST_CASE("reduce: sum, mean, var, amax, argmax forward", "[tensor][ops]") {
  const Tensor a = from_vector({1, 5, 3, 4, 2, 6}, {2, 3});
  REQUIRE(sum(a).item() == 21.0f);
  REQUIRE(sum(a).dim() == 0);
  REQUIRE(sum(a, {0}).to_vector() == std::vector<float>{5, 7, 9});
  REQUIRE(sum(a, {1}, true).shape() == Shape{2, 1});
  REQUIRE(sum(a, {-1}).to_vector() == std::vector<float>{9, 12});
  REQUIRE(mean(a).item() == 3.5f);
  REQUIRE(mean(a, {0}).to_vector() == std::vector<float>{2.5f, 3.5f, 4.5f});
  REQUIRE(var(a, {1}).to_vector() == std::vector<float>{4, 4});
  REQUIRE(var(a, {1}, false).at({0}) == Approx(8.0 / 3.0));
  REQUIRE(amax(a, {1}).to_vector() == std::vector<float>{5, 6});
  REQUIRE(amin(a, {0}).to_vector() == std::vector<float>{1, 2, 3});
  REQUIRE(max(a).item() == 6.0f);
  REQUIRE(min(a).item() == 1.0f);
  REQUIRE(argmax(a, 1).to_vector() == std::vector<float>{1, 2});
  REQUIRE(argmin(a, 0, true).to_vector() == std::vector<float>{0, 1, 0});
  auto [values, indices] = max(a, 0);
  REQUIRE(values.to_vector() == std::vector<float>{4, 5, 6});
  REQUIRE(indices.to_vector() == std::vector<float>{1, 0, 1});
  auto [low, where_low] = min(a, 1, true);
  REQUIRE(low.shape() == Shape{2, 1});
  REQUIRE(where_low.to_vector() == std::vector<float>{0, 1});
  REQUIRE(sum(a.t(), {1}).to_vector() == std::vector<float>{5, 7, 9});
  REQUIRE_THROWS_WITH(sum(a, {0, -2}), Contains("sum: dim -2 appears multiple times"));
}

TEST_CASE("reduce: sum_to undoes broadcasting", "[tensor][autograd][ops]") {
  const Tensor g = ones({2, 3, 4});
  REQUIRE(sum_to(g, {3, 4}).to_vector() == std::vector<float>(12, 2.0f));
  REQUIRE(sum_to(g, {3, 1}).to_vector() == std::vector<float>(3, 8.0f));
  REQUIRE(sum_to(g, {}).item() == 24.0f);
  REQUIRE(sum_to(g, {2, 1, 4}).shape() == Shape{2, 1, 4});
  REQUIRE_THROWS_AS(sum_to(g, {5}), ShapeError);
}

TEST_CASE("reduce: sum, mean, var, amax and max(dim) pass gradcheck", "[autograd][ops]") {
  for (const Shape& shape : {Shape{6}, Shape{3, 4}, Shape{2, 3, 4}}) {
    INFO("shape " << shape_str(shape));
    const Tensor x = leaf(shape, 11), d = distinct_leaf(shape, 12);
    CHECK(gradcheck([](const Inputs& in) { return sum(in[0]); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return sum(in[0], {0}, true); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return mean(in[0], {-1}); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return var(in[0], {-1}); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return amax(in[0], {-1}); }, {d}));
    CHECK(gradcheck([](const Inputs& in) { return amin(in[0], {0}, true); }, {d}));
    CHECK(gradcheck([](const Inputs& in) { return std::get<0>(max(in[0], 0)); }, {d}));
    CHECK(gradcheck([](const Inputs& in) { return std::get<0>(min(in[0], -1, true)); }, {d}));
  }
  const Tensor t = transposed_leaf({3, 5}, 13);
  CHECK(gradcheck([](const Inputs& in) { return sum(in[0], {1}) + mean(in[0], {0}).sum(); }, {t}));
}

TEST_CASE("reduce: amax shares the gradient among ties; max(dim) sends it to the first", "[autograd][ops]") {
  Tensor x = from_vector({2, 2, 1}).requires_grad_();
  amax(x, {0}).backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{0.5f, 0.5f, 0});
  x.mutable_grad() = Tensor();
  std::get<0>(max(x, 0)).backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{1, 0, 0});
}
