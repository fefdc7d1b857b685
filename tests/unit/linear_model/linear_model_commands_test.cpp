#include <catch2/catch.hpp>
#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
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

/// A small CSV written to the temp folder: price = 1000·size + 5000·rooms, plus the size again in dm² (×100).
std::string houses_csv() {
  const auto path = std::filesystem::temp_directory_path() / ("mlplay_linreg_houses-" + std::to_string(getpid()) + ".csv");  // one per ctest process
  std::ofstream file(path);
  file << "size,size_dm2,rooms,price\n";
  for (int i = 0; i < 30; ++i) {
    const int size = 40 + (i * 37) % 90, rooms = 1 + i % 5;
    file << size << "," << size * 100 << "," << rooms << "," << 1000 * size + 5000 * rooms + (i * 7919) % 300 << "\n";
  }
  return path.string();
}
}  // namespace

TEST_CASE("mlplay linreg --json: normal equation, gradient descent and the lasso on a CSV", "[cli]") {
  const std::string csv = houses_csv();
  std::ostringstream out, err;
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--drop", "size_dm2", "--json"}, out, err) == 0);
  const auto normal = nlohmann::json::parse(out.str());
  REQUIRE(normal["coefficients"]["size"].get<double>() == Approx(1000).epsilon(0.01));
  REQUIRE(normal["coefficients"]["rooms"].get<double>() == Approx(5000).epsilon(0.02));
  REQUIRE(normal["test"]["r2"].get<double>() > 0.99);
  REQUIRE(normal["train_rows"].get<int>() == 24);

  std::ostringstream gd_out;
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--drop", "size_dm2", "--method", "gd", "--standardize", "--lr", "0.5",
                   "--epochs", "2000", "--json"},
                  gd_out, err) == 0);
  const auto gd = nlohmann::json::parse(gd_out.str());
  REQUIRE(gd["coefficients"]["size"].get<double>() == Approx(normal["coefficients"]["size"].get<double>()).epsilon(1e-6));
  REQUIRE(gd["history"].front()["epoch"] == 0);
  REQUIRE(gd["history"].back()["epoch"] == 2000);

  std::ostringstream lasso_out;
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--lasso", "1e9", "--json"}, lasso_out, err) == 0);
  const auto lasso = nlohmann::json::parse(lasso_out.str());
  for (const auto& item : lasso["coefficients"].items()) REQUIRE(item.value().get<double>() == 0.0);
}

TEST_CASE("mlplay linreg prints the transcript's report without --json", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"linreg", dataset("ames.csv"), "--target", "Sale_Price", "--features", "Gr_Liv_Area,Year_Built", "--method", "gd",
                   "--standardize", "--epochs", "500"},
                  out, err) == 0);
  REQUIRE_THAT(out.str(), Contains("=== Linear regression ===") && Contains("Epoch 0: MSE = ") && Contains("Epoch 500: MSE = ") &&
                              Contains("Largest gap to the normal equation") && Contains("Test:  MSE"));
}

TEST_CASE("mlplay linreg: bad flags exit 2, bad data exits 1 with the reason", "[cli]") {
  const std::string csv = houses_csv();
  std::ostringstream out, err;
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--method", "newton"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Contains("--method must be normal, gd or sgd, got 'newton'"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--ridge", "1", "--lasso", "1"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Contains("choose --ridge or --lasso, not both"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv}, out, err) == 2);
  REQUIRE_THAT(err.str(), Contains("--target COLUMN is required"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--lr", "0.1"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Contains("--lr, --epochs and --batch-size are for --method gd or sgd"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--ridge", "-1"}, out, err) == 2);
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price"}, out, err) == 1);
  REQUIRE_THAT(err.str(), Contains("XᵀX is singular: the features 'size' and 'size_dm2' are identical up to scale and shift"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--ridge", "0.01", "--json"}, out, err) == 0);
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "price", "--drop", "size_dm2", "--method", "gd", "--lr", "0.1"}, out, err) == 1);
  REQUIRE_THAT(err.str(), Contains("gradient descent diverged") && Contains("add --standardize"));
  err.str("");
  REQUIRE(run_cli({"linreg", csv, "--target", "nope"}, out, err) == 1);
  REQUIRE_THAT(err.str(), Contains("nope"));
}

TEST_CASE("mlplay logreg: Iris like the source's transcript, and bad flags", "[cli]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"logreg", dataset("iris.csv"), "--target", "species", "--seed", "1", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["model"] == "softmax");
  REQUIRE(json["classes"].size() == 3);
  REQUIRE(json["history"].front()["loss"].get<double>() == Approx(std::log(3.0)));
  REQUIRE(json["test_accuracy"].get<double>() >= 0.9);
  REQUIRE(json["test_rows"].get<int>() == 30);
  int total = 0;
  for (const auto& row : json["confusion"]) {
    for (const auto& cell : row) total += cell.get<int>();
  }
  REQUIRE(total == 30);
  std::ostringstream text;
  REQUIRE(run_cli({"logreg", dataset("breast-cancer.csv"), "--target", "diagnosis", "--epochs", "50"}, text, err) == 0);
  REQUIRE_THAT(text.str(), Contains("Classes: benign, malignant") && Contains("(sigmoid") && Contains("Epoch 50: Loss = ") &&
                               Contains("Confusion Matrix"));
  REQUIRE(run_cli({"logreg", dataset("iris.csv"), "--target", "species", "--lr", "-1"}, out, err) == 2);
  REQUIRE(run_cli({"logreg", dataset("iris.csv"), "--target", "species", "--optimizer", "adam"}, out, err) == 2);
  REQUIRE(run_cli({"logreg", dataset("iris.csv")}, out, err) == 2);
}
