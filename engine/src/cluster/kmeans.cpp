#include "mlplay/cluster/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/core/random.h"

namespace mlplay::cluster {
namespace {

/// Points per chunk of the parallel loops. The chunking depends only on n (not on the thread
/// count), so sums come out bit-identical with 1 or 16 threads, natively and in wasm.
constexpr int64_t kChunk = 4096;
int chunks_for(int64_t n) { return static_cast<int>(std::clamp<int64_t>((n + kChunk - 1) / kChunk, 1, 64)); }

/// tol × the mean over features of each feature's (population) variance.
double scaled_tolerance(const Points& points, double tol) {
  double total = 0;
  for (int64_t f = 0; f < points.d; ++f) {
    double mean = 0, variance = 0;
    for (int64_t i = 0; i < points.n; ++i) mean += points(i, f);
    mean /= static_cast<double>(points.n);
    for (int64_t i = 0; i < points.n; ++i) variance += (points(i, f) - mean) * (points(i, f) - mean);
    total += variance / static_cast<double>(points.n);
  }
  return tol * total / static_cast<double>(points.d);
}

}  // namespace

KMeansInit parse_kmeans_init(std::string_view name) {
  if (name == "kmeans++" || name == "k-means++") return KMeansInit::kmeans_plus_plus;
  if (name == "random") return KMeansInit::random;
  throw ValueError(detail::concat("KMeans: init must be 'kmeans++' or 'random', got '", name, "'"));
}

const char* to_string(KMeansInit init) { return init == KMeansInit::random ? "random" : "kmeans++"; }

void check_options(const KMeansOptions& o, int64_t n) {
  check(n >= 1, "KMeans: no points to cluster");
  check(o.n_clusters >= 1 && o.n_clusters <= n, "KMeans: n_clusters must be from 1 to the number of points (", n, "), got ",
        o.n_clusters);
  check(o.n_init >= 1, "KMeans: n_init must be at least 1, got ", o.n_init);
  check(o.max_iter >= 1, "KMeans: max_iter must be at least 1, got ", o.max_iter);
  check(o.tol >= 0 && std::isfinite(o.tol), "KMeans: tol must be a finite number >= 0, got ", o.tol);
  check(o.n_local_trials >= 0, "KMeans: n_local_trials must be >= 0, got ", o.n_local_trials);
}

int32_t nearest_centroid(const double* x, const std::vector<double>& centroids, int64_t d, double& squared) {
  const auto k = static_cast<int64_t>(centroids.size()) / d;
  int32_t best = 0;
  squared = std::numeric_limits<double>::infinity();
  for (int64_t j = 0; j < k; ++j) {
    const double s = squared_distance(x, centroids.data() + j * d, d);
    if (s < squared) squared = s, best = static_cast<int32_t>(j);
  }
  return best;
}

std::vector<int64_t> initial_centroids(const Points& points, int64_t k, KMeansInit init, uint64_t seed, int n_local_trials) {
  const int64_t n = points.n, d = points.d;
  check(k >= 1 && k <= n, "KMeans: n_clusters must be from 1 to the number of points (", n, "), got ", k);
  Generator g(seed);
  std::vector<int64_t> chosen;
  if (init == KMeansInit::random) {
    // k distinct points: the first k steps of a Fisher–Yates shuffle.
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int64_t i = 0; i < k; ++i) {
      const int64_t j = i + g.randint(static_cast<uint32_t>(n - i));
      std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(j)]);
      chosen.push_back(order[static_cast<size_t>(i)]);
    }
    return chosen;
  }
  // k-means++: D² sampling, keeping the best of `trials` candidates per centroid.
  const int trials = n_local_trials > 0 ? n_local_trials : 2 + static_cast<int>(std::log(static_cast<double>(k)));
  chosen.push_back(g.randint(static_cast<uint32_t>(n)));
  std::vector<double> closest(static_cast<size_t>(n)), cumulative(static_cast<size_t>(n)), candidate(static_cast<size_t>(n)),
      best(static_cast<size_t>(n));
  double potential = 0;
  for (int64_t i = 0; i < n; ++i) potential += closest[static_cast<size_t>(i)] = squared_distance(points.row(i), points.row(chosen[0]), d);
  for (int64_t c = 1; c < k; ++c) {
    std::partial_sum(closest.begin(), closest.end(), cumulative.begin());
    double best_potential = std::numeric_limits<double>::infinity();
    int64_t best_id = 0;
    for (int t = 0; t < trials; ++t) {
      int64_t id;
      if (potential > 0) {
        // P(x) = D(x)² / Σ D²: the first x whose running sum reaches a uniform draw in [0, Σ D²).
        const double r = g.uniform_double() * cumulative.back();
        id = std::min<int64_t>(std::lower_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin(), n - 1);
      } else {
        id = g.randint(static_cast<uint32_t>(n));  // every point already sits on a centroid
      }
      double sum = 0;
      for (int64_t i = 0; i < n; ++i) {
        const size_t s = static_cast<size_t>(i);
        sum += candidate[s] = std::min(closest[s], squared_distance(points.row(i), points.row(id), d));
      }
      if (sum < best_potential) best_potential = sum, best_id = id, best.swap(candidate);
    }
    chosen.push_back(best_id);
    closest.swap(best);
    potential = best_potential;
  }
  return chosen;
}

