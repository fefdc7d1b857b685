// Optimizer state_dict / load_state_dict, and the state's safetensors form.
#include "mlplay/optim/state.h"

#include <cstdio>
#include <string>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/core/error.h"
#include "mlplay/optim/optimizer.h"

namespace mlplay::optim {

namespace {

/// 17 significant digits: the double reads back bit for bit.
std::string exact(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

double number(const SafetensorsMetadata& metadata, const std::string& key) {
  const auto it = metadata.find(key);
  check<ValueError>(it != metadata.end(), "load_optimizer_state: no '", key, "' in the metadata");
  try {
    size_t used = 0;
    const double value = std::stod(it->second, &used);
    if (used == it->second.size()) return value;
  } catch (const std::exception&) {
  }
  throw ValueError("load_optimizer_state: '" + key + "' is not a number: '" + it->second + "'");
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

/// "3.exp_avg" -> (3, "exp_avg"); false when the text does not start with an index and a dot.
bool split_index(const std::string& text, size_t& index, std::string& rest) {
  const size_t dot = text.find('.');
  if (dot == 0 || dot == std::string::npos) return false;
  for (size_t i = 0; i < dot; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  index = std::stoul(text.substr(0, dot));
  rest = text.substr(dot + 1);
  return !rest.empty();
}

}  // namespace

double state_value(const std::map<std::string, double>& values, const std::string& key, const std::string& who) {
  const auto it = values.find(key);
  check<ValueError>(it != values.end(), who, ": load_state_dict: no '", key, "' in the state");
  return it->second;
}

namespace detail {
Tensor state_tensor(const ParamState& state, const std::string& key) {
  const auto it = state.tensors.find(key);
  return it == state.tensors.end() ? Tensor() : it->second;
}
}  // namespace detail

// ---- Optimizer ----------------------------------------------------------------------------------

OptimizerState Optimizer::state_dict() const {
  OptimizerState out;
  out.kind = name_;
  out.param_group["lr"] = lr_;
  save_options(out.param_group);
  out.state.resize(params_.size());
  for (size_t k = 0; k < params_.size(); ++k) {
    save_param_state(k, out.state[k]);
    for (auto& [key, t] : out.state[k].tensors) t = t.detach().clone();
  }
  return out;
}

void Optimizer::load_state_dict(const OptimizerState& state) {
  check<ValueError>(state.kind == name_, name_, ": load_state_dict: the state was saved by ", state.kind,
                    ", not ", name_);
  check<ValueError>(state.state.size() == params_.size(), name_, ": load_state_dict: the state has ",
                    state.state.size(), " parameters, the optimizer ", params_.size());
  for (size_t k = 0; k < params_.size(); ++k) {
    for (const auto& [key, t] : state.state[k].tensors) {
      check<ValueError>(t.defined() && t.shape() == params_[k].shape(), name_, ": load_state_dict: state.", k, ".",
                        key, " has shape ", (t.defined() ? std::string(shape_str(t.shape())) : std::string("(undefined)")), " but parameter ", k,
                        " has shape ", shape_str(params_[k].shape()));
    }
  }
  set_lr(state_value(state.param_group, "lr", name_));
  load_options(state.param_group);
  NoGradGuard no_grad;
  for (size_t k = 0; k < params_.size(); ++k) {
    ParamState copy = state.state[k];
    for (auto& [key, t] : copy.tensors) t = t.detach().contiguous().clone();
    load_param_state(k, copy);
  }
}

// ---- safetensors form ---------------------------------------------------------------------------

void write_optimizer_state(const OptimizerState& state, TensorDict& tensors, SafetensorsMetadata& metadata,
                           const std::string& prefix) {
  metadata[prefix + "optimizer"] = state.kind;
  metadata[prefix + "param_count"] = std::to_string(state.state.size());
  for (const auto& [key, value] : state.param_group) metadata[prefix + "param_groups.0." + key] = exact(value);
  for (size_t k = 0; k < state.state.size(); ++k) {
    const std::string at = prefix + "state." + std::to_string(k) + ".";
    for (const auto& [key, t] : state.state[k].tensors) tensors.insert(at + key, t.detach().contiguous());
    for (const auto& [key, value] : state.state[k].scalars) metadata[at + key] = exact(value);
  }
}

bool has_optimizer_state(const SafetensorsMetadata& metadata, const std::string& prefix) {
  return metadata.count(prefix + "optimizer") > 0;
}

OptimizerState read_optimizer_state(const TensorDict& tensors, const SafetensorsMetadata& metadata,
                                    const std::string& prefix) {
  check<ValueError>(has_optimizer_state(metadata, prefix), "load_optimizer_state: no '", prefix,
                    "optimizer' in the metadata (not an optimizer state file)");
  OptimizerState out;
  out.kind = metadata.at(prefix + "optimizer");
  const double count = number(metadata, prefix + "param_count");
  check<ValueError>(count >= 0 && count < 1e9 && count == double(int64_t(count)),
                    "load_optimizer_state: invalid param_count: ", count);
  out.state.resize(static_cast<size_t>(count));
  const std::string group = prefix + "param_groups.0.", state = prefix + "state.";
  size_t index = 0;
  std::string rest;
  for (const auto& [key, value] : metadata) {
    if (starts_with(key, group)) {
      out.param_group[key.substr(group.size())] = number(metadata, key);
    } else if (starts_with(key, state)) {
      check<ValueError>(split_index(key.substr(state.size()), index, rest) && index < out.state.size(),
                        "load_optimizer_state: '", key, "' names no parameter (param_count is ", out.state.size(), ")");
      out.state[index].scalars[rest] = number(metadata, key);
    }
  }
  for (const auto& [key, t] : tensors) {
    if (!starts_with(key, state)) continue;
    check<ValueError>(split_index(key.substr(state.size()), index, rest) && index < out.state.size(),
                      "load_optimizer_state: tensor '", key, "' names no parameter (param_count is ", out.state.size(), ")");
    out.state[index].tensors[rest] = t;
  }
  return out;
}

void write_scheduler_state(const SchedulerState& state, SafetensorsMetadata& metadata, const std::string& prefix) {
  metadata[prefix + "scheduler"] = state.kind;
  for (const auto& [key, value] : state.values) metadata[prefix + "scheduler." + key] = exact(value);
}

SchedulerState read_scheduler_state(const SafetensorsMetadata& metadata, const std::string& prefix) {
  const auto kind = metadata.find(prefix + "scheduler");
  check<ValueError>(kind != metadata.end(), "load_optimizer_state: no scheduler state in the file");
  SchedulerState out;
  out.kind = kind->second;
  const std::string at = prefix + "scheduler.";
  for (const auto& [key, value] : metadata)
    if (starts_with(key, at)) out.values[key.substr(at.size())] = number(metadata, key);
  return out;
}

std::vector<uint8_t> save_optimizer_state(const OptimizerState& optimizer, const SchedulerState* scheduler) {
  TensorDict tensors;
  SafetensorsMetadata metadata{{"format", "mlplay-optimizer"}};
  write_optimizer_state(optimizer, tensors, metadata);
  if (scheduler != nullptr) write_scheduler_state(*scheduler, metadata);
  std::vector<uint8_t> out;
  save_safetensors(out, tensors, metadata);
  return out;
}

OptimizerState load_optimizer_state(const uint8_t* data, size_t size, SchedulerState* scheduler) {
  SafetensorsMetadata metadata;
  const TensorDict tensors = load_safetensors(data, size, &metadata);
  OptimizerState out = read_optimizer_state(tensors, metadata);
  if (scheduler != nullptr) *scheduler = read_scheduler_state(metadata);
  return out;
}

OptimizerState load_optimizer_state(const std::vector<uint8_t>& bytes, SchedulerState* scheduler) {
  return load_optimizer_state(bytes.data(), bytes.size(), scheduler);
}

}  // namespace mlplay::optim
