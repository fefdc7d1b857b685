#include "mlplay/image/homography.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "mlplay/core/error.h"

namespace mlplay {

std::vector<double> solve_linear_system(std::vector<double> a, std::vector<double> b, int n) {
  check(n >= 1 && a.size() == static_cast<size_t>(n) * n && b.size() == static_cast<size_t>(n),
        "solve_linear_system: A must be ", n, " x ", n, " and b ", n, " long, got ", a.size(), " and ", b.size(), " entries");
  double largest = 0;
  for (double v : a) largest = std::max(largest, std::abs(v));
  check(largest > 0 && std::isfinite(largest), "solve_linear_system: A is all zeros or not finite");
  const auto at = [&](int r, int c) -> double& { return a[static_cast<size_t>(r) * n + c]; };
  // Forward elimination: for each column, swap up the row with the largest |entry| (partial pivoting).
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int r = col + 1; r < n; ++r)
      if (std::abs(at(r, col)) > std::abs(at(pivot, col))) pivot = r;
    check(std::abs(at(pivot, col)) > 1e-12 * largest, "solve_linear_system: the matrix is singular (no pivot in column ",
          col + 1, " of ", n, ")");
    if (pivot != col) {
      for (int c = 0; c < n; ++c) std::swap(at(col, c), at(pivot, c));
      std::swap(b[col], b[pivot]);
    }
    for (int r = col + 1; r < n; ++r) {
      const double factor = at(r, col) / at(col, col);
      for (int c = col; c < n; ++c) at(r, c) -= factor * at(col, c);
      b[r] -= factor * b[col];
    }
  }
  // Back substitution: x_r = (b_r − Σ_{c>r} A_rc x_c) / A_rr.
  std::vector<double> x(n);
  for (int r = n - 1; r >= 0; --r) {
    double sum = b[r];
    for (int c = r + 1; c < n; ++c) sum -= at(r, c) * x[c];
    x[r] = sum / at(r, r);
  }
  return x;
}

HomographySystem homography_system(const std::array<Vec2, 4>& from, const std::array<Vec2, 4>& to) {
  HomographySystem system{std::vector<double>(64, 0.0), std::vector<double>(8, 0.0)};
  // Unknowns h = (h11, h12, h13, h21, h22, h23, h31, h32); two rows per correspondence.
  for (int i = 0; i < 4; ++i) {
    const double x = from[i].x, y = from[i].y, u = to[i].x, v = to[i].y;
    const double row_u[8] = {x, y, 1, 0, 0, 0, -x * u, -y * u};
    const double row_v[8] = {0, 0, 0, x, y, 1, -x * v, -y * v};
    std::copy(row_u, row_u + 8, system.a.begin() + 16 * i);
    std::copy(row_v, row_v + 8, system.a.begin() + 16 * i + 8);
    system.b[2 * i] = u;
    system.b[2 * i + 1] = v;
  }
  return system;
}

namespace {
/// Twice the signed area of triangle (p, q, r): zero when the three points are on one line.
double cross(Vec2 p, Vec2 q, Vec2 r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); }

void check_no_three_collinear(const std::array<Vec2, 4>& pts, const char* which) {
  double scale = 0;
  for (const auto& p : pts) scale = std::max({scale, std::abs(p.x), std::abs(p.y)});
  for (int skip = 0; skip < 4; ++skip) {
    Vec2 t[3];
    for (int k = 0, n = 0; k < 4; ++k)
      if (k != skip) t[n++] = pts[k];
    for (const auto& p : pts)
      check(std::isfinite(p.x) && std::isfinite(p.y), "homography_from_points: ", which, " point (", p.x, ", ", p.y, ") is not finite");
    check(std::abs(cross(t[0], t[1], t[2])) > 1e-9 * std::max(1.0, scale * scale), "homography_from_points: the ", which,
          " points (", t[0].x, ", ", t[0].y, "), (", t[1].x, ", ", t[1].y, ") and (", t[2].x, ", ", t[2].y,
          ") are on one line, so no homography maps them");
  }
}
}  // namespace

Mat3 homography_from_points(const std::array<Vec2, 4>& from, const std::array<Vec2, 4>& to) {
  check_no_three_collinear(from, "source");
  check_no_three_collinear(to, "target");
  const auto system = homography_system(from, to);
  const auto h = solve_linear_system(system.a, system.b, 8);
  return Mat3({h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0});
}

}  // namespace mlplay
