#include <catch2/catch.hpp>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/recommend/similarity.h"

using namespace mlplay::recommend;
using Catch::Matchers::Contains;

TEST_CASE("dot, cosine and centered similarity of two users by hand", "[recommend]") {
  // Ann and Cid rated the same three movies with opposite taste: raw cosine still calls them alike.
  const SparseVector ann{{0, 1, 2}, {5, 3, 4}}, cid{{0, 1, 2}, {1, 3, 2}};
  REQUIRE(similarity(ann, cid, Similarity::Dot) == Approx(22));
  REQUIRE(similarity(ann, cid, Similarity::Cosine) == Approx(22 / std::sqrt(50.0 * 14.0)));  // 0.8315
  REQUIRE(similarity(ann, cid, Similarity::Centered) == Approx(-1));
  // A harsh rater with the same taste as Ann: centered similarity is exactly 1.
  const SparseVector bob{{0, 1, 2}, {3, 1, 2}};
  REQUIRE(similarity(ann, bob, Similarity::Centered) == Approx(1));
  // Only shared items add to the dot product; the norms use every rating.
  const SparseVector a{{0, 2, 5}, {1, 2, 3}}, b{{2, 3, 5}, {4, 5, 1}};
  REQUIRE(sparse_dot(a.index, a.value, b.index, b.value) == Approx(11));
  REQUIRE(similarity(a, b, Similarity::Cosine) == Approx(11 / std::sqrt(14.0 * 42.0)));
  REQUIRE(similarity(a, SparseVector{}, Similarity::Cosine) == 0);
  REQUIRE(parse_similarity("cosine") == Similarity::Cosine);
  REQUIRE_THROWS_WITH(parse_similarity("pearson"), Contains("dot, cosine or centered, got 'pearson'"));
}

TEST_CASE("similarities_to_users matches pairwise similarity for every user", "[recommend]") {
  mlplay::Generator g(3);
  std::vector<RatingMatrix::Entry> entries;
  for (int32_t u = 0; u < 150; ++u)
    for (int32_t i = 0; i < 80; ++i)
      if (g.uniform() < 0.15f) entries.push_back({u, i, 0.5f * static_cast<float>(1 + g.randint(10))});
  const RatingMatrix m(150, 80, entries);
  const SparseVector profile{{2, 9, 17, 40, 41, 77}, {5, 1, 4, 3.5f, 2, 4.5f}};
  for (Similarity kind : {Similarity::Dot, Similarity::Cosine, Similarity::Centered}) {
    const auto s = similarities_to_users(m, profile, kind, 4);
    REQUIRE(s[4] == 0);
    for (int32_t u = 0; u < 150; ++u) {
      if (u != 4) REQUIRE(s[static_cast<size_t>(u)] == Approx(similarity(profile, m.row(u), kind)).margin(1e-9));
    }
  }
  const auto overlap = overlaps_with_users(m, profile);
  for (int32_t u = 0; u < 150; ++u) {
    int32_t shared = 0;
    for (int32_t i : profile.index) shared += m.rating(u, i) != 0;
    REQUIRE(overlap[static_cast<size_t>(u)] == shared);
  }
  REQUIRE_THROWS_WITH(similarities_to_users(m, {{3, 2}, {1, 1}}, Similarity::Dot), Contains("sorted and distinct"));
  REQUIRE_THROWS_WITH(similarities_to_users(m, {{80}, {1}}, Similarity::Dot), Contains("item 80 is outside 0..79"));
}
