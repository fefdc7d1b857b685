#include "mlplay/recommend/user_knn.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::recommend {
namespace {

void check_options(const KnnOptions& options, const char* where) {
  check(options.k >= 1, where, ": k must be at least 1, got ", options.k);
  check(options.min_support >= 1, where, ": min_support must be at least 1, got ", options.min_support);
}

double mean_of(const std::vector<float>& values) {
  return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

/// The range of ratings in the data, to clip predictions to.
std::pair<float, float> rating_range(const RatingMatrix& ratings) { return {ratings.min_rating(), ratings.max_rating()}; }

/// One prediction from the users who rated `item`: the k most similar with similarity > 0.
Prediction predict_one(const RatingMatrix& ratings, const std::vector<double>& similarities, double profile_mean, int32_t item,
                       const KnnOptions& options, std::vector<std::pair<double, int32_t>>& scratch,
                       std::pair<float, float> range) {
  const auto users = ratings.users_of(item);
  const auto values = ratings.ratings_of_item(item);
  scratch.clear();
  for (size_t k = 0; k < users.size(); ++k) {
    const double s = similarities[static_cast<size_t>(users[k])];
    if (s > 0) scratch.emplace_back(s, static_cast<int32_t>(k));
  }
  const size_t keep = std::min(scratch.size(), static_cast<size_t>(options.k));
  // Most similar first; equal similarities by lower user index, so the result never depends on sort details.
  std::partial_sort(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(keep), scratch.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  const bool centered = options.similarity == Similarity::Centered;
  double num = 0, den = 0;
  for (size_t n = 0; n < keep; ++n) {
    const auto [s, k] = scratch[n];
    const double shift = centered ? ratings.user_mean(users[static_cast<size_t>(k)]) : 0.0;
    num += s * (values[static_cast<size_t>(k)] - shift);
    den += s;
  }
  if (keep == 0) return {item, profile_mean, 0};
  const double score = (centered ? profile_mean : 0.0) + num / den;
  return {item, std::clamp(score, static_cast<double>(range.first), static_cast<double>(range.second)),
          static_cast<int32_t>(keep)};
}

}  // namespace

std::vector<Neighbour> nearest_users(const RatingMatrix& ratings, const SparseVector& profile, Similarity kind, int count,
                                     int32_t exclude) {
  check(count >= 0, "nearest_users: count must be >= 0, got ", count);
  const std::vector<double> s = similarities_to_users(ratings, profile, kind, exclude);
  const std::vector<int32_t> overlap = overlaps_with_users(ratings, profile);
  std::vector<int32_t> order;
  for (int32_t u = 0; u < ratings.num_users(); ++u) {
    if (s[static_cast<size_t>(u)] > 0 && u != exclude) order.push_back(u);
  }
  const size_t keep = std::min(order.size(), static_cast<size_t>(count));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), [&](int32_t a, int32_t b) {
    return s[static_cast<size_t>(a)] != s[static_cast<size_t>(b)] ? s[static_cast<size_t>(a)] > s[static_cast<size_t>(b)] : a < b;
  });
  std::vector<Neighbour> out;
  for (size_t n = 0; n < keep; ++n) {
    const int32_t u = order[n];
    out.push_back({u, s[static_cast<size_t>(u)], overlap[static_cast<size_t>(u)], ratings.user_count(u)});
  }
  return out;
}

std::vector<Prediction> predict_items(const RatingMatrix& ratings, const std::vector<double>& similarities,
                                      double profile_mean, const std::vector<int32_t>& items, const KnnOptions& options) {
  check_options(options, "predict_items");
  check(similarities.size() == static_cast<size_t>(ratings.num_users()), "predict_items: ", similarities.size(),
        " similarities for ", ratings.num_users(), " users");
  const auto range = rating_range(ratings);
  std::vector<Prediction> out;
  out.reserve(items.size());
  std::vector<std::pair<double, int32_t>> scratch;
  for (int32_t item : items) out.push_back(predict_one(ratings, similarities, profile_mean, item, options, scratch, range));
  return out;
}

std::vector<Prediction> recommend_for(const RatingMatrix& ratings, const SparseVector& profile, const KnnOptions& options,
                                      int count) {
  check_options(options, "recommend_for");
  check(count >= 0, "recommend_for: count must be >= 0, got ", count);
  const std::vector<double> s = similarities_to_users(ratings, profile, options.similarity);
  std::vector<int32_t> unseen;
  for (int32_t i = 0, k = 0; i < ratings.num_items(); ++i) {
    if (k < static_cast<int32_t>(profile.size()) && profile.index[static_cast<size_t>(k)] == i) {
      ++k;
      continue;
    }
    unseen.push_back(i);
  }
  std::vector<Prediction> all = predict_items(ratings, s, mean_of(profile.value), unseen, options);
  std::erase_if(all, [&](const Prediction& p) { return p.support < options.min_support; });
  const size_t keep = std::min(all.size(), static_cast<size_t>(count));
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), [](const Prediction& a, const Prediction& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.support != b.support) return a.support > b.support;
    return a.item < b.item;
  });
  all.resize(keep);
  return all;
}

KnnEvaluation evaluate_user_knn(const RatingMatrix& train, const RatingMatrix& test, const KnnOptions& options) {
  check_options(options, "evaluate_user_knn");
  check(train.num_users() == test.num_users() && train.num_items() == test.num_items(),
        "evaluate_user_knn: train is ", train.num_users(), " × ", train.num_items(), " but test is ", test.num_users(), " × ",
        test.num_items());
  const auto range = rating_range(train);
  // Per user: squared error sum, predictions, predictions from neighbours. Users run in parallel.
  std::vector<double> squared(static_cast<size_t>(test.num_users()), 0.0);
  std::vector<int64_t> made(squared.size(), 0), covered(squared.size(), 0);
  parallel_for(0, test.num_users(), 8, [&](int64_t begin, int64_t end) {
    std::vector<std::pair<double, int32_t>> scratch;
    for (int64_t u = begin; u < end; ++u) {
      const auto user = static_cast<int32_t>(u);
      const auto held = test.items_of(user);
      if (held.empty()) continue;
      const SparseVector profile = train.row(user);
      const std::vector<double> s = similarities_to_users(train, profile, options.similarity, user);
      const auto truth = test.ratings_of(user);
      for (size_t k = 0; k < held.size(); ++k) {
        const Prediction p = predict_one(train, s, train.user_mean(user), held[k], options, scratch, range);
        const double error = p.score - truth[k];
        squared[static_cast<size_t>(u)] += error * error;
        ++made[static_cast<size_t>(u)];
        covered[static_cast<size_t>(u)] += p.support > 0;
      }
    }
  });
  const double total = std::accumulate(squared.begin(), squared.end(), 0.0);
  const int64_t n = std::accumulate(made.begin(), made.end(), int64_t{0});
  const int64_t c = std::accumulate(covered.begin(), covered.end(), int64_t{0});
  return {n > 0 ? std::sqrt(total / static_cast<double>(n)) : std::nan(""), n > 0 ? static_cast<double>(c) / static_cast<double>(n) : 0.0,
          n};
}

}  // namespace mlplay::recommend
