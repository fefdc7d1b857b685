#pragma once
/// 2D points and 3×3 homogeneous matrices, written out by hand so every multiply-add is visible.
///
/// A point (x, y) is the column vector (x, y, 1); a direction (a velocity, an arrow) is (x, y, 0), so
/// translation moves points but not directions. A matrix acts on the left: p' = M p, and M = B · A
/// applies A first, then B (Gambetta, "Computer Graphics from Scratch", ch. 9–10).
#include <array>
#include <cstddef>
#include <string>

namespace mlplay {

struct Vec2 {
  double x = 0;
  double y = 0;
};

/// A 3×3 matrix stored row by row: entry (row, col) is data()[3 * row + col].
class Mat3 {
 public:
  /// The identity matrix.
  Mat3();
  /// From 9 numbers in row-major order.
  explicit Mat3(const std::array<double, 9>& row_major);

  static Mat3 identity() { return Mat3(); }

  double operator()(int row, int col) const { return m_[static_cast<size_t>(3 * row + col)]; }
  double& operator()(int row, int col) { return m_[static_cast<size_t>(3 * row + col)]; }
  const std::array<double, 9>& data() const { return m_; }

  /// Matrix product (this · other): entry (i, j) = Σ_k this(i, k) · other(k, j).
  Mat3 operator*(const Mat3& other) const;

  /// M (x, y, 1): a point. Divides by w when the bottom row is not (0, 0, 1) (projective matrices).
  Vec2 apply(Vec2 point) const;
  /// M (x, y, 0): a direction; translation does not touch it.
  Vec2 apply_direction(Vec2 direction) const;

  /// det M. For an affine matrix this is the factor by which areas scale (negative: mirrored).
  double determinant() const;
  /// True when the bottom row is exactly (0, 0, 1): translate, rotate, scale and their products.
  bool is_affine() const;

 private:
  std::array<double, 9> m_;
};

/// "[[a, b, c], [d, e, f], [g, h, i]]" with `digits` significant digits, for messages and the CLI.
std::string to_string(const Mat3& m, int digits = 6);

}  // namespace mlplay
