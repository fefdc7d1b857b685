#include "mlplay/tensor/factory.h"

#include <cmath>
#include <cstring>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay {

Tensor zeros(const Shape& shape) { return empty(shape); }
Tensor ones(const Shape& shape) { return full(shape, 1.0); }
Tensor full(const Shape& shape, double value) { return empty(shape).fill_(value); }
Tensor scalar_tensor(double value) { return full({}, value); }
Tensor zeros_like(const Tensor& t) { return zeros(t.shape()); }
Tensor ones_like(const Tensor& t) { return ones(t.shape()); }
Tensor full_like(const Tensor& t, double value) { return full(t.shape(), value); }

Tensor arange(double end) { return arange(0.0, end, 1.0); }

Tensor arange(double start, double end, double step) {
  check<ValueError>(step != 0, "arange: step must be nonzero");
  check<ValueError>((end - start) / step >= 0, "arange: upper bound ", end, " and lower bound ", start,
                    " inconsistent with step sign ", step);
  const auto n = static_cast<int64_t>(std::ceil((end - start) / step));
  Tensor out = empty({n});
  float* data = out.data_ptr();
  for (int64_t i = 0; i < n; ++i) data[i] = static_cast<float>(start + static_cast<double>(i) * step);
  return out;
}

Tensor eye(int64_t n) {
  Tensor out = zeros({n, n});
  for (int64_t i = 0; i < n; ++i) out.data_ptr()[i * n + i] = 1.0f;
  return out;
}

Tensor from_vector(const std::vector<float>& data) {
  return from_blob(data.data(), {static_cast<int64_t>(data.size())});
}

Tensor from_vector(const std::vector<float>& data, const Shape& shape) {
  check<ShapeError>(shape_numel(shape) == static_cast<int64_t>(data.size()), "from_vector: shape ",
                    shape_str(shape), " is invalid for input of size ", data.size());
  return from_blob(data.data(), shape);
}

Tensor from_blob(const float* data, const Shape& shape) {
  Tensor out = empty(shape);
  if (out.numel() > 0) std::memcpy(out.data_ptr(), data, sizeof(float) * static_cast<size_t>(out.numel()));
  return out;
}

Generator& default_generator() {
  static Generator generator(0);
  return generator;
}

void manual_seed(uint64_t seed) { default_generator().manual_seed(seed); }

Tensor rand(const Shape& shape, Generator& gen) {
  Tensor out = empty(shape);
  float* data = out.data_ptr();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = gen.uniform();
  return out;
}

Tensor randn(const Shape& shape, Generator& gen) {
  Tensor out = empty(shape);
  float* data = out.data_ptr();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = static_cast<float>(gen.normal());
  return out;
}

Tensor randint(int64_t low, int64_t high, const Shape& shape, Generator& gen) {
  check<ValueError>(low < high && high - low <= (int64_t{1} << 24), "randint: expected low < high with at most 2^24 values, got [",
                    low, ", ", high, ")");
  Tensor out = empty(shape);
  float* data = out.data_ptr();
  for (int64_t i = 0; i < out.numel(); ++i)
    data[i] = static_cast<float>(low + static_cast<int64_t>(gen.randint(static_cast<uint32_t>(high - low))));
  return out;
}

Tensor randperm(int64_t n, Generator& gen) {
  check<ValueError>(n >= 0 && n <= (int64_t{1} << 24), "randperm: n must be in [0, 2^24], got ", n);
  Tensor out = arange(static_cast<double>(n));
  float* data = out.data_ptr();
  for (int64_t i = n - 1; i > 0; --i) std::swap(data[i], data[gen.randint(static_cast<uint32_t>(i + 1))]);
  return out;
}

Tensor bernoulli(const Shape& shape, double p, Generator& gen) {
  check<ValueError>(p >= 0 && p <= 1, "bernoulli: p must be in [0, 1], got ", p);
  Tensor out = empty(shape);
  float* data = out.data_ptr();
  for (int64_t i = 0; i < out.numel(); ++i) data[i] = gen.uniform_double() < p ? 1.0f : 0.0f;
  return out;
}

}  // namespace mlplay
