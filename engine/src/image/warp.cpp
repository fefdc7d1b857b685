#include "mlplay/image/warp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay {

Sampling parse_sampling(const std::string& name) {
  if (name == "nearest") return Sampling::Nearest;
  if (name == "bilinear") return Sampling::Bilinear;
  throw ValueError("warp: sampling must be 'nearest' or 'bilinear', got '" + name + "'");
}

std::string to_string(Sampling sampling) { return sampling == Sampling::Nearest ? "nearest" : "bilinear"; }

void parse_flip(const std::string& text, WarpOptions& options) {
  check(text == "none" || text == "h" || text == "v" || text == "hv" || text == "vh",
        "warp: flip must be 'none', 'h', 'v' or 'hv', got '", text, "'");
  options.flip_horizontal = text.find('h') != std::string::npos;
  options.flip_vertical = text.find('v') != std::string::npos;
}

AffineWarp fit_affine(int width, int height, const WarpOptions& o) {
  check(width >= 1 && height >= 1, "warp: the source must be at least 1 x 1 pixels, got ", width, " x ", height);
  check(std::isfinite(o.rotate_degrees) && std::abs(o.rotate_degrees) <= 3600, "warp: rotate must be a finite number of degrees (-3600 to 3600), got ", o.rotate_degrees);
  check(std::isfinite(o.scale) && o.scale >= 0.05 && o.scale <= 8, "warp: scale must be 0.05 to 8, got ", o.scale);
  check(std::isfinite(o.shear) && std::abs(o.shear) <= 4, "warp: shear must be -4 to 4, got ", o.shear);

  // The linear part L = F · R · Sh · S (scale first, flip last), each a 3×3 with bottom row (0, 0, 1).
  const double theta = o.rotate_degrees * std::numbers::pi / 180.0;
  double c = std::cos(theta), s = std::sin(theta);
  // NOTE: cos(90°) is 6e-17 in floating point; snapping it to 0 keeps quarter turns exact, so they
  // map pixel centres onto pixel centres.
  if (std::abs(c) < 1e-12) c = 0;
  if (std::abs(s) < 1e-12) s = 0;
  const Mat3 scale({o.scale, 0, 0, 0, o.scale, 0, 0, 0, 1});
  const Mat3 shear({1, o.shear, 0, 0, 1, 0, 0, 0, 1});
  const Mat3 rotate({c, -s, 0, s, c, 0, 0, 0, 1});
  const Mat3 flip({o.flip_horizontal ? -1.0 : 1.0, 0, 0, 0, o.flip_vertical ? -1.0 : 1.0, 0, 0, 0, 1});
  const Mat3 linear = flip * rotate * shear * scale;

  // The output is the bounding box of the four corners, relative to the source centre.
  const double cx = width / 2.0, cy = height / 2.0;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
  const Vec2 corners[4] = {{-cx, -cy}, {cx, -cy}, {cx, cy}, {-cx, cy}};
  for (int k = 0; k < 4; ++k) {
    const Vec2 p = linear.apply(corners[k]);
    min_x = k ? std::min(min_x, p.x) : p.x;
    max_x = k ? std::max(max_x, p.x) : p.x;
    min_y = k ? std::min(min_y, p.y) : p.y;
    max_y = k ? std::max(max_y, p.y) : p.y;
  }
  // NOTE: 1e-6 keeps 640 · cos(90°) ≈ 4e-14 from adding a whole pixel.
  const double out_w = std::max(1.0, std::ceil(max_x - min_x - 1e-6));
  const double out_h = std::max(1.0, std::ceil(max_y - min_y - 1e-6));
  check(out_w <= kMaxImageSide && out_h <= kMaxImageSide && out_w * out_h <= static_cast<double>(kMaxImagePixels),
        "warp: the output would be ", out_w, " x ", out_h, " pixels; the limit is ", kMaxImageSide,
        " a side and ", kMaxImagePixels, " pixels (use a smaller scale)");

  const Mat3 to_centre({1, 0, -cx, 0, 1, -cy, 0, 0, 1});
  const Mat3 from_centre({1, 0, out_w / 2.0, 0, 1, out_h / 2.0, 0, 0, 1});
  return {from_centre * linear * to_centre, static_cast<int>(out_w), static_cast<int>(out_h)};
}

