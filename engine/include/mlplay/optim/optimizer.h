#pragma once
/// The base of every optimizer: one parameter group, zero_grad(), step(), a settable learning rate
/// (after torch::optim::Optimizer: https://pytorch.org/docs/stable/optim.html).
#include <cstdint>
#include <tuple>
#include <vector>

#include "mlplay/optim/arg.h"
#include "mlplay/optim/state.h"
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

  /// The state in PyTorch's shape (optimizer.state_dict()): copies of each parameter's buffers and
  /// step, and the hyperparameters.
  OptimizerState state_dict() const;
  /// Restores a state_dict() of the same kind of optimizer over parameters of the same shapes (its
  /// hyperparameters too, as PyTorch does). Throws ValueError naming what mismatched: the kind, the
  /// parameter count or a buffer's shape (checked before anything changes), or a buffer that the loaded
  /// options need but the state lacks (found while loading: the optimizer is then partly loaded).
  void load_state_dict(const OptimizerState& state);

 protected:
  /// param_groups[0]'s hyperparameters other than lr, under PyTorch's names (booleans as 0/1).
  virtual void save_options(std::map<std::string, double>& group) const = 0;
  virtual void load_options(const std::map<std::string, double>& group) = 0;
  /// Parameter k's buffers (the live tensors; the base class copies them) and step; nothing before its first step.
  virtual void save_param_state(size_t k, ParamState& state) const = 0;
  /// Adopts copies of the buffers; the base class has checked their shapes.
  virtual void load_param_state(size_t k, const ParamState& state) = 0;

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
