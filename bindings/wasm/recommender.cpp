// recommender: MovieLens ratings parsed by the engine (CSV text in), user–user collaborative
// filtering with dot / cosine / centered similarity, held-out evaluation, and a matrix factorization
// trained epoch by epoch. Arrays cross as typed arrays (one copy each way).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/recommend/matrix_factorization.h"
#include "mlplay/recommend/ratings.h"
#include "mlplay/recommend/similarity.h"
#include "mlplay/recommend/user_knn.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::recommend;

int to_int(double value, const char* what) { return static_cast<int>(to_count(value, what)); }

/// {movieIds, scores, supports} of a list of predictions.
val predictions_js(const RatingsData& data, const std::vector<Prediction>& list) {
  std::vector<int32_t> ids, supports;
  std::vector<double> scores;
  for (const Prediction& p : list) {
    ids.push_back(static_cast<int32_t>(data.item_ids[static_cast<size_t>(p.item)]));
    scores.push_back(p.score);
    supports.push_back(p.support);
  }
  val out = val::object();
  out.set("movieIds", typed_array("Int32Array", ids));
  out.set("scores", typed_array("Float64Array", scores));
  out.set("supports", typed_array("Int32Array", supports));
  return out;
}

class RecommenderJs {
 public:
  RecommenderJs(const std::string& ratings_csv, const std::string& movies_csv)
      : data_(guard([&] {
          RatingsData data = read_ratings_csv(ratings_csv);
          data.attach_movies(read_movies_csv(movies_csv));
          return data;
        })) {}

  const RatingsData& data() const { return data_; }

  /// {users, movies, ratings, minRating, maxRating}.
  val summary() const {
    val out = val::object();
    out.set("users", data_.ratings.num_users());
    out.set("movies", data_.ratings.num_items());
    out.set("ratings", static_cast<double>(data_.ratings.nnz()));
    out.set("minRating", data_.ratings.min_rating());
    out.set("maxRating", data_.ratings.max_rating());
    return out;
  }

  /// Every rated movie, most rated first: {ids, titles, years, counts, means}.
  val movies() const {
    std::vector<int32_t> ids, years, counts;
    std::vector<float> means;
    val titles = val::array();
    for (int32_t i : data_.items_by_popularity()) {
      const Movie& m = data_.movies[static_cast<size_t>(i)];
      ids.push_back(static_cast<int32_t>(m.id));
      years.push_back(m.year);
      counts.push_back(data_.ratings.item_count(i));
      means.push_back(static_cast<float>(data_.ratings.item_mean(i)));
      titles.call<void>("push", m.title);
    }
    val out = val::object();
    out.set("ids", typed_array("Int32Array", ids));
    out.set("titles", titles);
    out.set("years", typed_array("Int32Array", years));
    out.set("counts", typed_array("Int32Array", counts));
    out.set("means", typed_array("Float32Array", means));
    return out;
  }

  /// Your ratings (parallel arrays of movie ids and ratings) as a profile over item indices.
  SparseVector profile(const val& movie_ids, const val& ratings) const {
    const auto ids = emscripten::convertJSArrayToNumberVector<double>(movie_ids);
    const auto values = emscripten::convertJSArrayToNumberVector<double>(ratings);
    check(ids.size() == values.size(), "Recommender: ", ids.size(), " movie ids but ", values.size(), " ratings");
    std::vector<std::pair<int64_t, float>> pairs;
    for (size_t k = 0; k < ids.size(); ++k) pairs.emplace_back(static_cast<int64_t>(ids[k]), static_cast<float>(values[k]));
    return data_.profile(pairs);
  }

  /// User–user CF for your ratings with one similarity: {neighbours: {indices, userIds, similarities,
  /// overlaps, counts, meanCount}, items: {movieIds, scores, supports}, users: {counts, similarities,
  /// meanCount, positive, negative} (every user: for a plot, and how many are similar or opposite)}.
  val recommend(const val& movie_ids, const val& ratings, const std::string& similarity, double k, double top,
                double min_support, double neighbours) const {
    return guard([&] {
      const SparseVector you = profile(movie_ids, ratings);
      const KnnOptions options{parse_similarity(similarity), to_int(k, "Recommender.recommend: k"),
                               to_int(min_support, "Recommender.recommend: minSupport")};
      const auto near = nearest_users(data_.ratings, you, options.similarity, to_int(neighbours, "Recommender.recommend: neighbours"));
      std::vector<int32_t> indices, user_ids, overlaps, counts;
      std::vector<double> sims;
      double count_sum = 0;
      for (const Neighbour& n : near) {
        indices.push_back(n.user);
        count_sum += n.count;
        user_ids.push_back(static_cast<int32_t>(data_.user_ids[static_cast<size_t>(n.user)]));
        sims.push_back(n.similarity);
        overlaps.push_back(n.overlap);
        counts.push_back(n.count);
      }
      val nb = val::object();
      nb.set("indices", typed_array("Int32Array", indices));
      nb.set("userIds", typed_array("Int32Array", user_ids));
      nb.set("meanCount", near.empty() ? 0.0 : count_sum / static_cast<double>(near.size()));
      nb.set("similarities", typed_array("Float64Array", sims));
      nb.set("overlaps", typed_array("Int32Array", overlaps));
      nb.set("counts", typed_array("Int32Array", counts));
      std::vector<int32_t> all_counts;
      double count_sum_all = 0;
      for (int32_t u = 0; u < data_.ratings.num_users(); ++u) {
        all_counts.push_back(data_.ratings.user_count(u));
        count_sum_all += all_counts.back();
      }
      const std::vector<double> all_sims = similarities_to_users(data_.ratings, you, options.similarity);
      int32_t positive = 0, negative = 0;
      for (double v : all_sims) positive += v > 0, negative += v < 0;
      val users = val::object();
      users.set("counts", typed_array("Int32Array", all_counts));
      users.set("similarities", typed_array("Float64Array", all_sims));
      users.set("meanCount", count_sum_all / std::max(1, data_.ratings.num_users()));
      users.set("positive", positive);
      users.set("negative", negative);
      val out = val::object();
      out.set("neighbours", nb);
      out.set("items", predictions_js(data_, recommend_for(data_.ratings, you, options, to_int(top, "Recommender.recommend: top"))));
      out.set("users", users);
      return out;
    });
  }

