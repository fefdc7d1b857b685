#include "mlplay/cluster/quantize.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::cluster {

Points rgb_points(std::span<const uint8_t> rgba) {
  check(rgba.size() % 4 == 0 && !rgba.empty(), "quantize_colors: expected RGBA bytes (4 per pixel), got ", rgba.size());
  const auto n = static_cast<int64_t>(rgba.size() / 4);
  Points points(n, 3, std::vector<double>(static_cast<size_t>(3 * n)));
  for (int64_t i = 0; i < n; ++i) {
    for (int c = 0; c < 3; ++c) points.row(i)[c] = rgba[static_cast<size_t>(4 * i + c)];
  }
  return points;
}

Quantized quantize_colors(std::span<const uint8_t> rgba, const QuantizeOptions& options) {
  const Points pixels = rgb_points(rgba);
  const int64_t n = pixels.n;
  check(options.colors >= 2 && options.colors <= 256, "quantize_colors: colors must be from 2 to 256, got ", options.colors);
  check(options.colors <= n, "quantize_colors: ", options.colors, " colours for an image of ", n, " pixels");
  check(options.sample >= 1, "quantize_colors: sample must be at least 1, got ", options.sample);
  // The sample: distinct pixels drawn by a seeded partial shuffle.
  const int64_t m = std::max(std::min(options.sample, n), options.colors);
  Points sample(m, 3, std::vector<double>(static_cast<size_t>(3 * m)));
  {
    Generator g(stream_key(options.seed, 0x5A3D));
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int64_t i = 0; i < m; ++i) {
      std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(i + g.randint(static_cast<uint32_t>(n - i)))]);
      std::copy(pixels.row(order[static_cast<size_t>(i)]), pixels.row(order[static_cast<size_t>(i)]) + 3, sample.row(i));
    }
  }
  KMeansOptions kmeans{.n_clusters = options.colors, .init = options.init, .n_init = options.n_init, .max_iter = options.max_iter,
                       .seed = options.seed};
  KMeans model(kmeans);
  model.fit(sample);
  const std::vector<int32_t> labels = model.predict(pixels);
  const std::vector<double>& centers = model.cluster_centers();
  const int64_t k = options.colors;

  std::vector<int64_t> counts(static_cast<size_t>(k), 0);
  for (int32_t j : labels) ++counts[static_cast<size_t>(j)];
  std::vector<int32_t> order(static_cast<size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return counts[static_cast<size_t>(a)] > counts[static_cast<size_t>(b)]; });
  std::vector<int32_t> rank(static_cast<size_t>(k));
  Quantized out;
  for (int64_t r = 0; r < k; ++r) {
    const int32_t j = order[static_cast<size_t>(r)];
    rank[static_cast<size_t>(j)] = static_cast<int32_t>(r);
    out.counts.push_back(counts[static_cast<size_t>(j)]);
    for (int c = 0; c < 3; ++c) {
      out.palette.push_back(static_cast<uint8_t>(std::clamp(std::lround(centers[static_cast<size_t>(3 * j + c)]), 0L, 255L)));
    }
  }
  out.rgba.assign(rgba.begin(), rgba.end());
  double error = 0;
  for (int64_t i = 0; i < n; ++i) {
    const uint8_t* colour = out.palette.data() + 3 * rank[static_cast<size_t>(labels[static_cast<size_t>(i)])];
    for (int c = 0; c < 3; ++c) {
      const double t = pixels.row(i)[c] - colour[c];
      error += t * t;
      out.rgba[static_cast<size_t>(4 * i + c)] = colour[c];
    }
  }
  out.mse = error / static_cast<double>(n);
  out.iterations = model.n_iter();
  out.sampled = m;
  return out;
}

}  // namespace mlplay::cluster
