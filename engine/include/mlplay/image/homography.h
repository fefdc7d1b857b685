#pragma once
/// The projective transform (homography) that maps four points to four others: the "4-point
/// perspective solve". With h33 = 1, each correspondence (x, y) -> (u, v) gives two linear equations
///   u = (h11 x + h12 y + h13) / (h31 x + h32 y + 1)  ->  h11 x + h12 y + h13 − h31 x u − h32 y u = u
///   v = (h21 x + h22 y + h23) / (h31 x + h32 y + 1)  ->  h21 x + h22 y + h23 − h31 x v − h32 y v = v
/// so four points give an 8×8 system A h = b (Hartley & Zisserman, "Multiple View Geometry", §4.1).
#include <array>
#include <vector>

#include "mlplay/linalg/mat3.h"

namespace mlplay {

/// Solves the n×n system A x = b (A row by row, n * n entries) by Gaussian elimination with partial
/// pivoting. Throws ValueError when A is singular (a pivot below 1e-12 of the largest entry).
std::vector<double> solve_linear_system(std::vector<double> a, std::vector<double> b, int n);

/// The 8×8 system (A row by row, then b) for the homography taking from[i] to to[i].
struct HomographySystem {
  std::vector<double> a;  // 64 entries
  std::vector<double> b;  // 8 entries
};
HomographySystem homography_system(const std::array<Vec2, 4>& from, const std::array<Vec2, 4>& to);

/// H with H · from[i] ∝ to[i] for all four points and H(2, 2) = 1. Throws ValueError naming the
/// points when three of either quadrilateral are (nearly) on one line, so no homography exists.
Mat3 homography_from_points(const std::array<Vec2, 4>& from, const std::array<Vec2, 4>& to);

}  // namespace mlplay
