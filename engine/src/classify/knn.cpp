#include "mlplay/classify/knn.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::classify {
namespace {

/// Every training sample's distance to `query`, sorted nearest first (ties by index), cut to k.
std::vector<Neighbor> sorted_neighbors(const Samples& train, Metric metric, const double* query, int64_t k) {
  std::vector<Neighbor> all(static_cast<size_t>(train.rows));
  for (int64_t i = 0; i < train.rows; ++i) all[static_cast<size_t>(i)] = {i, distance(metric, query, train.row(i), train.cols)};
  const auto nearer = [](const Neighbor& a, const Neighbor& b) { return a.distance < b.distance || (a.distance == b.distance && a.index < b.index); };
  const auto cut = all.begin() + k;
  std::partial_sort(all.begin(), cut, all.end(), nearer);
  all.resize(static_cast<size_t>(k));
  return all;
}

/// Adds the votes of neighbours [from, to) to `votes`; with distance weights a neighbour at distance 0
/// outvotes everything (scikit-learn gives the zero-distance neighbours weight 1 and the rest 0).
void add_votes(const Samples& train, const std::vector<Neighbor>& neighbors, size_t from, size_t to, Weights weights,
               std::vector<double>& votes, int64_t& exact) {
  for (size_t j = from; j < to; ++j) {
    const Neighbor& nb = neighbors[j];
    const size_t c = static_cast<size_t>(train.labels[static_cast<size_t>(nb.index)]);
    if (weights == Weights::uniform) {
      votes[c] += 1.0;
    } else if (nb.distance == 0) {
      if (exact == 0) std::fill(votes.begin(), votes.end(), 0.0);
      ++exact;
      votes[c] += 1.0;
    } else if (exact == 0) {
      votes[c] += 1.0 / nb.distance;
    }
  }
}

int32_t argmax(const std::vector<double>& votes) {
  return static_cast<int32_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
}

}  // namespace

Metric parse_metric(const std::string& text) {
  if (text == "euclidean") return Metric::euclidean;
  if (text == "manhattan") return Metric::manhattan;
  if (text == "cosine") return Metric::cosine;
  throw ValueError("k-NN: metric must be euclidean, manhattan or cosine, got '" + text + "'");
}

Weights parse_weights(const std::string& text) {
  if (text == "uniform") return Weights::uniform;
  if (text == "distance") return Weights::distance;
  throw ValueError("k-NN: weights must be uniform or distance, got '" + text + "'");
}

std::string to_string(Metric metric) {
  return metric == Metric::euclidean ? "euclidean" : metric == Metric::manhattan ? "manhattan" : "cosine";
}
std::string to_string(Weights weights) { return weights == Weights::uniform ? "uniform" : "distance"; }

