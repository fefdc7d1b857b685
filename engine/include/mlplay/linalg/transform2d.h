#pragma once
/// Translate, rotate and scale as 3×3 homogeneous matrices, composed in a chosen order, and applied
/// to many points at once (one call per frame for a whole scene).
///
///   T(tx, ty) = [[1, 0, tx], [0, 1, ty], [0, 0, 1]]
///   R(θ)      = [[cos θ, −sin θ, 0], [sin θ, cos θ, 0], [0, 0, 1]]   (θ counter-clockwise, y up)
///   S(sx, sy) = [[sx, 0, 0], [0, sy, 0], [0, 0, 1]]
///
/// Steps apply in the order they are added: scale, then rotate, then translate is M = T · R · S.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mlplay/linalg/mat3.h"

namespace mlplay {

/// T(tx, ty): moves every point by (tx, ty).
Mat3 translation(double tx, double ty);
/// R(θ) about the origin, θ in radians, counter-clockwise.
Mat3 rotation(double radians);
/// R(θ) with θ in degrees; multiples of 90° give exact 0 and ±1 entries.
Mat3 rotation_degrees(double degrees);
/// S(sx, sy) about the origin; a negative factor mirrors.
Mat3 scaling(double sx, double sy);

/// One step of a transform: what it is, its numbers, and its matrix.
struct TransformStep {
  enum class Kind { Translate, Rotate, Scale };
  Kind kind;
  double a;  // tx, degrees, or sx
  double b;  // ty, unused, or sy
  Mat3 matrix() const;
  /// "translate", "rotate" or "scale".
  std::string name() const;
};

/// An ordered list of steps, first applied first. matrix() = M_k · … · M_2 · M_1.
class Transform2D {
 public:
  Transform2D& translate(double tx, double ty);
  Transform2D& rotate_degrees(double degrees);
  Transform2D& scale(double sx, double sy);
  /// Appends scale (s), rotate (r) and translate (t) in the order of the letters of `order`, a
  /// permutation of "srt": "srt" gives T · R · S, "str" gives R · T · S.
  static Transform2D from_order(const std::string& order, double degrees, double sx, double sy, double tx, double ty);

  const std::vector<TransformStep>& steps() const { return steps_; }
  /// The composed matrix (identity for no steps).
  Mat3 matrix() const;
  /// The points xy = [x0, y0, x1, y1, …] after all steps.
  std::vector<float> apply(std::span<const float> xy) const;
  /// The points after step 1, after step 2, …: steps().size() blocks of xy.size() floats.
  std::vector<float> trace(std::span<const float> xy) const;

 private:
  std::vector<TransformStep> steps_;
};

/// p' = M p for every point of xy = [x0, y0, x1, y1, …].
std::vector<float> transform_points(const Mat3& m, std::span<const float> xy);

/// Many shapes in one call: shape s has `counts[s]` consecutive points of xy and the matrix
/// matrices[9 s … 9 s + 8] (row-major). Returns every transformed point, in the same layout as xy.
std::vector<float> transform_batch(std::span<const float> matrices, std::span<const int32_t> counts,
                                   std::span<const float> xy);

}  // namespace mlplay
