// Dart kernel: 8 xoshiro128+ lanes per block; dart j of a block is lane j % 8 at step j / 8, and each
// step draws x then y in every lane. Three implementations of one stream, which must agree bit for bit:
//   - wasm SIMD128 intrinsics (the browser builds),
//   - GCC/Clang vector extensions (native; compiles to SSE2 on x86-64),
//   - scalar (ragged block ends and coordinates for drawing).
// Floats: u32_to_unit_float and x*x + y*y in float, no FMA contraction (-ffp-contract=off semantics
// under -std=c++20), so every platform computes the same comparisons.
#include "monte_carlo_kernel.h"

#include "mlplay/core/random.h"
#include "mlplay/prob/monte_carlo.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace mlplay::kernel {
namespace {

constexpr int kSteps = static_cast<int>(kDartsPerBlock / kDartLanes);

struct Lanes {
  uint32_t s0[kDartLanes], s1[kDartLanes], s2[kDartLanes], s3[kDartLanes];
};

Lanes seed_lanes(uint64_t seed, int64_t block) {
  Lanes lanes;
  SplitMix64 mix(stream_key(seed, static_cast<uint64_t>(block)));
  for (int l = 0; l < kDartLanes; ++l) {
    const uint64_t a = mix.next(), b = mix.next();
    lanes.s0[l] = static_cast<uint32_t>(a);
    lanes.s1[l] = static_cast<uint32_t>(a >> 32);
    lanes.s2[l] = static_cast<uint32_t>(b);
    lanes.s3[l] = static_cast<uint32_t>(b >> 32);
    if ((lanes.s0[l] | lanes.s1[l] | lanes.s2[l] | lanes.s3[l]) == 0) lanes.s0[l] = 1;  // invalid state
  }
  return lanes;
}

// xoshiro128+ step for one lane (scalar).
inline uint32_t next_scalar(Lanes& st, int l) {
  const uint32_t result = st.s0[l] + st.s3[l];
  const uint32_t t = st.s1[l] << 9;
  st.s2[l] ^= st.s0[l];
  st.s3[l] ^= st.s1[l];
  st.s1[l] ^= st.s2[l];
  st.s0[l] ^= st.s3[l];
  st.s2[l] ^= t;
  st.s3[l] = rotl32(st.s3[l], 11);
  return result;
}

}  // namespace

#if defined(__wasm_simd128__)

namespace {
struct Vec4State {
  v128_t s0, s1, s2, s3;
};
inline v128_t next4(Vec4State& s) {
  const v128_t result = wasm_i32x4_add(s.s0, s.s3);
  const v128_t t = wasm_i32x4_shl(s.s1, 9);
  s.s2 = wasm_v128_xor(s.s2, s.s0);
  s.s3 = wasm_v128_xor(s.s3, s.s1);
  s.s1 = wasm_v128_xor(s.s1, s.s2);
  s.s0 = wasm_v128_xor(s.s0, s.s3);
  s.s2 = wasm_v128_xor(s.s2, t);
  s.s3 = wasm_v128_or(wasm_i32x4_shl(s.s3, 11), wasm_u32x4_shr(s.s3, 21));
  return result;
}
inline v128_t to_unit4(v128_t r) {
  const v128_t f = wasm_f32x4_convert_i32x4(wasm_u32x4_shr(r, 9));  // < 2^23: exact
  return wasm_f32x4_mul(wasm_f32x4_add(f, wasm_f32x4_splat(0.5f)), wasm_f32x4_splat(1.0f / 8388608.0f));
}
}  // namespace

int64_t count_block_inside(uint64_t seed, int64_t block) {
  const Lanes lanes = seed_lanes(seed, block);
  Vec4State a{wasm_v128_load(lanes.s0), wasm_v128_load(lanes.s1), wasm_v128_load(lanes.s2),
              wasm_v128_load(lanes.s3)};
  Vec4State b{wasm_v128_load(lanes.s0 + 4), wasm_v128_load(lanes.s1 + 4), wasm_v128_load(lanes.s2 + 4),
              wasm_v128_load(lanes.s3 + 4)};
  const v128_t one = wasm_f32x4_splat(1.0f);
  v128_t count_a = wasm_i32x4_splat(0), count_b = wasm_i32x4_splat(0);
  for (int step = 0; step < kSteps; ++step) {
    const v128_t xa = to_unit4(next4(a)), xb = to_unit4(next4(b));
    const v128_t ya = to_unit4(next4(a)), yb = to_unit4(next4(b));
    const v128_t ra = wasm_f32x4_add(wasm_f32x4_mul(xa, xa), wasm_f32x4_mul(ya, ya));
    const v128_t rb = wasm_f32x4_add(wasm_f32x4_mul(xb, xb), wasm_f32x4_mul(yb, yb));
    count_a = wasm_i32x4_sub(count_a, wasm_f32x4_lt(ra, one));  // lt gives -1 for true
    count_b = wasm_i32x4_sub(count_b, wasm_f32x4_lt(rb, one));
  }
  const v128_t total = wasm_i32x4_add(count_a, count_b);
  return int64_t{wasm_i32x4_extract_lane(total, 0)} + wasm_i32x4_extract_lane(total, 1) +
         wasm_i32x4_extract_lane(total, 2) + wasm_i32x4_extract_lane(total, 3);
}

