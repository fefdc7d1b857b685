#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/recommend/matrix_factorization.h"

using namespace mlplay::recommend;
using Catch::Matchers::Contains;

TEST_CASE("one SGD step on one rating follows the update rules", "[recommend]") {
  const RatingMatrix one(1, 1, {{0, 0, 4}});
  MatrixFactorization mf(one, {.factors = 2, .lr = 0.1, .reg = 0.5, .centered = true, .init_std = 0.3, .seed = 5});
  const std::vector<double> p = mf.user_factors(), q = mf.item_factors();
  const double mu = 4, e = 4 - (mu + 0 + 0 + p[0] * q[0] + p[1] * q[1]);
  mf.epoch();
  REQUIRE(mf.user_biases()[0] == Approx(0.1 * e));
  REQUIRE(mf.item_biases()[0] == Approx(0.1 * e));
  for (int f = 0; f < 2; ++f) {
    REQUIRE(mf.user_factors()[f] == Approx(p[f] + 0.1 * (e * q[f] - 0.5 * p[f])));
    REQUIRE(mf.item_factors()[f] == Approx(q[f] + 0.1 * (e * p[f] - 0.5 * q[f])));
  }
  REQUIRE(mf.epochs() == 1);
  REQUIRE(mf.predict(0, 0) == Approx(mu + mf.user_biases()[0] + mf.item_biases()[0] +
                                     mf.user_factors()[0] * mf.item_factors()[0] + mf.user_factors()[1] * mf.item_factors()[1]));
}

TEST_CASE("matrix factorization recovers a low-rank rating matrix and beats the baselines", "[recommend]") {
  // Ratings from 2 hidden tastes: r_ui = 3 + a_u · b_i (+ small noise), 70% observed.
  mlplay::Generator g(11);
  const int users = 80, items = 60;
  std::vector<double> a(users * 2), b(items * 2);
  for (double& v : a) v = g.normal(0, 0.9);
  for (double& v : b) v = g.normal(0, 0.9);
  std::vector<RatingMatrix::Entry> entries;
  for (int32_t u = 0; u < users; ++u)
    for (int32_t i = 0; i < items; ++i)
      if (g.uniform() < 0.7f) {
        const double r = 3 + a[u * 2] * b[i * 2] + a[u * 2 + 1] * b[i * 2 + 1] + g.normal(0, 0.05);
        entries.push_back({u, i, static_cast<float>(r)});
      }
  const auto [train, test] = split_ratings(RatingMatrix(users, items, entries), 0.1, 2);
  const BaselineRmse base = baseline_rmse(train, test);
  REQUIRE(base.user_item_bias > 0.5);  // biases alone cannot explain a rank-2 taste structure
  MatrixFactorization mf(train, {.factors = 4, .lr = 0.02, .reg = 0.01, .centered = true, .init_std = 0.1, .seed = 1});
  double first = mf.epoch(), last = first;
  for (int e = 0; e < 150; ++e) last = mf.epoch();
  REQUIRE(last < first);
  REQUIRE(last < 0.15);
  REQUIRE(mf.rmse(test) < 0.5 * base.user_item_bias);
  REQUIRE_FALSE(mf.diverged());
  const auto recs = mf.recommend(0, 5);
  REQUIRE(recs.size() == 5);
  for (const auto& r : recs) REQUIRE(train.rating(0, r.item) == 0);
  REQUIRE(recs[0].score >= recs[4].score);
}

