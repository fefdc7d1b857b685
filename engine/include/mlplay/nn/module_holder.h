#pragma once
/// ModuleHolder<Impl>: a shared pointer to a module with value syntax, as torch's ModuleHolder
/// (https://pytorch.org/cppdocs/api/classtorch_1_1nn_1_1_module_holder.html).
///
/// Why a holder and not bare std::shared_ptr: a module must be shared (a parent, a Sequential and the
/// user all refer to the same layer, and the optimizer keeps its tensors), and the holder keeps the
/// spelling learners see in the PyTorch C++ docs: `nn::Linear fc(3, 4); fc->forward(x);`,
/// `nn::Sequential(nn::Linear(3, 4), nn::ReLU())`. It is only a shared_ptr<Impl> with forwarding
/// constructors, so `fc.ptr()` hands out the plain pointer wherever one is wanted.
#include <concepts>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay::nn {

template <typename Contained>
class ModuleHolder {
 public:
  using ContainedType = Contained;

  /// Constructs the module with its default arguments (only when it has them).
  ModuleHolder()
    requires std::default_initializable<Contained>
      : impl_(std::make_shared<Contained>()) {}
  /// An empty holder, to assign later: `nn::Linear fc{nullptr};`.
  ModuleHolder(std::nullptr_t) {}  // NOLINT: implicit, as in torch
  /// Wraps an existing module.
  ModuleHolder(std::shared_ptr<Contained> module) : impl_(std::move(module)) {}  // NOLINT: implicit
  /// Forwards the arguments to Contained's constructor: `Linear(3, 4)`, `Linear(LinearOptions(3, 4))`.
  template <typename Head, typename... Tail>
    requires(sizeof...(Tail) > 0 ||
             !(std::is_base_of_v<ModuleHolder, std::decay_t<Head>> || std::is_same_v<std::decay_t<Head>, std::nullptr_t> ||
               std::is_same_v<std::decay_t<Head>, std::shared_ptr<Contained>>))
  explicit ModuleHolder(Head&& head, Tail&&... tail)
      : impl_(std::make_shared<Contained>(std::forward<Head>(head), std::forward<Tail>(tail)...)) {}

  Contained* operator->() const { return get(); }
  Contained& operator*() const { return *get(); }
  /// The module; throws ValueError on an empty holder instead of crashing.
  Contained* get() const {
    check<ValueError>(impl_ != nullptr, "ModuleHolder: accessing an empty holder (constructed with nullptr)");
    return impl_.get();
  }
  const std::shared_ptr<Contained>& ptr() const { return impl_; }
  bool is_empty() const { return impl_ == nullptr; }
  explicit operator bool() const { return impl_ != nullptr; }

 private:
  std::shared_ptr<Contained> impl_;
};

}  // namespace mlplay::nn

/// Declares `Name` as a holder of `NameImpl` (torch's TORCH_MODULE): write `struct NetImpl : nn::Module
/// { ... }; MLPLAY_MODULE(Net);` and use `Net net; net->forward(x);`.
#define MLPLAY_MODULE(Name)                                            \
  class Name : public ::mlplay::nn::ModuleHolder<Name##Impl> {         \
   public:                                                             \
    using ::mlplay::nn::ModuleHolder<Name##Impl>::ModuleHolder;        \
    using Impl = Name##Impl;                                           \
  }
