// Optimizer and scheduler state_dict / load_state_dict and their safetensors form: a run stopped after
// 10 steps and resumed from the saved bytes in fresh objects ends exactly where 20 uninterrupted steps
// do, for every optimizer and scheduler of the golden cases; the state after 20 steps equals PyTorch's
// state_dict() (generated/optim_state_golden.h, from tests/golden/gen_optim_state.py).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "generated/optim_golden.h"
#include "generated/optim_state_golden.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"
#include "support/optim_cases.h"

using namespace mlplay;
using namespace mlplay::optim;
using namespace mlplay::testing;  // make_optimizer, make_scheduler, make_plateau, golden_loss
namespace gold = mlplay::golden::optim;
namespace gold_state = mlplay::golden::optim_state;

namespace {

/// One golden case's training: W, b, u, its optimizer and scheduler, stepping as gen_optim.py does.
struct Run {
  const gold::Case& c;
  Tensor w, b, u;
  std::unique_ptr<Optimizer> optimizer;
  std::unique_ptr<LRScheduler> scheduler;
  std::unique_ptr<ReduceLROnPlateau> plateau;
  int done = 0;

  /// Fresh objects over parameters with the given values (the golden start when empty).
  Run(const gold::Case& golden, const std::vector<std::vector<float>>& values = {}) : c(golden) {
    w = values.empty() ? from_blob(gold::kW0, {3, 4}) : from_vector(values[0], {3, 4});
    b = values.empty() ? from_blob(gold::kB0, {3}) : from_vector(values[1], {3});
    u = values.empty() ? from_blob(gold::kU0, {2}) : from_vector(values[2], {2});
    w.requires_grad_();
    b.requires_grad_();
    u.requires_grad_();
    optimizer = make_optimizer(c.optimizer, c.options, {w, b, u});
    scheduler = make_scheduler(c.scheduler, c.scheduler_options, *optimizer);
    if (std::string(c.scheduler) == "ReduceLROnPlateau") plateau = make_plateau(c.scheduler_options, *optimizer);
  }

  void steps(int n) {
    const Tensor x = from_blob(gold::kX, {5, 4}), y = from_blob(gold::kY, {5, 3});
    const auto options = parse(c.options);
    const std::vector<Tensor> params = {w, b, u};
    for (int i = 0; i < n; ++i, ++done) {
      optimizer->zero_grad();
      golden_loss(w, b, x, y).backward();
      if (options.count("clip_norm")) nn::utils::clip_grad_norm_(params, get(options, "clip_norm", 0));
      if (options.count("clip_value")) nn::utils::clip_grad_value_(params, get(options, "clip_value", 0));
      optimizer->step();
      if (scheduler) scheduler->step();
      if (plateau) plateau->step(gold::kPlateauMetrics[done]);
    }
  }

  std::vector<uint8_t> save() const {
    SchedulerState s;
    if (scheduler) s = scheduler->state_dict();
    if (plateau) s = plateau->state_dict();
    return save_optimizer_state(optimizer->state_dict(), scheduler || plateau ? &s : nullptr);
  }

  void load(const std::vector<uint8_t>& bytes) {
    SchedulerState s;
    optimizer->load_state_dict(load_optimizer_state(bytes, scheduler || plateau ? &s : nullptr));
    if (scheduler) scheduler->load_state_dict(s);
    if (plateau) plateau->load_state_dict(s);
  }

  std::vector<std::vector<float>> values() const { return {w.to_vector(), b.to_vector(), u.to_vector()}; }
};

/// "a=1.5 b=2" -> {a: 1.5, b: 2}.
std::map<std::string, double> numbers(const char* text) {
  std::map<std::string, double> out;
  for (const auto& [key, value] : parse(text)) out[key] = std::stod(value);
  return out;
}

bool close(double got, double want, double rtol, double atol) {
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= atol + rtol * std::fabs(want);
}

}  // namespace

TEST_CASE("optim state: 10 steps, save, load into fresh objects, 10 more equal 20 uninterrupted steps", "[optim]") {
  for (const gold::Case& c : gold::kCases) {
    INFO("case " << c.name);
    Run whole(c);
    whole.steps(20);

    Run first(c);
    first.steps(10);
    const std::vector<uint8_t> bytes = first.save();
    Run second(c, first.values());  // new parameters, optimizer and scheduler, as in a new process
    second.done = 10;
    second.load(bytes);
    second.steps(10);

    CHECK(second.values() == whole.values());  // exactly: the same float operations in the same order
    CHECK(second.optimizer->lr() == whole.optimizer->lr());
    if (whole.scheduler) {
      CHECK(second.scheduler->last_epoch() == whole.scheduler->last_epoch());
      CHECK(second.scheduler->get_last_lr() == whole.scheduler->get_last_lr());
    }
    if (whole.plateau) CHECK(second.plateau->best() == whole.plateau->best());
  }
}

