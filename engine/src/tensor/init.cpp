#include "mlplay/tensor/init.h"

#include <array>
#include <cmath>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "strided.h"

namespace mlplay::nn::init {
namespace {

/// Writes draw() into every element of tensor (row-major order, views included).
template <typename Draw>
Tensor fill_with(Tensor tensor, Draw draw) {
  NoGradGuard no_grad;
  float* data = tensor.data_ptr();
  mlplay::detail::for_each_strided<1>(tensor.shape(), {tensor.strides().data()},
                                      [&](const std::array<int64_t, 1>& o) { data[o[0]] = static_cast<float>(draw()); });
  return tensor;
}

int64_t fan(const Tensor& tensor, FanMode mode) {
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  return mode == FanMode::FanIn ? fan_in : fan_out;
}

}  // namespace

double calculate_gain(const std::string& nonlinearity, double param) {
  if (nonlinearity == "linear" || nonlinearity == "sigmoid" || nonlinearity.rfind("conv", 0) == 0) return 1.0;
  if (nonlinearity == "tanh") return 5.0 / 3.0;
  if (nonlinearity == "relu") return std::sqrt(2.0);
  if (nonlinearity == "leaky_relu") return std::sqrt(2.0 / (1.0 + param * param));
  if (nonlinearity == "selu") return 3.0 / 4.0;
  throw ValueError("calculate_gain: unsupported nonlinearity '" + nonlinearity + "'");
}

std::pair<int64_t, int64_t> calculate_fan_in_and_fan_out(const Tensor& tensor) {
  check<ValueError>(tensor.dim() >= 2, "calculate_fan_in_and_fan_out: fan in and fan out can not be computed for tensor with fewer than 2 dimensions, got shape ",
                    shape_str(tensor.shape()));
  const int64_t receptive_field = tensor.numel() / (tensor.size(0) * tensor.size(1));
  return {tensor.size(1) * receptive_field, tensor.size(0) * receptive_field};
}

Tensor uniform_(Tensor tensor, double low, double high, Generator& gen) {
  return fill_with(tensor, [&] { return low + (high - low) * gen.uniform_double(); });
}

Tensor normal_(Tensor tensor, double mean, double std, Generator& gen) {
  return fill_with(tensor, [&] { return gen.normal(mean, std); });
}

Tensor constant_(Tensor tensor, double value) {
  return fill_with(tensor, [value] { return value; });
}
Tensor zeros_(Tensor tensor) { return constant_(tensor, 0.0); }
Tensor ones_(Tensor tensor) { return constant_(tensor, 1.0); }

Tensor xavier_uniform_(Tensor tensor, double gain, Generator& gen) {
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  const double bound = gain * std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
  return uniform_(tensor, -bound, bound, gen);
}

Tensor xavier_normal_(Tensor tensor, double gain, Generator& gen) {
  const auto [fan_in, fan_out] = calculate_fan_in_and_fan_out(tensor);
  return normal_(tensor, 0.0, gain * std::sqrt(2.0 / static_cast<double>(fan_in + fan_out)), gen);
}

Tensor kaiming_uniform_(Tensor tensor, double a, FanMode mode, const std::string& nonlinearity, Generator& gen) {
  const double bound = calculate_gain(nonlinearity, a) * std::sqrt(3.0 / static_cast<double>(fan(tensor, mode)));
  return uniform_(tensor, -bound, bound, gen);
}

Tensor kaiming_normal_(Tensor tensor, double a, FanMode mode, const std::string& nonlinearity, Generator& gen) {
  const double std = calculate_gain(nonlinearity, a) / std::sqrt(static_cast<double>(fan(tensor, mode)));
  return normal_(tensor, 0.0, std, gen);
}

}  // namespace mlplay::nn::init
