#pragma once
/// Colour quantization by k-means: every pixel is a point (r, g, b) in [0, 255]³; the k centroids of a
/// random sample of pixels become the palette, and every pixel is repainted in its nearest palette
/// colour. A 24-bit photo then needs only ⌈log₂ k⌉ bits per pixel (plus the palette).
#include <cstdint>
#include <span>
#include <vector>

#include "mlplay/cluster/kmeans.h"

namespace mlplay::cluster {

struct QuantizeOptions {
  int64_t colors = 16;
  KMeansInit init = KMeansInit::kmeans_plus_plus;
  int n_init = 1;
  int max_iter = 100;
  /// Pixels k-means is fitted on (all of them when the image has fewer).
  int64_t sample = 10000;
  uint64_t seed = 0;
};

struct Quantized {
  /// colors × 3 bytes, r g b, sorted by how many pixels use each colour (most first).
  std::vector<uint8_t> palette;
  /// Pixels per palette colour (over the whole image).
  std::vector<int64_t> counts;
  /// The image repainted, RGBA (alpha kept).
  std::vector<uint8_t> rgba;
  /// Mean squared error per pixel over r, g, b: Σ ‖x − c(x)‖² / pixels (the image's inertia / pixels).
  double mse = 0;
  /// Lloyd iterations of the fit on the sample.
  int iterations = 0;
  int64_t sampled = 0;
};

/// The pixels of RGBA bytes (width × height × 4) as points in RGB.
Points rgb_points(std::span<const uint8_t> rgba);

/// Quantizes RGBA bytes to options.colors colours (2 to 256; at most the number of pixels).
Quantized quantize_colors(std::span<const uint8_t> rgba, const QuantizeOptions& options);

}  // namespace mlplay::cluster