TEST_CASE("optim state: after 20 steps it equals PyTorch's optimizer and scheduler state_dict", "[optim]") {
  REQUIRE(std::size(gold_state::kCases) == std::size(gold::kCases));
  for (size_t i = 0; i < std::size(gold::kCases); ++i) {
    const gold::Case& c = gold::kCases[i];
    const gold_state::Case& want = gold_state::kCases[i];
    INFO("case " << c.name);
    REQUIRE(std::string(want.name) == c.name);
    Run run(c);
    run.steps(20);
    const OptimizerState state = run.optimizer->state_dict();
    CHECK(state.kind == c.optimizer);

    // Every hyperparameter the engine records has PyTorch's name and value.
    const auto torch_scalars = numbers(want.scalars);
    for (const auto& [key, value] : state.param_group) {
      INFO("param_groups.0." << key);
      REQUIRE(torch_scalars.count("param_groups.0." + key));
      CHECK(close(value, torch_scalars.at("param_groups.0." + key), 1e-9, 1e-15));
    }
    // Every buffer and step PyTorch keeps for W (0) and b (1), the engine keeps with the same values.
    for (const auto& [key, value] : torch_scalars) {
      if (key.rfind("state.", 0) != 0) continue;
      INFO(key);
      const ParamState& s = state.state[size_t(key[6] - '0')];
      const std::string name = key.substr(8);
      REQUIRE(s.scalars.count(name));
      CHECK(s.scalars.at(name) == value);
    }
    std::istringstream names(want.tensors);
    const float* data = want.data;
    for (std::string key; names >> key;) {
      INFO(key);
      const ParamState& s = state.state[size_t(key[6] - '0')];
      const std::string name = key.substr(8);
      REQUIRE(s.tensors.count(name));
      const std::vector<float> got = s.tensors.at(name).to_vector();
      for (size_t k = 0; k < got.size(); ++k) CHECK(close(got[k], data[k], 1e-4, 1e-6));
      data += got.size();
    }
    CHECK(state.state[2].empty());  // u never had a gradient

    // The scheduler's fields that PyTorch's state_dict also has, with the same values.
    if (!run.scheduler && !run.plateau) continue;
    const SchedulerState sched = run.scheduler ? run.scheduler->state_dict() : run.plateau->state_dict();
    const auto torch_sched = numbers(want.scheduler);
    for (const char* key : {"last_epoch", "_last_lr.0"}) CHECK(sched.values.count(key));
    int shared = 0;
    for (const auto& [key, value] : sched.values) {
      if (!torch_sched.count(key)) continue;
      INFO("scheduler " << key);
      CHECK(close(value, torch_sched.at(key), 1e-9, 1e-15));
      ++shared;
    }
    CHECK(shared >= 3);
  }
}

TEST_CASE("optim state: load_state_dict names the kind, parameter count or shape that mismatched", "[optim]") {
  Tensor w = ones({3, 4}).requires_grad_(), b = ones({3}).requires_grad_();
  Adam adam({w, b}, AdamOptions(0.1));
  (w.sum() + b.sum()).backward();
  adam.step();
  const OptimizerState state = adam.state_dict();
  CHECK(state.state[0].scalars.at("step") == 1);
  CHECK(state.state[0].tensors.at("exp_avg").shape() == Shape{3, 4});

  SGD sgd({w, b}, SGDOptions(0.1));
  CHECK_THROWS_WITH(sgd.load_state_dict(state), "SGD: load_state_dict: the state was saved by Adam, not SGD");
  Adam fewer({w}, AdamOptions(0.1));
  CHECK_THROWS_WITH(fewer.load_state_dict(state), "Adam: load_state_dict: the state has 2 parameters, the optimizer 1");
  Tensor other = ones({4, 3}).requires_grad_();
  Adam reshaped({other, b}, AdamOptions(0.1));
  CHECK_THROWS_WITH(reshaped.load_state_dict(state),
                    "Adam: load_state_dict: state.0.exp_avg has shape (3, 4) but parameter 0 has shape (4, 3)");
  AdamW adamw({w, b});
  CHECK_THROWS_WITH(adamw.load_state_dict(state), Catch::Contains("not AdamW"));

  // A copy, not the live buffers; loaded hyperparameters replace the constructor's (as in PyTorch).
  Adam fresh({ones({3, 4}).requires_grad_(), ones({3}).requires_grad_()}, AdamOptions(0.5).amsgrad(true));
  CHECK_THROWS_WITH(fresh.load_state_dict([&] {
    OptimizerState s = state;
    s.param_group["amsgrad"] = 1;
    return s;
  }()), "Adam: load_state_dict: state.0 has no max_exp_avg_sq, which amsgrad needs");
  fresh.load_state_dict(state);
  CHECK(fresh.lr() == 0.1);
  CHECK_FALSE(fresh.options().amsgrad());

  // The safetensors form: bytes that are not an optimizer state, and a missing scheduler.
  const std::vector<uint8_t> bytes = save_optimizer_state(state);
  SchedulerState sched;
  CHECK_THROWS_WITH(load_optimizer_state(bytes, &sched), Catch::Contains("no scheduler state"));
  std::vector<uint8_t> plain;
  save_safetensors(plain, TensorDict{{"weight", ones({2})}});
  CHECK_THROWS_WITH(load_optimizer_state(plain), Catch::Contains("not an optimizer state file"));
  const OptimizerState back = load_optimizer_state(bytes);
  CHECK(back.kind == "Adam");
  CHECK(back.param_group == state.param_group);
  CHECK(back.state[1].tensors.at("exp_avg_sq").to_vector() == state.state[1].tensors.at("exp_avg_sq").to_vector());

  StepLR step_lr(sgd, 3);
  CosineAnnealingLR cosine(sgd, 5);
  CHECK_THROWS_WITH(cosine.load_state_dict(step_lr.state_dict()),
                    "CosineAnnealingLR: load_state_dict: the state was saved by StepLR, not CosineAnnealingLR");
}
