#include "mlplay/image/image.h"

#include "mlplay/core/error.h"

namespace mlplay {

namespace {
void check_size(int width, int height) {
  check(width >= 1 && height >= 1 && width <= kMaxImageSide && height <= kMaxImageSide, "Image: size ", width, " x ",
        height, " is out of range; each side must be 1 to ", kMaxImageSide);
  check(int64_t{width} * height <= kMaxImagePixels, "Image: ", width, " x ", height, " = ", int64_t{width} * height,
        " pixels is more than the limit of ", kMaxImagePixels);
}
}  // namespace

Image::Image(int w, int h) : width(w), height(h) {
  check_size(w, h);
  rgba.assign(static_cast<size_t>(w) * h * 4, 0);
}

Image::Image(int w, int h, std::vector<uint8_t> pixels) : width(w), height(h), rgba(std::move(pixels)) {
  check_size(w, h);
  check(rgba.size() == static_cast<size_t>(w) * h * 4, "Image: ", w, " x ", h, " RGBA needs ",
        static_cast<size_t>(w) * h * 4, " bytes, got ", rgba.size());
}

}  // namespace mlplay
