#include "mlplay/linalg/mat3.h"

#include <cmath>
#include <sstream>

#include "mlplay/core/error.h"

namespace mlplay {

Mat3::Mat3() : m_{1, 0, 0, 0, 1, 0, 0, 0, 1} {}

Mat3::Mat3(const std::array<double, 9>& row_major) : m_(row_major) {}

Mat3 Mat3::operator*(const Mat3& other) const {
  // (3, 3) @ (3, 3) -> (3, 3): 27 multiply-adds.
  Mat3 product(std::array<double, 9>{});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      double sum = 0;
      for (int k = 0; k < 3; ++k) sum += (*this)(i, k) * other(k, j);
      product(i, j) = sum;
    }
  }
  return product;
}

Vec2 Mat3::apply(Vec2 p) const {
  const double x = m_[0] * p.x + m_[1] * p.y + m_[2];
  const double y = m_[3] * p.x + m_[4] * p.y + m_[5];
  const double w = m_[6] * p.x + m_[7] * p.y + m_[8];
  if (w == 1.0) return {x, y};
  check(w != 0.0, "Mat3::apply: the point (", p.x, ", ", p.y, ") maps to w = 0 (a point at infinity) under ",
        to_string(*this));
  return {x / w, y / w};
}

Vec2 Mat3::apply_direction(Vec2 d) const {
  return {m_[0] * d.x + m_[1] * d.y, m_[3] * d.x + m_[4] * d.y};
}

double Mat3::determinant() const {
  // Cofactor expansion along the first row.
  const auto& m = m_;
  return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}

bool Mat3::is_affine() const { return m_[6] == 0.0 && m_[7] == 0.0 && m_[8] == 1.0; }

std::string to_string(const Mat3& m, int digits) {
  std::ostringstream out;
  out.precision(digits);
  out << "[";
  for (int i = 0; i < 3; ++i) {
    out << (i ? ", [" : "[");
    for (int j = 0; j < 3; ++j) {
      const double v = m(i, j);
      out << (j ? ", " : "") << (v == 0.0 ? 0.0 : v);  // no "-0"
    }
    out << "]";
  }
  out << "]";
  return out.str();
}

}  // namespace mlplay
