#pragma once
/// One recorded operation in the autograd graph (PyTorch's torch::autograd::Node; tinygrad's
/// gradient table). Every primitive op records a Node holding its inputs and its one backward rule.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// A recorded op: the tensors it read and the rule mapping d(loss)/d(output) to d(loss)/d(input_i).
class Node {
 public:
  /// Returns one gradient per input, each with that input's shape, or an undefined Tensor for an
  /// input that needs none. Runs with grad mode off.
  using BackwardFn = std::function<std::vector<Tensor>(const Tensor& grad_output)>;

  Node(std::string name, std::vector<Tensor> inputs, BackwardFn backward)
      : name_(std::move(name)), inputs_(std::move(inputs)), backward_(std::move(backward)) {}
  /// Frees long chains of nodes iteratively (a recursive release could overflow the stack).
  ~Node();
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  /// The op's name, e.g. "MatmulBackward", shown in graph visualizations.
  const std::string& name() const { return name_; }
  const std::vector<Tensor>& inputs() const { return inputs_; }
  std::vector<Tensor> apply(const Tensor& grad_output) const { return backward_(grad_output); }

  /// Remembers the storage versions of the tensors the rule captured for their values.
  void save_versions(const std::vector<Tensor>& saved);
  /// Throws Error when one of them was written in place since (its gradient would be wrong).
  void check_saved_versions() const;

 private:
  std::string name_;
  std::vector<Tensor> inputs_;
  BackwardFn backward_;
  // (storage, version at record time); the rule's captures keep these storages alive
  std::vector<std::pair<const Storage*, uint64_t>> saved_versions_;
};

/// True when grad mode is on and any of `inputs` requires grad: the op should record a Node.
bool needs_grad(const std::vector<Tensor>& inputs);

/// Attaches a Node named `name` to `output` when needs_grad(inputs); returns `output`.
/// `saved` lists the tensors whose values the rule reads, so in-place changes to them are caught.
/// NOTE: the rule must not capture `output` itself (that would be a reference cycle); capture
/// output.detach() instead, which shares the data but not the graph.
Tensor record(Tensor output, const char* name, std::vector<Tensor> inputs, Node::BackwardFn backward,
              const std::vector<Tensor>& saved = {});

/// The reverse-mode sweep behind Tensor::backward: visits the graph under `root` in reverse
/// topological order, sums gradients per tensor, and accumulates them into leaves' grad().
void run_backward(const Tensor& root, const Tensor& gradient);

}  // namespace mlplay
