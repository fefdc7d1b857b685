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

TEST_CASE("view ops pass gradcheck on contiguous and strided inputs", "[autograd][ops]") {
  for (const Tensor& x : {leaf({2, 3, 4}, 21), transposed_leaf({2, 3, 4}, 22)}) {
    INFO("strides " << shape_str(x.strides()));
    CHECK(gradcheck([](const Inputs& in) { return in[0].reshape({4, 6}) * arange(6); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].permute({2, 0, 1}).reshape({-1}); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].transpose(0, 2).contiguous(); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].slice(1, 0, 3, 2); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].slice(-1, -3, 100); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].select(2, 1) * 2.0; }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return narrow(in[0], 0, 1, 1).squeeze(0); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].unsqueeze(1).flatten(0, 2); }, {x}));
    CHECK(gradcheck([](const Inputs& in) { return in[0].slice(1, 0, 1).expand({2, 5, 4}); }, {x}));
  }
}

TEST_CASE("cat and stack: forward, gradcheck and errors", "[tensor][autograd][ops]") {
  const Tensor a = from_vector({1, 2, 3, 4}, {2, 2}), b = from_vector({5, 6}, {2, 1});
  REQUIRE(cat({a, b}, 1).to_vector() == std::vector<float>{1, 2, 5, 3, 4, 6});
  REQUIRE(cat({a, b.t()}, 0).shape() == Shape{3, 2});
  REQUIRE(stack({a, a}, 1).shape() == Shape{2, 2, 2});
  REQUIRE(stack({a, a * 2}, 0).to_vector() == std::vector<float>{1, 2, 3, 4, 2, 4, 6, 8});
  REQUIRE_THROWS_WITH(cat({a, b}, 0), Contains("cat: shapes (2, 2) and (2, 1) must match except in dimension 0"));
  REQUIRE_THROWS_AS(stack({a, b}), ShapeError);

  const Tensor x = leaf({2, 3}, 23), y = transposed_leaf({2, 4}, 24), z = leaf({2, 1}, 25);
  CHECK(gradcheck([](const Inputs& in) { return cat({in[0], in[1], in[2]}, 1); }, {x, y, z}));
  CHECK(gradcheck([](const Inputs& in) { return cat({in[0].t(), in[0].t()}, 0); }, {x}));
  CHECK(gradcheck([](const Inputs& in) { return stack({in[0], in[0] * in[0]}, 2); }, {x}));
}
