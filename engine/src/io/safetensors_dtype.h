#pragma once
// The safetensors dtypes the reader understands, and their conversion to float32 (internal to src/io).
#include <cstdint>
#include <cstring>
#include <string>

namespace mlplay::io_detail {


/// Bytes per element of a supported dtype name, 0 otherwise.
inline uint64_t dtype_size(const std::string& dtype) {
  if (dtype == "F32" || dtype == "I32") return 4;
  if (dtype == "F16" || dtype == "BF16") return 2;
  if (dtype == "F64" || dtype == "I64") return 8;
  return 0;
}

inline constexpr const char* kSupportedDtypes = "F32, F16, BF16, F64, I64, I32";

/// IEEE 754 binary16 bits -> float: normal, subnormal (scaled by 2^-24), inf and NaN.
inline float half_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exponent = (h >> 10) & 0x1Fu;
  const uint32_t mantissa = h & 0x3FFu;
  uint32_t bits;
  if (exponent == 0x1F) {
    bits = sign | 0x7F800000u | (mantissa << 13);  // inf or NaN
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);  // rebias 15 -> 127
  } else {
    float value = static_cast<float>(mantissa) * (1.0f / 16777216.0f);  // subnormal: m * 2^-24
    std::memcpy(&bits, &value, 4);
    bits |= sign;
  }
  float out;
  std::memcpy(&out, &bits, 4);
  return out;
}

/// bfloat16 bits are the top half of a float32.
inline float bfloat16_to_float(uint16_t b) {
  const uint32_t bits = static_cast<uint32_t>(b) << 16;
  float out;
  std::memcpy(&out, &bits, 4);
  return out;
}

/// Converts `count` little-endian elements of `dtype` at `src` (possibly unaligned) to floats.
inline void convert_to_float(const std::string& dtype, const uint8_t* src, uint64_t count, float* dst) {
  if (dtype == "F32") {
    std::memcpy(dst, src, count * 4);
    return;
  }
  for (uint64_t i = 0; i < count; ++i) {
    if (dtype == "F16" || dtype == "BF16") {
      uint16_t bits;
      std::memcpy(&bits, src + 2 * i, 2);
      dst[i] = dtype == "F16" ? half_to_float(bits) : bfloat16_to_float(bits);
    } else if (dtype == "F64") {
      double value;
      std::memcpy(&value, src + 8 * i, 8);
      dst[i] = static_cast<float>(value);
    } else if (dtype == "I64") {
      int64_t value;
      std::memcpy(&value, src + 8 * i, 8);
      dst[i] = static_cast<float>(value);
    } else {  // I32
      int32_t value;
      std::memcpy(&value, src + 4 * i, 4);
      dst[i] = static_cast<float>(value);
    }
  }
}

}  // namespace mlplay::io_detail
