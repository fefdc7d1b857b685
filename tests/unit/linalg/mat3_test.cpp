#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/linalg/mat3.h"

using namespace mlplay;

TEST_CASE("Mat3 starts as the identity and multiplies row by column", "[linalg]") {
  const Mat3 identity;
  REQUIRE(identity.data() == std::array<double, 9>{1, 0, 0, 0, 1, 0, 0, 0, 1});
  const Mat3 a({1, 2, 3, 4, 5, 6, 7, 8, 10});
  const Mat3 b({2, 0, 1, 1, 3, 0, 0, 1, 4});
  // Worked by hand: row i of a times column j of b.
  REQUIRE((a * b).data() == std::array<double, 9>{4, 9, 13, 13, 21, 28, 22, 34, 47});
  REQUIRE((b * a).data() == std::array<double, 9>{9, 12, 16, 13, 17, 21, 32, 37, 46});
  REQUIRE((a * identity).data() == a.data());
  REQUIRE((identity * a).data() == a.data());
}

TEST_CASE("Mat3 applies to points (w = 1) and to directions (w = 0)", "[linalg]") {
  const Mat3 move({1, 0, 3, 0, 1, -2, 0, 0, 1});  // T(3, -2)
  const Vec2 p = move.apply({1, 1});
  REQUIRE(p.x == 4);
  REQUIRE(p.y == -1);
  const Vec2 d = move.apply_direction({1, 1});
  REQUIRE(d.x == 1);  // a direction ignores translation
  REQUIRE(d.y == 1);
}

TEST_CASE("Mat3 divides by w for a projective matrix and refuses w = 0", "[linalg]") {
  const Mat3 projective({1, 0, 0, 0, 1, 0, 1, 0, 1});  // w = x + 1
  REQUIRE_FALSE(projective.is_affine());
  const Vec2 p = projective.apply({1, 4});
  REQUIRE(p.x == Approx(0.5));
  REQUIRE(p.y == Approx(2.0));
  REQUIRE_THROWS_WITH(projective.apply({-1, 0}), Catch::Contains("Mat3::apply: the point (-1, 0) maps to w = 0"));
}

TEST_CASE("Mat3 determinant by cofactors", "[linalg]") {
  REQUIRE(Mat3().determinant() == 1);
  REQUIRE(Mat3({1, 2, 3, 4, 5, 6, 7, 8, 10}).determinant() == Approx(-3));
  REQUIRE(Mat3({2, 0, 5, 0, 3, 7, 0, 0, 1}).determinant() == Approx(6));  // areas scale by sx · sy
  REQUIRE(Mat3({1, 2, 3, 2, 4, 6, 0, 0, 1}).determinant() == Approx(0));  // rows 1 and 2 parallel
}

TEST_CASE("to_string prints rows without negative zeros", "[linalg]") {
  REQUIRE(to_string(Mat3({0, -0.0, 1.5, 2, 3, 4, 0, 0, 1})) == "[[0, 0, 1.5], [2, 3, 4], [0, 0, 1]]");
}
