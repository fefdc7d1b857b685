#include "mlplay/linalg/transform2d.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"

namespace mlplay {
namespace {

void check_finite(const char* op, const char* name, double value) {
  check(std::isfinite(value), op, ": ", name, " must be a finite number, got ", value);
}

void check_pairs(const char* op, std::span<const float> xy) {
  check(xy.size() % 2 == 0, op, ": ", xy.size(), " coordinates are not a whole number of (x, y) pairs");
}

// Writes M p for the points xy[from, to) (pairs) into out.
void apply_range(const Mat3& m, const float* xy, float* out, size_t points) {
  const auto& d = m.data();
  if (m.is_affine()) {
    // x' = a x + b y + c, y' = d x + e y + f: the bottom row (0, 0, 1) keeps w = 1.
    for (size_t i = 0; i < points; ++i) {
      const double x = xy[2 * i];
      const double y = xy[2 * i + 1];
      out[2 * i] = static_cast<float>(d[0] * x + d[1] * y + d[2]);
      out[2 * i + 1] = static_cast<float>(d[3] * x + d[4] * y + d[5]);
    }
    return;
  }
  for (size_t i = 0; i < points; ++i) {
    const Vec2 p = m.apply({xy[2 * i], xy[2 * i + 1]});
    out[2 * i] = static_cast<float>(p.x);
    out[2 * i + 1] = static_cast<float>(p.y);
  }
}

}  // namespace

Mat3 translation(double tx, double ty) {
  check_finite("translation", "tx", tx);
  check_finite("translation", "ty", ty);
  return Mat3({1, 0, tx, 0, 1, ty, 0, 0, 1});
}

Mat3 rotation(double radians) {
  check_finite("rotation", "angle", radians);
  const double c = std::cos(radians);
  const double s = std::sin(radians);
  return Mat3({c, -s, 0, s, c, 0, 0, 0, 1});
}

Mat3 rotation_degrees(double degrees) {
  check_finite("rotation", "angle", degrees);
  // NOTE: cos(π/2) is 6e-17 in floating point, not 0. Reduce to [0, 360) and return exact entries
  // at the quarter turns so "rotate 90" prints a clean matrix.
  double reduced = std::fmod(degrees, 360.0);
  if (reduced < 0) reduced += 360.0;
  if (reduced == 0) return Mat3();
  if (reduced == 90) return Mat3({0, -1, 0, 1, 0, 0, 0, 0, 1});
  if (reduced == 180) return Mat3({-1, 0, 0, 0, -1, 0, 0, 0, 1});
  if (reduced == 270) return Mat3({0, 1, 0, -1, 0, 0, 0, 0, 1});
  return rotation(reduced * std::numbers::pi / 180.0);
}

Mat3 scaling(double sx, double sy) {
  check_finite("scaling", "sx", sx);
  check_finite("scaling", "sy", sy);
  return Mat3({sx, 0, 0, 0, sy, 0, 0, 0, 1});
}

Mat3 TransformStep::matrix() const {
  switch (kind) {
    case Kind::Translate:
      return translation(a, b);
    case Kind::Rotate:
      return rotation_degrees(a);
    case Kind::Scale:
      return scaling(a, b);
  }
  return Mat3();
}

std::string TransformStep::name() const {
  switch (kind) {
    case Kind::Translate:
      return "translate";
    case Kind::Rotate:
      return "rotate";
    case Kind::Scale:
      return "scale";
  }
  return "?";
}

Transform2D& Transform2D::translate(double tx, double ty) {
  translation(tx, ty);  // validates
  steps_.push_back({TransformStep::Kind::Translate, tx, ty});
  return *this;
}

Transform2D& Transform2D::rotate_degrees(double degrees) {
  rotation_degrees(degrees);
  steps_.push_back({TransformStep::Kind::Rotate, degrees, 0});
  return *this;
}

Transform2D& Transform2D::scale(double sx, double sy) {
  scaling(sx, sy);
  steps_.push_back({TransformStep::Kind::Scale, sx, sy});
  return *this;
}

Transform2D Transform2D::from_order(const std::string& order, double degrees, double sx, double sy, double tx,
                                    double ty) {
  std::string sorted = order;
  std::sort(sorted.begin(), sorted.end());
  check(sorted == "rst", "Transform2D::from_order: order must be a permutation of \"srt\" (s = scale, r = rotate, ",
        "t = translate), got \"", order, "\"");
  Transform2D transform;
  for (char letter : order) {
    if (letter == 's') transform.scale(sx, sy);
    if (letter == 'r') transform.rotate_degrees(degrees);
    if (letter == 't') transform.translate(tx, ty);
  }
  return transform;
}

Mat3 Transform2D::matrix() const {
  // Each new step multiplies on the left: after A then B, M = B · A.
  Mat3 m;
  for (const auto& step : steps_) m = step.matrix() * m;
  return m;
}

std::vector<float> Transform2D::apply(std::span<const float> xy) const {
  check_pairs("Transform2D::apply", xy);
  return transform_points(matrix(), xy);
}

std::vector<float> Transform2D::trace(std::span<const float> xy) const {
  check_pairs("Transform2D::trace", xy);
  std::vector<float> stages(steps_.size() * xy.size());
  Mat3 m;
  for (size_t s = 0; s < steps_.size(); ++s) {
    m = steps_[s].matrix() * m;
    apply_range(m, xy.data(), stages.data() + s * xy.size(), xy.size() / 2);
  }
  return stages;
}

std::vector<float> transform_points(const Mat3& m, std::span<const float> xy) {
  check_pairs("transform_points", xy);
  std::vector<float> out(xy.size());
  apply_range(m, xy.data(), out.data(), xy.size() / 2);
  return out;
}

std::vector<float> transform_batch(std::span<const float> matrices, std::span<const int32_t> counts,
                                   std::span<const float> xy) {
  check_pairs("transform_batch", xy);
  check(matrices.size() == 9 * counts.size(), "transform_batch: ", counts.size(), " shapes need ",
        9 * counts.size(), " matrix entries, got ", matrices.size());
  int64_t total = 0;
  for (size_t s = 0; s < counts.size(); ++s) {
    check(counts[s] >= 0, "transform_batch: shape ", s, " has a negative point count ", counts[s]);
    total += counts[s];
  }
  check(2 * total == static_cast<int64_t>(xy.size()), "transform_batch: the counts add up to ", total,
        " points but xy holds ", xy.size() / 2);
  std::vector<float> out(xy.size());
  size_t offset = 0;  // in points
  for (size_t s = 0; s < counts.size(); ++s) {
    std::array<double, 9> entries;
    for (size_t k = 0; k < 9; ++k) entries[k] = matrices[9 * s + k];
    apply_range(Mat3(entries), xy.data() + 2 * offset, out.data() + 2 * offset, static_cast<size_t>(counts[s]));
    offset += static_cast<size_t>(counts[s]);
  }
  return out;
}

}  // namespace mlplay
