#include "mlplay/cluster/silhouette.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"

namespace mlplay::cluster {

std::vector<double> silhouette_samples(const Points& points, const std::vector<int32_t>& labels) {
  const int64_t n = points.n, d = points.d;
  check(static_cast<int64_t>(labels.size()) == n, "silhouette: ", n, " points but ", labels.size(), " labels");
  int32_t k = 0;
  for (int32_t label : labels) {
    check(label >= 0, "silhouette: labels must be >= 0, got ", label);
    k = std::max(k, label + 1);
  }
  std::vector<int64_t> size(static_cast<size_t>(k), 0);
  for (int32_t label : labels) ++size[static_cast<size_t>(label)];
  const auto used = std::count_if(size.begin(), size.end(), [](int64_t m) { return m > 0; });
  check(used >= 2 && used <= n - 1, "silhouette: needs from 2 to n - 1 = ", n - 1, " clusters, got ", used);
  std::vector<double> s(static_cast<size_t>(n));
  parallel_for(0, n, 16, [&](int64_t begin, int64_t end) {
    std::vector<double> total(static_cast<size_t>(k));
    for (int64_t i = begin; i < end; ++i) {
      // Σ distance from i to every cluster's points.
      std::fill(total.begin(), total.end(), 0.0);
      for (int64_t j = 0; j < n; ++j) total[static_cast<size_t>(labels[static_cast<size_t>(j)])] += std::sqrt(squared_distance(points.row(i), points.row(j), d));
      const int32_t own = labels[static_cast<size_t>(i)];
      const int64_t m = size[static_cast<size_t>(own)];
      if (m <= 1) {
        s[static_cast<size_t>(i)] = 0;  // alone in its cluster
        continue;
      }
      const double a = total[static_cast<size_t>(own)] / static_cast<double>(m - 1);
      double b = std::numeric_limits<double>::infinity();
      for (int32_t c = 0; c < k; ++c) {
        if (c != own && size[static_cast<size_t>(c)] > 0) b = std::min(b, total[static_cast<size_t>(c)] / static_cast<double>(size[static_cast<size_t>(c)]));
      }
      const double spread = std::max(a, b);
      s[static_cast<size_t>(i)] = spread > 0 ? (b - a) / spread : 0.0;
    }
  });
  return s;
}

double silhouette_score(const Points& points, const std::vector<int32_t>& labels, int64_t sample_size, uint64_t seed) {
  check(sample_size >= 0, "silhouette_score: sample_size must be >= 0, got ", sample_size);
  if (sample_size == 0 || sample_size >= points.n) {
    const std::vector<double> s = silhouette_samples(points, labels);
    return std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
  }
  check(static_cast<int64_t>(labels.size()) == points.n, "silhouette: ", points.n, " points but ", labels.size(), " labels");
  // sample_size distinct points: the first steps of a seeded Fisher–Yates shuffle, kept in data order.
  Generator g(seed);
  std::vector<int64_t> order(static_cast<size_t>(points.n));
  std::iota(order.begin(), order.end(), 0);
  for (int64_t i = 0; i < sample_size; ++i) {
    std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(i + g.randint(static_cast<uint32_t>(points.n - i)))]);
  }
  order.resize(static_cast<size_t>(sample_size));
  std::sort(order.begin(), order.end());
  Points sample(sample_size, points.d, std::vector<double>(static_cast<size_t>(sample_size * points.d)));
  std::vector<int32_t> sample_labels;
  for (int64_t r = 0; r < sample_size; ++r) {
    std::copy(points.row(order[static_cast<size_t>(r)]), points.row(order[static_cast<size_t>(r)]) + points.d, sample.row(r));
    sample_labels.push_back(labels[static_cast<size_t>(order[static_cast<size_t>(r)])]);
  }
  const std::vector<double> s = silhouette_samples(sample, sample_labels);
  return std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
}

}  // namespace mlplay::cluster
