#include <catch2/catch.hpp>

#include "mlplay/core/error.h"
#include "mlplay/recommend/ratings.h"

using namespace mlplay::recommend;
using Catch::Matchers::Contains;

namespace {
// 3 users × 4 items:  u0: i0=5 i2=3   u1: i0=4 i1=2 i3=1   u2: i2=4
RatingMatrix small() { return RatingMatrix(3, 4, {{1, 3, 1}, {0, 2, 3}, {1, 0, 4}, {2, 2, 4}, {0, 0, 5}, {1, 1, 2}}); }
}  // namespace

TEST_CASE("RatingMatrix stores rows and columns sorted, with means", "[recommend]") {
  const RatingMatrix m = small();
  REQUIRE(m.nnz() == 6);
  REQUIRE(std::vector<int32_t>(m.items_of(1).begin(), m.items_of(1).end()) == std::vector<int32_t>{0, 1, 3});
  REQUIRE(std::vector<float>(m.ratings_of(1).begin(), m.ratings_of(1).end()) == std::vector<float>{4, 2, 1});
  REQUIRE(std::vector<int32_t>(m.users_of(2).begin(), m.users_of(2).end()) == std::vector<int32_t>{0, 2});
  REQUIRE(std::vector<float>(m.ratings_of_item(0).begin(), m.ratings_of_item(0).end()) == std::vector<float>{5, 4});
  REQUIRE(m.rating(0, 2) == 3);
  REQUIRE(m.rating(0, 1) == 0);
  REQUIRE(m.global_mean() == Approx(19.0 / 6));
  REQUIRE(m.user_mean(0) == Approx(4));
  REQUIRE(m.user_mean(1) == Approx(7.0 / 3));
  REQUIRE(m.item_mean(2) == Approx(3.5));
  REQUIRE(m.item_count(0) == 2);
  REQUIRE(m.user_count(2) == 1);
  REQUIRE(m.min_rating() == 1);
  REQUIRE(m.max_rating() == 5);
  const RatingMatrix grown = m.with_user({{1, 3}, {5, 2}});
  REQUIRE(grown.num_users() == 4);
  REQUIRE(grown.rating(3, 3) == 2);
  REQUIRE(grown.item_count(1) == 2);
}

TEST_CASE("RatingMatrix refuses duplicates, bad indices and non-finite ratings", "[recommend]") {
  REQUIRE_THROWS_WITH(RatingMatrix(2, 2, {{0, 1, 3}, {0, 1, 4}}), Contains("user 0 rated item 1 twice"));
  REQUIRE_THROWS_WITH(RatingMatrix(2, 2, {{2, 0, 3}}), Contains("(2, 0) is outside the 2 × 2 matrix"));
  REQUIRE_THROWS_WITH(RatingMatrix(2, 2, {{0, 0, std::numeric_limits<float>::quiet_NaN()}}), Contains("is nan"));
  REQUIRE_THROWS_WITH(small().items_of(3), Contains("user 3 is outside 0..2"));
}

TEST_CASE("split_ratings holds out a share of each user's ratings, reproducibly", "[recommend]") {
  std::vector<RatingMatrix::Entry> entries;
  for (int32_t u = 0; u < 20; ++u)
    for (int32_t i = 0; i < 30; ++i)
      if ((u * 7 + i * 3) % 4 != 0) entries.push_back({u, i, static_cast<float>(1 + (u + i) % 5)});
  const RatingMatrix all(20, 30, entries);
  const auto [train, test] = split_ratings(all, 0.2, 9);
  REQUIRE(train.nnz() + test.nnz() == all.nnz());
  for (int32_t u = 0; u < 20; ++u) {
    REQUIRE(test.user_count(u) == static_cast<int32_t>(0.2 * all.user_count(u)));
    for (int32_t i : test.items_of(u)) {
      REQUIRE(train.rating(u, i) == 0);
      REQUIRE(test.rating(u, i) == all.rating(u, i));
    }
  }
  const auto again = split_ratings(all, 0.2, 9);
  REQUIRE(again.second.entries().size() == test.entries().size());
  for (size_t k = 0; k < test.entries().size(); ++k) REQUIRE(again.second.entries()[k].item == test.entries()[k].item);
  REQUIRE_THROWS_WITH(split_ratings(all, 1.0, 1), Contains("test_fraction must be in [0, 1)"));
}

TEST_CASE("read_ratings_csv renumbers ids and names bad cells by row and column", "[recommend]") {
  RatingsData d = read_ratings_csv("userId,movieId,rating,timestamp\n7,300,4.5,1\n3,300,2,1\n7,10,5,2\n");
  REQUIRE(d.user_ids == std::vector<int64_t>{3, 7});
  REQUIRE(d.item_ids == std::vector<int64_t>{10, 300});
  REQUIRE(d.ratings.rating(1, 1) == 4.5f);
  REQUIRE(d.ratings.rating(0, 1) == 2);
  REQUIRE(d.user_index(7) == 1);
  REQUIRE(d.item_index(11) == -1);
  REQUIRE(d.items_by_popularity() == std::vector<int32_t>{1, 0});
  REQUIRE(d.movies[0].title == "movie 10");
  d.attach_movies(read_movies_csv("\"movieId\",\"title\",\"year\",\"genres\"\n10,\"Godfather, The\",1972,\"Crime|Drama\"\n99,\"X\",NA,\"\"\n"));
  REQUIRE(d.movies[0].title == "Godfather, The");
  REQUIRE(d.movies[0].year == 1972);
  REQUIRE(d.movies[1].title == "movie 300");
  const SparseVector p = d.profile({{300, 3}, {10, 4.5f}});
  REQUIRE(p.index == std::vector<int32_t>{0, 1});
  REQUIRE(p.value == std::vector<float>{4.5f, 3});
  REQUIRE_THROWS_WITH(d.profile({{11, 3}}), Contains("no one rated movie 11"));
  REQUIRE_THROWS_WITH(d.profile({{10, 3}, {10, 4}}), Contains("movie 10 is rated twice"));
  REQUIRE_THROWS_WITH(d.profile({{10, 7}}), Contains("rating 7 for movie 10 is outside 2 to 5"));
  REQUIRE_THROWS_WITH(read_ratings_csv("userId,movieId,rating\n1,2,3\n1,x,3\n"), Contains("row 3, column 'movieId': 'x' is not a number"));
  REQUIRE_THROWS_WITH(read_ratings_csv("userId,movieId,rating\n1,2.5,3\n"), Contains("'2.5' is not a whole-number id"));
  REQUIRE_THROWS_WITH(read_ratings_csv("user,movieId,rating\n1,2,3\n"), Contains("userId"));
}
