#pragma once
/// k-means clustering by Lloyd's algorithm, with random or k-means++ initialization (scikit-learn's
/// KMeans names: n_clusters, init, n_init, max_iter, tol, fit, predict, cluster_centers, labels,
/// inertia, n_iter). https://scikit-learn.org/stable/modules/clustering.html#k-means
///
/// k-means looks for k centroids c_1 … c_k minimising the inertia, the sum of squared distances from
/// every point to its nearest centroid:  J = Σ_i min_j ‖x_i − c_j‖².
/// Lloyd's algorithm alternates two steps that can each only lower J:
///   update  c_j ← mean of the points assigned to j      (the mean minimises Σ ‖x − c‖² over c)
///   assign  label_i ← argmin_j ‖x_i − c_j‖²              (each point to its nearest centroid)
/// and stops when no point changes cluster, or when the centroids moved less than the tolerance:
/// Σ_j ‖c_j' − c_j‖² ≤ tol · (mean variance of the features), scikit-learn's criterion.
///
/// Initialization. random: k distinct data points. k-means++ (Arthur & Vassilvitskii 2007, "k-means++:
/// The Advantages of Careful Seeding"): the first centroid is a random point; each next one is a point
/// drawn with probability D(x)² / Σ D², D(x) the distance to the nearest centroid chosen so far. Like
/// scikit-learn, each step draws n_local_trials candidates and keeps the one that lowers Σ D² most
/// ("greedy k-means++"; 1 trial is the paper's plain version).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/cluster/points.h"

namespace mlplay::cluster {

enum class KMeansInit { kmeans_plus_plus, random };

/// "kmeans++" (or "k-means++") or "random"; throws ValueError otherwise.
KMeansInit parse_kmeans_init(std::string_view name);
const char* to_string(KMeansInit init);

struct KMeansOptions {
  int64_t n_clusters = 8;
  KMeansInit init = KMeansInit::kmeans_plus_plus;
  /// Independent runs from different seeds; the one with the lowest inertia is kept.
  int n_init = 1;
  int max_iter = 300;
  /// Relative tolerance on the centroid shift (scaled by the mean feature variance).
  double tol = 1e-4;
  uint64_t seed = 0;
  /// k-means++ candidates per centroid; 0: 2 + ⌊ln k⌋ as scikit-learn.
  int n_local_trials = 0;
};

/// Throws ValueError naming the bad option (k from 1 to n, n_init ≥ 1, max_iter ≥ 1, tol ≥ 0).
void check_options(const KMeansOptions& options, int64_t n_samples);

/// What one Lloyd iteration did.
struct KMeansStep {
  int iteration = 0;
  /// Points whose cluster changed in this iteration's assignment.
  int64_t moved = 0;
  /// √(Σ_j ‖c_j' − c_j‖²): how far the centroids moved, all together.
  double shift = 0;
  /// J after the iteration (labels assigned to the new centroids).
  double inertia = 0;
  /// Clusters left empty by the assignment and moved to a far point.
  int relocated = 0;
  bool converged = false;
};

/// One run of Lloyd's algorithm, step by step (the lesson animates it). After the constructor and
/// after every step(), labels() are the nearest centroids to centroids(), and inertia() is J of that pair.
class KMeansRun {
 public:
  /// Picks the initial centroids with `seed` and assigns every point to the nearest.
  KMeansRun(const Points& points, const KMeansOptions& options, uint64_t seed);

  /// One iteration: update every centroid to its cluster's mean, then reassign the points.
  const KMeansStep& step();
  /// Steps until converged or max_iter iterations.
  void run();

  bool converged() const { return converged_; }
  /// True when converged or out of iterations.
  bool done() const { return converged_ || iteration_ >= options_.max_iter; }
  int iterations() const { return iteration_; }
  /// k × d, row-major.
  const std::vector<double>& centroids() const { return centroids_; }
  const std::vector<int32_t>& labels() const { return labels_; }
  double inertia() const { return inertia_; }
  /// Points per cluster.
  std::vector<int64_t> sizes() const;
  /// The data points the initialization picked as centroids, in order.
  const std::vector<int64_t>& initial_indices() const { return initial_; }
  const std::vector<KMeansStep>& history() const { return history_; }
  /// The scaled tolerance on Σ ‖Δc‖² (tol × mean feature variance).
  double tolerance() const { return tolerance_; }

 private:
  void assign(int64_t& moved);
  int update();

  const Points& points_;
  KMeansOptions options_;
  int64_t k_;
  std::vector<double> centroids_;
  std::vector<int32_t> labels_;
  std::vector<double> distance_;  // ‖x_i − c_label(i)‖²
  std::vector<int64_t> initial_;
  std::vector<KMeansStep> history_;
  double inertia_ = 0, tolerance_ = 0;
  int iteration_ = 0;
  bool converged_ = false;
};

/// Initial centroids (indices of data points) by k-means++ or at random.
std::vector<int64_t> initial_centroids(const Points& points, int64_t k, KMeansInit init, uint64_t seed, int n_local_trials = 0);

class KMeans {
 public:
  explicit KMeans(KMeansOptions options = {});

  /// Runs n_init times (seeds drawn from options.seed) and keeps the run with the lowest inertia.
  KMeans& fit(const Points& points);
  /// The nearest centroid of every point.
  std::vector<int32_t> predict(const Points& points) const;

  const KMeansOptions& options() const { return options_; }
  const std::vector<double>& cluster_centers() const { return centers_; }
  const std::vector<int32_t>& labels() const { return labels_; }
  double inertia() const { return inertia_; }
  int n_iter() const { return n_iter_; }
  bool converged() const { return converged_; }
  std::vector<int64_t> sizes() const;
  /// The kept run's iterations and initial centroids, and every run's final inertia.
  const std::vector<KMeansStep>& history() const { return history_; }
  const std::vector<int64_t>& initial_indices() const { return initial_; }
  const std::vector<double>& run_inertias() const { return run_inertias_; }
  int best_run() const { return best_run_; }

 private:
  KMeansOptions options_;
  int64_t d_ = 0;
  std::vector<double> centers_;
  std::vector<int32_t> labels_;
  std::vector<KMeansStep> history_;
  std::vector<int64_t> initial_;
  std::vector<double> run_inertias_;
  double inertia_ = 0;
  int n_iter_ = 0, best_run_ = 0;
  bool converged_ = false;
};

/// Index of the nearest of k centroids (k × d) to x, and the squared distance.
int32_t nearest_centroid(const double* x, const std::vector<double>& centroids, int64_t d, double& squared);

}  // namespace mlplay::cluster
