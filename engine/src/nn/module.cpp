#include "mlplay/nn/module.h"

#include <ostream>
#include <sstream>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/io/safetensors.h"

namespace mlplay::nn {
namespace {

void check_name(const char* what, const std::string& name) {
  check<ValueError>(!name.empty(), "Module::", what, ": name must not be empty");
  check<ValueError>(name.find('.') == std::string::npos, "Module::", what, ": name '", name,
                    "' must not contain a dot (dots separate nested module names)");
}

void print_tree(std::ostream& out, const Module& module, int indent) {
  module.pretty_print(out);
  if (module.named_children().empty()) return;
  out << "(\n";
  for (const auto& [name, child] : module.named_children()) {
    out << std::string(indent + 2, ' ') << "(" << name << "): ";
    print_tree(out, *child, indent + 2);
    out << "\n";
  }
  out << std::string(indent, ' ') << ")";
}

std::string join_keys(const std::vector<std::string>& keys) {
  std::ostringstream out;
  for (size_t i = 0; i < keys.size(); ++i) out << (i ? ", " : "") << '"' << keys[i] << '"';
  return out.str();
}

}  // namespace

Tensor Module::register_parameter(const std::string& name, Tensor tensor, bool requires_grad) {
  check_name("register_parameter", name);
  check<ValueError>(tensor.defined(), "Module::register_parameter: parameter '", name, "' is undefined");
  check<ValueError>(!buffers_.contains(name) && !children_.contains(name), "Module::register_parameter: '", name,
                    "' is already a buffer or a child module");
  tensor.requires_grad_(requires_grad);
  return parameters_.insert(name, std::move(tensor));
}

Tensor Module::register_buffer(const std::string& name, Tensor tensor) {
  check_name("register_buffer", name);
  check<ValueError>(tensor.defined(), "Module::register_buffer: buffer '", name, "' is undefined");
  check<ValueError>(!parameters_.contains(name) && !children_.contains(name), "Module::register_buffer: '", name,
                    "' is already a parameter or a child module");
  return buffers_.insert(name, std::move(tensor));
}

void Module::add_child(const std::string& name, std::shared_ptr<Module> module) {
  check_name("register_module", name);
  check<ValueError>(module != nullptr, "Module::register_module: module '", name, "' is null");
  check<ValueError>(!parameters_.contains(name) && !buffers_.contains(name), "Module::register_module: '", name,
                    "' is already a parameter or a buffer");
  children_.insert(name, std::move(module));
}

void Module::collect(const std::string& prefix, bool with_parameters, bool with_buffers, bool recurse,
                     TensorDict& out) const {
  if (with_parameters)
    for (const auto& [name, tensor] : parameters_) out.insert(prefix + name, tensor);
  if (with_buffers)
    for (const auto& [name, tensor] : buffers_) out.insert(prefix + name, tensor);
  if (!recurse) return;
  for (const auto& [name, child] : children_) child->collect(prefix + name + ".", with_parameters, with_buffers, true, out);
}

std::vector<Tensor> Module::parameters(bool recurse) const { return named_parameters(recurse).values(); }

TensorDict Module::named_parameters(bool recurse) const {
  TensorDict out;
  collect("", true, false, recurse, out);
  return out;
}

std::vector<Tensor> Module::buffers(bool recurse) const { return named_buffers(recurse).values(); }

TensorDict Module::named_buffers(bool recurse) const {
  TensorDict out;
  collect("", false, true, recurse, out);
  return out;
}

std::vector<std::shared_ptr<Module>> Module::children() const { return children_.values(); }

void Module::train(bool on) {
  training_ = on;
  for (const auto& [name, child] : children_) child->train(on);
}

void Module::zero_grad(bool set_to_none) {
  NoGradGuard no_grad;
  for (Tensor& p : parameters()) {
    if (!p.grad().defined()) continue;
    if (set_to_none) {
      p.mutable_grad() = Tensor();
    } else {
      p.mutable_grad().zero_();
    }
  }
}

TensorDict Module::state_dict() const {
  TensorDict live;
  collect("", true, true, true, live);
  TensorDict out;
  for (const auto& [name, tensor] : live) out.insert(name, tensor.detach());
  return out;
}

void Module::load_state_dict(const TensorDict& state_dict, bool strict) {
  TensorDict own;
  collect("", true, true, true, own);
  std::vector<std::string> missing, unexpected;
  for (const auto& [name, target] : own) {
    const Tensor* source = state_dict.find(name);
    if (source == nullptr) {
      missing.push_back(name);
      continue;
    }
    // NOTE: like PyTorch's message, the checkpoint's shape first, then the model's.
    check<ShapeError>(source->shape() == target.shape(), "load_state_dict: size mismatch for ", name,
                      ": copying a param with shape ", shape_str(source->shape()),
                      " from checkpoint, the shape in current model is ", shape_str(target.shape()));
  }
  for (const auto& [name, tensor] : state_dict)
    if (!own.contains(name)) unexpected.push_back(name);
  if (strict && (!missing.empty() || !unexpected.empty())) {
    std::ostringstream message;
    message << "load_state_dict: error(s) in loading state_dict:";
    if (!missing.empty()) message << " missing key(s) in state_dict: " << join_keys(missing) << ".";
    if (!unexpected.empty()) message << " unexpected key(s) in state_dict: " << join_keys(unexpected) << ".";
    throw ValueError(message.str());
  }
  NoGradGuard no_grad;
  for (auto& [name, target] : own)
    if (const Tensor* source = state_dict.find(name)) target.copy_(*source);
}

void Module::save(const std::string& path) const { save_safetensors(path, state_dict()); }

void Module::load(const std::string& path, bool strict) { load_state_dict(load_safetensors(path), strict); }

void Module::pretty_print(std::ostream& out) const { out << "Module"; }

std::ostream& operator<<(std::ostream& out, const Module& module) {
  print_tree(out, module, 0);
  return out;
}

}  // namespace mlplay::nn
