// mlplay cv: JSON and text reports, the held-out test set, learning curves, and bad flags (exit 2).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "commands.h"
#include "support/repo_files.h"

using mlplay::cli::run_cli;
using Catch::Matchers::Contains;

namespace {
std::string dataset(const std::string& name) {
  return (mlplay::testing::repo_root() / "datasets" / name).string();
}
}  // namespace

TEST_CASE("mlplay cv --json: per-fold scores, mean and sd, out-of-fold confusion matrix", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"cv", dataset("iris.csv"), "--target", "species", "--model", "gnb", "--folds", "5", "--json"}, out, err) == 0);
  const auto r = nlohmann::json::parse(out.str());
  REQUIRE(r["folds"] == 5);
  REQUIRE(r["stratified"] == true);
  REQUIRE(r["per_fold"].size() == 5);
  double sum = 0;
  for (const auto& f : r["per_fold"]) {
    sum += f["accuracy"].get<double>();
    REQUIRE(f["test_class_counts"] == nlohmann::json::array({10, 10, 10}));
  }
  REQUIRE(r["mean"]["accuracy"].get<double>() == Approx(sum / 5));
  REQUIRE(r["mean"]["accuracy"].get<double>() > 0.9);
  int total = 0, diagonal = 0;
  for (size_t t = 0; t < 3; ++t) {
    for (size_t p = 0; p < 3; ++p) total += r["confusion_matrix"][t][p].get<int>(), diagonal += t == p ? r["confusion_matrix"][t][p].get<int>() : 0;
  }
  REQUIRE(total == 150);
  REQUIRE(static_cast<double>(diagonal) / total == Approx(r["mean"]["accuracy"].get<double>()));  // equal folds: pooled = mean
  REQUIRE(r["fold_of"].size() == 150);
  REQUIRE(r["oof_proba"].size() == 450);
  REQUIRE(r["positive"] == "setosa");
  REQUIRE(r["model_description"] == "Gaussian naive Bayes");
}

TEST_CASE("mlplay cv holds out a test set, draws a learning curve and names the positive class", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"cv", dataset("breast-cancer.csv"), "--target", "diagnosis", "--model", "knn", "--k", "7", "--folds", "4",
                   "--test-fraction", "0.25", "--learning-curve", "4", "--positive", "malignant", "--seed", "3", "--json"},
                  out, err) == 0);
  const auto r = nlohmann::json::parse(out.str());
  REQUIRE(r["rows"] == 569);
  REQUIRE(r["test_rows"] == 142);
  REQUIRE(r["cv_rows"] == 427);
  REQUIRE(r["test"]["accuracy"].get<double>() > 0.9);
  REQUIRE(r["learning_curve"]["sizes"].size() == 4);
  REQUIRE(r["learning_curve"]["validation_mean"].back().get<double>() > 0.9);
  REQUIRE(r["roc_auc"].get<double>() > 0.95);
  REQUIRE(r["positive"] == "malignant");

  std::ostringstream text, text_err;
  REQUIRE(run_cli({"cv", dataset("titanic.csv"), "--target", "survived", "--drop", "country", "--missing", "fill", "--model", "tree",
                   "--max-depth", "4", "--folds", "3", "--no-stratify"},
                  text, text_err) == 0);
  REQUIRE_THAT(text.str(), Contains("=== 3-fold cross-validation (plain, seed 0) ==="));
  REQUIRE_THAT(text.str(), Contains("Model: decision tree (max depth 4)"));
  REQUIRE_THAT(text.str(), Contains("Out-of-fold confusion matrix"));
  REQUIRE_THAT(text.str(), Contains("Positive class 'yes': ROC AUC"));
}

TEST_CASE("mlplay cv answers bad flags with exit status 2 and a message", "[cli]") {
  const std::string iris = dataset("iris.csv");
  const auto fails = [&](std::vector<std::string> argv, const std::string& message) {
    std::ostringstream out, err;
    REQUIRE(run_cli(argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Contains(message));
  };
  fails({"cv", iris, "--target", "species", "--folds", "5"}, "--model is required");
  fails({"cv", iris, "--target", "species", "--model", "mlp", "--folds", "5"}, "--model must be logreg, knn, gnb, svm, tree or forest, got 'mlp'");
  fails({"cv", iris, "--target", "species", "--model", "gnb"}, "--folds K is required");
  fails({"cv", iris, "--target", "species", "--model", "gnb", "--folds", "1"}, "--folds");
  fails({"cv", iris, "--target", "species", "--model", "gnb", "--folds", "151"}, "--folds 151 is more than the 150 rows");
  fails({"cv", iris, "--target", "species", "--model", "gnb", "--folds", "5", "--stratified", "--no-stratify"}, "choose one of");
  fails({"cv", iris, "--target", "species", "--model", "gnb", "--folds", "5", "--positive", "rose"}, "--positive 'rose' is not a class");
  fails({"cv", iris, "--target", "species", "--model", "knn", "--folds", "5", "--k", "zero"}, "--k");
  fails({"cv", iris, "--model", "gnb", "--folds", "5"}, "--target COLUMN is required");
  fails({"cv", iris, "--target", "species", "--model", "gnb", "--folds", "5", "--bogus"}, "--bogus");
  std::ostringstream out, err;
  REQUIRE(run_cli({"cv", iris, "--target", "petals", "--model", "gnb", "--folds", "5"}, out, err) == 1);
  REQUIRE_THAT(err.str(), Contains("petals"));
}
