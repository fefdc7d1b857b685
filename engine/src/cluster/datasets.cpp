#include "mlplay/cluster/datasets.h"

#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::cluster {
namespace {

void check_count(const char* what, int64_t n) { check(n >= 2 && n <= 1'000'000, what, ": n must be from 2 to 1000000, got ", n); }

void check_noise(const char* what, double noise) {
  check(noise >= 0 && noise <= 100 && std::isfinite(noise), what, ": noise must be from 0 to 100, got ", noise);
}

LabeledPoints empty(int64_t n) {
  return {Points(n, 2, std::vector<double>(static_cast<size_t>(2 * n))), std::vector<int32_t>(static_cast<size_t>(n))};
}

}  // namespace

LabeledPoints make_blobs(int64_t n, int64_t centers, double cluster_std, uint64_t seed) {
  check_count("make_blobs", n);
  check(centers >= 1 && centers <= 50, "make_blobs: centers must be from 1 to 50, got ", centers);
  check(cluster_std > 0 && cluster_std <= 100 && std::isfinite(cluster_std), "make_blobs: cluster_std must be in (0, 100], got ", cluster_std);
  Generator g(seed);
  std::vector<double> centre(static_cast<size_t>(2 * centers));
  for (double& c : centre) c = -10.0 + 20.0 * g.uniform_double();
  LabeledPoints out = empty(n);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t b = i % centers;
    out.labels[static_cast<size_t>(i)] = static_cast<int32_t>(b);
    for (int f = 0; f < 2; ++f) out.points.row(i)[f] = centre[static_cast<size_t>(2 * b + f)] + cluster_std * g.normal();
  }
  return out;
}

LabeledPoints make_moons(int64_t n, double noise, uint64_t seed) {
  check_count("make_moons", n);
  check_noise("make_moons", noise);
  Generator g(seed);
  LabeledPoints out = empty(n);
  const int64_t outer = n / 2 + n % 2, inner = n - outer;
  for (int64_t i = 0; i < n; ++i) {
    const bool second = i >= outer;
    const int64_t m = second ? inner : outer, j = second ? i - outer : i;
    const double t = m > 1 ? std::numbers::pi * static_cast<double>(j) / static_cast<double>(m - 1) : 0.0;
    double* p = out.points.row(i);
    p[0] = second ? 1.0 - std::cos(t) : std::cos(t);
    p[1] = second ? 0.5 - std::sin(t) : std::sin(t);
    p[0] += noise * g.normal();
    p[1] += noise * g.normal();
    out.labels[static_cast<size_t>(i)] = second ? 1 : 0;
  }
  return out;
}

LabeledPoints make_circles(int64_t n, double factor, double noise, uint64_t seed) {
  check_count("make_circles", n);
  check_noise("make_circles", noise);
  check(factor > 0 && factor < 1, "make_circles: factor must be between 0 and 1, got ", factor);
  Generator g(seed);
  LabeledPoints out = empty(n);
  const int64_t outer = n / 2 + n % 2, inner = n - outer;
  for (int64_t i = 0; i < n; ++i) {
    const bool second = i >= outer;
    const int64_t m = second ? inner : outer, j = second ? i - outer : i;
    const double t = 2 * std::numbers::pi * static_cast<double>(j) / static_cast<double>(m);
    const double r = second ? factor : 1.0;
    double* p = out.points.row(i);
    p[0] = r * std::cos(t) + noise * g.normal();
    p[1] = r * std::sin(t) + noise * g.normal();
    out.labels[static_cast<size_t>(i)] = second ? 1 : 0;
  }
  return out;
}

}  // namespace mlplay::cluster
