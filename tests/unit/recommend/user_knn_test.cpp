#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/recommend/user_knn.h"

using namespace mlplay::recommend;
using Catch::Matchers::Contains;

namespace {
// Items 0..3. u0 and u1 share the profile's taste, u2 is its opposite, u3 rates everything 5.
RatingMatrix people() {
  return RatingMatrix(4, 4, {{0, 0, 5}, {0, 1, 1}, {0, 2, 4}, {0, 3, 2},
                             {1, 0, 4}, {1, 1, 2}, {1, 3, 4},
                             {2, 0, 1}, {2, 1, 5}, {2, 2, 1}, {2, 3, 5},
                             {3, 0, 5}, {3, 1, 5}, {3, 2, 5}, {3, 3, 5}});
}
}  // namespace

TEST_CASE("user-user CF predicts a weighted average of the neighbours' ratings", "[recommend]") {
  const RatingMatrix m = people();
  const SparseVector you{{0, 1}, {5, 1}};  // loves item 0, hates item 1
  const auto s = similarities_to_users(m, you, Similarity::Cosine);
  // Plain: r̂ = Σ s_v r_v2 / Σ s_v over the raters of item 2 with s > 0 (u0, u3; u2 too: cosine of raw ratings is > 0).
  const auto plain = predict_items(m, s, 3.0, {2}, {Similarity::Cosine, 10, 1});
  const double expected = (s[0] * 4 + s[2] * 1 + s[3] * 5) / (s[0] + s[2] + s[3]);
  REQUIRE(plain[0].support == 3);
  REQUIRE(plain[0].score == Approx(expected));
  // k = 1 keeps only the most similar rater (u0).
  REQUIRE(predict_items(m, s, 3.0, {2}, {Similarity::Cosine, 1, 1})[0].score == Approx(4));
  // Centered: only u0 and u1 have positive similarity; u3 (all 5s) has zero centred norm → 0.
  const auto c = similarities_to_users(m, you, Similarity::Centered);
  REQUIRE(c[2] < 0);
  REQUIRE(c[3] == 0);
  const auto centered = predict_items(m, c, 3.0, {3}, {Similarity::Centered, 10, 1});
  const double dev = (c[0] * (2 - 3.0) + c[1] * (4 - 10.0 / 3)) / (c[0] + c[1]);
  REQUIRE(centered[0].support == 2);
  REQUIRE(centered[0].score == Approx(3.0 + dev));
}

TEST_CASE("recommend_for skips rated movies and thin support, nearest_users ranks neighbours", "[recommend]") {
  const RatingMatrix m = people();
  const SparseVector you{{0, 1}, {5, 1}};
  const auto recs = recommend_for(m, you, {Similarity::Centered, 10, 1}, 10);
  REQUIRE(recs.size() == 2);
  for (const auto& r : recs) REQUIRE(r.item >= 2);
  REQUIRE(recs[0].score >= recs[1].score);
  REQUIRE(recommend_for(m, you, {Similarity::Centered, 10, 3}, 10).empty());
  const auto near = nearest_users(m, you, Similarity::Dot, 2);
  REQUIRE(near.size() == 2);
  REQUIRE(near[0].user == 3);  // the all-5 rater wins on raw dot product: 5·5 + 1·5 = 30
  REQUIRE(near[0].similarity == Approx(30));
  REQUIRE(near[0].overlap == 2);
  REQUIRE(near[0].count == 4);
  REQUIRE(nearest_users(m, you, Similarity::Centered, 5).size() == 2);  // only similarity > 0
  REQUIRE_THROWS_WITH(recommend_for(m, you, {Similarity::Dot, 0, 1}, 5), Contains("k must be at least 1"));
}

TEST_CASE("evaluate_user_knn: centring removes each user offset in a consistent world", "[recommend]") {
  // Everyone has the same taste up to an offset: r_ui = q_i + c_u. Centering removes c_u exactly.
  std::vector<RatingMatrix::Entry> train, test;
  const float q[6] = {1, 2, 0, 1.5f, 0.5f, 2};
  for (int32_t u = 0; u < 12; ++u) {
    const float c = 1.0f + 0.25f * static_cast<float>(u % 4);
    for (int32_t i = 0; i < 6; ++i) ((u + i) % 6 == 0 ? test : train).push_back({u, i, q[i] + c});
  }
  const RatingMatrix tr(12, 6, train), te(12, 6, test);
  // A user's training mean is over 5 of the 6 items, so the centred prediction is off by the gap in
  // means; with every user missing a different item the error is small but not zero — compare with plain.
  const auto centered = evaluate_user_knn(tr, te, {Similarity::Centered, 5, 1});
  const auto plain = evaluate_user_knn(tr, te, {Similarity::Cosine, 5, 1});
  REQUIRE(centered.predictions == 12);
  REQUIRE(centered.coverage == 1.0);
  REQUIRE(centered.rmse < plain.rmse);
  REQUIRE(centered.rmse < 0.35);
}
