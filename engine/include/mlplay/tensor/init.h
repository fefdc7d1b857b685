#pragma once
/// Weight initialization in place, as torch::nn::init (https://pytorch.org/docs/stable/nn.init.html).
/// Every function writes under NoGradGuard and returns its argument; gen defaults to the default generator.
#include <string>
#include <utility>

#include "mlplay/core/random.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::nn::init {

/// Which fan Kaiming init preserves the variance of: forward activations (fan_in) or gradients (fan_out).
enum class FanMode { FanIn, FanOut };

/// The recommended gain for a nonlinearity: linear/conv/sigmoid 1, tanh 5/3, relu sqrt 2,
/// leaky_relu sqrt(2 / (1 + param^2)), selu 3/4.
double calculate_gain(const std::string& nonlinearity, double param = 0.01);
/// (fan_in, fan_out) of a weight: (out, in) for linear, (out, in, k...) with receptive field k...
std::pair<int64_t, int64_t> calculate_fan_in_and_fan_out(const Tensor& tensor);

Tensor uniform_(Tensor tensor, double low = 0.0, double high = 1.0, Generator& gen = default_generator());
Tensor normal_(Tensor tensor, double mean = 0.0, double std = 1.0, Generator& gen = default_generator());
Tensor constant_(Tensor tensor, double value);
Tensor zeros_(Tensor tensor);
Tensor ones_(Tensor tensor);
/// U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)) (Glorot & Bengio 2010).
Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator& gen = default_generator());
/// N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)).
Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator& gen = default_generator());
/// U(-b, b) with b = gain * sqrt(3 / fan), gain = calculate_gain(nonlinearity, a) (He et al. 2015).
/// nn::Linear's default is kaiming_uniform_(w, sqrt(5)).
Tensor kaiming_uniform_(Tensor tensor, double a = 0.0, FanMode mode = FanMode::FanIn,
                        const std::string& nonlinearity = "leaky_relu", Generator& gen = default_generator());
/// N(0, std^2) with std = gain / sqrt(fan).
Tensor kaiming_normal_(Tensor tensor, double a = 0.0, FanMode mode = FanMode::FanIn,
                       const std::string& nonlinearity = "leaky_relu", Generator& gen = default_generator());

}  // namespace mlplay::nn::init
