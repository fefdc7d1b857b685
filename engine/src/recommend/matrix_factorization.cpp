#include "mlplay/recommend/matrix_factorization.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::recommend {
namespace {

template <typename Predict>
double rmse_of(const RatingMatrix& data, Predict&& predict) {
  double sum = 0;
  int64_t n = 0;
  for (int32_t u = 0; u < data.num_users(); ++u) {
    const auto items = data.items_of(u);
    const auto values = data.ratings_of(u);
    for (size_t k = 0; k < items.size(); ++k, ++n) {
      const double e = values[k] - predict(u, items[k]);
      sum += e * e;
    }
  }
  return n > 0 ? std::sqrt(sum / static_cast<double>(n)) : std::nan("");
}

}  // namespace

MatrixFactorization::MatrixFactorization(RatingMatrix train, const MatrixFactorizationOptions& options)
    : train_(std::move(train)), options_(options), shuffle_state_(stream_key(options.seed, 1)) {
  check(options.factors >= 1 && options.factors <= 500, "MatrixFactorization: factors must be 1 to 500, got ", options.factors);
  check(options.lr > 0 && options.lr <= 1, "MatrixFactorization: invalid learning rate: ", options.lr);
  check(options.reg >= 0 && options.reg <= 10, "MatrixFactorization: reg (λ) must be 0 to 10, got ", options.reg);
  check(options.init_std >= 0 && options.init_std <= 10, "MatrixFactorization: init_std must be 0 to 10, got ", options.init_std);
  entries_ = train_.entries();
  mu_ = options.centered ? train_.global_mean() : 0.0;
  const auto k = static_cast<size_t>(options.factors);
  p_.resize(static_cast<size_t>(train_.num_users()) * k);
  q_.resize(static_cast<size_t>(train_.num_items()) * k);
  Generator generator(options.seed);
  for (double& v : p_) v = generator.normal(0.0, options.init_std);
  for (double& v : q_) v = generator.normal(0.0, options.init_std);
  user_bias_.assign(static_cast<size_t>(train_.num_users()), 0.0);
  item_bias_.assign(static_cast<size_t>(train_.num_items()), 0.0);
}

double MatrixFactorization::predict(int32_t user, int32_t item) const {
  check(user >= 0 && user < train_.num_users() && item >= 0 && item < train_.num_items(), "MatrixFactorization::predict: (",
        user, ", ", item, ") is outside ", train_.num_users(), " × ", train_.num_items());
  const auto k = static_cast<size_t>(options_.factors);
  const double* p = p_.data() + static_cast<size_t>(user) * k;
  const double* q = q_.data() + static_cast<size_t>(item) * k;
  double dot = 0;
  for (size_t f = 0; f < k; ++f) dot += p[f] * q[f];
  return mu_ + user_bias_[static_cast<size_t>(user)] + item_bias_[static_cast<size_t>(item)] + dot;
}

double MatrixFactorization::epoch() {
  // A fresh order each epoch (Fisher–Yates with this epoch's stream), then one update per rating.
  Generator generator(stream_key(shuffle_state_, static_cast<uint64_t>(epochs_)));
  for (size_t n = entries_.size(); n > 1; --n) std::swap(entries_[n - 1], entries_[generator.randint(static_cast<uint32_t>(n))]);
  const auto k = static_cast<size_t>(options_.factors);
  const double lr = options_.lr, reg = options_.reg;
  for (const RatingMatrix::Entry& r : entries_) {
    const auto u = static_cast<size_t>(r.user), i = static_cast<size_t>(r.item);
    double* p = p_.data() + u * k;
    double* q = q_.data() + i * k;
    double dot = 0;
    for (size_t f = 0; f < k; ++f) dot += p[f] * q[f];
    const double e = r.value - (mu_ + user_bias_[u] + item_bias_[i] + dot);  // e = r − r̂
    if (options_.centered) {
      user_bias_[u] += lr * (e - reg * user_bias_[u]);  // −∂/∂b_u of ½e² + ½λ b_u²
      item_bias_[i] += lr * (e - reg * item_bias_[i]);
    }
    for (size_t f = 0; f < k; ++f) {
      const double pf = p[f], qf = q[f];
      p[f] += lr * (e * qf - reg * pf);  // −∂/∂p_u of ½e² + ½λ‖p_u‖²
      q[f] += lr * (e * pf - reg * qf);
    }
  }
  ++epochs_;
  const double train_rmse = rmse(train_);
  if (!std::isfinite(train_rmse)) diverged_ = true;
  return train_rmse;
}

