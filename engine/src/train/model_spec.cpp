#include "mlplay/train/model_spec.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/nn/nn.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::train {
namespace {

using Json = nlohmann::json;

/// Reads a positive integer option, with a message naming the layer when it is wrong.
int64_t positive(const Json& layer, const char* key, int64_t fallback, const std::string& where) {
  if (!layer.contains(key)) {
    check(fallback > 0, where, ": '", key, "' is required");
    return fallback;
  }
  const Json& v = layer.at(key);
  check(v.is_number_integer() && v.get<int64_t>() > 0 && v.get<int64_t>() <= 1 << 20, where, ": '", key,
        "' must be a positive integer, got ", v.dump());
  return v.get<int64_t>();
}

int64_t non_negative(const Json& layer, const char* key, int64_t fallback, const std::string& where) {
  if (!layer.contains(key)) return fallback;
  const Json& v = layer.at(key);
  check(v.is_number_integer() && v.get<int64_t>() >= 0 && v.get<int64_t>() <= 1 << 20, where, ": '", key,
        "' must be a non-negative integer, got ", v.dump());
  return v.get<int64_t>();
}

double number(const Json& layer, const char* key, double fallback, double lo, double hi, const std::string& where) {
  if (!layer.contains(key)) return fallback;
  const Json& v = layer.at(key);
  check(v.is_number() && v.get<double>() >= lo && v.get<double>() <= hi, where, ": '", key, "' must be a number from ",
        lo, " to ", hi, ", got ", v.dump());
  return v.get<double>();
}

std::string shape_text(const Shape& shape) {
  std::ostringstream out;
  for (size_t i = 0; i < shape.size(); ++i) out << (i ? "×" : "") << shape[i];
  return out.str();
}

}  // namespace

