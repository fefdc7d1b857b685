#include "mlplay/data/digits.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "mlplay/core/error.h"

namespace mlplay::data {

namespace {

/// Area-averaging resize (box filter): each output pixel is the mean of the source area it covers,
/// with partial pixels weighted by their overlap — the anti-aliased downscale MNIST used.
std::vector<float> resize_area(const std::vector<float>& src, int sw, int sh, int dw, int dh) {
  // Separable: first along x (sw → dw), then along y (sh → dh).
  auto weights = [](int s, int d) {
    // For each destination index, a list of (source index, weight) with weights summing to 1.
    std::vector<std::vector<std::pair<int, float>>> w(static_cast<size_t>(d));
    const double ratio = double(s) / d;
    for (int i = 0; i < d; ++i) {
      const double a = i * ratio, b = (i + 1) * ratio;
      for (int j = int(std::floor(a)); j < int(std::ceil(b)) && j < s; ++j) {
        const double overlap = std::min<double>(b, j + 1) - std::max<double>(a, j);
        if (overlap > 1e-9) w[size_t(i)].push_back({j, float(overlap / ratio)});
      }
    }
    return w;
  };
  const auto wx = weights(sw, dw), wy = weights(sh, dh);
  std::vector<float> tmp(size_t(dw) * size_t(sh), 0.0f);
  for (int y = 0; y < sh; ++y) {
    for (int x = 0; x < dw; ++x) {
      float sum = 0.0f;
      for (const auto& [j, w] : wx[size_t(x)]) sum += w * src[size_t(y) * size_t(sw) + size_t(j)];
      tmp[size_t(y) * size_t(dw) + size_t(x)] = sum;
    }
  }
  std::vector<float> out(size_t(dw) * size_t(dh), 0.0f);
  for (int y = 0; y < dh; ++y) {
    for (const auto& [j, w] : wy[size_t(y)]) {
      for (int x = 0; x < dw; ++x) out[size_t(y) * size_t(dw) + size_t(x)] += w * tmp[size_t(j) * size_t(dw) + size_t(x)];
    }
  }
  return out;
}

/// Bilinear sample of a w×h image at (x, y) in pixel-index units; zero outside.
float sample(const float* img, int w, int h, double x, double y) {
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = float(x - x0), fy = float(y - y0);
  auto at = [&](int xi, int yi) -> float {
    return (xi < 0 || yi < 0 || xi >= w || yi >= h) ? 0.0f : img[size_t(yi) * size_t(w) + size_t(xi)];
  };
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

}  // namespace

std::pair<double, double> centre_of_mass(std::span<const float> pixels28) {
  check<ValueError>(pixels28.size() == size_t(kDigitSide * kDigitSide), "centre_of_mass: expected 784 pixels, got ",
                    pixels28.size());
  double mass = 0, mx = 0, my = 0;
  for (int y = 0; y < kDigitSide; ++y) {
    for (int x = 0; x < kDigitSide; ++x) {
      const double v = pixels28[size_t(y * kDigitSide + x)];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  if (mass <= 0) return {kDigitCentre, kDigitCentre};
  return {mx / mass, my / mass};
}

PreparedDigit prepare_digit(std::span<const float> ink, int width, int height, float threshold) {
  check<ValueError>(width > 0 && height > 0 && width <= 4096 && height <= 4096, "prepare_digit: image size ", width, "×",
                    height, " must be 1 to 4096 pixels a side");
  check<ValueError>(ink.size() == size_t(width) * size_t(height), "prepare_digit: ", width, "×", height, " needs ",
                    size_t(width) * size_t(height), " values, got ", ink.size());
  check<ValueError>(threshold >= 0 && threshold < 1, "prepare_digit: threshold ", threshold, " must be in [0, 1)");
  PreparedDigit digit;
  digit.pixels.assign(size_t(kDigitSide * kDigitSide), 0.0f);
  float peak = 0.0f;
  for (float v : ink) {
    check<ValueError>(std::isfinite(v), "prepare_digit: the image holds a non-finite value");
    peak = std::max(peak, v);
  }
  if (peak <= 0.0f) return digit;

  // Bounding box of the ink above the threshold.
  const float cut = threshold * peak;
  int left = width, right = -1, top = height, bottom = -1;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      if (ink[size_t(y) * size_t(width) + size_t(x)] > cut) {
        left = std::min(left, x), right = std::max(right, x);
        top = std::min(top, y), bottom = std::max(bottom, y);
      }
    }
  }
  const int bw = right - left + 1, bh = bottom - top + 1;
  std::vector<float> crop(size_t(bw) * size_t(bh));
  for (int y = 0; y < bh; ++y) {
    for (int x = 0; x < bw; ++x) {
      const float v = ink[size_t(top + y) * size_t(width) + size_t(left + x)];
      crop[size_t(y) * size_t(bw) + size_t(x)] = v > cut ? v / peak : 0.0f;
    }
  }

  // Longer side to 20 px, keeping the aspect ratio (at least 1 px on the shorter side).
  const double scale = double(kDigitBox) / std::max(bw, bh);
  const int dw = std::max(1, int(std::lround(bw * scale))), dh = std::max(1, int(std::lround(bh * scale)));
  std::vector<float> box = resize_area(crop, bw, bh, dw, dh);
  float box_peak = *std::max_element(box.begin(), box.end());
  if (box_peak > 0) {
    for (float& v : box) v = std::min(1.0f, v / box_peak);
  }

  // Centre of mass of the box (pixel-centre units), then place it so that lands on kDigitCentre.
  double mass = 0, mx = 0, my = 0;
  for (int y = 0; y < dh; ++y) {
    for (int x = 0; x < dw; ++x) {
      const double v = box[size_t(y) * size_t(dw) + size_t(x)];
      mass += v, mx += v * (x + 0.5), my += v * (y + 0.5);
    }
  }
  const double cx = mass > 0 ? mx / mass : dw / 2.0, cy = mass > 0 ? my / mass : dh / 2.0;
  // Box pixel (x, y) lands at (x + offset_x, y + offset_y), kept inside the field.
  const double offset_x = std::clamp(kDigitCentre - cx, 0.0, double(kDigitSide - dw));
  const double offset_y = std::clamp(kDigitCentre - cy, 0.0, double(kDigitSide - dh));
  for (int y = 0; y < kDigitSide; ++y) {
    for (int x = 0; x < kDigitSide; ++x) {
      digit.pixels[size_t(y * kDigitSide + x)] = sample(box.data(), dw, dh, x - offset_x, y - offset_y);
    }
  }
  digit.empty = false;
  digit.box_left = left, digit.box_top = top, digit.box_width = bw, digit.box_height = bh;
  digit.scale = scale;
  std::tie(digit.centre_x, digit.centre_y) = centre_of_mass(digit.pixels);
  return digit;
}

void augment_digit(const uint8_t* source, float* out, Generator& gen, const AugmentOptions& options) {
  constexpr int n = kDigitSide;
  float src[n * n];
  for (int i = 0; i < n * n; ++i) src[i] = source[i] * (1.0f / 255.0f);

  const double angle = gen.uniform(-1.0f, 1.0f) * options.max_rotation_degrees * std::numbers::pi / 180.0;
  const double scale = gen.uniform(float(options.min_scale), float(options.max_scale));
  const double shear = gen.uniform(-1.0f, 1.0f) * options.max_shear;
  const double tx = gen.uniform(-1.0f, 1.0f) * options.max_shift, ty = gen.uniform(-1.0f, 1.0f) * options.max_shift;
  // Forward map about the centre c: p' = c + t + R · S · H · (p − c), with H = [[1, shear], [0, 1]].
  const double c = std::cos(angle), s = std::sin(angle);
  const double a = scale * c, b = scale * (c * shear - s), d = scale * s, e = scale * (s * shear + c);
  const double det = a * e - b * d;
  const double ia = e / det, ib = -b / det, id = -d / det, ie = a / det;  // inverse of [[a, b], [d, e]]
  const double centre = n / 2.0;
  float warped[n * n];
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      const double px = x + 0.5 - centre - tx, py = y + 0.5 - centre - ty;
      const double sx = ia * px + ib * py + centre - 0.5, sy = id * px + ie * py + centre - 0.5;
      warped[y * n + x] = sample(src, n, n, sx, sy);
    }
  }

