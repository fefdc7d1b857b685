// Colour quantization, generated data sets and the CSV loader for clustering.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "mlplay/cluster/datasets.h"
#include "mlplay/cluster/quantize.h"
#include "mlplay/cluster/table_points.h"

using namespace mlplay::cluster;

TEST_CASE("an image of 3 colours quantized to 3 colours comes back exactly", "[cluster][quantize]") {
  const uint8_t colours[3][3] = {{200, 30, 30}, {20, 180, 40}, {10, 20, 230}};
  std::vector<uint8_t> rgba;
  for (int i = 0; i < 300; ++i) {
    const auto& c = colours[i % 7 == 0 ? 2 : i % 2];  // blue is rare
    rgba.insert(rgba.end(), {c[0], c[1], c[2], 255});
  }
  const Quantized q = quantize_colors(rgba, {.colors = 3, .n_init = 3});
  REQUIRE(q.mse == Approx(0.0).margin(1e-9));
  REQUIRE(q.rgba == rgba);
  REQUIRE(q.counts.size() == 3);
  REQUIRE(q.counts[0] >= q.counts[1]);
  REQUIRE(q.counts[1] >= q.counts[2]);
  REQUIRE(q.counts[0] + q.counts[1] + q.counts[2] == 300);
  REQUIRE(std::vector<uint8_t>(q.palette.end() - 3, q.palette.end()) == std::vector<uint8_t>{10, 20, 230});
}

TEST_CASE("more colours lower the error of a smooth gradient", "[cluster][quantize]") {
  std::vector<uint8_t> rgba;
  for (int y = 0; y < 40; ++y) {
    for (int x = 0; x < 64; ++x) rgba.insert(rgba.end(), {uint8_t(4 * x), uint8_t(6 * y), uint8_t(128), 200});
  }
  double previous = 1e18;
  for (int64_t k : {2, 4, 8, 16}) {
    const Quantized q = quantize_colors(rgba, {.colors = k, .sample = 1000, .seed = 2});
    REQUIRE(q.mse < previous);
    previous = q.mse;
    REQUIRE(q.rgba[3] == 200);  // alpha kept
    REQUIRE(q.sampled == 1000);
  }
  REQUIRE_THROWS_WITH(quantize_colors(rgba, {.colors = 1}), "quantize_colors: colors must be from 2 to 256, got 1");
  REQUIRE_THROWS_WITH(quantize_colors(std::vector<uint8_t>(7), {}), Catch::Contains("expected RGBA bytes"));
}

TEST_CASE("blobs, moons and circles have the shapes and labels asked for", "[cluster][datasets]") {
  const LabeledPoints blobs = make_blobs(301, 4, 0.5, 1);
  REQUIRE(blobs.points.n == 301);
  REQUIRE(std::set<int32_t>(blobs.labels.begin(), blobs.labels.end()).size() == 4);
  REQUIRE(make_blobs(301, 4, 0.5, 1).points.values == blobs.points.values);
  REQUIRE(make_blobs(301, 4, 0.5, 2).points.values != blobs.points.values);
  const LabeledPoints circles = make_circles(200, 0.5, 0.0, 3);
  for (int64_t i = 0; i < 200; ++i) {
    const double r = std::hypot(circles.points(i, 0), circles.points(i, 1));
    REQUIRE(r == Approx(circles.labels[static_cast<size_t>(i)] ? 0.5 : 1.0));
  }
  const LabeledPoints moons = make_moons(100, 0.0, 3);
  REQUIRE(moons.points(0, 0) == Approx(1.0));
  REQUIRE(moons.points(50, 0) == Approx(0.0).margin(1e-12));
  REQUIRE_THROWS_WITH(make_blobs(1, 2, 1, 0), "make_blobs: n must be from 2 to 1000000, got 1");
}

TEST_CASE("CSV columns: numbers are features, a text column names the groups", "[cluster][data]") {
  const auto table = mlplay::data::read_csv("x,y,kind,id\n1,2,a,p1\n3,4,b,p2\n5,6,a,p3\n");
  const ClusterData data = cluster_data(table, {});
  REQUIRE(data.points.d == 2);
  REQUIRE(data.feature_names == std::vector<std::string>{"x", "y"});
  REQUIRE(data.label_name == "kind");
  REQUIRE(data.classes == std::vector<std::string>{"a", "b"});
  REQUIRE(data.labels == std::vector<int32_t>{0, 1, 0});
  REQUIRE(cluster_data(table, {}, "none").label_name.empty());
  REQUIRE(cluster_data(table, {}, "id").label_name == "id");
  std::string text = "a,b\n";
  for (int i = 0; i < 10; ++i) text += std::to_string(i) + "," + (i == 1 ? "x" : "5") + "\n";
  REQUIRE_THROWS_WITH(cluster_data(mlplay::data::read_csv(text), {}), Catch::Contains("CSV row 3, column 'b': 'x' is not a number"));
  REQUIRE_THROWS_WITH(cluster_data(mlplay::data::read_csv("name,kind\nx,y\nz,w\n"), {}),
                      "clustering: no numeric column to cluster (the columns are name, kind); k-means needs numbers");
}
