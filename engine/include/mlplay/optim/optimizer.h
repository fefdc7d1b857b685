#pragma once
/// The base of every optimizer: one parameter group, zero_grad(), step(), a settable learning rate
/// (after torch::optim::Optimizer: https://pytorch.org/docs/stable/optim.html).
#include <cstdint>
#include <tuple>
#include <vector>

#include "mlplay/optim/arg.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::optim {

/// (beta1, beta2) of Adam, AdamW and Lion, as PyTorch's betas_t.
using Betas = std::tuple<double, double>;

/// Holds the parameters (contiguous float leaves) and the learning rate every optimizer shares.
/// NOTE: PyTorch allows several parameter groups with their own options; mlplay keeps one group.
class Optimizer {
 public:
  /// Throws ValueError naming `name` when params is empty or holds an undefined, non-leaf or
  /// non-contiguous tensor, or when lr < 0.
  Optimizer(const char* name, std::vector<Tensor> params, double lr);
  virtual ~Optimizer() = default;
  Optimizer(const Optimizer&) = delete;
  Optimizer& operator=(const Optimizer&) = delete;

  /// Clears every parameter's gradient. set_to_none (PyTorch 2.x's default) makes grad() undefined,
  /// so a parameter the next loss does not use is skipped by step(); false fills it with zeros.
  void zero_grad(bool set_to_none = true);
  /// One update of every parameter whose grad() is defined, under NoGradGuard (never recorded).
  virtual void step() = 0;

  /// The learning rate of the (single) parameter group; schedulers read and write it.
  double lr() const { return lr_; }
  /// Sets the learning rate; throws ValueError when lr < 0.
  void set_lr(double lr);
  const std::vector<Tensor>& parameters() const { return params_; }
  const char* name() const { return name_; }

 protected:
  const char* name_;
  std::vector<Tensor> params_;
  double lr_;
};

namespace detail {
/// Elements per parallel_for chunk of an optimizer update (small tensors run inline).
constexpr int64_t kUpdateGrain = 16384;
/// Throws ValueError "<optimizer>: invalid <what>: <value>" unless ok.
void check_hyper(bool ok, const char* optimizer, const char* what, double value);
}  // namespace detail

}  // namespace mlplay::optim
