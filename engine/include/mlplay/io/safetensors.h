#pragma once
/// The safetensors file format (https://huggingface.co/docs/safetensors, spec in
/// https://github.com/huggingface/safetensors): an 8-byte little-endian header length N, N bytes of
/// JSON `{"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}}`
/// padded with spaces to a multiple of 8, then the raw little-endian data; offsets count from the
/// start of the data.
///
/// Writing: every tensor as F32, sorted by name, as the reference implementation does for one dtype.
/// Reading: F32 as is; F16, BF16, F64, I64 and I32 are converted to float32 (the engine's only dtype;
/// I64 is what PyTorch writes for BatchNorm's num_batches_tracked). Anything malformed throws IOError
/// naming the problem, the tensor and the byte offsets.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mlplay/nn/ordered_dict.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// The free-form string map stored under "__metadata__".
using SafetensorsMetadata = std::map<std::string, std::string>;

/// Appends the file's bytes to `out` (cleared first).
void save_safetensors(std::vector<uint8_t>& out, const TensorDict& tensors, const SafetensorsMetadata& metadata = {});
/// Writes the file at `path`; throws IOError when it cannot be written.
void save_safetensors(const std::string& path, const TensorDict& tensors, const SafetensorsMetadata& metadata = {});

/// Parses a file's bytes into tensors ordered by their position in the data buffer (name order for
/// files written here). When `metadata` is given, "__metadata__" is stored there.
TensorDict load_safetensors(const std::vector<uint8_t>& bytes, SafetensorsMetadata* metadata = nullptr);
TensorDict load_safetensors(const uint8_t* data, size_t size, SafetensorsMetadata* metadata = nullptr);
/// Reads and parses the file at `path`.
TensorDict load_safetensors(const std::string& path, SafetensorsMetadata* metadata = nullptr);

}  // namespace mlplay