double MatrixFactorization::rmse(const RatingMatrix& data) const {
  check(data.num_users() == train_.num_users() && data.num_items() == train_.num_items(), "MatrixFactorization::rmse: data is ",
        data.num_users(), " × ", data.num_items(), " but the model is ", train_.num_users(), " × ", train_.num_items());
  return rmse_of(data, [&](int32_t u, int32_t i) { return predict(u, i); });
}

std::vector<Prediction> MatrixFactorization::recommend(int32_t user, int count, int min_ratings) const {
  check(count >= 0, "MatrixFactorization::recommend: count must be >= 0, got ", count);
  check(min_ratings >= 0, "MatrixFactorization::recommend: min_ratings must be >= 0, got ", min_ratings);
  const auto rated = train_.items_of(user);
  std::vector<Prediction> all;
  for (int32_t i = 0, k = 0; i < train_.num_items(); ++i) {
    if (k < static_cast<int32_t>(rated.size()) && rated[static_cast<size_t>(k)] == i) {
      ++k;
      continue;
    }
    if (train_.item_count(i) >= min_ratings) all.push_back({i, predict(user, i), train_.item_count(i)});
  }
  const size_t keep = std::min(all.size(), static_cast<size_t>(count));
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                    [](const Prediction& a, const Prediction& b) { return a.score != b.score ? a.score > b.score : a.item < b.item; });
  all.resize(keep);
  return all;
}

BaselineRmse baseline_rmse(const RatingMatrix& train, const RatingMatrix& test, double damping) {
  check(train.num_users() == test.num_users() && train.num_items() == test.num_items(), "baseline_rmse: train is ",
        train.num_users(), " × ", train.num_items(), " but test is ", test.num_users(), " × ", test.num_items());
  check(damping >= 0, "baseline_rmse: damping must be >= 0, got ", damping);
  const double mu = train.global_mean();
  std::vector<double> item_bias(static_cast<size_t>(train.num_items()), 0.0), user_bias(static_cast<size_t>(train.num_users()), 0.0);
  for (int32_t i = 0; i < train.num_items(); ++i) {
    double sum = 0;
    for (float v : train.ratings_of_item(i)) sum += v - mu;
    item_bias[static_cast<size_t>(i)] = sum / (train.item_count(i) + damping);
  }
  for (int32_t u = 0; u < train.num_users(); ++u) {
    const auto items = train.items_of(u);
    const auto values = train.ratings_of(u);
    double sum = 0;
    for (size_t k = 0; k < items.size(); ++k) sum += values[k] - mu - item_bias[static_cast<size_t>(items[k])];
    user_bias[static_cast<size_t>(u)] = sum / (static_cast<double>(items.size()) + damping);
  }
  return {rmse_of(test, [&](int32_t, int32_t) { return mu; }),
          rmse_of(test, [&](int32_t u, int32_t) { return train.user_mean(u); }),
          rmse_of(test, [&](int32_t, int32_t i) { return train.item_mean(i); }),
          rmse_of(test, [&](int32_t u, int32_t i) {
            return mu + user_bias[static_cast<size_t>(u)] + item_bias[static_cast<size_t>(i)];
          })};
}

}  // namespace mlplay::recommend
