#include "mlplay/autograd/node.h"

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"

namespace mlplay {

Node::~Node() {
  // Drop the rule first (its captures also hold inputs), then take over every input's grad_fn that
  // only this node keeps alive, so chains are released in a loop instead of by recursion.
  std::vector<std::shared_ptr<Node>> pending;
  auto release = [&pending](Node& node) {
    node.backward_ = nullptr;
    for (Tensor& input : node.inputs_) {
      TensorImpl* impl = input.impl();
      if (impl && input.impl_ptr().use_count() == 1 && impl->grad_fn && impl->grad_fn.use_count() == 1)
        pending.push_back(std::move(impl->grad_fn));
    }
    node.inputs_.clear();
  };
  release(*this);
  while (!pending.empty()) {
    std::shared_ptr<Node> node = std::move(pending.back());
    pending.pop_back();
    release(*node);
  }  // each node is destroyed here with nothing left to release recursively
}

void Node::save_versions(const std::vector<Tensor>& saved) {
  for (const Tensor& t : saved) saved_versions_.emplace_back(t.impl()->storage.get(), t.impl()->storage->version);
}

void Node::check_saved_versions() const {
  for (const auto& [storage, version] : saved_versions_)
    check<Error>(storage->version == version, name_, ": a tensor saved for backward was modified by an in-place ",
                 "operation after the forward pass (version ", storage->version, ", expected ", version,
                 "); run backward() before changing it, or recompute the forward pass");
}

bool needs_grad(const std::vector<Tensor>& inputs) {
  if (!GradMode::is_enabled()) return false;
  for (const Tensor& t : inputs)
    if (t.defined() && t.requires_grad()) return true;
  return false;
}

Tensor record(Tensor output, const char* name, std::vector<Tensor> inputs, Node::BackwardFn backward,
              const std::vector<Tensor>& saved) {
  if (!needs_grad(inputs)) return output;
  TensorImpl* impl = output.impl();
  impl->requires_grad = true;
  impl->grad_fn = std::make_shared<Node>(name, std::move(inputs), std::move(backward));
  impl->grad_fn->save_versions(saved);
  return output;
}

}  // namespace mlplay
