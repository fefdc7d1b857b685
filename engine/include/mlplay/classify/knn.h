#pragma once
/// k-nearest neighbours classification by brute force, after scikit-learn's KNeighborsClassifier
/// (https://scikit-learn.org/stable/modules/neighbors.html#classification): a query gets the class
/// with the largest summed weight among its k nearest training samples.
///   distances: euclidean ‖a − b‖₂, manhattan ‖a − b‖₁, cosine 1 − a·b / (‖a‖ ‖b‖)
///   weights:   uniform (each neighbour 1) or distance (1 / d; a neighbour at distance 0 takes all)
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/classify/samples.h"

namespace mlplay::classify {

enum class Metric { euclidean, manhattan, cosine };
enum class Weights { uniform, distance };

/// "euclidean" | "manhattan" | "cosine"; throws ValueError naming the text otherwise.
Metric parse_metric(const std::string& text);
/// "uniform" | "distance"; throws ValueError otherwise.
Weights parse_weights(const std::string& text);
std::string to_string(Metric metric);
std::string to_string(Weights weights);

/// The distance between two d-vectors. NOTE: cosine treats a zero vector as similarity 0 (distance 1),
/// as scikit-learn's cosine_distances does.
double distance(Metric metric, const double* a, const double* b, int64_t d);

struct KNeighborsOptions {
  int64_t n_neighbors = 5;
  Metric metric = Metric::euclidean;
  Weights weights = Weights::uniform;
};

struct Neighbor {
  int64_t index;
  double distance;
};

class KNeighborsClassifier {
 public:
  explicit KNeighborsClassifier(KNeighborsOptions options = {});

  /// Stores the training samples (k-NN has no other training). Throws ValueError when n_neighbors is
  /// more than the number of samples.
  KNeighborsClassifier& fit(const Samples& train);
  /// The k nearest training samples of one query (cols values), nearest first; ties by index.
  std::vector<Neighbor> kneighbors(const double* query) const;
  /// Class probabilities, (n, num_classes) row-major: each class's share of the neighbours' weight.
  std::vector<double> predict_proba(const double* x, int64_t n) const;
  /// The class of largest probability (the lowest index on a tie, like scikit-learn).
  std::vector<int32_t> predict(const double* x, int64_t n) const;
  std::vector<int32_t> predict(const Samples& samples) const { return predict(samples.x.data(), samples.rows); }

  const KNeighborsOptions& options() const { return options_; }
  const Samples& train() const { return train_; }

 private:
  KNeighborsOptions options_;
  Samples train_;
};

/// Accuracy of k-NN on `test` for every k = 1 … k_max (k_max ≤ training samples), sorting each
/// query's neighbours once instead of refitting k_max times. Entry k − 1 is the accuracy at k.
std::vector<double> accuracy_by_k(const Samples& train, const Samples& test, int64_t k_max, Metric metric, Weights weights);

}  // namespace mlplay::classify
