// safetensors reader: validates the header and the layout of the data buffer before reading a byte of
// it, so a malformed file is an IOError naming the tensor and the byte offsets, never a crash.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

#include "mlplay/core/error.h"
#include "mlplay/io/safetensors.h"
#include "safetensors_dtype.h"

namespace mlplay {
namespace {

// The reference implementation's limit on the header, against absurd lengths in corrupt files.
constexpr uint64_t kMaxHeaderSize = 100'000'000;
constexpr const char* kOp = "load_safetensors: ";

/// One header entry; begin and end count from the start of the data buffer.
struct Entry {
  std::string name;
  std::string dtype;
  Shape shape;
  uint64_t numel = 1;
  uint64_t begin = 0, end = 0;
};

uint64_t read_u64(const nlohmann::json& value, const std::string& name, const char* field) {
  check<IOError>(value.is_number_unsigned(), kOp, "tensor '", name, "': ", field, " must hold non-negative integers, got ",
                 value.dump());
  return value.get<uint64_t>();
}

Entry parse_entry(const std::string& name, const nlohmann::json& info) {
  check<IOError>(info.is_object() && info.contains("dtype") && info.contains("shape") && info.contains("data_offsets"),
                 kOp, "tensor '", name, "': expected an object with dtype, shape and data_offsets, got ", info.dump());
  Entry e{name, "", {}, 1, 0, 0};
  const auto& dtype = info["dtype"];
  check<IOError>(dtype.is_string(), kOp, "tensor '", name, "': dtype must be a string, got ", dtype.dump());
  e.dtype = dtype.get<std::string>();
  const uint64_t elem_size = io_detail::dtype_size(e.dtype);
  check<IOError>(elem_size != 0, kOp, "tensor '", name, "': unsupported dtype '", e.dtype, "' (supported: ",
                 io_detail::kSupportedDtypes, ")");
  const auto& shape = info["shape"];
  check<IOError>(shape.is_array(), kOp, "tensor '", name, "': shape must be an array, got ", shape.dump());
  for (const auto& size : shape) {
    const uint64_t n = read_u64(size, name, "shape");
    check<IOError>(n == 0 || e.numel <= std::numeric_limits<uint64_t>::max() / n / elem_size, kOp, "tensor '", name,
                   "': shape ", shape.dump(), " is too large");
    e.numel *= n;
    e.shape.push_back(static_cast<int64_t>(n));
  }
  const auto& offsets = info["data_offsets"];
  check<IOError>(offsets.is_array() && offsets.size() == 2, kOp, "tensor '", name,
                 "': data_offsets must be [begin, end], got ", offsets.dump());
  e.begin = read_u64(offsets[0], name, "data_offsets");
  e.end = read_u64(offsets[1], name, "data_offsets");
  check<IOError>(e.begin <= e.end, kOp, "tensor '", name, "': data_offsets [", e.begin, ", ", e.end, "] end before they begin");
  check<IOError>(e.end - e.begin == e.numel * elem_size, kOp, "tensor '", name, "': shape ", shape_str(e.shape), " of ",
                 e.dtype, " needs ", e.numel * elem_size, " bytes but data_offsets [", e.begin, ", ", e.end, "] hold ",
                 e.end - e.begin);
  return e;
}

/// Entries sorted by position must tile [0, buffer_size) exactly: no overlap, no gap, nothing outside.
/// Offsets in messages are relative to the data buffer, which starts at file byte `base`.
void check_layout(const std::vector<Entry>& entries, uint64_t base, uint64_t buffer_size) {
  uint64_t cursor = 0;
  const Entry* previous = nullptr;
  for (const Entry& e : entries) {
    check<IOError>(e.end <= buffer_size, kOp, "tensor '", e.name, "': data_offsets [", e.begin, ", ", e.end,
                   "] (file bytes ", base + e.begin, "..", base + e.end, ") point outside the data buffer of ",
                   buffer_size, " bytes (file bytes ", base, "..", base + buffer_size, "): truncated file?");
    check<IOError>(e.begin >= cursor, kOp, "tensor '", e.name, "': data_offsets [", e.begin, ", ", e.end,
                   "] overlap tensor '", previous ? previous->name : "", "', which ends at ", cursor);
    check<IOError>(e.begin == cursor, kOp, "gap in the data buffer: bytes [", cursor, ", ", e.begin, ") (file bytes ",
                   base + cursor, "..", base + e.begin, ") before tensor '", e.name, "' belong to no tensor");
    cursor = e.end;
    previous = &e;
  }
  check<IOError>(cursor == buffer_size, kOp, "gap in the data buffer: bytes [", cursor, ", ", buffer_size,
                 ") (file bytes ", base + cursor, "..", base + buffer_size, ") at its end belong to no tensor");
}

nlohmann::json parse_header(const uint8_t* data, uint64_t header_size) {
  try {
    nlohmann::json header = nlohmann::json::parse(data + 8, data + 8 + header_size);
    check<IOError>(header.is_object(), kOp, "header (file bytes 8..", 8 + header_size, ") must be a JSON object, got ",
                   header.type_name());
    return header;
  } catch (const nlohmann::json::exception& error) {
    throw IOError(detail::concat(kOp, "header (file bytes 8..", 8 + header_size, ") is not valid JSON: ", error.what()));
  }
}

void read_metadata(const nlohmann::json& value, SafetensorsMetadata* metadata) {
  check<IOError>(value.is_object(), kOp, "__metadata__ must be an object of strings, got ", value.dump());
  for (const auto& [key, text] : value.items()) {
    check<IOError>(text.is_string(), kOp, "__metadata__ value for '", key, "' must be a string, got ", text.dump());
    if (metadata) (*metadata)[key] = text.get<std::string>();
  }
}

}  // namespace

TensorDict load_safetensors(const uint8_t* data, size_t size, SafetensorsMetadata* metadata) {
  check<IOError>(size >= 8, kOp, "truncated file: ", size, " bytes, but the header length alone takes bytes 0..8");
  uint64_t header_size;
  std::memcpy(&header_size, data, 8);  // little-endian u64
  check<IOError>(header_size <= size - 8, kOp, "header length ", header_size, " (file bytes 8..", header_size + 8,
                 ") is larger than the file of ", size, " bytes: truncated or not a safetensors file");
  check<IOError>(header_size <= kMaxHeaderSize, kOp, "header length ", header_size, " exceeds the limit of ",
                 kMaxHeaderSize, " bytes");
  const nlohmann::json header = parse_header(data, header_size);
  if (metadata) metadata->clear();
  std::vector<Entry> entries;
  for (const auto& [name, info] : header.items()) {
    if (name == "__metadata__") {
      read_metadata(info, metadata);
    } else {
      entries.push_back(parse_entry(name, info));
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  const uint64_t base = 8 + header_size;
  check_layout(entries, base, size - base);
  TensorDict out;
  for (const Entry& e : entries) {
    Tensor t = empty(e.shape);
    io_detail::convert_to_float(e.dtype, data + base + e.begin, e.numel, t.data_ptr());
    out.insert(e.name, t);
  }
  return out;
}

TensorDict load_safetensors(const std::vector<uint8_t>& bytes, SafetensorsMetadata* metadata) {
  return load_safetensors(bytes.data(), bytes.size(), metadata);
}

TensorDict load_safetensors(const std::string& path, SafetensorsMetadata* metadata) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), kOp, "cannot open '", path, "'");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return load_safetensors(bytes, metadata);
}

}  // namespace mlplay
