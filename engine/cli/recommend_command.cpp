// mlplay recommend: movie recommendations from MovieLens ratings, as in the recommender lesson.
// Rate a few movies (or pick an existing user), get recommendations by user–user collaborative
// filtering with dot-product, cosine or mean-centred cosine similarity, train a matrix factorization
// by SGD, and compare held-out RMSE against simple baselines.
//   mlplay recommend --rate "The Matrix=5;Titanic=2;Toy Story=4" --similarity cosine
//   mlplay recommend --user 15 --mf --factors 20 --epochs 20 --json
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/recommend/matrix_factorization.h"
#include "mlplay/recommend/ratings.h"
#include "mlplay/recommend/similarity.h"
#include "mlplay/recommend/user_knn.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::recommend;
using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : nullptr; }

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot open '", path, "'");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

/// "The Matrix" is stored as "Matrix, The": also try the article moved to the end.
std::vector<std::string> title_forms(const std::string& query) {
  std::vector<std::string> forms{lower(query)};
  for (const char* article : {"the ", "a ", "an "}) {
    const std::string q = lower(query), a = article;
    if (q.rfind(a, 0) == 0) forms.push_back(q.substr(a.size()) + ", " + a.substr(0, a.size() - 1));
  }
  return forms;
}

/// A movie id, or a title: an exact (case-insensitive) title first, else the most rated title containing it.
int64_t find_movie(const RatingsData& data, const std::string& query) {
  char* end = nullptr;
  const long long id = std::strtoll(query.c_str(), &end, 10);
  if (!query.empty() && *end == '\0') return id;
  const auto forms = title_forms(query);
  const auto popular = data.items_by_popularity();
  for (bool exact : {true, false}) {
    for (int32_t i : popular) {
      const std::string title = lower(data.movies[static_cast<size_t>(i)].title);
      for (const auto& form : forms) {
        if (exact ? title == form : title.find(form) != std::string::npos) return data.item_ids[static_cast<size_t>(i)];
      }
    }
  }
  throw UsageError("recommend: no movie title contains '" + query + "'");
}

/// "TITLE=R;ID=R;…" as (movie id, rating) pairs.
std::vector<std::pair<int64_t, float>> parse_rate(const RatingsData& data, const std::string& text) {
  std::vector<std::pair<int64_t, float>> out;
  std::stringstream items(text);
  std::string item;
  while (std::getline(items, item, ';')) {
    if (trim(item).empty()) continue;
    const auto eq = item.rfind('=');
    if (eq == std::string::npos) throw UsageError("recommend: --rate expects TITLE=RATING items separated by ';', got '" + item + "'");
    const std::string value = trim(item.substr(eq + 1));
    char* end = nullptr;
    const double r = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !std::isfinite(r)) throw UsageError("recommend: rating '" + value + "' for '" + trim(item.substr(0, eq)) + "' is not a number");
    out.emplace_back(find_movie(data, trim(item.substr(0, eq))), static_cast<float>(r));
  }
  if (out.empty()) throw UsageError("recommend: --rate has no ratings");
  return out;
}

std::string label(const RatingsData& data, int32_t item) {
  const Movie& m = data.movies[static_cast<size_t>(item)];
  return m.year > 0 ? m.title + " (" + std::to_string(m.year) + ")" : m.title;
}