KMeansRun::KMeansRun(const Points& points, const KMeansOptions& options, uint64_t seed) : points_(points), options_(options) {
  check_options(options, points.n);
  k_ = options.n_clusters;
  const int64_t d = points.d;
  initial_ = initial_centroids(points, k_, options.init, seed, options.n_local_trials);
  for (int64_t index : initial_) centroids_.insert(centroids_.end(), points.row(index), points.row(index) + d);
  labels_.assign(static_cast<size_t>(points.n), -1);
  distance_.assign(static_cast<size_t>(points.n), 0.0);
  tolerance_ = scaled_tolerance(points, options.tol);
  int64_t moved = 0;
  assign(moved);
}

void KMeansRun::assign(int64_t& moved) {
  const int64_t n = points_.n, d = points_.d;
  const int chunks = chunks_for(n);
  std::vector<int64_t> moved_in(static_cast<size_t>(chunks), 0);
  std::vector<double> inertia_in(static_cast<size_t>(chunks), 0.0);
  parallel_chunks(0, n, chunks, [&](int chunk, int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      double squared;
      const int32_t j = nearest_centroid(points_.row(i), centroids_, d, squared);
      const size_t s = static_cast<size_t>(i);
      if (labels_[s] != j) ++moved_in[static_cast<size_t>(chunk)];
      labels_[s] = j;
      distance_[s] = squared;
      inertia_in[static_cast<size_t>(chunk)] += squared;
    }
  });
  moved = std::accumulate(moved_in.begin(), moved_in.end(), int64_t{0});
  inertia_ = std::accumulate(inertia_in.begin(), inertia_in.end(), 0.0);
}

int KMeansRun::update() {
  const int64_t n = points_.n, d = points_.d, k = k_;
  const int chunks = chunks_for(n);
  // Per-chunk sums (k × d) and counts, added in chunk order.
  std::vector<std::vector<double>> sums(static_cast<size_t>(chunks), std::vector<double>(static_cast<size_t>(k * d), 0.0));
  std::vector<std::vector<int64_t>> counts(static_cast<size_t>(chunks), std::vector<int64_t>(static_cast<size_t>(k), 0));
  parallel_chunks(0, n, chunks, [&](int chunk, int64_t begin, int64_t end) {
    auto& sum = sums[static_cast<size_t>(chunk)];
    auto& count = counts[static_cast<size_t>(chunk)];
    for (int64_t i = begin; i < end; ++i) {
      const int32_t j = labels_[static_cast<size_t>(i)];
      ++count[static_cast<size_t>(j)];
      const double* x = points_.row(i);
      for (int64_t f = 0; f < d; ++f) sum[static_cast<size_t>(j * d + f)] += x[f];
    }
  });
  for (int c = 1; c < chunks; ++c) {
    for (size_t t = 0; t < sums[0].size(); ++t) sums[0][t] += sums[static_cast<size_t>(c)][t];
    for (size_t t = 0; t < counts[0].size(); ++t) counts[0][t] += counts[static_cast<size_t>(c)][t];
  }
  std::vector<double>& sum = sums[0];
  std::vector<int64_t>& count = counts[0];
  // An empty cluster takes the point farthest from its own centroid (as scikit-learn), which then
  // leaves its old cluster.
  int relocated = 0;
  std::vector<int64_t> far;
  for (int64_t j = 0; j < k; ++j) {
    if (count[static_cast<size_t>(j)] > 0) continue;
    if (far.empty()) {
      far.resize(static_cast<size_t>(n));
      std::iota(far.begin(), far.end(), 0);
      std::stable_sort(far.begin(), far.end(), [&](int64_t a, int64_t b) { return distance_[static_cast<size_t>(a)] > distance_[static_cast<size_t>(b)]; });
    }
    for (int64_t i : far) {
      const int32_t from = labels_[static_cast<size_t>(i)];
      if (count[static_cast<size_t>(from)] <= 1) continue;
      const double* x = points_.row(i);
      for (int64_t f = 0; f < d; ++f) {
        sum[static_cast<size_t>(from * d + f)] -= x[f];
        sum[static_cast<size_t>(j * d + f)] = x[f];
      }
      --count[static_cast<size_t>(from)];
      count[static_cast<size_t>(j)] = 1;
      labels_[static_cast<size_t>(i)] = static_cast<int32_t>(j);
      ++relocated;
      break;
    }
  }
  for (int64_t j = 0; j < k; ++j) {
    const int64_t m = count[static_cast<size_t>(j)];
    if (m == 0) continue;  // nothing could be moved (all points coincide): the centroid stays
    for (int64_t f = 0; f < d; ++f) centroids_[static_cast<size_t>(j * d + f)] = sum[static_cast<size_t>(j * d + f)] / static_cast<double>(m);
  }
  return relocated;
}