  const float r = gen.uniform();
  const bool thicken = r < options.thicken_probability;
  const bool thin = !thicken && r < options.thicken_probability + options.thin_probability;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      float v = warped[y * n + x];
      if (thicken || thin) {
        float hi = v, lo = v;
        const int dx[4] = {1, -1, 0, 0}, dy[4] = {0, 0, 1, -1};
        for (int k = 0; k < 4; ++k) {
          const int xx = x + dx[k], yy = y + dy[k];
          const float w = (xx < 0 || yy < 0 || xx >= n || yy >= n) ? 0.0f : warped[yy * n + xx];
          hi = std::max(hi, w), lo = std::min(lo, w);
        }
        v = thicken ? hi : 0.5f * (v + lo);
      }
      out[y * n + x] = std::clamp(v, 0.0f, 1.0f);
    }
  }
}

namespace {

/// Stamps a disc of radius r at (x, y) on a side × side canvas.
void stamp(std::vector<float>& canvas, int side, double x, double y, double r) {
  const int x0 = std::max(0, int(x - r - 1)), x1 = std::min(side - 1, int(x + r + 1));
  const int y0 = std::max(0, int(y - r - 1)), y1 = std::min(side - 1, int(y + r + 1));
  for (int yy = y0; yy <= y1; ++yy) {
    for (int xx = x0; xx <= x1; ++xx) {
      const double d = std::hypot(xx + 0.5 - x, yy + 0.5 - y);
      const float v = float(std::clamp(r + 0.5 - d, 0.0, 1.0));  // anti-aliased edge
      float& p = canvas[size_t(yy) * size_t(side) + size_t(xx)];
      p = std::max(p, v);
    }
  }
}

void line(std::vector<float>& canvas, int side, double xa, double ya, double xb, double yb, double r) {
  const int steps = std::max(1, int(std::hypot(xb - xa, yb - ya) / std::max(0.5, r * 0.5)));
  for (int i = 0; i <= steps; ++i) {
    const double t = double(i) / steps;
    stamp(canvas, side, xa + t * (xb - xa), ya + t * (yb - ya), r);
  }
}

}  // namespace