std::string with_commas(int64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

json predictions_json(const RatingsData& data, const std::vector<Prediction>& list) {
  json out = json::array();
  for (const Prediction& p : list) {
    const Movie& m = data.movies[static_cast<size_t>(p.item)];
    out.push_back({{"movie_id", m.id}, {"title", m.title}, {"year", m.year}, {"score", p.score}, {"support", p.support}});
  }
  return out;
}

int run_recommend(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("recommend", tokens,
            {"ratings", "movies", "rate", "user", "similarity", "k", "top", "min-support", "factors", "epochs", "lr", "reg",
             "test", "seed", "min-ratings"},
            {"mf", "raw", "evaluate", "json"});
  if (!args.positionals().empty()) throw UsageError("recommend: unexpected argument '" + args.positionals()[0] + "'");
  if (args.has("rate") && args.has("user")) throw UsageError("recommend: give --rate or --user, not both");
  Similarity similarity;
  try {
    similarity = parse_similarity(args.value("similarity").value_or("centered"));
  } catch (const ValueError& e) {
    throw UsageError(std::string("recommend: --") + e.what());
  }
  KnnOptions knn{similarity, static_cast<int>(args.integer("k", 30, 1, 1000)), static_cast<int>(args.integer("min-support", 10, 1, 1000))};
  const int top = static_cast<int>(args.integer("top", 10, 1, 1000));
  const bool mf = args.flag("mf"), evaluate = args.flag("evaluate"), as_json = args.flag("json");
  MatrixFactorizationOptions mf_options{static_cast<int>(args.integer("factors", 20, 1, 500)), args.number("lr", 0.01, 1e-6, 1),
                                        args.number("reg", 0.05, 0, 10), !args.flag("raw"), 0.1,
                                        static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX))};
  const int epochs = static_cast<int>(args.integer("epochs", 20, 1, 10000));
  const double test_fraction = args.number("test", 0.1, 0.01, 0.5);
  const int min_ratings = static_cast<int>(args.integer("min-ratings", 10, 1, 100000));
  if (!args.has("rate") && !args.has("user") && !mf && !evaluate) {
    throw UsageError("recommend: give --rate \"TITLE=R;…\" or --user ID (or --mf / --evaluate)");
  }

  const std::string ratings_path = args.value("ratings").value_or("datasets/movielens-ratings.csv");
  if (!as_json) out << "Loading MovieLens ratings from " << ratings_path << "...\n" << std::flush;
  RatingsData data = read_ratings_csv(read_text(ratings_path));
  data.attach_movies(read_movies_csv(read_text(args.value("movies").value_or("datasets/movielens-movies.csv"))));
  const RatingMatrix& all = data.ratings;

  // The profile: your ratings (a new user) or an existing user's (left out of their own neighbours).
  SparseVector profile;
  int32_t self = -1;
  if (args.has("rate")) {
    profile = data.profile(parse_rate(data, *args.value("rate")));
  } else if (args.has("user")) {
    const int64_t id = args.integer("user", 0, 0, INT64_MAX);
    self = data.user_index(id);
    if (self < 0) throw UsageError("recommend: there is no user " + std::to_string(id));
    profile = all.row(self);
  }
  const bool has_profile = args.has("rate") || args.has("user");

  json result = {{"users", all.num_users()}, {"movies", all.num_items()}, {"ratings", all.nnz()}};
  char line[512];
  if (!as_json) {
    out << "Loaded " << with_commas(all.nnz()) << " ratings from " << with_commas(all.num_users()) << " users on "
        << with_commas(all.num_items()) << " movies\n";
  }
  if (has_profile) {
    json rated = json::array();
    if (!as_json) out << (self >= 0 ? "User " + std::to_string(data.user_ids[static_cast<size_t>(self)]) + " rated " + std::to_string(profile.size()) + " movies" : std::string("Your ratings:")) << "\n";
    for (size_t k = 0; k < profile.size(); ++k) {
      const int32_t i = profile.index[k];
      rated.push_back({{"movie_id", data.item_ids[static_cast<size_t>(i)]}, {"title", data.movies[static_cast<size_t>(i)].title}, {"rating", profile.value[k]}});
      if (!as_json && (self < 0 || k < 5)) out << "  " << label(data, i) << ": " << profile.value[k] << "\n";
    }
    if (!as_json && self >= 0 && profile.size() > 5) out << "  …\n";
    // Recommendations from the full data, the profile's own row left out of the neighbours.
    RatingMatrix others = all;
    if (self >= 0) {
      std::vector<RatingMatrix::Entry> kept;
      for (const auto& e : all.entries()) if (e.user != self) kept.push_back(e);
      others = RatingMatrix(all.num_users(), all.num_items(), std::move(kept));
    }
    const auto neighbours = nearest_users(others, profile, similarity, 5, self);
    const auto recs = recommend_for(others, profile, knn, top);
    json nb = json::array();
    for (const auto& n : neighbours) {
      nb.push_back({{"user_id", data.user_ids[static_cast<size_t>(n.user)]}, {"similarity", n.similarity}, {"overlap", n.overlap}, {"count", n.count}});
    }
    result["profile"] = rated;
    result["knn"] = {{"similarity", similarity_name(similarity)}, {"k", knn.k}, {"min_support", knn.min_support},
                     {"neighbours", nb}, {"recommendations", predictions_json(data, recs)}};
    if (!as_json) {
      const char* names[] = {"dot product", "cosine", "centered cosine"};
      std::snprintf(line, sizeof line, "\nComputing recommendations using %s similarity (k = %d neighbours, at least %d per movie)...\n",
                    names[static_cast<int>(similarity)], knn.k, knn.min_support);
      out << line << "Most similar users:\n";
      for (const auto& n : neighbours) {
        std::snprintf(line, sizeof line, "  user %-5lld similarity %-9.4g (%d movies in common, %d rated)\n",
                      static_cast<long long>(data.user_ids[static_cast<size_t>(n.user)]), n.similarity, n.overlap, n.count);
        out << line;
      }
      const std::string whom = self >= 0 ? "user " + std::to_string(data.user_ids[static_cast<size_t>(self)]) : std::string("you");
      std::snprintf(line, sizeof line, "Top %zu recommendations for %s:\n", recs.size(), whom.c_str());
      out << line;
      for (size_t r = 0; r < recs.size(); ++r) {
        std::snprintf(line, sizeof line, "%zu. %s (predicted %.2f from %d neighbours)\n", r + 1, label(data, recs[r].item).c_str(),
                      recs[r].score, recs[r].support);
        out << line;
      }
    }
  }

  if (mf || evaluate) {
    const auto [train, test] = split_ratings(all, test_fraction, mf_options.seed);
    const BaselineRmse base = baseline_rmse(train, test);
    result["split"] = {{"test_fraction", test_fraction}, {"seed", mf_options.seed}, {"train", train.nnz()}, {"test", test.nnz()}};
    result["baselines"] = {{"global_mean", number(base.global_mean)}, {"user_mean", number(base.user_mean)},
                           {"item_mean", number(base.item_mean)}, {"user_item_bias", number(base.user_item_bias)}};
    if (!as_json) {
      std::snprintf(line, sizeof line, "\nHeld-out test: %s ratings (%.0f%% of each user's), trained on %s\n", with_commas(test.nnz()).c_str(),
                    100 * test_fraction, with_commas(train.nnz()).c_str());
      out << line;
      std::snprintf(line, sizeof line, "  baseline RMSE: global mean %.4f, user mean %.4f, movie mean %.4f, μ + b_u + b_i %.4f\n",
                    base.global_mean, base.user_mean, base.item_mean, base.user_item_bias);
      out << line;
    }
    if (evaluate) {
      json knn_json = json::object();
      for (Similarity s : {Similarity::Dot, Similarity::Cosine, Similarity::Centered}) {
        const KnnEvaluation e = evaluate_user_knn(train, test, {s, knn.k, 1});
        knn_json[similarity_name(s)] = {{"rmse", number(e.rmse)}, {"coverage", e.coverage}};
        if (!as_json) {
          std::snprintf(line, sizeof line, "  user-user (%s, k = %d) RMSE %.4f (%.1f%% from neighbours)\n", similarity_name(s).c_str(),
                        knn.k, e.rmse, 100 * e.coverage);
          out << line;
        }
      }
      result["knn_rmse"] = knn_json;
    }
    if (mf) {
      // You join the training data as one more user, so the model learns your vector too.
      const int32_t you = has_profile && self < 0 ? train.num_users() : self;
      MatrixFactorization model(has_profile && self < 0 ? train.with_user(profile) : train, mf_options);
      const RatingMatrix test_rows = has_profile && self < 0 ? RatingMatrix(test.num_users() + 1, test.num_items(), test.entries()) : test;
      json history = json::array();
      if (!as_json) {
        std::snprintf(line, sizeof line, "Matrix factorization: %d factors, %s, lr %g, λ %g, %d epochs of SGD\n", mf_options.factors,
                      mf_options.centered ? "μ + b_u + b_i + p·q" : "p·q (raw, no centering)", mf_options.lr, mf_options.reg, epochs);
        out << line;
      }
      for (int e = 0; e < epochs && !model.diverged(); ++e) {
        const double train_rmse = model.epoch();
        const double test_rmse = model.rmse(test_rows);
        history.push_back({{"epoch", model.epochs()}, {"train_rmse", number(train_rmse)}, {"test_rmse", number(test_rmse)}});
        if (!as_json) {
          std::snprintf(line, sizeof line, "  epoch %3d  train RMSE %.4f  test RMSE %.4f\n", model.epochs(), train_rmse, test_rmse);
          out << line;
        }
      }
      json mf_json = {{"factors", mf_options.factors}, {"lr", mf_options.lr}, {"reg", mf_options.reg},
                      {"centered", mf_options.centered}, {"epochs", model.epochs()}, {"diverged", model.diverged()},
                      {"train_rmse", number(model.rmse(model.train()))}, {"test_rmse", number(model.rmse(test_rows))}, {"history", history}};
      if (model.diverged() && !as_json) out << "  (stopped: the loss diverged; try a smaller --lr)\n";
      if (has_profile && !model.diverged()) {
        const auto recs = model.recommend(you, top, min_ratings);
        mf_json["recommendations"] = predictions_json(data, recs);
        if (!as_json) {
          std::snprintf(line, sizeof line, "Top %zu by matrix factorization (movies with %d+ ratings):\n", recs.size(), min_ratings);
          out << line;
          for (size_t r = 0; r < recs.size(); ++r) {
            std::snprintf(line, sizeof line, "%zu. %s (predicted %.2f)\n", r + 1, label(data, recs[r].item).c_str(), recs[r].score);
            out << line;
          }
        }
      }
      result["mf"] = mf_json;
    }
  }
  if (as_json) out << result.dump() << "\n";
  return 0;
}

}  // namespace

Command recommend_command() {
  return {"recommend",
          "mlplay recommend [--ratings FILE] [--movies FILE] [--rate \"TITLE=R;…\" | --user ID] "
          "[--similarity dot|cosine|centered] [--k K] [--top N] [--min-support M] [--evaluate] [--mf [--factors F] "
          "[--epochs E] [--lr LR] [--reg L] [--raw] [--min-ratings M]] [--test FRACTION] [--seed S] [--json]",
          "Recommend movies from MovieLens ratings (default datasets/movielens-*.csv) for your ratings (a title or "
          "movie id per item) or an existing user: user-user collaborative filtering with dot, cosine or centered "
          "(mean-centred cosine) similarity. --evaluate prints held-out RMSE of baselines and of each similarity; "
          "--mf trains a matrix factorization by SGD on the training split (--raw: no mean and biases).",
          run_recommend};
}

}  // namespace mlplay::cli
