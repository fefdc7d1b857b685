#include "mlplay/core/parallel.h"

#include <algorithm>
#include <exception>

#include "mlplay/core/error.h"

#ifdef MLPLAY_THREADS
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
#endif

namespace mlplay {
namespace {

int g_num_threads = 1;
thread_local bool t_inside_parallel = false;

#ifdef MLPLAY_THREADS
/// A fixed set of workers that wait for one job at a time. The calling thread runs chunk 0 itself;
/// worker w runs chunk w + 1. Jobs are numbered (`generation_`) so a worker never runs one twice.
///
/// Waking a sleeping thread costs tens of microseconds (a futex; in the browser, Atomics.wait and
/// notify), longer than many kernels take. A training step runs parallel regions back to back, so
/// workers and the caller first spin on the atomics for a short while (kSpins loads) and only then
/// sleep on the condition variables.
class ThreadPool {
 public:
  explicit ThreadPool(int workers) {
    threads_.reserve(workers);
    for (int w = 0; w < workers; ++w) threads_.emplace_back([this, w] { worker_loop(w); });
  }
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  int workers() const { return static_cast<int>(threads_.size()); }

  /// Runs task(chunk) for chunk in [0, chunks); chunks - 1 <= workers().
  void run(int chunks, const std::function<void(int)>& task) {
    task_ = &task;
    active_chunks_ = chunks;
    error_ = nullptr;
    pending_.store(chunks - 1);
    generation_.fetch_add(1);  // publishes task_ and active_chunks_ (seq_cst)
    if (sleepers_.load() > 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      wake_.notify_all();
    }
    run_chunk(task, 0);
    for (int spin = 0; spin < kSpins && pending_.load() != 0; ++spin) {
    }
    if (pending_.load() != 0) {
      std::unique_lock<std::mutex> lock(mutex_);
      done_.wait(lock, [this] { return pending_.load() == 0; });
    }
    task_ = nullptr;
    if (error_) std::rethrow_exception(error_);
  }

 private:
  static constexpr int kSpins = 1 << 15;

  void run_chunk(const std::function<void(int)>& task, int chunk) {
    t_inside_parallel = true;
    try {
      task(chunk);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    t_inside_parallel = false;
  }

  /// Waits until a job newer than `seen` is published (or the pool stops); returns its number.
  uint64_t wait_for_job(uint64_t seen) {
    for (int spin = 0; spin < kSpins; ++spin) {
      if (generation_.load() != seen) return generation_.load();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    sleepers_.fetch_add(1);
    wake_.wait(lock, [&] { return stop_ || generation_.load() != seen; });
    sleepers_.fetch_sub(1);
    return stop_ ? seen : generation_.load();
  }

  void worker_loop(int w) {
    uint64_t seen = 0;
    for (;;) {
      const uint64_t job = wait_for_job(seen);
      if (job == seen) return;  // stopped
      seen = job;
      if (w + 1 >= active_chunks_) continue;  // this job needs fewer threads
      run_chunk(*task_, w + 1);
      if (pending_.fetch_sub(1) == 1) {
        std::lock_guard<std::mutex> lock(mutex_);  // the caller may be asleep on done_
        done_.notify_one();
      }
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(int)>* task_ = nullptr;
  std::atomic<uint64_t> generation_{0};
  std::atomic<int> pending_{0};
  std::atomic<int> sleepers_{0};
  int active_chunks_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
};

std::unique_ptr<ThreadPool>& pool() {
  static std::unique_ptr<ThreadPool> instance;
  return instance;
}
#endif

}  // namespace

bool threads_available() {
#ifdef MLPLAY_THREADS
  return true;
#else
  return false;
#endif
}

int max_threads() {
#ifdef MLPLAY_THREADS
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(std::min(hardware, 64u));
#else
  return 1;
#endif
}

void set_num_threads(int n) {
  check(n >= 1 && n <= max_threads(), "set_num_threads: ", n, " threads requested; this build supports 1 to ",
        max_threads());
  check(!t_inside_parallel, "set_num_threads: cannot change the thread count inside parallel_for");
#ifdef MLPLAY_THREADS
  // Workers are created once and kept (wasm threads come from a fixed pre-started pool); a smaller
  // count just leaves some idle.
  auto& p = pool();
  if (n > 1 && (!p || p->workers() < n - 1)) {
    p.reset();
    p = std::make_unique<ThreadPool>(n - 1);
  }
#endif
  g_num_threads = n;
}

int get_num_threads() { return g_num_threads; }

void parallel_chunks(int64_t begin, int64_t end, int chunks,
                     const std::function<void(int, int64_t, int64_t)>& fn) {
  const int64_t range = end - begin;
  if (range <= 0) return;
  chunks = static_cast<int>(std::clamp<int64_t>(chunks, 1, range));
  auto chunk_bounds = [&](int c, int64_t& lo, int64_t& hi) {
    lo = begin + range * c / chunks;
    hi = begin + range * (c + 1) / chunks;
  };
  const int threads = t_inside_parallel ? 1 : g_num_threads;
#ifdef MLPLAY_THREADS
  if (threads > 1 && chunks > 1 && pool()) {
    // Chunks are dealt round-robin to the threads that take part.
    const int parts = std::min(chunks, threads);
    pool()->run(parts, [&](int part) {
      for (int c = part; c < chunks; c += parts) {
        int64_t lo, hi;
        chunk_bounds(c, lo, hi);
        fn(c, lo, hi);
      }
    });
    return;
  }
#endif
  (void)threads;
  const bool was_inside = t_inside_parallel;
  t_inside_parallel = true;
  try {
    for (int c = 0; c < chunks; ++c) {
      int64_t lo, hi;
      chunk_bounds(c, lo, hi);
      fn(c, lo, hi);
    }
  } catch (...) {
    t_inside_parallel = was_inside;
    throw;
  }
  t_inside_parallel = was_inside;
}

void parallel_for(int64_t begin, int64_t end, int64_t grain,
                  const std::function<void(int64_t, int64_t)>& fn) {
  const int64_t range = end - begin;
  if (range <= 0) return;
  grain = std::max<int64_t>(grain, 1);
  const int64_t by_grain = (range + grain - 1) / grain;
  const int chunks = static_cast<int>(std::min<int64_t>(by_grain, t_inside_parallel ? 1 : g_num_threads));
  parallel_chunks(begin, end, chunks, [&](int, int64_t lo, int64_t hi) { fn(lo, hi); });
}

}  // namespace mlplay