SpecModel SpecModel::from_json(const std::string& text, uint64_t seed) {
  Json spec;
  try {
    spec = Json::parse(text);
  } catch (const std::exception& e) {
    throw ValueError(std::string("model spec: not valid JSON: ") + e.what());
  }
  check(spec.is_object() && spec.contains("input") && spec["input"].is_array() && !spec["input"].empty() &&
            spec["input"].size() <= 3,
        "model spec: 'input' must be the shape of one sample, 1 to 3 positive integers, e.g. [784] or [1, 28, 28]");
  check(spec.contains("layers") && spec["layers"].is_array() && !spec["layers"].empty() && spec["layers"].size() <= 64,
        "model spec: 'layers' must be a list of 1 to 64 layers");

  SpecModel model;
  for (const Json& d : spec["input"]) {
    check(d.is_number_integer() && d.get<int64_t>() > 0 && d.get<int64_t>() <= 4096,
          "model spec: 'input' sizes must be integers from 1 to 4096, got ", d.dump());
    model.input_shape_.push_back(d.get<int64_t>());
  }
  manual_seed(seed);  // PyTorch-style default initialization draws from the default generator
  Shape shape = model.input_shape_;
  NoGradGuard no_grad;
  for (size_t i = 0; i < spec["layers"].size(); ++i) {
    const Json& layer = spec["layers"][i];
    const std::string type = layer.is_object() && layer.contains("type") && layer["type"].is_string()
                                 ? layer["type"].get<std::string>()
                                 : std::string();
    const std::string where = "model spec: layer " + std::to_string(i) + (type.empty() ? "" : " (" + type + ")");
    check(!type.empty(), where, ": each layer needs a \"type\"");
    std::string description = type;
    auto add = [&](auto module) {
      auto* raw = module.get();
      model.module_->push_back(module);
      model.steps_.push_back([raw](const Tensor& x) { return raw->forward(x); });
    };
    if (type == "linear") {
      check(shape.size() == 1, where, ": needs a flat input, got ", shape_text(shape), " (add a flatten layer first)");
      const int64_t out = positive(layer, "out", 0, where);
      add(std::make_shared<nn::LinearImpl>(nn::LinearOptions(shape[0], out).bias(layer.value("bias", true))));
      description = "linear " + std::to_string(shape[0]) + "→" + std::to_string(out);
    } else if (type == "conv2d") {
      check(shape.size() == 3, where, ": needs a (channels, height, width) input, got ", shape_text(shape));
      const int64_t out = positive(layer, "out", 0, where), kernel = positive(layer, "kernel", 0, where);
      const int64_t padding = non_negative(layer, "padding", 0, where), stride = positive(layer, "stride", 1, where);
      add(std::make_shared<nn::Conv2dImpl>(nn::Conv2dOptions(shape[0], out, kernel)
                                               .stride(stride)
                                               .padding(padding)
                                               .dilation(positive(layer, "dilation", 1, where))
                                               .groups(positive(layer, "groups", 1, where))
                                               .bias(layer.value("bias", true))));
      description = "conv2d " + std::to_string(shape[0]) + "→" + std::to_string(out) + ", " + std::to_string(kernel) +
                    "×" + std::to_string(kernel) + (padding ? ", padding " + std::to_string(padding) : "");
    } else if (type == "maxpool2d" || type == "avgpool2d") {
      check(shape.size() == 3, where, ": needs a (channels, height, width) input, got ", shape_text(shape));
      const int64_t kernel = positive(layer, "kernel", 2, where), stride = positive(layer, "stride", kernel, where);
      if (type == "maxpool2d") add(std::make_shared<nn::MaxPool2dImpl>(nn::MaxPool2dOptions(kernel).stride(stride)));
      else add(std::make_shared<nn::AvgPool2dImpl>(nn::AvgPool2dOptions(kernel).stride(stride)));
      description = type + " " + std::to_string(kernel) + "×" + std::to_string(kernel);
    } else if (type == "flatten") {
      add(std::make_shared<nn::FlattenImpl>());
    } else if (type == "dropout") {
      add(std::make_shared<nn::DropoutImpl>(nn::DropoutOptions(number(layer, "p", 0.5, 0.0, 0.99, where))));
    } else if (type == "batchnorm1d") {
      check(shape.size() == 1, where, ": needs a flat input, got ", shape_text(shape));
      add(std::make_shared<nn::BatchNorm1dImpl>(nn::BatchNormOptions(shape[0])));
    } else if (type == "batchnorm2d") {
      check(shape.size() == 3, where, ": needs a (channels, height, width) input, got ", shape_text(shape));
      add(std::make_shared<nn::BatchNorm2dImpl>(nn::BatchNormOptions(shape[0])));
    } else if (type == "layernorm") {
      add(std::make_shared<nn::LayerNormImpl>(nn::LayerNormOptions(Shape{shape.back()})));
    } else if (type == "relu") {
      add(std::make_shared<nn::ReLUImpl>());
    } else if (type == "leakyrelu") {
      add(std::make_shared<nn::LeakyReLUImpl>(nn::LeakyReLUOptions().negative_slope(number(layer, "slope", 0.01, 0, 1, where))));
    } else if (type == "gelu") {
      add(std::make_shared<nn::GELUImpl>());
    } else if (type == "sigmoid") {
      add(std::make_shared<nn::SigmoidImpl>());
    } else if (type == "tanh") {
      add(std::make_shared<nn::TanhImpl>());
    } else if (type == "softplus") {
      add(std::make_shared<nn::SoftplusImpl>());
    } else {
      throw ValueError(where + ": unknown layer type; use linear, conv2d, maxpool2d, avgpool2d, flatten, dropout, "
                               "batchnorm1d, batchnorm2d, layernorm, relu, leakyrelu, gelu, sigmoid, tanh or softplus");
    }
    // The output shape for one sample: run a zero sample through the new layer.
    Shape batch_shape = {1};
    batch_shape.insert(batch_shape.end(), shape.begin(), shape.end());
    model.module_->eval();
    Tensor probe;
    try {
      probe = model.steps_.back()(zeros(batch_shape));
    } catch (const Error& e) {
      throw ValueError(where + ": does not fit an input of shape " + shape_text(shape) + ": " + e.what());
    }
    model.module_->train();
    shape.assign(probe.shape().begin() + 1, probe.shape().end());
    check(!shape.empty(), where, ": produced an empty output");
    model.layers_.push_back({std::to_string(i), description, shape});
  }
  return model;
}

Tensor SpecModel::forward(const Tensor& x) const { return module_->forward(x); }

std::vector<Tensor> SpecModel::forward_all(const Tensor& x) const {
  std::vector<Tensor> outputs;
  Tensor h = x;
  for (const auto& step : steps_) {
    h = step(h);
    outputs.push_back(h);
  }
  return outputs;
}

}  // namespace mlplay::train
