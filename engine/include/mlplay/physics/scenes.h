#pragma once
/// The lesson's ready-made scenes, in an 8 m × 5 m box, shared by the page and `mlplay physics`.
///   spring  one 1 kg ball hanging from an anchor on a spring, pulled 1 m down and let go
///   chain   a rope of 8 balls joined by springs, pinned at one end, falling and swinging
///   jelly   a 3 × 3 block of balls braced by springs, thrown against the floor and walls
///   balls   ten balls of different sizes bouncing off the walls and each other (no springs)
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/physics/world.h"

namespace mlplay::physics {

inline constexpr double kSceneWidth = 8.0;   // m
inline constexpr double kSceneHeight = 5.0;  // m
inline constexpr double kEarthGravity = 9.81;  // m/s²

const std::vector<std::string>& scene_names();
/// The spring stiffness (N/m) a scene uses unless told otherwise; throws for an unknown name.
double default_stiffness(std::string_view scene);
/// Builds a scene with every spring of the given stiffness (N/m, > 0).
World make_scene(std::string_view scene, double stiffness);
inline World make_scene(std::string_view scene) { return make_scene(scene, default_stiffness(scene)); }

}  // namespace mlplay::physics
