#pragma once
/// Threads behind one seam (STYLE.md 7, after PyTorch's ATen/Parallel.h).
/// With MLPLAY_THREADS a persistent pool runs chunks; without it (the wasm st build) parallel_for is a
/// plain loop. Kernels split their index range into contiguous chunks, one per thread.
#include <cstdint>
#include <functional>

namespace mlplay {

/// Threads that parallel_for uses from now on; 1 <= n <= max_threads(). Throws ValueError otherwise.
void set_num_threads(int n);
/// Threads parallel_for uses now (1 until set_num_threads is called).
int get_num_threads();
/// The most threads this build can use: the hardware's logical cores (1 in a single-thread build).
int max_threads();
/// True when the engine was built with a thread pool.
bool threads_available();

/// Calls fn(chunk_begin, chunk_end) over [begin, end) split into at most get_num_threads() contiguous
/// chunks of at least `grain` indices. Every index is covered exactly once. Runs inline when the range
/// is small, when called from inside another parallel_for, or with one thread. The first exception a
/// chunk throws is rethrown in the caller after all chunks finish.
void parallel_for(int64_t begin, int64_t end, int64_t grain,
                  const std::function<void(int64_t, int64_t)>& fn);

/// Like parallel_for, but with exactly `chunks` chunks (clamped to [1, range]); fn also receives the
/// chunk index, for kernels that keep one accumulator per chunk.
void parallel_chunks(int64_t begin, int64_t end, int chunks,
                     const std::function<void(int, int64_t, int64_t)>& fn);

}  // namespace mlplay
