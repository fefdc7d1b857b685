#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

using mlplay::cli::run_cli;
using Catch::Matchers::Contains;

namespace {
/// A tiny MovieLens-shaped pair of files in a temporary folder.
struct TinyMovieLens {
  // One folder per process: ctest runs test cases in parallel processes.
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("mlplay-recommend-test-" + std::to_string(getpid()));
  std::string ratings = (dir / "ratings.csv").string(), movies = (dir / "movies.csv").string();
  TinyMovieLens() {
    std::filesystem::create_directories(dir);
    std::ofstream r(ratings);
    r << "userId,movieId,rating,timestamp\n";
    // Users 1–3 love 10 and 20 and rate 30 high; users 4–6 love 40 and dislike 10.
    for (int u = 1; u <= 3; ++u) r << u << ",10,5,0\n" << u << ",20,4.5,0\n" << u << ",30," << (3 + u * 0.5) << ",0\n" << u << ",40,1,0\n";
    for (int u = 4; u <= 6; ++u) r << u << ",10,1,0\n" << u << ",40,5,0\n" << u << ",50,4,0\n" << u << ",30,2,0\n";
    std::ofstream m(movies);
    m << "\"movieId\",\"title\",\"year\",\"genres\"\n10,\"Matrix, The\",1999,\"Action\"\n20,\"Toy Story\",1995,\"Comedy\"\n"
         "30,\"Heat\",1995,\"Crime\"\n40,\"Titanic\",1997,\"Romance\"\n50,\"Notebook, The\",2004,\"Romance\"\n";
  }
  ~TinyMovieLens() { std::filesystem::remove_all(dir); }
};
}  // namespace

TEST_CASE("mlplay recommend --json recommends from your ratings by title", "[cli]") {
  TinyMovieLens data;
  std::ostringstream out, err;
  const int status = run_cli({"recommend", "--ratings", data.ratings, "--movies", data.movies, "--rate", "The Matrix=5;Titanic=1",
                              "--k", "3", "--min-support", "2", "--json"},
                             out, err);
  REQUIRE(err.str().empty());
  REQUIRE(status == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["users"] == 6);
  REQUIRE(json["ratings"] == 24);
  REQUIRE(json["profile"][0]["title"] == "Matrix, The");
  const auto& recs = json["knn"]["recommendations"];
  REQUIRE(recs.size() == 2);
  REQUIRE(recs[0]["title"] == "Toy Story");  // only users 1–3 are similar (centered > 0), and they all loved it
  REQUIRE(recs[0]["support"] == 3);
  REQUIRE(recs[1]["title"] == "Heat");
  REQUIRE(json["knn"]["neighbours"].size() == 3);
}

TEST_CASE("mlplay recommend prints a readable report, trains MF and evaluates", "[cli]") {
  TinyMovieLens data;
  std::ostringstream out, err;
  REQUIRE(run_cli({"recommend", "--ratings", data.ratings, "--movies", data.movies, "--user", "1", "--similarity", "dot",
                   "--min-support", "1", "--mf", "--epochs", "5", "--factors", "2", "--test", "0.25", "--evaluate", "--min-ratings", "1"},
                  out, err) == 0);
  const std::string text = out.str();
  REQUIRE_THAT(text, Contains("Loaded 24 ratings from 6 users on 5 movies"));
  REQUIRE_THAT(text, Contains("using dot product similarity"));
  REQUIRE_THAT(text, Contains("Top 1 recommendations for user 1:\n1. Notebook, The (2004)"));
  REQUIRE_THAT(text, Contains("baseline RMSE: global mean"));
  REQUIRE_THAT(text, Contains("user-user (centered, k = 30) RMSE"));
  REQUIRE_THAT(text, Contains("epoch   5  train RMSE"));
}

TEST_CASE("mlplay recommend: bad flags exit 2 with the reason", "[cli]") {
  TinyMovieLens data;
  const auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv{"recommend", "--ratings", data.ratings, "--movies", data.movies};
    argv.insert(argv.end(), extra.begin(), extra.end());
    std::ostringstream out, err;
    const int status = run_cli(argv, out, err);
    return std::make_pair(status, err.str());
  };
  auto [s1, e1] = run({"--rate", "Heat=5", "--similarity", "pearson"});
  REQUIRE(s1 == 2);
  REQUIRE_THAT(e1, Contains("dot, cosine or centered, got 'pearson'"));
  auto [s2, e2] = run({"--rate", "Jaws=5"});
  REQUIRE(s2 == 2);
  REQUIRE_THAT(e2, Contains("no movie title contains 'Jaws'"));
  auto [s3, e3] = run({"--rate", "Heat"});
  REQUIRE(s3 == 2);
  REQUIRE_THAT(e3, Contains("TITLE=RATING"));
  auto [s4, e4] = run({"--user", "1", "--k", "0"});
  REQUIRE(s4 == 2);
  REQUIRE_THAT(e4, Contains("--k"));
  auto [s5, e5] = run({});
  REQUIRE(s5 == 2);
  auto [s6, e6] = run({"--rate", "Heat=9"});
  REQUIRE(s6 == 1);
  REQUIRE_THAT(e6, Contains("rating 9 for movie 30 is outside 1 to 5"));
  auto [s7, e7] = run({"--user", "99"});
  REQUIRE(s7 == 2);
  REQUIRE_THAT(e7, Contains("there is no user 99"));
}
