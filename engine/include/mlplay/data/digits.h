#pragma once
/// Handwritten digits the way MNIST was made (LeCun, Cortes & Burges): each digit's ink was cropped
/// to its bounding box, scaled so the longer side is 20 pixels keeping the aspect ratio (anti-aliased),
/// and placed in a 28×28 field so that its centre of mass sits at the centre. `prepare_digit` does the
/// same to a drawing, so the network sees a drawn digit as it saw its training data. `augment_digit`
/// makes the random variations people's drawings have (position, size, slant, rotation, stroke
/// thickness) for training.
#include <cstdint>
#include <span>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::data {

inline constexpr int kDigitSide = 28;         // MNIST images are 28×28
inline constexpr int kDigitBox = 20;          // the ink's longer side after scaling
/// Where MNIST digits' centre of mass sits, in pixel-centre units (pixel i spans [i, i + 1]): at pixel
/// (14, 14), i.e. 14.5 — measured over the 60,000 training digits as (14.51, 14.50).
inline constexpr double kDigitCentre = 14.5;

/// A 28×28 digit: values in [0, 1] (0 = paper, 1 = ink), row-major.
struct PreparedDigit {
  std::vector<float> pixels;  // 784 values; all zero when `empty`
  bool empty = true;          // no ink at all
  // Where the ink was in the input (pixels), and the scale applied to it.
  int box_left = 0, box_top = 0, box_width = 0, box_height = 0;
  double scale = 0.0;
  // The ink's centre of mass in the 28×28 result (≈ kDigitCentre), in pixel-centre units.
  double centre_x = 0.0, centre_y = 0.0;
};

/// Crops `ink` (width × height, row-major, values ≥ 0 where larger is more ink — any scale) to the
/// bounding box of the values above `threshold` × its maximum, scales the longer side to 20 px by
/// area averaging (exact box-filter anti-aliasing), normalizes the peak to 1, and shifts it (bilinear,
/// sub-pixel) so its centre of mass is at kDigitCentre of 28×28 — as far as that keeps the whole
/// 20-pixel box inside the field (a lopsided shape stops at the edge rather than losing ink). All-zero input gives `empty`. Throws
/// ValueError for a size that does not match the data or an image over 4096 × 4096.
PreparedDigit prepare_digit(std::span<const float> ink, int width, int height, float threshold = 0.05f);

/// The centre of mass (x, y) of a 28×28 image in pixel-centre units (pixel i's centre is i + 0.5);
/// (kDigitCentre, kDigitCentre) for an image with no ink.
std::pair<double, double> centre_of_mass(std::span<const float> pixels28);

/// Random variation for training, in the ranges drawn digits vary in.
struct AugmentOptions {
  double max_rotation_degrees = 12.0;
  double min_scale = 0.85, max_scale = 1.15;
  double max_shear = 0.25;     // x += shear · y
  double max_shift = 2.5;      // pixels, each axis
  double thicken_probability = 0.25;  // 3×3 cross max (bolder strokes)
  double thin_probability = 0.15;     // 3×3 cross min blended half-way (thinner strokes)
};

/// Writes a randomly transformed copy of the 28×28 byte image `source` (0–255) into `out` as floats
/// in [0, 1]: an affine map about the centre (rotation, scale, shear, shift) by inverse mapping with
/// bilinear sampling, then maybe a thicker or thinner stroke.
void augment_digit(const uint8_t* source, float* out, Generator& gen, const AugmentOptions& options = {});

/// Something that is not a digit, as a person might draw it — a dot, a tangled scribble, crossing
/// hatch lines or a filled blob — drawn on a canvas and prepared by prepare_digit like a drawing, into
/// `out` (784 floats). Training on these with a uniform target teaches the network to answer "not
/// sure" (probabilities near 10% each) rather than read a dot as a confident 0.
void junk_digit(float* out, Generator& gen);

}  // namespace mlplay::data