double distance(Metric metric, const double* a, const double* b, int64_t d) {
  double sum = 0;
  switch (metric) {
    case Metric::euclidean:
      for (int64_t i = 0; i < d; ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
      return std::sqrt(sum);
    case Metric::manhattan:
      for (int64_t i = 0; i < d; ++i) sum += std::abs(a[i] - b[i]);
      return sum;
    case Metric::cosine: {
      double aa = 0, bb = 0;
      for (int64_t i = 0; i < d; ++i) sum += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
      if (aa == 0 || bb == 0) return 1.0;
      // Clamp rounding: the distance of a vector to itself is 0, never −1e-16.
      return std::max(0.0, 1.0 - sum / (std::sqrt(aa) * std::sqrt(bb)));
    }
  }
  return 0;
}

KNeighborsClassifier::KNeighborsClassifier(KNeighborsOptions options) : options_(options) {
  check(options.n_neighbors >= 1, "KNeighborsClassifier: n_neighbors must be at least 1, got ", options.n_neighbors);
}

KNeighborsClassifier& KNeighborsClassifier::fit(const Samples& train) {
  check(train.rows >= 1 && train.cols >= 1, "KNeighborsClassifier.fit: no training samples");
  check(options_.n_neighbors <= train.rows, "KNeighborsClassifier.fit: n_neighbors = ", options_.n_neighbors, " is more than the ",
        train.rows, " training samples");
  train_ = train;
  return *this;
}

std::vector<Neighbor> KNeighborsClassifier::kneighbors(const double* query) const {
  check(train_.rows > 0, "KNeighborsClassifier: call fit() before predicting");
  return sorted_neighbors(train_, options_.metric, query, options_.n_neighbors);
}

std::vector<double> KNeighborsClassifier::predict_proba(const double* x, int64_t n) const {
  check(train_.rows > 0, "KNeighborsClassifier: call fit() before predicting");
  const auto classes = static_cast<size_t>(train_.num_classes);
  std::vector<double> proba(static_cast<size_t>(n) * classes, 0.0);
  parallel_for(0, n, 64, [&](int64_t begin, int64_t end) {
    std::vector<double> votes(classes);
    for (int64_t q = begin; q < end; ++q) {
      const auto neighbors = kneighbors(x + q * train_.cols);
      std::fill(votes.begin(), votes.end(), 0.0);
      int64_t exact = 0;
      add_votes(train_, neighbors, 0, neighbors.size(), options_.weights, votes, exact);
      double total = 0;
      for (double v : votes) total += v;
      for (size_t c = 0; c < classes; ++c) proba[static_cast<size_t>(q) * classes + c] = votes[c] / total;
    }
  });
  return proba;
}

std::vector<int32_t> KNeighborsClassifier::predict(const double* x, int64_t n) const {
  const std::vector<double> proba = predict_proba(x, n);
  const auto classes = static_cast<size_t>(train_.num_classes);
  std::vector<int32_t> out(static_cast<size_t>(n));
  for (int64_t q = 0; q < n; ++q) {
    const auto first = proba.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(q) * classes);
    out[static_cast<size_t>(q)] = static_cast<int32_t>(std::max_element(first, first + static_cast<std::ptrdiff_t>(classes)) - first);
  }
  return out;
}

std::vector<double> accuracy_by_k(const Samples& train, const Samples& test, int64_t k_max, Metric metric, Weights weights) {
  check(k_max >= 1 && k_max <= train.rows, "accuracy_by_k: k_max must be from 1 to the ", train.rows, " training samples, got ", k_max);
  check(test.cols == train.cols, "accuracy_by_k: test samples have ", test.cols, " features, training samples ", train.cols);
  std::vector<int64_t> right(static_cast<size_t>(k_max), 0);
  std::vector<std::vector<int64_t>> per_chunk(64, std::vector<int64_t>(static_cast<size_t>(k_max), 0));
  parallel_chunks(0, test.rows, 64, [&](int chunk, int64_t begin, int64_t end) {
    std::vector<double> votes(static_cast<size_t>(train.num_classes));
    for (int64_t q = begin; q < end; ++q) {
      const auto neighbors = sorted_neighbors(train, metric, test.row(q), k_max);
      std::fill(votes.begin(), votes.end(), 0.0);
      int64_t exact = 0;
      for (int64_t k = 1; k <= k_max; ++k) {
        add_votes(train, neighbors, static_cast<size_t>(k - 1), static_cast<size_t>(k), weights, votes, exact);
        per_chunk[static_cast<size_t>(chunk)][static_cast<size_t>(k - 1)] += argmax(votes) == test.labels[static_cast<size_t>(q)];
      }
    }
  });
  std::vector<double> out(static_cast<size_t>(k_max));
  for (int64_t k = 0; k < k_max; ++k) {
    for (const auto& counts : per_chunk) right[static_cast<size_t>(k)] += counts[static_cast<size_t>(k)];
    out[static_cast<size_t>(k)] = test.rows ? static_cast<double>(right[static_cast<size_t>(k)]) / static_cast<double>(test.rows) : std::nan("");
  }
  return out;
}

}  // namespace mlplay::classify