TEST_CASE("matrix factorization without centering starts far off, a huge learning rate diverges", "[recommend]") {
  std::vector<RatingMatrix::Entry> entries;
  for (int32_t u = 0; u < 30; ++u)
    for (int32_t i = 0; i < 20; ++i)
      if ((u + 2 * i) % 3 != 0) entries.push_back({u, i, static_cast<float>(3 + ((u * i) % 3))});
  const RatingMatrix m(30, 20, entries);
  MatrixFactorization raw(m, {.factors = 5, .lr = 0.01, .reg = 0.0, .centered = false, .init_std = 0.1, .seed = 1});
  MatrixFactorization centered(m, {.factors = 5, .lr = 0.01, .reg = 0.0, .centered = true, .init_std = 0.1, .seed = 1});
  REQUIRE(raw.epoch() > 2 * centered.epoch());  // p·q ≈ 0 at first, while μ is already ≈ 4
  MatrixFactorization wild(m, {.factors = 5, .lr = 1.0, .reg = 0.0, .centered = false, .init_std = 1.0, .seed = 1});
  for (int e = 0; e < 20 && !wild.diverged(); ++e) wild.epoch();
  REQUIRE(wild.diverged());
  REQUIRE_THROWS_WITH(MatrixFactorization(m, {.factors = 0}), Contains("factors must be 1 to 500, got 0"));
  REQUIRE_THROWS_WITH(MatrixFactorization(m, {.lr = -1}), Contains("invalid learning rate: -1"));
}

TEST_CASE("baseline_rmse of the mean predictors on a hand example", "[recommend]") {
  const RatingMatrix train(2, 2, {{0, 0, 4}, {0, 1, 2}, {1, 0, 5}}), test(2, 2, {{1, 1, 3}});
  const BaselineRmse b = baseline_rmse(train, test, 0.0);
  REQUIRE(b.global_mean == Approx(std::abs(3 - 11.0 / 3)));
  REQUIRE(b.user_mean == Approx(2));
  REQUIRE(b.item_mean == Approx(1));
  // μ = 11/3; b_1 = 2 − μ; b_u1 = 5 − μ − b_0 with b_0 = (4 + 5)/2 − μ.
  const double mu = 11.0 / 3, b0 = 4.5 - mu, b1 = 2 - mu, bu1 = 5 - mu - b0;
  REQUIRE(b.user_item_bias == Approx(std::abs(3 - (mu + bu1 + b1))));
}

TEST_CASE("the SGD update is minus the learning rate times the autograd gradient of one rating's loss", "[recommend]") {
  // L = ½ (r − (μ + b_u + b_i + p·q))² + ½ λ (b_u² + b_i² + ‖p‖² + ‖q‖²), differentiated by the engine's autograd.
  const RatingMatrix one(1, 1, {{0, 0, 2.5f}});
  const double lr = 0.05, reg = 0.2;
  MatrixFactorization mf(one, {.factors = 3, .lr = lr, .reg = reg, .centered = true, .init_std = 0.5, .seed = 8});
  const std::vector<double> p0 = mf.user_factors(), q0 = mf.item_factors();
  mlplay::Tensor p = mlplay::from_vector({static_cast<float>(p0[0]), static_cast<float>(p0[1]), static_cast<float>(p0[2])}).requires_grad_();
  mlplay::Tensor q = mlplay::from_vector({static_cast<float>(q0[0]), static_cast<float>(q0[1]), static_cast<float>(q0[2])}).requires_grad_();
  mlplay::Tensor bu = mlplay::scalar_tensor(0).requires_grad_(), bi = mlplay::scalar_tensor(0).requires_grad_();
  const mlplay::Tensor error = 2.5 - (2.5 + bu + bi + (p * q).sum());
  const mlplay::Tensor loss = mlplay::pow(error, 2) * 0.5 +
      (mlplay::pow(bu, 2) + mlplay::pow(bi, 2) + (p * p).sum() + (q * q).sum()) * (0.5 * reg);
  loss.backward();
  mf.epoch();
  for (int f = 0; f < 3; ++f) {
    REQUIRE(mf.user_factors()[f] == Approx(p0[f] - lr * p.grad().to_vector()[f]).margin(1e-6));
    REQUIRE(mf.item_factors()[f] == Approx(q0[f] - lr * q.grad().to_vector()[f]).margin(1e-6));
  }
  REQUIRE(mf.user_biases()[0] == Approx(-lr * bu.grad().item()).margin(1e-6));
  REQUIRE(mf.item_biases()[0] == Approx(-lr * bi.grad().item()).margin(1e-6));
}
