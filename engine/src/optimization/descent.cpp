#include "mlplay/optimization/descent.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "mlplay/core/error.h"
#include "mlplay/optim/optim.h"
#include "mlplay/tensor/factory.h"

namespace mlplay::optimization {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? (i + 1 == names.size() ? " or " : ", ") : "") + names[i];
  return out;
}

std::unique_ptr<optim::LRScheduler> make_schedule(const std::string& name, optim::Optimizer& optimizer, int64_t steps) {
  if (name == "constant") return nullptr;
  if (name == "step") return std::make_unique<optim::StepLR>(optimizer, std::max<int64_t>(1, steps / 5), 0.5);
  if (name == "cosine") return std::make_unique<optim::CosineAnnealingLR>(optimizer, std::max<int64_t>(1, steps), 0.0);
  if (name == "warmup") return std::make_unique<optim::LinearWarmup>(optimizer, std::max<int64_t>(1, steps / 10), 0.01);
  throw ValueError("descend: unknown schedule '" + name + "'; use " + join(schedule_names()));
}

std::string show(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

}  // namespace

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"};
  return names;
}

const std::vector<std::string>& schedule_names() {
  static const std::vector<std::string> names = {"constant", "step", "cosine", "warmup"};
  return names;
}

std::unique_ptr<optim::Optimizer> make_optimizer(std::string_view name, const Tensor& params, double lr) {
  check<ValueError>(std::isfinite(lr) && lr >= 0, "descend: invalid learning rate: ", lr);
  const std::vector<Tensor> list = {params};
  if (name == "sgd") return std::make_unique<optim::SGD>(list, optim::SGDOptions(lr));
  if (name == "momentum") return std::make_unique<optim::SGD>(list, optim::SGDOptions(lr).momentum(0.9));
  if (name == "nesterov") return std::make_unique<optim::SGD>(list, optim::SGDOptions(lr).momentum(0.9).nesterov(true));
  if (name == "adagrad") return std::make_unique<optim::Adagrad>(list, optim::AdagradOptions(lr));
  if (name == "rmsprop") return std::make_unique<optim::RMSprop>(list, optim::RMSpropOptions(lr));
  if (name == "adam") return std::make_unique<optim::Adam>(list, optim::AdamOptions(lr));
  if (name == "adamw") return std::make_unique<optim::AdamW>(list, optim::AdamWOptions(lr));
  throw ValueError("descend: unknown optimizer '" + std::string(name) + "'; use " + join(optimizer_names()));
}

double divergence_radius(const Bounds& b) {
  return 100 * std::max({std::fabs(b.x_min), std::fabs(b.x_max), std::fabs(b.y_min), std::fabs(b.y_max)});
}

DescentPath descend(const Surface& surface, const DescentOptions& options) {
  check<ValueError>(options.steps >= 0 && options.steps <= 100000, "descend: steps must be 0 to 100000, got ", options.steps);
  check<ValueError>(std::isfinite(options.x0) && std::isfinite(options.y0), "descend: the start (", options.x0, ", ", options.y0,
                    ") is not finite");
  // (x, y) as one parameter tensor of 2 elements: the optimizers see an ordinary model parameter.
  Tensor params = from_vector({static_cast<float>(options.x0), static_cast<float>(options.y0)});
  params.requires_grad_();
  auto optimizer = make_optimizer(options.optimizer, params, options.lr);
  auto schedule = make_schedule(options.schedule, *optimizer, options.steps);

  DescentPath path;
  auto record = [&](double x, double y) {
    path.x.push_back(x);
    path.y.push_back(y);
    path.loss.push_back(surface.value(x, y));
  };
  const double radius = divergence_radius(surface.bounds());
  record(params.at({0}), params.at({1}));
  if (!std::isfinite(path.loss.back())) {
    path.diverged = true;
    path.reason = "f is undefined at the start (" + show(options.x0) + ", " + show(options.y0) + ")";
    return path;
  }
  for (int64_t step = 1; step <= options.steps; ++step) {
    optimizer->zero_grad();
    Tensor loss = surface.loss(params);
    loss.backward();
    path.lr.push_back(optimizer->lr());
    optimizer->step();
    if (schedule) schedule->step();
    path.steps_taken = step;

    const double x = params.at({0}), y = params.at({1});
    record(x, y);
    const double f = path.loss.back();
    if (!std::isfinite(x) || !std::isfinite(y)) {
      path.reason = "the point became infinite at step " + std::to_string(step);
    } else if (std::fabs(x) > radius || std::fabs(y) > radius) {
      path.reason = "the point left |x|, |y| < " + show(radius) + " at step " + std::to_string(step) + " (f = " + show(f) + ")";
    } else if (!std::isfinite(f)) {
      path.reason = std::string("f became ") + (std::isnan(f) ? "undefined" : "infinite") + " at step " + std::to_string(step);
    }
    if (!path.reason.empty()) {
      path.diverged = true;
      break;
    }
  }
  return path;
}

}  // namespace mlplay::optimization
