#pragma once
/// Shapes as lists of vectors: each shape is its corner points [x0, y0, x1, y1, …] in its own model
/// coordinates (about the origin, roughly inside the unit circle), drawn as a closed outline.
#include <string>
#include <vector>

namespace mlplay {

/// The names shape_vertices accepts: "triangle", "square", "arrow", "house", "star", "ship".
const std::vector<std::string>& shape_names();

/// The corner points of a named shape. Throws ValueError naming the shape and the choices.
std::vector<float> shape_vertices(const std::string& name);

}  // namespace mlplay
