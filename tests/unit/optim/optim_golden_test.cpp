// Optimizer and scheduler trajectories against PyTorch 1.13: 20 steps on a small fixed problem, with
// gradients from the engine's own autograd, compared with generated/optim_golden.h (written by
// tests/golden/gen_optim.py, which states the problem and every case's hyperparameters).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "generated/optim_golden.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"
#include "support/optim_cases.h"

using namespace mlplay;
using namespace mlplay::optim;
namespace gold = mlplay::golden::optim;
using namespace mlplay::testing;  // make_optimizer, make_scheduler, make_plateau, golden_loss

namespace {

/// Empty when |got - want| <= atol + rtol |want| for every element, else the first mismatch.
std::string mismatch(const char* what, int step, const std::vector<float>& got, const float* want, double rtol,
                     double atol) {
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::fabs(double(got[i]) - want[i]) > atol + rtol * std::fabs(want[i])) {
      std::ostringstream out;
      out.precision(9);
      out << what << " differ after step " << step + 1 << " at element " << i << ": engine " << got[i]
          << ", PyTorch " << want[i];
      return out.str();
    }
  }
  return "";
}

}  // namespace

TEST_CASE("optim golden: 20-step trajectories match PyTorch for every optimizer and scheduler", "[optim]") {
  const Tensor x = from_blob(gold::kX, {5, 4});
  const Tensor y = from_blob(gold::kY, {5, 3});
  for (const gold::Case& c : gold::kCases) {
    INFO("case " << c.name << ": " << c.optimizer << "(" << c.options << ") " << c.scheduler << "("
                 << c.scheduler_options << ")");
    Tensor w = from_blob(gold::kW0, {3, 4}).requires_grad_();
    Tensor b = from_blob(gold::kB0, {3}).requires_grad_();
    Tensor u = from_blob(gold::kU0, {2}).requires_grad_();  // never in the loss: no grad, never moved
    const std::vector<Tensor> params = {w, b, u};
    auto optimizer = make_optimizer(c.optimizer, c.options, params);
    const std::string scheduler_kind = c.scheduler;
    auto scheduler = make_scheduler(scheduler_kind, c.scheduler_options, *optimizer);
    auto plateau = scheduler_kind == "ReduceLROnPlateau" ? make_plateau(c.scheduler_options, *optimizer) : nullptr;
    const auto options = parse(c.options);

    std::string failure;
    for (int step = 0; step < gold::kSteps && failure.empty(); ++step) {
      optimizer->zero_grad();
      const Tensor loss = golden_loss(w, b, x, y);
      loss.backward();
      if (options.count("clip_norm")) nn::utils::clip_grad_norm_(params, get(options, "clip_norm", 0));
      if (options.count("clip_value")) nn::utils::clip_grad_value_(params, get(options, "clip_value", 0));
      optimizer->step();
      if (scheduler) scheduler->step();
      if (plateau) plateau->step(gold::kPlateauMetrics[step]);

      failure = mismatch("losses", step, {loss.item()}, c.losses + step, 1e-5, 1e-6);
      if (failure.empty()) {
        std::vector<float> now = w.to_vector();
        for (float v : b.to_vector()) now.push_back(v);
        failure = mismatch("parameters", step, now, c.params + step * gold::kParamsPerStep, 1e-5, 1e-6);
      }
      const double lr_want = c.lrs[step];
      if (failure.empty() && std::fabs(optimizer->lr() - lr_want) > 1e-12 + 1e-9 * std::fabs(lr_want)) {
        failure = "lr differs after step " + std::to_string(step + 1) + ": engine " + std::to_string(optimizer->lr()) +
                  ", PyTorch " + std::to_string(lr_want);
      }
      if (failure.empty() && scheduler) {
        CHECK(scheduler->get_last_lr() == optimizer->lr());
      }
    }
    CHECK(failure == "");
    CHECK(u.to_vector() == std::vector<float>{gold::kU0[0], gold::kU0[1]});
  }
}
