#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "support/repo_files.h"

using mlplay::cli::run_cli;

namespace {
std::string iris() {
  return (mlplay::testing::repo_root() / "datasets" / "iris.csv").string();
}
std::string temp_csv(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}
}  // namespace

TEST_CASE("mlplay pca prints the Iris eigenvalues like the lesson's transcript", "[cli][pca]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"pca", iris(), "--standardize"}, out, err) == 0);
  REQUIRE(err.str().empty());
  REQUIRE_THAT(out.str(), Catch::Contains("Loading 150 samples with 4 features each...") &&
                              Catch::Contains("Label column 'species' (3 classes) is left out of the fit") &&
                              Catch::Contains("Eigenvalue 1: 2.918 (73.0% variance explained") &&
                              Catch::Contains("Eigenvalue 2: 0.914 (22.9% variance explained, 95.8% cumulative") &&
                              Catch::Contains("Eigenvalue 4: 0.02071 (0.5% variance explained") &&
                              Catch::Contains("setosa"));
}

TEST_CASE("mlplay pca --json reports eigenvalues, ratios and the SVD check", "[cli][pca]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"pca", iris(), "--components", "2", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["samples"] == 150);
  REQUIRE(json["features"] == 4);
  REQUIRE(json["label"] == "species");
  REQUIRE(json["classes"][0]["count"] == 50);
  REQUIRE(json["standardize"] == false);
  REQUIRE(json["eigenvalues"].size() == 2);
  REQUIRE(json["eigenvalues"][0].get<double>() == Approx(4.22824).epsilon(1e-5));
  REQUIRE(json["explained_variance_ratio"][0].get<double>() == Approx(0.924619).epsilon(1e-5));
  REQUIRE(json["converged"] == true);
  const double sigma = json["singular_values"][0].get<double>();
  REQUIRE(sigma * sigma / 149 == Approx(json["eigenvalues"][0].get<double>()).epsilon(1e-8));
}

TEST_CASE("mlplay pca: bad flags exit 2, bad data exit 1, both with a message", "[cli][pca]") {
  std::ostringstream out, err;
  REQUIRE(run_cli({"pca", iris(), "--components", "5"}, out, err) == 2);
  REQUIRE_THAT(err.str(), Catch::Contains("--components 5 is more than the 4 numeric columns"));
  std::ostringstream err2;
  REQUIRE(run_cli({"pca", iris(), "--components", "zero"}, out, err2) == 2);
  REQUIRE_THAT(err2.str(), Catch::Contains("--components"));
  std::ostringstream err3;
  REQUIRE(run_cli({"pca", iris(), "--label", "colour"}, out, err3) == 2);
  REQUIRE_THAT(err3.str(), Catch::Contains("no column 'colour' (columns: sepal_length"));
  std::ostringstream err4;
  REQUIRE(run_cli({"pca"}, out, err4) == 2);
  REQUIRE_THAT(err4.str(), Catch::Contains("give exactly one CSV file"));
  std::ostringstream err5;
  REQUIRE(run_cli({"pca", iris(), "--frobnicate"}, out, err5) == 2);
  std::ostringstream err6;
  const auto bad = temp_csv("mlplay_pca_bad.csv", "a,b\n1,2\n3,oops\n");
  REQUIRE(run_cli({"pca", bad}, out, err6) == 1);
  REQUIRE_THAT(err6.str(), Catch::Contains("CSV row 3, column 'b': 'oops' is not a number"));
  std::ostringstream err7;
  REQUIRE(run_cli({"pca", "/nonexistent/file.csv"}, out, err7) == 1);
  REQUIRE_THAT(err7.str(), Catch::Contains("cannot open"));
}

TEST_CASE("mlplay pca --out writes the scores with the label", "[cli][pca]") {
  const auto path = (std::filesystem::temp_directory_path() / "mlplay_pca_scores.csv").string();
  std::ostringstream out, err;
  REQUIRE(run_cli({"pca", iris(), "--components", "2", "--out", path}, out, err) == 0);
  std::ifstream file(path);
  std::string header, first;
  std::getline(file, header);
  std::getline(file, first);
  REQUIRE(header == "pc1,pc2,species");
  REQUIRE_THAT(first, Catch::EndsWith(",setosa"));
}