const KMeansStep& KMeansRun::step() {
  check(!done(), "KMeansRun.step: the run has already ", converged_ ? "converged" : "used all its iterations");
  const std::vector<double> old = centroids_;
  const std::vector<int32_t> before = labels_;
  KMeansStep s;
  s.relocated = update();
  double shift2 = 0;
  for (size_t t = 0; t < old.size(); ++t) shift2 += (centroids_[t] - old[t]) * (centroids_[t] - old[t]);
  int64_t moved = 0;
  assign(moved);
  // Relocation already changed some labels: count against the labels before this iteration.
  if (s.relocated > 0) {
    moved = 0;
    for (size_t i = 0; i < labels_.size(); ++i) moved += labels_[i] != before[i];
  }
  s.iteration = ++iteration_;
  s.moved = moved;
  s.shift = std::sqrt(shift2);
  s.inertia = inertia_;
  s.converged = converged_ = (moved == 0 && s.relocated == 0) || shift2 <= tolerance_;
  history_.push_back(s);
  return history_.back();
}

void KMeansRun::run() {
  while (!done()) step();
}

std::vector<int64_t> KMeansRun::sizes() const {
  std::vector<int64_t> out(static_cast<size_t>(k_), 0);
  for (int32_t j : labels_) ++out[static_cast<size_t>(j)];
  return out;
}

KMeans::KMeans(KMeansOptions options) : options_(options) {}

KMeans& KMeans::fit(const Points& points) {
  check_options(options_, points.n);
  d_ = points.d;
  run_inertias_.clear();
  for (int r = 0; r < options_.n_init; ++r) {
    KMeansRun run(points, options_, stream_key(options_.seed, static_cast<uint64_t>(r)));
    run.run();
    run_inertias_.push_back(run.inertia());
    if (r == 0 || run.inertia() < inertia_) {
      inertia_ = run.inertia();
      centers_ = run.centroids();
      labels_ = run.labels();
      history_ = run.history();
      initial_ = run.initial_indices();
      n_iter_ = run.iterations();
      converged_ = run.converged();
      best_run_ = r;
    }
  }
  return *this;
}

std::vector<int32_t> KMeans::predict(const Points& points) const {
  check(!centers_.empty(), "KMeans.predict: call fit first");
  check(points.d == d_, "KMeans.predict: the model was fitted on ", d_, " features, got ", points.d);
  std::vector<int32_t> out(static_cast<size_t>(points.n));
  parallel_chunks(0, points.n, chunks_for(points.n), [&](int, int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      double squared;
      out[static_cast<size_t>(i)] = nearest_centroid(points.row(i), centers_, d_, squared);
    }
  });
  return out;
}

std::vector<int64_t> KMeans::sizes() const {
  std::vector<int64_t> out(static_cast<size_t>(options_.n_clusters), 0);
  for (int32_t j : labels_) ++out[static_cast<size_t>(j)];
  return out;
}

}  // namespace mlplay::cluster
