// mlplay kmeans: the transcript, --json, --sweep, and usage errors (exit 2) for bad flags.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "generated/kmeans_golden.h"
#include "support/repo_files.h"

using mlplay::cli::run_cli;

namespace {
std::string iris() {
  return (mlplay::testing::repo_root() / "datasets" / "iris.csv").string();
}
std::string temp_csv(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "-" + name);  // ctest runs cases in parallel processes
  std::ofstream(path) << text;
  return path.string();
}
int run(const std::vector<std::string>& argv, std::string& out, std::string& err) {
  std::ostringstream o, e;
  const int status = run_cli(argv, o, e);
  out = o.str(), err = e.str();
  return status;
}
}  // namespace

TEST_CASE("mlplay kmeans prints the iterations, sizes and inertia like the lesson's transcript", "[cli][kmeans]") {
  std::string out, err;
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--n-init", "10"}, out, err) == 0);
  REQUIRE(err.empty());
  REQUIRE_THAT(out, Catch::Contains("=== K-Means Clustering ===") &&
                        Catch::Contains("Loading 150 samples with 4 features (sepal_length, sepal_width, petal_length, petal_width)") &&
                        Catch::Contains("Column 'species' (3 groups) is not a feature") &&
                        Catch::Contains("Initializing centroids with k-means++...") && Catch::Contains("Centroid 3: [") &&
                        Catch::Contains("Iteration 1: Moved ") && Catch::Contains("centroid shift = ") &&
                        Catch::Contains("Converged after ") && Catch::Contains("Cluster sizes: [") &&
                        Catch::Contains("Inertia: 78.85") && Catch::Contains("Silhouette: 0.5528") &&
                        Catch::Contains("50 setosa"));
}

TEST_CASE("mlplay kmeans --json reports inertia, sizes, centroids and the sweep", "[cli][kmeans]") {
  std::string out, err;
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--init", "random", "--n-init", "10", "--seed", "4", "--sweep", "6", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out);
  REQUIRE(json["samples"] == 150);
  REQUIRE(json["label"] == "species");
  REQUIRE(json["init"] == "random");
  REQUIRE(json["inertia"].get<double>() == Approx(kmeans_golden::kInertia[2].inertia).epsilon(0.01));
  REQUIRE(json["sizes"].size() == 3);
  int total = 0;
  for (const auto& s : json["sizes"]) total += s.get<int>();
  REQUIRE(total == 150);
  REQUIRE(json["centroids"].size() == 3);
  REQUIRE(json["centroids"][0].size() == 4);
  REQUIRE(json["run_inertias"].size() == 10);
  REQUIRE(json["history"].size() == json["iterations"].get<size_t>());
  REQUIRE(json["sweep"].size() == 6);
  REQUIRE(json["sweep"][0]["silhouette"].is_null());
  REQUIRE(json["sweep"][0]["inertia"].get<double>() == Approx(681.3706));
  REQUIRE(json["sweep"][1]["silhouette"].get<double>() == Approx(kmeans_golden::kIrisSilhouetteByK[0]).epsilon(0.01));
}

TEST_CASE("mlplay kmeans --standardize reports centroids in the data's units", "[cli][kmeans]") {
  std::string out, err;
  REQUIRE(run({"kmeans", iris(), "--k", "2", "--standardize", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out);
  REQUIRE(json["standardize"] == true);
  // Petal length centroids stay in centimetres (setosa's is about 1.5), not around 0.
  double smallest = 1e9;
  for (const auto& c : json["centroids"]) smallest = std::min(smallest, c[2].get<double>());
  REQUIRE(smallest == Approx(1.5).margin(0.2));
}

TEST_CASE("mlplay kmeans explains bad flags and bad data", "[cli][kmeans]") {
  std::string out, err;
  REQUIRE(run({"kmeans", iris()}, out, err) == 2);
  REQUIRE_THAT(err, Catch::Contains("kmeans: --k K is required"));
  REQUIRE(run({"kmeans", iris(), "--k", "0"}, out, err) == 2);
  REQUIRE_THAT(err, Catch::Contains("kmeans: --k expects an integer from 1"));
  REQUIRE(run({"kmeans", iris(), "--k", "151"}, out, err) == 2);
  REQUIRE_THAT(err, Catch::Contains("--k 151 is more than the 150 points"));
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--init", "forgy"}, out, err) == 2);
  REQUIRE_THAT(err, Catch::Contains("--init must be kmeans++ or random, got 'forgy'"));
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--n-init", "many"}, out, err) == 2);
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--label", "colour"}, out, err) == 2);
  REQUIRE_THAT(err, Catch::Contains("no column 'colour'"));
  REQUIRE(run({"kmeans", iris(), "--k", "3", "--frobnicate"}, out, err) == 2);
  REQUIRE(run({"kmeans", "--k", "3"}, out, err) == 2);
  REQUIRE(run({"kmeans", "/nonexistent/file.csv", "--k", "3"}, out, err) == 1);
  // A stray word in a column of numbers names its row and column (the header is row 1).
  std::string text = "a,b\n";
  for (int i = 0; i < 12; ++i) text += std::to_string(i) + "," + (i == 2 ? "oops" : std::to_string(2 * i)) + "\n";
  const auto bad = temp_csv("mlplay-kmeans-bad.csv", text);
  REQUIRE(run({"kmeans", bad, "--k", "2"}, out, err) == 1);
  REQUIRE_THAT(err, Catch::Contains("CSV row 4, column 'b': 'oops' is not a number"));
  const auto words = temp_csv("mlplay-kmeans-words.csv", "name,kind\nx,y\nz,w\n");
  REQUIRE(run({"kmeans", words, "--k", "2"}, out, err) == 1);
  REQUIRE_THAT(err, Catch::Contains("no numeric column to cluster"));
}
