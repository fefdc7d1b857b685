#pragma once
/// Image warping by inverse mapping: for every output pixel centre p, look up the source at
/// M⁻¹ p and sample it (nearest neighbour or bilinear). Mapping backwards visits each output pixel
/// exactly once, so there are no holes, unlike pushing source pixels forwards
/// (Szeliski, "Computer Vision: Algorithms and Applications", 2nd ed., §3.6.1).
///
/// Coordinates are pixel coordinates: x to the right, y down, pixel (i, j) covers [i, i+1) × [j, j+1)
/// and its centre is (i + 0.5, j + 0.5).
#include <string>

#include "mlplay/image/image.h"
#include "mlplay/linalg/mat3.h"

namespace mlplay {

enum class Sampling { Nearest, Bilinear };

/// "nearest" or "bilinear"; throws ValueError naming the bad value otherwise.
Sampling parse_sampling(const std::string& name);
std::string to_string(Sampling sampling);

/// The learner's affine controls. Applied to the picture in this order: scale, shear, rotate, flip,
/// all about the image centre.
struct WarpOptions {
  /// Degrees. With y pointing down, the textbook matrix [[cos, −sin], [sin, cos]] turns the picture
  /// clockwise on screen for a positive angle.
  double rotate_degrees = 0;
  /// Uniform scale factor, 0.05 to 8.
  double scale = 1;
  /// Horizontal shear: x' = x + shear · y, −4 to 4.
  double shear = 0;
  bool flip_horizontal = false;
  bool flip_vertical = false;
};

/// "none", "h", "v" or "hv" -> the two flip flags; throws ValueError otherwise.
void parse_flip(const std::string& text, WarpOptions& options);

/// A forward matrix (source pixel coordinates -> output pixel coordinates) and the output size.
struct AffineWarp {
  Mat3 matrix;
  int width = 0;
  int height = 0;
};

/// M = T(output centre) · F · R · Sh · S · T(−source centre) for a width × height source, with the
/// output just big enough to hold the four transformed corners. Throws ValueError for options out of
/// range or an output above kMaxImagePixels.
AffineWarp fit_affine(int width, int height, const WarpOptions& options);

/// M⁻¹ by the adjugate: adj(M) / det M. Throws ValueError when |det M| is (nearly) zero.
Mat3 inverse(const Mat3& m);

/// The width × height output of mapping `source` by `forward` (source -> output coordinates):
/// each output row is filled by inverse mapping (rows split among threads with parallel_for).
/// Output pixels whose preimage falls outside the source are transparent (alpha 0).
Image warp(const Image& source, const Mat3& forward, int width, int height, Sampling sampling);

}  // namespace mlplay
