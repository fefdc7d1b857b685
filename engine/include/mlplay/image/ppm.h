#pragma once
/// Binary PPM ("P6") images: a text header "P6 width height maxval" (with # comments) followed by
/// width * height RGB triples, one byte each (Netpbm, https://netpbm.sourceforge.net/doc/ppm.html).
/// Read as opaque RGBA; written as RGB, transparent pixels (alpha 0) written black.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/image/image.h"

namespace mlplay {

/// Decodes a P6 file held in memory. Throws IOError naming what is malformed (magic number, header
/// field, maxval above 255, missing pixel bytes). A maxval below 255 is rescaled to 0..255.
Image decode_ppm(const std::vector<uint8_t>& bytes);
/// "P6\n<width> <height>\n255\n" + RGB bytes.
std::vector<uint8_t> encode_ppm(const Image& image);

/// File versions: throw IOError naming the path when it cannot be opened, read or written.
Image read_ppm(const std::string& path);
void write_ppm(const std::string& path, const Image& image);

}  // namespace mlplay