#else  // GCC / Clang vector extensions: 4 lanes of u32, twice.

namespace {
typedef uint32_t u32x4 __attribute__((vector_size(16)));
typedef int32_t i32x4 __attribute__((vector_size(16)));
typedef float f32x4 __attribute__((vector_size(16)));

struct Vec4State {
  u32x4 s0, s1, s2, s3;
};
inline u32x4 load4(const uint32_t* p) {
  u32x4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
inline u32x4 next4(Vec4State& s) {
  const u32x4 result = s.s0 + s.s3;
  const u32x4 t = s.s1 << 9;
  s.s2 ^= s.s0;
  s.s3 ^= s.s1;
  s.s1 ^= s.s2;
  s.s0 ^= s.s3;
  s.s2 ^= t;
  s.s3 = (s.s3 << 11) | (s.s3 >> 21);
  return result;
}
inline f32x4 to_unit4(u32x4 r) {
  const f32x4 f = __builtin_convertvector((i32x4)(r >> 9), f32x4);  // < 2^23: exact
  return (f + 0.5f) * (1.0f / 8388608.0f);
}
}  // namespace

int64_t count_block_inside(uint64_t seed, int64_t block) {
  const Lanes lanes = seed_lanes(seed, block);
  Vec4State a{load4(lanes.s0), load4(lanes.s1), load4(lanes.s2), load4(lanes.s3)};
  Vec4State b{load4(lanes.s0 + 4), load4(lanes.s1 + 4), load4(lanes.s2 + 4), load4(lanes.s3 + 4)};
  i32x4 count_a = {0, 0, 0, 0}, count_b = {0, 0, 0, 0};
  for (int step = 0; step < kSteps; ++step) {
    const f32x4 xa = to_unit4(next4(a)), xb = to_unit4(next4(b));
    const f32x4 ya = to_unit4(next4(a)), yb = to_unit4(next4(b));
    const f32x4 ra = xa * xa + ya * ya;
    const f32x4 rb = xb * xb + yb * yb;
    count_a -= (ra < 1.0f);  // a vector comparison gives -1 for true
    count_b -= (rb < 1.0f);
  }
  const i32x4 total = count_a + count_b;
  return int64_t{total[0]} + total[1] + total[2] + total[3];
}

#endif

int64_t count_block_range_inside(uint64_t seed, int64_t block, int from, int to) {
  Lanes lanes = seed_lanes(seed, block);
  int64_t count = 0;
  const int last_step = (to + kDartLanes - 1) / kDartLanes;
  for (int step = 0; step < last_step; ++step) {
    for (int l = 0; l < kDartLanes; ++l) {
      const float x = u32_to_unit_float(next_scalar(lanes, l));
      const float y = u32_to_unit_float(next_scalar(lanes, l));
      const int dart = step * kDartLanes + l;
      const float r = x * x;
      const float s = y * y;
      if (dart >= from && dart < to && r + s < 1.0f) ++count;
    }
  }
  return count;
}

void block_coordinates(uint64_t seed, int64_t block, int from, int to, float* xy) {
  Lanes lanes = seed_lanes(seed, block);
  const int last_step = (to + kDartLanes - 1) / kDartLanes;
  for (int step = 0; step < last_step; ++step) {
    for (int l = 0; l < kDartLanes; ++l) {
      const float x = u32_to_unit_float(next_scalar(lanes, l));
      const float y = u32_to_unit_float(next_scalar(lanes, l));
      const int dart = step * kDartLanes + l;
      if (dart >= from && dart < to) {
        xy[2 * (dart - from)] = x;
        xy[2 * (dart - from) + 1] = y;
      }
    }
  }
}

}  // namespace mlplay::kernel
