#pragma once
/// A Sequential model described by a small JSON spec, so a lesson can say which network it wants:
///
///   {"input": [1, 28, 28],
///    "layers": [{"type": "conv2d", "out": 8, "kernel": 3, "padding": 1}, {"type": "relu"},
///               {"type": "maxpool2d", "kernel": 2}, {"type": "flatten"}, {"type": "linear", "out": 10}]}
///
/// Layer types: linear (out, bias), conv2d (out, kernel, stride, padding, dilation, groups, bias),
/// maxpool2d / avgpool2d (kernel, stride), flatten, dropout (p), batchnorm1d, batchnorm2d, layernorm,
/// relu, leakyrelu (slope), gelu, sigmoid, tanh, softplus. Input sizes of each layer are inferred by
/// running a zero sample through the layers built so far.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mlplay/nn/modules/sequential.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::train {

/// One built layer: its PyTorch-style name ("0", "1", …), a description, and its output shape for one sample.
struct LayerInfo {
  std::string name;
  std::string description;  // "conv2d 1→8, 3×3, padding 1"
  Shape output_shape;       // without the batch dimension
};

class SpecModel {
 public:
  /// Builds the model; parameters are initialized as PyTorch does, from `seed`. Throws ValueError
  /// naming the layer and the problem ("model spec: layer 3 (linear): 'out' must be a positive integer").
  static SpecModel from_json(const std::string& spec, uint64_t seed);

  /// Input shape of one sample, e.g. (1, 28, 28).
  const Shape& input_shape() const { return input_shape_; }
  const std::vector<LayerInfo>& layers() const { return layers_; }
  nn::Sequential& module() { return module_; }
  const nn::Sequential& module() const { return module_; }

  /// x (N, *input_shape) → output (N, *output_shape of the last layer).
  Tensor forward(const Tensor& x) const;
  /// Every layer's output for x, in order (for feature-map and activation views).
  std::vector<Tensor> forward_all(const Tensor& x) const;

 private:
  Shape input_shape_;
  std::vector<LayerInfo> layers_;
  std::vector<std::function<Tensor(const Tensor&)>> steps_;
  nn::Sequential module_;
};

}  // namespace mlplay::train