void junk_digit(float* out, Generator& gen) {
  constexpr int side = 112;
  std::vector<float> canvas(size_t(side * side), 0.0f);
  auto at = [&](double lo, double hi) { return lo + (hi - lo) * gen.uniform_double(); };
  const double r = at(2.5, 7.0);  // brush radius
  switch (gen.randint(4)) {
    case 0: {  // a dot, or a short dab
      const double x = at(20, 92), y = at(20, 92);
      line(canvas, side, x, y, x + at(-3, 3), y + at(-3, 3), at(2, 10));
      break;
    }
    case 1: {  // a tangled scribble: a random walk with sharp turns
      double x = at(30, 82), y = at(30, 82), angle = at(0, 2 * std::numbers::pi);
      const int segments = 20 + int(gen.randint(30));
      for (int i = 0; i < segments; ++i) {
        angle += at(-2.5, 2.5);
        const double len = at(8, 26);
        const double nx = std::clamp(x + len * std::cos(angle), 8.0, 104.0), ny = std::clamp(y + len * std::sin(angle), 8.0, 104.0);
        line(canvas, side, x, y, nx, ny, r);
        x = nx, y = ny;
      }
      break;
    }
    case 2: {  // hatching: several long crossing strokes
      const int strokes = 5 + int(gen.randint(6));
      for (int i = 0; i < strokes; ++i) line(canvas, side, at(10, 102), at(10, 102), at(10, 102), at(10, 102), r);
      break;
    }
    default: {  // a filled blob: overlapping discs
      const double cx = at(35, 77), cy = at(35, 77);
      const int discs = 3 + int(gen.randint(6));
      for (int i = 0; i < discs; ++i) stamp(canvas, side, cx + at(-15, 15), cy + at(-15, 15), at(6, 16));
      break;
    }
  }
  const PreparedDigit digit = prepare_digit(canvas, side, side);
  std::copy(digit.pixels.begin(), digit.pixels.end(), out);
}

}  // namespace mlplay::data
