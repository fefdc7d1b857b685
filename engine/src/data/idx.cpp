#include "mlplay/data/idx.h"

#include <fstream>
#include <iterator>

#include "mlplay/core/error.h"

namespace mlplay::data {

int64_t IdxArray::item_size() const {
  int64_t size = 1;
  for (size_t i = 1; i < shape.size(); ++i) size *= shape[i];
  return size;
}

namespace {
uint32_t big_endian_u32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}
}  // namespace

IdxArray parse_idx(std::span<const uint8_t> bytes, std::string_view what) {
  check<IOError>(bytes.size() >= 4, what, ": not an IDX file: ", bytes.size(), " bytes, shorter than the 4-byte magic number");
  check<IOError>(bytes[0] == 0 && bytes[1] == 0, what, ": not an IDX file: the magic number must start with two zero bytes");
  const int type = bytes[2];
  check<IOError>(type == 0x08, what, ": IDX type 0x", std::hex, type, std::dec,
                 " is not supported; expected 0x08 (unsigned byte, as in MNIST)");
  const int rank = bytes[3];
  check<IOError>(rank >= 1, what, ": IDX header has 0 dimensions");
  const size_t header = 4 + 4 * size_t(rank);
  check<IOError>(bytes.size() >= header, what, ": truncated: ", rank, " dimensions need a ", header,
                 "-byte header, file has ", bytes.size(), " bytes");
  IdxArray array;
  uint64_t total = 1;
  for (int d = 0; d < rank; ++d) {
    const uint32_t size = big_endian_u32(bytes.data() + 4 + 4 * d);
    array.shape.push_back(int64_t(size));
    total *= size;
    check<IOError>(total <= (uint64_t(1) << 34), what, ": IDX header sizes are implausibly large");
  }
  const size_t data = bytes.size() - header;
  check<IOError>(data == total, what, data < total ? ": truncated: header says " : ": header says ", total,
                 " bytes of data, file has ", data);
  array.values.assign(bytes.begin() + std::ptrdiff_t(header), bytes.end());
  return array;
}

IdxArray read_idx(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  check<IOError>(bool(in), "read_idx: cannot open ", path.string());
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_idx(bytes, path.filename().string());
}

MnistSet load_mnist(const std::filesystem::path& dir, std::string_view split) {
  check<ValueError>(split == "train" || split == "t10k", "load_mnist: split '", split, "' must be 'train' or 't10k'");
  const std::string prefix(split);
  IdxArray images = read_idx(dir / (prefix + "-images-idx3-ubyte"));
  IdxArray labels = read_idx(dir / (prefix + "-labels-idx1-ubyte"));
  check<IOError>(images.shape.size() == 3 && images.shape[1] == 28 && images.shape[2] == 28, "load_mnist: ", prefix,
                 " images must be N×28×28, got ", images.shape.size(), " dimensions");
  check<IOError>(labels.shape.size() == 1 && labels.count() == images.count(), "load_mnist: ", images.count(), " ",
                 prefix, " images but ", labels.count(), " labels");
  for (int64_t i = 0; i < labels.count(); ++i) {
    check<IOError>(labels.values[size_t(i)] <= 9, "load_mnist: ", prefix, " label ", i, " is ",
                   int(labels.values[size_t(i)]), "; expected 0–9");
  }
  MnistSet set;
  set.count = images.count();
  set.images = std::move(images.values);
  set.labels = std::move(labels.values);
  return set;
}

}  // namespace mlplay::data
