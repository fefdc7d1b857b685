#pragma once
// The one loop every optimizer update runs: fn(i) for each element i of a contiguous parameter,
// split among threads by parallel_for for large tensors (private to src/optim).
#include <cstdint>

#include "mlplay/core/parallel.h"
#include "mlplay/optim/optimizer.h"

namespace mlplay::optim::detail {

/// Calls fn(i) for i in [0, numel). fn touches only element i of its buffers, so chunks are independent.
/// fn should capture by value ([=]): each chunk runs a local copy, whose float constants no store
/// through a buffer pointer can change, so the compiler keeps them in registers and vectorizes the loop.
template <typename Fn>
void for_each_element(int64_t numel, const Fn& fn) {
  parallel_for(0, numel, kUpdateGrain, [&fn](int64_t begin, int64_t end) {
    const Fn local = fn;
    for (int64_t i = begin; i < end; ++i) local(i);
  });
}

/// The gradient of `param` as contiguous floats, or nullptr when it has none (such a parameter is
/// skipped, as in PyTorch). A non-contiguous grad is replaced by a contiguous copy first. Throws
/// ShapeError naming `optimizer` when the grad's shape is not the parameter's.
float* contiguous_grad(const char* optimizer, Tensor param);

/// sign(x) with sign(0) = 0, as torch.sign.
inline float sign(float x) { return static_cast<float>((x > 0.0f) - (x < 0.0f)); }

}  // namespace mlplay::optim::detail
