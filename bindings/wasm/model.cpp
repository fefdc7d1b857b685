// Model: the façade lessons use to build a network from a JSON spec, train it batch by batch on
// Float32Arrays, predict, look inside (weights, gradients, every layer's activations) and save/load
// safetensors bytes. Over engine/include/mlplay/train/{model_spec,trainer}.h; documented in
// bindings/types/model.d.ts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/tensor/factory.h"
#include "mlplay/train/trainer.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

int64_t product(const Shape& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

/// A Float32Array copied once into a new tensor of `per_sample` values per row; the batch size is
/// inferred from the length.
Tensor batch_from_js(const char* what, const val& array, const Shape& per_sample) {
  check(array.instanceof(val::global("Float32Array")), what, ": expected a Float32Array");
  const auto length = static_cast<int64_t>(array["length"].as<double>());
  const int64_t sample = product(per_sample);
  check(length > 0 && length % sample == 0, what, ": ", length, " values is not a whole number of samples of ", sample);
  Shape shape = {length / sample};
  shape.insert(shape.end(), per_sample.begin(), per_sample.end());
  Tensor t = empty(shape);
  val(emscripten::typed_memory_view(static_cast<size_t>(length), t.data_ptr())).call<void>("set", array);
  return t;
}

val to_js(const Tensor& t) {
  const Tensor c = t.contiguous();
  return typed_array("Float32Array", c.data_ptr(), static_cast<size_t>(c.numel()));
}

val shape_to_js(const Shape& shape) {
  val out = val::array();
  for (int64_t d : shape) out.call<void>("push", static_cast<double>(d));
  return out;
}

val named_to_js(const std::string& name, const std::string& description, const Tensor& t) {
  val item = val::object();
  item.set("name", name);
  item.set("description", description);
  item.set("shape", shape_to_js(t.shape()));
  item.set("data", to_js(t));
  return item;
}

train::TrainerOptions parse_options(const std::string& text) {
  nlohmann::json o;
  try {
    o = text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    throw ValueError(std::string("Model: training options are not valid JSON: ") + e.what());
  }
  check(o.is_object(), "Model: training options must be a JSON object");
  train::TrainerOptions options;
  options.optimizer = o.value("optimizer", options.optimizer);
  options.lr = o.value("lr", options.lr);
  options.weight_decay = o.value("weightDecay", options.weight_decay);
  options.loss = o.value("loss", options.loss);
  return options;
}

class Model {
 public:
  Model(const std::string& spec, const std::string& options, double seed)
      : trainer_(guard([&] {
          return train::Trainer(train::SpecModel::from_json(spec, to_count(seed, "Model: seed")), parse_options(options));
        })) {}

  double train_batch(const val& inputs, const val& targets) {
    return guard([&] {
      const Tensor x = batch_from_js("Model.trainBatch: inputs", inputs, trainer_.model().input_shape());
      return double(trainer_.train_batch(x, targets_for("Model.trainBatch: targets", targets, x.size(0))));
    });
  }
  double evaluate(const val& inputs, const val& targets) {
    return guard([&] {
      const Tensor x = batch_from_js("Model.evaluate: inputs", inputs, trainer_.model().input_shape());
      return double(trainer_.evaluate(x, targets_for("Model.evaluate: targets", targets, x.size(0))));
    });
  }
  val predict(const val& inputs) {
    return guard([&] {
      // Read-only access to the model: the non-const model() would mark the fast path's plan stale.
      const train::SpecModel& model = std::as_const(trainer_).model();
      const Tensor x = batch_from_js("Model.predict", inputs, model.input_shape());
      if (x.size(0) != 1) return to_js(trainer_.predict(x));
      // One sample (a drawing, a clicked point): the fused inference path of trainer.h's predict_one.
      const auto& out_shape = model.layers().back().output_shape;
      Shape shape = {1};
      shape.insert(shape.end(), out_shape.begin(), out_shape.end());
      return to_js(from_blob(trainer_.predict_one(x.contiguous().data_ptr()), shape));
    });
  }
  /// Mean microseconds per step of the one-sample fast path over `repeats` runs of one input:
  /// [{step, microseconds}], or an empty list when the model has a layer without a fast path.
  val profile_inference(const val& inputs, double repeats) {
    return guard([&] {
      const Tensor x = batch_from_js("Model.profileInference", inputs, std::as_const(trainer_).model().input_shape());
      check(x.size(0) == 1, "Model.profileInference: give one sample, got ", x.size(0));
      check(repeats >= 1 && repeats <= 1e6 && repeats == std::floor(repeats), "Model.profileInference: repeats must be a whole number from 1 to 1e6, got ", repeats);
      val list = val::array();
      if (train::InferencePlan* plan = trainer_.inference_plan()) {
        for (const auto& t : plan->profile(x.contiguous().data_ptr(), int(repeats))) {
          val item = val::object();
          item.set("step", t.step);
          item.set("microseconds", t.microseconds);
          list.call<void>("push", item);
        }
      }
      return list;
    });
  }
  val activations(const val& inputs) {
    return guard([&] {
      const auto outputs = trainer_.activations(batch_from_js("Model.activations", inputs, trainer_.model().input_shape()));
      val list = val::array();
      const auto& layers = trainer_.model().layers();
      for (size_t i = 0; i < outputs.size(); ++i) list.call<void>("push", named_to_js(layers[i].name, layers[i].description, outputs[i]));
      return list;
    });
  }
  val parameters(bool gradients) {
    return guard([&] {
      val list = val::array();
      for (const auto& item : trainer_.model().module()->named_parameters()) {
        const Tensor& p = item.value();
        const Tensor t = gradients ? (p.grad().defined() ? p.grad() : zeros(p.shape())) : p;
        list.call<void>("push", named_to_js(item.key(), gradients ? "gradient" : "parameter", t));
      }
      return list;
    });
  }
  val summary() const {
    val out = val::object();
    out.set("input", shape_to_js(trainer_.model().input_shape()));
    val layers = val::array();
    for (const auto& layer : trainer_.model().layers()) {
      val l = val::object();
      l.set("name", layer.name);
      l.set("description", layer.description);
      l.set("outputShape", shape_to_js(layer.output_shape));
      layers.call<void>("push", l);
    }
    out.set("layers", layers);
    int64_t count = 0;
    for (const auto& item : trainer_.model().module()->named_parameters()) count += item.value().numel();
    out.set("parameterCount", static_cast<double>(count));
    return out;
  }
  void set_learning_rate(double lr) {
    guard([&] { trainer_.set_lr(lr); });
  }
  double learning_rate() const { return trainer_.lr(); }
  val save() const {
    return guard([&] {
      const auto bytes = trainer_.save();
      return typed_array("Uint8Array", bytes);
    });
  }
  void load(const val& bytes) {
    guard([&] {
      trainer_.load(from_typed_array<uint8_t>("Model.load", "Uint8Array", bytes));
    });
  }

 private:
  /// Class indices (cross_entropy) or values shaped like the output (mse), for `n` samples.
  Tensor targets_for(const char* what, const val& targets, int64_t n) {
    if (trainer_.options().loss == "cross_entropy") {
      const Tensor t = batch_from_js(what, targets, {});
      check(t.numel() == n, what, ": expected ", n, " class indices, got ", t.numel());
      return t.reshape({n});
    }
    const Tensor t = batch_from_js(what, targets, trainer_.model().layers().back().output_shape);
    check(t.size(0) == n, what, ": expected targets for ", n, " samples, got ", t.size(0));
    return t;
  }

  train::Trainer trainer_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_model) {
  using mlplay::bindings::Model;
  emscripten::class_<Model>("Model")
      .constructor<std::string, std::string, double>()
      .function("trainBatch", &Model::train_batch)
      .function("evaluate", &Model::evaluate)
      .function("predict", &Model::predict)
      .function("activations", &Model::activations)
      .function("profileInference", &Model::profile_inference)
      .function("parameters", &Model::parameters)
      .function("summary", &Model::summary)
      .function("setLearningRate", &Model::set_learning_rate)
      .function("learningRate", &Model::learning_rate)
      .function("save", &Model::save)
      .function("load", &Model::load);
}
