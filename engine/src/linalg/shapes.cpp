#include "mlplay/linalg/shapes.h"

#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"

namespace mlplay {

const std::vector<std::string>& shape_names() {
  static const std::vector<std::string> names = {"triangle", "square", "arrow", "house", "star", "ship"};
  return names;
}

std::vector<float> shape_vertices(const std::string& name) {
  if (name == "triangle") return {0.0f, 1.0f, -0.8f, -0.6f, 0.8f, -0.6f};
  if (name == "square") return {-0.7f, -0.7f, 0.7f, -0.7f, 0.7f, 0.7f, -0.7f, 0.7f};
  // An arrow pointing along +x: its direction shows rotation at a glance.
  if (name == "arrow") return {-0.9f, -0.2f, 0.3f, -0.2f, 0.3f, -0.5f, 0.9f, 0.0f, 0.3f, 0.5f, 0.3f, 0.2f, -0.9f, 0.2f};
  // Not symmetric under any rotation or mirror, so every transform is visible.
  // The door is a notch in the outline, off centre.
  if (name == "house") return {-0.2f, -0.8f, 0.7f, -0.8f, 0.7f, 0.2f, 0.0f, 0.9f, -0.7f, 0.2f, -0.7f, -0.8f, -0.5f, -0.8f, -0.5f, -0.3f, -0.2f, -0.3f};
  if (name == "star") {
    // Five points: radius 1 at the tips, 0.4 between, the first tip straight up.
    std::vector<float> xy;
    for (int k = 0; k < 10; ++k) {
      const double radius = k % 2 == 0 ? 1.0 : 0.4;
      const double angle = std::numbers::pi / 2 + k * std::numbers::pi / 5;
      xy.push_back(static_cast<float>(radius * std::cos(angle)));
      xy.push_back(static_cast<float>(radius * std::sin(angle)));
    }
    return xy;
  }
  // The Asteroids ship: nose at (0, 1), pointing up (+y) when unrotated.
  if (name == "ship") return {0.0f, 1.0f, -0.6f, -0.7f, 0.0f, -0.35f, 0.6f, -0.7f};
  std::string choices;
  for (const auto& n : shape_names()) choices += (choices.empty() ? "" : ", ") + n;
  throw ValueError("shape_vertices: unknown shape '" + name + "'; shapes are " + choices);
}

}  // namespace mlplay
