#pragma once
/// An 8-bit RGBA image, row by row from the top-left pixel: the layout of the browser's ImageData,
/// so pixels cross the wasm boundary with one copy and no reshuffling.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlplay {

struct Image {
  int width = 0;
  int height = 0;
  /// width * height * 4 bytes: R, G, B, A of pixel (x, y) at 4 * (y * width + x).
  std::vector<uint8_t> rgba;

  Image() = default;
  /// A transparent black image; throws ValueError unless 1 <= width, height <= kMaxImageSide.
  Image(int width, int height);
  /// Wraps `rgba` (moved in); throws ValueError when its size is not width * height * 4.
  Image(int width, int height, std::vector<uint8_t> rgba);

  uint8_t* pixel(int x, int y) { return rgba.data() + 4 * (static_cast<size_t>(y) * width + x); }
  const uint8_t* pixel(int x, int y) const { return rgba.data() + 4 * (static_cast<size_t>(y) * width + x); }
};

/// The largest width or height the engine accepts, and the most pixels in one image.
inline constexpr int kMaxImageSide = 8192;
inline constexpr int64_t kMaxImagePixels = int64_t{4096} * 4096;

}  // namespace mlplay