Mat3 inverse(const Mat3& m) {
  const double det = m.determinant();
  double largest = 0;
  for (double v : m.data()) largest = std::max(largest, std::abs(v));
  check(std::abs(det) > 1e-12 * largest * largest * largest && det != 0.0, "inverse: the matrix ", to_string(m),
        " is singular (det = ", det, ")");
  // M⁻¹ = adj(M) / det M; adj(M)(i, j) is the cofactor of entry (j, i).
  const auto cofactor = [&](int r, int col) {
    const int r0 = (r + 1) % 3, r1 = (r + 2) % 3, c0 = (col + 1) % 3, c1 = (col + 2) % 3;
    return m(r0, c0) * m(r1, c1) - m(r0, c1) * m(r1, c0);  // cyclic order carries the sign
  };
  Mat3 out;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) out(i, j) = cofactor(j, i) / det;
  return out;
}

namespace {

/// Bilinear blend of the 2×2 source pixels around (fx, fy) in pixel-index coordinates, edges clamped.
void sample_bilinear(const Image& src, double fx, double fy, uint8_t* out) {
  const double x0f = std::floor(fx), y0f = std::floor(fy);
  const double tx = fx - x0f, ty = fy - y0f;
  const int x0 = std::clamp(static_cast<int>(x0f), 0, src.width - 1), x1 = std::min(static_cast<int>(x0f) + 1, src.width - 1);
  const int y0 = std::clamp(static_cast<int>(y0f), 0, src.height - 1), y1 = std::min(static_cast<int>(y0f) + 1, src.height - 1);
  const uint8_t *p00 = src.pixel(x0, y0), *p10 = src.pixel(std::max(x1, 0), y0);
  const uint8_t *p01 = src.pixel(x0, std::max(y1, 0)), *p11 = src.pixel(std::max(x1, 0), std::max(y1, 0));
  for (int ch = 0; ch < 4; ++ch) {
    const double top = p00[ch] + tx * (p10[ch] - p00[ch]);
    const double bottom = p01[ch] + tx * (p11[ch] - p01[ch]);
    out[ch] = static_cast<uint8_t>(std::lround(top + ty * (bottom - top)));
  }
}

}  // namespace

Image warp(const Image& source, const Mat3& forward, int width, int height, Sampling sampling) {
  check(source.width >= 1 && source.height >= 1 && source.rgba.size() == static_cast<size_t>(source.width) * source.height * 4,
        "warp: the source image is empty or its pixel buffer does not match ", source.width, " x ", source.height);
  Image out(width, height);
  const Mat3 back = inverse(forward);  // output pixel centre -> source point
  const auto& h = back.data();
  const bool nearest = sampling == Sampling::Nearest;
  parallel_for(0, height, 16, [&](int64_t row_begin, int64_t row_end) {
    for (int64_t y = row_begin; y < row_end; ++y) {
      const double py = static_cast<double>(y) + 0.5;
      for (int x = 0; x < width; ++x) {
        const double px = x + 0.5;
        // (u, v, w) = M⁻¹ (px, py, 1); divide by w for a projective M.
        const double w = h[6] * px + h[7] * py + h[8];
        // NOTE: a projective map is a bijection, so a pixel outside the warped quadrilateral lands
        // outside the source whatever the sign of w; only w = 0 (the horizon) has no preimage.
        if (w == 0.0) continue;
        const double u = (h[0] * px + h[1] * py + h[2]) / w;
        const double v = (h[3] * px + h[4] * py + h[5]) / w;
        if (!(u >= 0.0 && v >= 0.0 && u < source.width && v < source.height)) continue;  // outside: transparent
        uint8_t* dst = out.pixel(x, static_cast<int>(y));
        if (nearest) {
          const uint8_t* p = source.pixel(static_cast<int>(u), static_cast<int>(v));
          dst[0] = p[0], dst[1] = p[1], dst[2] = p[2], dst[3] = p[3];
        } else {
          sample_bilinear(source, u - 0.5, v - 0.5, dst);  // pixel centres sit at index + 0.5
        }
      }
    }
  });
  return out;
}

}  // namespace mlplay
