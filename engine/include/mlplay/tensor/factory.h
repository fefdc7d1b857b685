#pragma once
/// Tensor factories, as in torch:: (zeros, ones, full, arange, rand, randn, ...). Every factory returns
/// a new contiguous leaf that does not require grad; chain `.requires_grad_()` for parameters.
#include <cstdint>
#include <vector>

#include "mlplay/core/random.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay {

Tensor zeros(const Shape& shape);
Tensor ones(const Shape& shape);
Tensor full(const Shape& shape, double value);
/// A 0-d tensor holding `value`.
Tensor scalar_tensor(double value);
Tensor zeros_like(const Tensor& t);
Tensor ones_like(const Tensor& t);
Tensor full_like(const Tensor& t, double value);
/// 0, 1, ..., end - 1 and start, start + step, ... < end (1-D).
Tensor arange(double end);
Tensor arange(double start, double end, double step = 1.0);
/// The n x n identity matrix.
Tensor eye(int64_t n);
/// Copies `data` into a 1-D tensor of data.size() elements.
Tensor from_vector(const std::vector<float>& data);
/// Copies `data` into a tensor of `shape` ({} makes a 0-d tensor). Throws ShapeError when the sizes
/// disagree.
Tensor from_vector(const std::vector<float>& data, const Shape& shape);
/// Copies shape_numel(shape) floats from `data` (unlike torch::from_blob, which does not copy).
Tensor from_blob(const float* data, const Shape& shape);

/// The process-wide generator used when no Generator is passed (torch's default generator).
Generator& default_generator();
/// Reseeds default_generator() (torch::manual_seed).
void manual_seed(uint64_t seed);

/// Uniform on (0, 1).
Tensor rand(const Shape& shape, Generator& gen = default_generator());
/// Standard normal.
Tensor randn(const Shape& shape, Generator& gen = default_generator());
/// Whole numbers uniform in [low, high) (as floats, like every index tensor here).
Tensor randint(int64_t low, int64_t high, const Shape& shape, Generator& gen = default_generator());
/// A random permutation of 0, ..., n - 1 (Fisher–Yates), for shuffling a data set.
Tensor randperm(int64_t n, Generator& gen = default_generator());
/// 1 with probability p, else 0.
Tensor bernoulli(const Shape& shape, double p, Generator& gen = default_generator());

}  // namespace mlplay
