// The reverse-mode engine: topological order over the recorded graph, then one backward rule per node.
#include <unordered_map>
#include <utility>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"

namespace mlplay {
namespace {

/// Tensors reachable from root through grad_fn edges, each after every tensor computed from it
/// (reverse post-order of an iterative depth-first search, so deep graphs cannot overflow the stack).
std::vector<TensorImpl*> reverse_topological_order(TensorImpl* root) {
  std::vector<TensorImpl*> post_order;
  std::unordered_map<TensorImpl*, bool> visited;
  std::vector<std::pair<TensorImpl*, size_t>> stack{{root, 0}};
  visited[root] = true;
  while (!stack.empty()) {
    auto& [impl, next_child] = stack.back();
    const size_t count = impl->grad_fn ? impl->grad_fn->inputs().size() : 0;
    if (next_child < count) {
      TensorImpl* child = impl->grad_fn->inputs()[next_child++].impl();
      if (child && child->requires_grad && !visited[child]) {
        visited[child] = true;
        stack.push_back({child, 0});
      }
    } else {
      post_order.push_back(impl);
      stack.pop_back();
    }
  }
  return {post_order.rbegin(), post_order.rend()};
}

/// leaf.grad += g, with leaf.grad its own contiguous buffer (g may alias other gradients).
void accumulate(TensorImpl* impl, const Tensor& g) {
  if (!impl->grad.defined()) {
    impl->grad = g.clone();
  } else {
    impl->grad.add_(g);
  }
}

}  // namespace

void run_backward(const Tensor& root, const Tensor& gradient) {
  NoGradGuard no_grad;  // backward rules compute plain tensors (first-order gradients only)
  std::unordered_map<TensorImpl*, Tensor> grads{{root.impl(), gradient}};
  for (TensorImpl* impl : reverse_topological_order(root.impl())) {
    auto found = grads.find(impl);
    if (found == grads.end()) continue;
    const Tensor g = std::move(found->second);
    grads.erase(found);
    if (!impl->grad_fn || impl->retains_grad) accumulate(impl, g);
    if (!impl->grad_fn) continue;
    const Node& node = *impl->grad_fn;
    node.check_saved_versions();
    const std::vector<Tensor> input_grads = node.apply(g);
    check<Error>(input_grads.size() == node.inputs().size(), node.name(), ": returned ",
                 input_grads.size(), " gradients for ", node.inputs().size(), " inputs");
    for (size_t i = 0; i < input_grads.size(); ++i) {
      const Tensor& input = node.inputs()[i];
      if (!input.defined() || !input.requires_grad() || !input_grads[i].defined()) continue;
      check<Error>(input_grads[i].shape() == input.shape(), node.name(), ": gradient of shape ",
                   shape_str(input_grads[i].shape()), " for input ", i, " of shape ",
                   shape_str(input.shape()));
      auto [slot, inserted] = grads.try_emplace(input.impl(), input_grads[i]);
      if (!inserted) slot->second = add(slot->second, input_grads[i]);
    }
  }
}

}  // namespace mlplay
