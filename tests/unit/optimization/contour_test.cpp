// Contour maps: marching squares on the bowl traces circles at the chosen levels.
#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/optimization/contour.h"

using namespace mlplay::optimization;

TEST_CASE("the bowl's contour lines are circles x^2 + y^2 = level", "[optimization][contour]") {
  const Surface bowl = Surface::builtin("bowl");
  const ContourMap map = contour_map(bowl, bowl.bounds(), 81, 81, 10);
  REQUIRE(map.values.size() == 81u * 81u);
  CHECK(map.low == 0);
  CHECK(map.high == 18);
  REQUIRE(map.levels.size() == 10u);
  REQUIRE(map.segments.size() == 4 * map.segment_levels.size());
  REQUIRE(!map.segments.empty());
  for (size_t s = 0; s < map.segment_levels.size(); ++s) {
    const double level = map.levels[map.segment_levels[s]];
    for (int end = 0; end < 2; ++end) {
      const double x = map.segments[4 * s + 2 * end], y = map.segments[4 * s + 2 * end + 1];
      // linear interpolation along a cell edge of width 0.075 errs by at most (h/2)^2
      CHECK(std::fabs(x * x + y * y - level) < 0.0015);
    }
  }
  // the centre is the darkest grid point, the corners the brightest
  CHECK(map.shade[40 * 81 + 40] == 0);
  CHECK(map.shade[0] > 0.99);
}

TEST_CASE("undefined points are counted and skipped", "[optimization][contour]") {
  const Surface s = Surface::expression("log(x)");
  const ContourMap map = contour_map(s, {-1, 1, -1, 1}, 21, 21, 5);
  CHECK(map.undefined == 11 * 21);  // x < 0, and x = 0 where log is -inf: 11 of 21 columns
  CHECK(std::isnan(map.shade[0]));
  CHECK_THROWS(contour_map(s, {1, -1, 0, 1}, 21, 21, 5));
  CHECK_THROWS(contour_map(s, {-1, 1, -1, 1}, 1, 21, 5));
}
