#pragma once
/// The base of every layer and model, as torch::nn::Module
/// (https://pytorch.org/cppdocs/api/classtorch_1_1nn_1_1_module.html): it owns named parameters,
/// buffers and child modules, and derives from them PyTorch-style dotted names ("layers.0.weight"),
/// train/eval mode, zero_grad and state_dict / load_state_dict.
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "mlplay/nn/ordered_dict.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::nn {

template <typename Contained>
class ModuleHolder;

/// Subclass it, register what the layer owns in the constructor, and write forward().
/// Modules live behind std::shared_ptr (see module_holder.h), so they are not copyable.
class Module {
 public:
  Module() = default;
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  // ---- registration (each returns a handle to what it stored) --------------------------------
  /// Adds a parameter named `name` (no dots); marks it requires_grad(requires_grad).
  Tensor register_parameter(const std::string& name, Tensor tensor, bool requires_grad = true);
  /// Adds state that is saved in state_dict but not trained (BatchNorm's running_mean).
  Tensor register_buffer(const std::string& name, Tensor tensor);
  /// Adds a child; its parameters appear as "<name>.<their name>".
  template <typename M>
  std::shared_ptr<M> register_module(const std::string& name, std::shared_ptr<M> module) {
    add_child(name, module);
    return module;
  }
  template <typename M>
  std::shared_ptr<M> register_module(const std::string& name, const ModuleHolder<M>& holder) {
    return register_module(name, holder.ptr());
  }

  // ---- introspection ---------------------------------------------------------------------
  /// Parameters of this module and (recurse) of every descendant, depth first, own ones first.
  std::vector<Tensor> parameters(bool recurse = true) const;
  TensorDict named_parameters(bool recurse = true) const;
  std::vector<Tensor> buffers(bool recurse = true) const;
  TensorDict named_buffers(bool recurse = true) const;
  /// Direct children in registration order.
  std::vector<std::shared_ptr<Module>> children() const;
  const OrderedDict<std::string, std::shared_ptr<Module>>& named_children() const { return children_; }

  // ---- mode and gradients ----------------------------------------------------------------
  /// Sets training mode here and in every descendant (Dropout and BatchNorm read it).
  virtual void train(bool on = true);
  void eval() { train(false); }
  bool is_training() const { return training_; }
  /// Clears every parameter's gradient: undefined (set_to_none, PyTorch 2's default) or zeroed.
  void zero_grad(bool set_to_none = true);

  // ---- state ------------------------------------------------------------------------------
  /// Parameters and buffers by dotted name (per module: parameters, then buffers, then children),
  /// detached but sharing storage, as torch's state_dict().
  TensorDict state_dict() const;
  /// Copies values in (under NoGradGuard). Throws ShapeError naming the key and both shapes on a size
  /// mismatch; with strict, ValueError listing missing and unexpected keys.
  void load_state_dict(const TensorDict& state_dict, bool strict = true);
  /// state_dict() to / from a .safetensors file (mlplay/io/safetensors.h).
  void save(const std::string& path) const;
  void load(const std::string& path, bool strict = true);

  /// One line describing this module without its children, e.g. "Linear(in_features=3, out_features=4,
  /// bias=true)"; operator<< adds the children, indented, as PyTorch prints a model.
  virtual void pretty_print(std::ostream& out) const;

 private:
  void add_child(const std::string& name, std::shared_ptr<Module> module);
  void collect(const std::string& prefix, bool with_parameters, bool with_buffers, bool recurse, TensorDict& out) const;

  TensorDict parameters_;
  TensorDict buffers_;
  OrderedDict<std::string, std::shared_ptr<Module>> children_;
  bool training_ = true;
};

/// Prints the module tree: `Sequential(\n  (0): Linear(...)\n  (1): ReLU()\n)`.
std::ostream& operator<<(std::ostream& out, const Module& module);

}  // namespace mlplay::nn
