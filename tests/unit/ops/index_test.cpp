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

TEST_CASE("gather, index_select and embedding: forward", "[tensor][ops]") {
  const Tensor a = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  REQUIRE(gather(a, 1, from_vector({2, 0, 1, 1}, {2, 2})).to_vector() == std::vector<float>{3, 1, 5, 5});
  REQUIRE(gather(a, 0, from_vector({1, 0, 1}, {1, 3})).to_vector() == std::vector<float>{4, 2, 6});
  REQUIRE(index_select(a, 1, from_vector({2, 2, 0})).to_vector() == std::vector<float>{3, 3, 1, 6, 6, 4});
  REQUIRE(index_select(a, 0, from_vector({-1})).to_vector() == std::vector<float>{4, 5, 6});
  const Tensor weight = arange(8).reshape({4, 2});
  const Tensor e = embedding(from_vector({3, 0, 1, 3}, {2, 2}), weight);
  REQUIRE(e.shape() == Shape{2, 2, 2});
  REQUIRE(e.to_vector() == std::vector<float>{6, 7, 0, 1, 2, 3, 6, 7});
}

TEST_CASE("gather, index_select and embedding: gradcheck, repeated indices accumulate", "[autograd][ops]") {
  const Tensor index = from_vector({0, 2, 2, 1, 0, 0}, {2, 3});
  for (const Tensor& x : {leaf({2, 4}, 31), transposed_leaf({2, 4}, 32)}) {
    CHECK(gradcheck([&](const Inputs& in) { return gather(in[0], 1, index); }, {x}));
    CHECK(gradcheck([&](const Inputs& in) { return gather(in[0], 0, from_vector({1, 0, 1, 1}, {1, 4})); }, {x}));
    CHECK(gradcheck([&](const Inputs& in) { return index_select(in[0], 1, from_vector({3, 3, 0})); }, {x}));
    CHECK(gradcheck([&](const Inputs& in) { return index_select(in[0], 0, from_vector({1, 1, 0})); }, {x}));
  }
  Tensor w = leaf({5, 3}, 33);
  CHECK(gradcheck([](const Inputs& in) { return embedding(from_vector({4, 1, 4, 0}, {2, 2}), in[0]); }, {w}));
  Tensor weight = ones({3, 2}).requires_grad_();
  embedding(from_vector({2, 2, 0}), weight).sum().backward();
  REQUIRE(weight.grad().to_vector() == std::vector<float>{1, 1, 0, 0, 2, 2});
}

TEST_CASE("indexing: bad indices throw ValueError naming the op", "[tensor][ops]") {
  const Tensor a = ones({2, 3});
  REQUIRE_THROWS_WITH(index_select(a, 1, from_vector({3})), Contains("index_select: index 3 is out of bounds for dimension 1 with size 3"));
  REQUIRE_THROWS_WITH(gather(a, 1, from_vector({0.5f, 1}, {1, 2})), Contains("gather: index 0.5 is not a whole number"));
  REQUIRE_THROWS_AS(gather(a, 1, ones({3})), ShapeError);
  REQUIRE_THROWS_WITH(embedding(from_vector({7}), ones({4, 2})), Contains("index_select: index 7"));
}
