#pragma once
/// One optimizer's path down a 2D loss surface: the engine's own optim::SGD (plain, momentum,
/// Nesterov), Adagrad, RMSprop, Adam and AdamW updating a 2-element parameter tensor (x, y), with a
/// learning-rate schedule from optim/schedulers. The loop is the usual one:
/// zero_grad -> loss -> backward -> step -> scheduler step.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/optim/optimizer.h"
#include "mlplay/optimization/surface.h"

namespace mlplay::optimization {

/// sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw.
const std::vector<std::string>& optimizer_names();
/// constant, step, cosine, warmup.
const std::vector<std::string>& schedule_names();

/// The optimizer called `name` (momentum and Nesterov use 0.9; the rest PyTorch's defaults) on
/// `params` with learning rate lr. Throws ValueError on an unknown name or a bad lr.
std::unique_ptr<optim::Optimizer> make_optimizer(std::string_view name, const Tensor& params, double lr);

/// A path diverges when f or the point stops being finite, or when the point leaves the square
/// |x|, |y| < divergence_radius(bounds) = 100 times the map's largest coordinate (300 for [-3, 3]^2):
/// far enough that no minimum on the map is coming back.
double divergence_radius(const Bounds& bounds);

struct DescentOptions {
  std::string optimizer = "sgd";
  double lr = 0.01;
  int64_t steps = 100;
  double x0 = 0, y0 = 0;
  /// constant; step: x0.5 every steps/5; cosine: annealed to 0 over the run; warmup: linear from
  /// lr/100 over the first steps/10, then constant.
  std::string schedule = "constant";
};

struct DescentPath {
  /// The points visited, start first: steps_taken + 1 entries (the last may be the one that blew up).
  std::vector<double> x, y, loss;
  /// The learning rate each step used (steps_taken entries).
  std::vector<double> lr;
  int64_t steps_taken = 0;
  bool diverged = false;
  /// Why the path was stopped early: "" or a sentence ("the loss became infinite at step 12").
  std::string reason;
};

/// Runs options.steps updates from (x0, y0) and stops a path that diverges. Throws ValueError on
/// unknown names, lr < 0, steps outside [0, 100000] or a non-finite start.
DescentPath descend(const Surface& surface, const DescentOptions& options);

}  // namespace mlplay::optimization
