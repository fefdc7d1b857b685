#pragma once
/// Optimizer and scheduler state in PyTorch's shape (torch.optim.Optimizer.state_dict() and
/// lr_scheduler.state_dict(): https://pytorch.org/docs/1.13/optim.html#torch.optim.Optimizer.state_dict),
/// and its safetensors form, so a training run can stop and go on exactly where it was.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mlplay/io/safetensors.h"
#include "mlplay/tensor/tensor.h"

namespace mlplay::optim {

/// One parameter's state: buffers under PyTorch's names ("momentum_buffer", "exp_avg", "exp_avg_sq",
/// "max_exp_avg_sq", "sum", "square_avg", "grad_avg") and scalars ("step"). Empty before its first step.
struct ParamState {
  std::map<std::string, Tensor> tensors;
  std::map<std::string, double> scalars;
  bool empty() const { return tensors.empty() && scalars.empty(); }
};

/// optimizer.state_dict(): the kind ("Adam"), param_groups[0]'s hyperparameters under PyTorch's names
/// ("lr", "betas.0", "betas.1", "eps", "weight_decay", "amsgrad" as 0/1, ...) and state[i] for each
/// parameter i, in the order the optimizer was given them. Tensors are copies, not the live buffers.
struct OptimizerState {
  std::string kind;
  std::map<std::string, double> param_group;
  std::vector<ParamState> state;
};

/// scheduler.state_dict(): the kind ("StepLR") and its fields under PyTorch's names ("last_epoch",
/// "base_lrs.0", "_last_lr.0", "step_size", "gamma", "best", "num_bad_epochs", ...).
struct SchedulerState {
  std::string kind;
  std::map<std::string, double> values;
};

/// The value of `key` in `values`, or a ValueError "<who>: load_state_dict: no 'key' in the state".
double state_value(const std::map<std::string, double>& values, const std::string& key, const std::string& who);

namespace detail {
/// state.tensors[key], or an undefined Tensor when absent.
Tensor state_tensor(const ParamState& state, const std::string& key);
}  // namespace detail

/// Adds the state to a safetensors file's contents, every name after `prefix`: tensors
/// "<prefix>state.<i>.<buffer>"; in the metadata "<prefix>optimizer" (the kind), "<prefix>param_count",
/// "<prefix>param_groups.0.<key>" and "<prefix>state.<i>.<scalar>" (numbers that round-trip exactly).
void write_optimizer_state(const OptimizerState& state, TensorDict& tensors, SafetensorsMetadata& metadata,
                           const std::string& prefix = "");
/// Reads what write_optimizer_state wrote. Throws ValueError naming what is missing or malformed.
OptimizerState read_optimizer_state(const TensorDict& tensors, const SafetensorsMetadata& metadata,
                                    const std::string& prefix = "");
/// True when the metadata holds an optimizer state under `prefix`.
bool has_optimizer_state(const SafetensorsMetadata& metadata, const std::string& prefix = "");
/// Adds "<prefix>scheduler" (the kind) and "<prefix>scheduler.<key>" to the metadata.
void write_scheduler_state(const SchedulerState& state, SafetensorsMetadata& metadata, const std::string& prefix = "");
SchedulerState read_scheduler_state(const SafetensorsMetadata& metadata, const std::string& prefix = "");

/// Safetensors bytes of an optimizer's state (and a scheduler's, when given), with no prefix.
std::vector<uint8_t> save_optimizer_state(const OptimizerState& optimizer, const SchedulerState* scheduler = nullptr);
/// Reads bytes written by save_optimizer_state; the scheduler's state goes to `scheduler` when given
/// (a ValueError when the file has none). Throws IOError or ValueError naming what is missing.
OptimizerState load_optimizer_state(const uint8_t* data, size_t size, SchedulerState* scheduler = nullptr);
OptimizerState load_optimizer_state(const std::vector<uint8_t>& bytes, SchedulerState* scheduler = nullptr);

}  // namespace mlplay::optim
