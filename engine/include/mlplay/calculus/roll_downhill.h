#pragma once
/// A ball rolling downhill on f: x ← x − η · f'(x), with f' by central differences. This is gradient
/// descent in one dimension, the preview of the gradient-descent lesson: a small η creeps into the
/// nearest valley, a large one overshoots or flies off.
#include <vector>

#include "mlplay/calculus/expression.h"

namespace mlplay {

struct DownhillPath {
  /// x_0 = start, x_1, …, and f and the slope at each (the last x lies outside the interval when
  /// the ball left it).
  std::vector<double> x, y, slope;
  /// Why it stopped: "flat" (|f'| tiny: a critical point), "left the interval", "undefined"
  /// (f or f' not finite), or "step limit".
  const char* reason = "step limit";
};

/// At most `max_steps` steps of x ← x − learning_rate · D_h f(x) from `start`, stopping early when
/// the slope is tiny, x leaves [from, to], or f is undefined.
DownhillPath roll_downhill(const Expression& f, double start, double learning_rate, int max_steps, double from, double to);

}  // namespace mlplay