  /// The training/test split for (testFraction, seed), made once and kept.
  const std::pair<RatingMatrix, RatingMatrix>& split(double test_fraction, double seed) const {
    const uint64_t s = to_count(seed, "Recommender: seed");
    if (!split_ || split_key_ != std::make_pair(test_fraction, s)) {
      split_ = split_ratings(data_.ratings, test_fraction, s);
      split_key_ = {test_fraction, s};
    }
    return *split_;
  }

  /// {globalMean, userMean, itemMean, userItemBias, train, test}: held-out RMSE of the baselines.
  val baselines(double test_fraction, double seed) const {
    return guard([&] {
      const auto& [train, test] = split(test_fraction, seed);
      const BaselineRmse b = baseline_rmse(train, test);
      val out = val::object();
      out.set("globalMean", b.global_mean);
      out.set("userMean", b.user_mean);
      out.set("itemMean", b.item_mean);
      out.set("userItemBias", b.user_item_bias);
      out.set("train", static_cast<double>(train.nnz()));
      out.set("test", static_cast<double>(test.nnz()));
      return out;
    });
  }

  /// {rmse, coverage}: held-out RMSE of user–user CF with one similarity.
  val evaluate(const std::string& similarity, double k, double test_fraction, double seed) const {
    return guard([&] {
      const auto& [train, test] = split(test_fraction, seed);
      const KnnEvaluation e = evaluate_user_knn(train, test, {parse_similarity(similarity), to_int(k, "Recommender.evaluate: k"), 1});
      val out = val::object();
      out.set("rmse", e.rmse);
      out.set("coverage", e.coverage);
      return out;
    });
  }

 private:
  RatingsData data_;
  mutable std::optional<std::pair<RatingMatrix, RatingMatrix>> split_;
  mutable std::pair<double, uint64_t> split_key_{-1, 0};
};

/// A matrix factorization on the training split plus you (one more user), trained epoch by epoch.
class MatrixFactorizationJs {
 public:
  MatrixFactorizationJs(const RecommenderJs& source, const val& movie_ids, const val& ratings, double factors, double lr,
                        double reg, bool centered, double test_fraction, double seed)
      : data_(&source.data()), model_(guard([&] {
          const SparseVector you = source.profile(movie_ids, ratings);
          const auto& [train, test] = source.split(test_fraction, seed);
          test_ = RatingMatrix(test.num_users() + 1, test.num_items(), test.entries());
          const MatrixFactorizationOptions options{to_int(factors, "MatrixFactorization: factors"), lr, reg, centered, 0.1,
                                                   to_count(seed, "MatrixFactorization: seed")};
          return MatrixFactorization(train.with_user(you), options);
        })) {}

  /// One SGD epoch; returns the training RMSE.
  double epoch() { return guard([&] { return model_.epoch(); }); }
  double epochs() const { return model_.epochs(); }
  bool diverged() const { return model_.diverged(); }
  double train_rmse() const { return guard([&] { return model_.rmse(model_.train()); }); }
  double test_rmse() const { return guard([&] { return model_.rmse(test_); }); }
  /// Your top movies by p_you · q_i (+ biases): {movieIds, scores, supports (ratings of the movie)}.
  val recommend(double top, double min_ratings) const {
    return guard([&] {
      const int32_t you = model_.train().num_users() - 1;
      return predictions_js(*data_, model_.recommend(you, to_int(top, "MatrixFactorization.recommend: top"),
                                                     to_int(min_ratings, "MatrixFactorization.recommend: minRatings")));
    });
  }

 private:
  const RatingsData* data_;
  RatingMatrix test_;
  MatrixFactorization model_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_recommender) {
  using namespace emscripten;
  using mlplay::bindings::MatrixFactorizationJs;
  using mlplay::bindings::RecommenderJs;
  class_<RecommenderJs>("Recommender")
      .constructor<std::string, std::string>()
      .function("summary", &RecommenderJs::summary)
      .function("movies", &RecommenderJs::movies)
      .function("recommend", &RecommenderJs::recommend)
      .function("baselines", &RecommenderJs::baselines)
      .function("evaluate", &RecommenderJs::evaluate);
  class_<MatrixFactorizationJs>("MatrixFactorization")
      .constructor<const RecommenderJs&, val, val, double, double, double, bool, double, double>()
      .function("epoch", &MatrixFactorizationJs::epoch)
      .function("epochs", &MatrixFactorizationJs::epochs)
      .function("diverged", &MatrixFactorizationJs::diverged)
      .function("trainRmse", &MatrixFactorizationJs::train_rmse)
      .function("testRmse", &MatrixFactorizationJs::test_rmse)
      .function("recommend", &MatrixFactorizationJs::recommend);
}
