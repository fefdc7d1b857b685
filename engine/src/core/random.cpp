#include "mlplay/core/random.h"

#include <cmath>

namespace mlplay {

uint64_t stream_key(uint64_t seed, uint64_t stream) {
  // Two rounds of SplitMix64 over (seed, stream) so that nearby seeds and streams decorrelate.
  SplitMix64 mix(seed ^ 0x6A09E667F3BCC909ULL);
  const uint64_t a = mix.next();
  SplitMix64 mix2(a + stream * 0xD1B54A32D192ED03ULL);
  return mix2.next();
}

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  SplitMix64 mix(seed);
  do {
    const uint64_t a = mix.next();
    const uint64_t b = mix.next();
    s_ = {static_cast<uint32_t>(a), static_cast<uint32_t>(a >> 32), static_cast<uint32_t>(b),
          static_cast<uint32_t>(b >> 32)};
  } while (s_[0] == 0 && s_[1] == 0 && s_[2] == 0 && s_[3] == 0);  // the one invalid state
  has_spare_ = false;
}

uint32_t Generator::randint(uint32_t n) {
  // Lemire, "Fast Random Integer Generation in an Interval" (2019).
  uint64_t m = static_cast<uint64_t>(next_u32()) * n;
  auto low = static_cast<uint32_t>(m);
  if (low < n) {
    const uint32_t threshold = static_cast<uint32_t>(-n) % n;
    while (low < threshold) {
      m = static_cast<uint64_t>(next_u32()) * n;
      low = static_cast<uint32_t>(m);
    }
  }
  return static_cast<uint32_t>(m >> 32);
}

double Generator::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  // Box–Muller: two uniforms in (0, 1] -> two independent standard normals.
  const double u1 = 1.0 - uniform_double();  // (0, 1], so log(u1) is finite
  const double u2 = uniform_double();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * M_PI * u2;
  spare_ = radius * std::sin(angle);
  has_spare_ = true;
  return radius * std::cos(angle);
}

}  // namespace mlplay
