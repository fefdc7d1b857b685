#pragma once
/// Seeded, reproducible random numbers: the same seed gives the same stream natively and in wasm
/// (only 32- and 64-bit integer arithmetic; floats are made from the top bits).
/// Generator is xoshiro128++ (Blackman & Vigna, https://prng.di.unimi.it/), seeded through SplitMix64.
#include <array>
#include <cstdint>

namespace mlplay {

/// SplitMix64 (Steele, Lea & Flood 2014): a fast 64-bit mixer used to expand one seed into states.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

/// Mixes a seed and a stream index into an independent 64-bit key (for per-block / per-thread streams).
uint64_t stream_key(uint64_t seed, uint64_t stream);

inline uint32_t rotl32(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/// Converts the top 23 bits of a 32-bit draw to a float in (0, 1), the centre of one of 2^23 equal
/// cells: exact in float (k + 0.5 < 2^23 fits the 24-bit significand), symmetric about 1/2, and never
/// 0 or 1 (safe for log).
inline float u32_to_unit_float(uint32_t r) {
  return (static_cast<float>(r >> 9) + 0.5f) * (1.0f / 8388608.0f);
}

/// A seeded generator, in the spirit of torch.Generator: manual_seed, then draw.
class Generator {
 public:
  explicit Generator(uint64_t seed = 0) { manual_seed(seed); }

  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const { return seed_; }

  /// Next raw 32-bit draw (xoshiro128++).
  uint32_t next_u32() {
    const uint32_t result = rotl32(s_[0] + s_[3], 7) + s_[0];
    const uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl32(s_[3], 11);
    return result;
  }
  uint64_t next_u64() { return (static_cast<uint64_t>(next_u32()) << 32) | next_u32(); }

  /// Uniform float in (0, 1) with 23 random bits.
  float uniform() { return u32_to_unit_float(next_u32()); }
  /// Uniform float in (low, high).
  float uniform(float low, float high) { return low + (high - low) * uniform(); }
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform_double() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  /// Uniform integer in [0, n) without modulo bias (Lemire's method). n must be > 0.
  uint32_t randint(uint32_t n);
  /// Standard normal N(0, 1) by the Box–Muller transform (the second value is cached).
  double normal();
  double normal(double mean, double std) { return mean + std * normal(); }

 private:
  uint64_t seed_ = 0;
  std::array<uint32_t, 4> s_{};
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace mlplay
