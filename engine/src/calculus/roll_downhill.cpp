#include "mlplay/calculus/roll_downhill.h"

#include <algorithm>
#include <cmath>

#include "mlplay/calculus/derivative.h"

namespace mlplay {

DownhillPath roll_downhill(const Expression& f, double start, double learning_rate, int max_steps, double from, double to) {
  check(std::isfinite(from) && std::isfinite(to) && from < to, "roll_downhill: the interval [", from, ", ", to,
        "] must be finite with from < to");
  check(std::isfinite(start) && start >= from && start <= to, "roll_downhill: start ", start, " must lie in [", from, ", ", to, "]");
  check(std::isfinite(learning_rate) && learning_rate > 0 && learning_rate <= 100,
        "roll_downhill: learning rate must be in (0, 100], got ", learning_rate);
  check(max_steps >= 1 && max_steps <= 100000, "roll_downhill: max_steps must be from 1 to 100000, got ", max_steps);

  DownhillPath path;
  double x = start;
  for (int step = 0;; ++step) {
    const double y = f(x);
    const double slope = central_difference(f, x, central_step(x));
    path.x.push_back(x);
    path.y.push_back(y);
    path.slope.push_back(slope);
    if (!std::isfinite(y) || !std::isfinite(slope)) {
      path.reason = "undefined";
      break;
    }
    // Flat: the next step would move x by less than a millionth of the interval.
    if (std::fabs(learning_rate * slope) < 1e-6 * (to - from)) {
      path.reason = "flat";
      break;
    }
    if (step == max_steps) break;
    x -= learning_rate * slope;  // downhill: against the slope
    if (x < from || x > to) {      // recorded, so the learner sees where it flew to
      path.x.push_back(x);
      path.y.push_back(f(x));
      path.slope.push_back(central_difference(f, x, central_step(x)));
      path.reason = "left the interval";
      break;
    }
  }
  return path;
}

}  // namespace mlplay
