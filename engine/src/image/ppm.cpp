#include "mlplay/image/ppm.h"

#include <cctype>
#include <fstream>
#include <iterator>

#include "mlplay/core/error.h"

namespace mlplay {

namespace {

/// Reads the header's whitespace-separated fields, skipping "#" comments to the end of the line.
class HeaderReader {
 public:
  explicit HeaderReader(const std::vector<uint8_t>& bytes) : bytes_(bytes) {}

  void skip_space_and_comments() {
    while (pos_ < bytes_.size()) {
      if (std::isspace(bytes_[pos_])) {
        ++pos_;
      } else if (bytes_[pos_] == '#') {
        while (pos_ < bytes_.size() && bytes_[pos_] != '\n' && bytes_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  /// A decimal number from 1 to `max`; `what` names the field in the error.
  int positive(const char* what, int max) {
    skip_space_and_comments();
    check<IOError>(pos_ < bytes_.size(), "ppm: the header ends before the ", what);
    const size_t start = pos_;
    int64_t value = 0;
    while (pos_ < bytes_.size() && std::isdigit(bytes_[pos_]) && value <= max) value = value * 10 + (bytes_[pos_++] - '0');
    check<IOError>(pos_ > start, "ppm: expected the ", what, " as a number, got '", static_cast<char>(bytes_[start]), "'");
    check<IOError>(value >= 1 && value <= max, "ppm: the ", what, " must be 1 to ", max, ", got ",
                   value > max ? std::string("more than ") + std::to_string(max) : std::to_string(value));
    return static_cast<int>(value);
  }

  size_t pos_ = 0;

 private:
  const std::vector<uint8_t>& bytes_;
};

}  // namespace

Image decode_ppm(const std::vector<uint8_t>& bytes) {
  check<IOError>(bytes.size() >= 2, "ppm: the file is empty or too short (", bytes.size(), " bytes)");
  if (bytes[0] != 'P' || bytes[1] != '6') {
    std::string magic;
    for (size_t i = 0; i < 2; ++i) magic += std::isprint(bytes[i]) ? static_cast<char>(bytes[i]) : '?';
    throw IOError("ppm: expected the magic number P6 (binary PPM), got '" + magic + "'");
  }
  HeaderReader header(bytes);
  header.pos_ = 2;
  const int width = header.positive("width", kMaxImageSide);
  const int height = header.positive("height", kMaxImageSide);
  check<IOError>(int64_t{width} * height <= kMaxImagePixels, "ppm: ", width, " x ", height,
                 " pixels is more than the limit of ", kMaxImagePixels);
  const int maxval = header.positive("maxval", 65535);
  check<IOError>(maxval <= 255, "ppm: maxval ", maxval, " (16-bit samples) is not supported; expected 1 to 255");
  check<IOError>(header.pos_ < bytes.size() && std::isspace(bytes[header.pos_]),
                 "ppm: expected one whitespace character after maxval");
  const size_t start = header.pos_ + 1;
  const size_t needed = static_cast<size_t>(width) * height * 3;
  check<IOError>(bytes.size() - start >= needed, "ppm: expected ", needed, " bytes of pixel data for ", width, " x ",
                 height, ", got ", bytes.size() - start);

  Image image(width, height);
  for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i) {
    for (size_t c = 0; c < 3; ++c) {
      const int sample = bytes[start + 3 * i + c];
      check<IOError>(sample <= maxval, "ppm: sample ", sample, " at pixel ", i, " is above maxval ", maxval);
      image.rgba[4 * i + c] = static_cast<uint8_t>((sample * 255 + maxval / 2) / maxval);
    }
    image.rgba[4 * i + 3] = 255;
  }
  return image;
}

std::vector<uint8_t> encode_ppm(const Image& image) {
  const std::string header = "P6\n" + std::to_string(image.width) + " " + std::to_string(image.height) + "\n255\n";
  std::vector<uint8_t> out(header.begin(), header.end());
  out.reserve(header.size() + static_cast<size_t>(image.width) * image.height * 3);
  for (size_t i = 0, n = static_cast<size_t>(image.width) * image.height; i < n; ++i) {
    const bool transparent = image.rgba[4 * i + 3] == 0;
    for (size_t c = 0; c < 3; ++c) out.push_back(transparent ? 0 : image.rgba[4 * i + c]);
  }
  return out;
}

Image read_ppm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  check<IOError>(in.good(), "ppm: cannot open '", path, "' for reading");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return decode_ppm(bytes);
  } catch (const IOError& e) {
    throw IOError(std::string(e.what()) + " (in '" + path + "')");
  }
}

void write_ppm(const std::string& path, const Image& image) {
  const auto bytes = encode_ppm(image);
  std::ofstream out(path, std::ios::binary);
  check<IOError>(out.good(), "ppm: cannot open '", path, "' for writing");
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  check<IOError>(out.good(), "ppm: writing '", path, "' failed");
}

}  // namespace mlplay
