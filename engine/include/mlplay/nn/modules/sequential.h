#pragma once
/// Sequential (torch/nn/modules/container/sequential.h).
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/nn/module.h"
#include "mlplay/nn/module_holder.h"

namespace mlplay::nn {

/// Runs its children in order, each one's output the next one's input
/// (https://pytorch.org/docs/stable/generated/torch.nn.Sequential.html). Children are named "0", "1",
/// ..., so parameters read "0.weight", "2.bias" as in PyTorch. Any module with
/// `Tensor forward(const Tensor&)` fits: push_back stores a call to it next to the module (torch's
/// AnyModule idea, without the generality).
class SequentialImpl : public Module {
 public:
  SequentialImpl() = default;
  template <typename... Modules>
  explicit SequentialImpl(Modules&&... modules) {
    (push_back(std::forward<Modules>(modules)), ...);
  }

  template <typename M>
  void push_back(std::shared_ptr<M> module) {
    push_back(std::to_string(layers_.size()), std::move(module));
  }
  template <typename M>
  void push_back(const ModuleHolder<M>& holder) {
    push_back(holder.ptr());
  }
  /// A child with a name of one's own choosing (PyTorch's OrderedDict constructor).
  template <typename M>
  void push_back(const std::string& name, std::shared_ptr<M> module) {
    M* raw = module.get();  // kept alive by layers_
    register_module(name, module);
    layers_.push_back({std::move(module), [raw](const Tensor& x) { return raw->forward(x); }});
  }

  /// x through every child in order.
  Tensor forward(const Tensor& x);
  void pretty_print(std::ostream& out) const override;

  size_t size() const { return layers_.size(); }
  bool is_empty() const { return layers_.empty(); }
  /// The i-th child; throws ValueError when out of range.
  std::shared_ptr<Module> operator[](size_t index) const;
  /// The i-th child as its own type (`seq->at<LinearImpl>(0)->weight`); throws ValueError on a wrong type.
  template <typename M>
  std::shared_ptr<M> at(size_t index) const {
    std::shared_ptr<M> module = std::dynamic_pointer_cast<M>((*this)[index]);
    check<ValueError>(module != nullptr, "Sequential::at: child ", index, " is not of the requested type");
    return module;
  }

 private:
  struct Layer {
    std::shared_ptr<Module> module;
    std::function<Tensor(const Tensor&)> forward;
  };
  std::vector<Layer> layers_;
};
MLPLAY_MODULE(Sequential);

}  // namespace mlplay::nn
