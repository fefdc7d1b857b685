#pragma once
// The dart-throwing kernel behind monte_carlo.h. Internal: callers use count_darts_inside.
#include <cstdint>

namespace mlplay::kernel {

/// Darts inside among all kDartsPerBlock darts of `block` (the SIMD hot path).
int64_t count_block_inside(uint64_t seed, int64_t block);
/// Darts inside among darts [from, to) of `block` (scalar; used for ragged ends of a range).
int64_t count_block_range_inside(uint64_t seed, int64_t block, int from, int to);
/// Writes x, y of darts [from, to) of `block` to xy (2 · (to − from) floats).
void block_coordinates(uint64_t seed, int64_t block, int from, int to, float* xy);

}  // namespace mlplay::kernel
