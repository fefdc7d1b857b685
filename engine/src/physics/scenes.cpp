#include "mlplay/physics/scenes.h"

#include <cmath>

#include "mlplay/core/error.h"

namespace mlplay::physics {
namespace {

World spring_scene(double k) {
  // The exercise's scene: one 1 kg ball, ω = sqrt(k / m), so Verlet is stable for dt < 2 / ω.
  World world(kSceneWidth, kSceneHeight, kEarthGravity);
  const int anchor = world.add_ball({.x = 4.0, .y = 4.6, .mass = 1, .radius = 0.08, .fixed = true});
  const int bob = world.add_ball({.x = 4.0, .y = 2.1, .mass = 1, .radius = 0.2});
  world.add_spring(anchor, bob, k, 1.5);  // starts stretched 1 m past its rest length
  return world;
}

World chain_scene(double k) {
  World world(kSceneWidth, kSceneHeight, kEarthGravity);
  int previous = world.add_ball({.x = 1.5, .y = 4.4, .mass = 1, .radius = 0.08, .fixed = true});
  for (int i = 1; i <= 8; ++i) {
    const int ball = world.add_ball({.x = 1.5 + 0.45 * i, .y = 4.4, .mass = 0.5, .radius = 0.1});
    world.add_spring(previous, ball, k);
    previous = ball;
  }
  return world;
}

World jelly_scene(double k) {
  World world(kSceneWidth, kSceneHeight, kEarthGravity);
  constexpr int kSide = 3;
  constexpr double kSpacing = 0.5;
  int index[kSide][kSide];
  for (int row = 0; row < kSide; ++row) {
    for (int col = 0; col < kSide; ++col) {
      index[row][col] = world.add_ball({.x = 1.0 + kSpacing * col, .y = 2.5 + kSpacing * row, .vx = 2.0, .vy = 0,
                                        .mass = 0.5, .radius = 0.12});
    }
  }
  for (int row = 0; row < kSide; ++row) {
    for (int col = 0; col < kSide; ++col) {
      const int here = index[row][col];
      if (col + 1 < kSide) world.add_spring(here, index[row][col + 1], k);  // structural
      if (row + 1 < kSide) world.add_spring(here, index[row + 1][col], k);
      if (row + 1 < kSide && col + 1 < kSide) world.add_spring(here, index[row + 1][col + 1], k);  // shear
      if (row + 1 < kSide && col > 0) world.add_spring(here, index[row + 1][col - 1], k);
    }
  }
  return world;
}

World balls_scene() {
  World world(kSceneWidth, kSceneHeight, kEarthGravity);
  for (int i = 0; i < 10; ++i) {
    const double radius = 0.18 + 0.06 * (i % 4);
    const double angle = 2.4 * i;  // spread the launch directions
    world.add_ball({.x = 0.8 + 1.6 * (i % 5), .y = 1.2 + 1.6 * (i / 5), .vx = 3.0 * std::cos(angle),
                    .vy = 3.0 * std::sin(angle), .mass = (radius / 0.2) * (radius / 0.2), .radius = radius});
  }
  return world;
}

}  // namespace

const std::vector<std::string>& scene_names() {
  static const std::vector<std::string> names = {"spring", "chain", "jelly", "balls"};
  return names;
}

double default_stiffness(std::string_view scene) {
  if (scene == "spring") return 20;
  if (scene == "chain") return 400;
  if (scene == "jelly") return 600;
  if (scene == "balls") return 0;  // no springs
  throw ValueError(detail::concat("scene: unknown scene '", scene, "'; expected spring, chain, jelly or balls"));
}

World make_scene(std::string_view scene, double stiffness) {
  default_stiffness(scene);  // validates the name
  if (scene == "balls") return balls_scene();
  check(std::isfinite(stiffness) && stiffness > 0 && stiffness <= 1e7, "scene '", scene,
        "': spring stiffness must be between 0 and 1e7 N/m, got ", stiffness);
  if (scene == "spring") return spring_scene(stiffness);
  if (scene == "chain") return chain_scene(stiffness);
  return jelly_scene(stiffness);
}

}  // namespace mlplay::physics
