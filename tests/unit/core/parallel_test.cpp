#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

using namespace mlplay;

namespace {
struct ThreadCountGuard {
  int saved = get_num_threads();
  ~ThreadCountGuard() { set_num_threads(saved); }
};
}  // namespace

TEST_CASE("parallel_for covers every index exactly once", "[parallel]") {
  ThreadCountGuard guard;
  // Oversubscribe on purpose (up to 8 threads) when the build allows it, to exercise more chunks.
  const int most = max_threads();
  for (int threads = 1; threads <= std::min(most, 8); ++threads) {
    set_num_threads(threads);
    for (int64_t n : {0, 1, 2, 3, 7, 64, 1000, 4097, 100003}) {
      for (int64_t grain : {1, 16, 1000}) {
        std::vector<std::atomic<int>> hits(static_cast<size_t>(n) + 10);
        for (auto& h : hits) h = 0;
        const int64_t begin = 10;
        parallel_for(begin, begin + n, grain, [&](int64_t lo, int64_t hi) {
          REQUIRE(lo < hi);
          for (int64_t i = lo; i < hi; ++i) hits[static_cast<size_t>(i - begin)]++;
        });
        for (int64_t i = 0; i < n; ++i) REQUIRE(hits[static_cast<size_t>(i)] == 1);
      }
    }
  }
}

TEST_CASE("parallel_chunks hands out each chunk index once with contiguous bounds", "[parallel]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  for (int chunks : {1, 2, 3, 5, 16}) {
    std::vector<int64_t> lo(chunks, -1), hi(chunks, -1);
    parallel_chunks(0, 1000, chunks, [&](int c, int64_t a, int64_t b) {
      lo[c] = a;
      hi[c] = b;
    });
    REQUIRE(lo[0] == 0);
    REQUIRE(hi[chunks - 1] == 1000);
    for (int c = 1; c < chunks; ++c) REQUIRE(lo[c] == hi[c - 1]);
  }
}

TEST_CASE("parallel_for runs nested calls inline and rethrows a chunk's exception", "[parallel]") {
  ThreadCountGuard guard;
  set_num_threads(max_threads());
  std::atomic<int64_t> total{0};
  parallel_for(0, 100, 1, [&](int64_t lo, int64_t hi) {
    parallel_for(lo, hi, 1, [&](int64_t a, int64_t b) { total += b - a; });
  });
  REQUIRE(total == 100);
  REQUIRE_THROWS_WITH(parallel_for(0, 1000, 1,
                                   [&](int64_t lo, int64_t) {
                                     if (lo == 0) throw std::runtime_error("boom in chunk 0");
                                   }),
                      "boom in chunk 0");
  // the pool still works after an exception
  std::atomic<int> after{0};
  parallel_for(0, 10, 1, [&](int64_t lo, int64_t hi) { after += int(hi - lo); });
  REQUIRE(after == 10);
}

TEST_CASE("set_num_threads rejects counts outside 1..max_threads()", "[parallel]") {
  ThreadCountGuard guard;
  REQUIRE_THROWS_AS(set_num_threads(0), ValueError);
  REQUIRE_THROWS_WITH(set_num_threads(max_threads() + 1),
                      Catch::Contains("set_num_threads: " + std::to_string(max_threads() + 1) + " threads requested"));
  set_num_threads(1);
  REQUIRE(get_num_threads() == 1);
}
