// safetensors writer: F32 tensors sorted by name, header padded with spaces to 8-byte alignment.
#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "mlplay/core/error.h"
#include "mlplay/io/safetensors.h"

namespace mlplay {

static_assert(std::endian::native == std::endian::little, "safetensors I/O assumes a little-endian host (x86, ARM, wasm)");

void save_safetensors(std::vector<uint8_t>& out, const TensorDict& tensors, const SafetensorsMetadata& metadata) {
  std::vector<std::string> names = tensors.keys();
  std::sort(names.begin(), names.end());  // the reference implementation's order for a single dtype
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  uint64_t offset = 0;
  for (const std::string& name : names) {
    check<ValueError>(!name.empty() && name != "__metadata__", "save_safetensors: invalid tensor name '", name, "'");
    const Tensor& t = tensors[name];
    check<ValueError>(t.defined(), "save_safetensors: tensor '", name, "' is undefined");
    const uint64_t bytes = 4 * static_cast<uint64_t>(t.numel());
    header[name] = {{"dtype", "F32"}, {"shape", t.shape()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - (8 + text.size()) % 8) % 8, ' ');  // so the data starts 8-byte aligned
  const uint64_t header_size = text.size();
  out.assign(8 + header_size + offset, 0);
  std::memcpy(out.data(), &header_size, 8);  // little-endian u64
  std::memcpy(out.data() + 8, text.data(), header_size);
  uint8_t* data = out.data() + 8 + header_size;
  for (const std::string& name : names) {
    const std::vector<float> values = tensors[name].to_vector();  // row-major, whatever the strides
    if (values.empty()) continue;
    std::memcpy(data, values.data(), values.size() * 4);
    data += values.size() * 4;
  }
}

void save_safetensors(const std::string& path, const TensorDict& tensors, const SafetensorsMetadata& metadata) {
  std::vector<uint8_t> bytes;
  save_safetensors(bytes, tensors, metadata);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  check<IOError>(file.good(), "save_safetensors: cannot open '", path, "' for writing");
  file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  check<IOError>(file.good(), "save_safetensors: failed writing ", bytes.size(), " bytes to '", path, "'");
}

}  // namespace mlplay
