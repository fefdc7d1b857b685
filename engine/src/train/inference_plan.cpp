#include "mlplay/train/inference_plan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "mlplay/core/error.h"
#include "mlplay/kernels/sgemm.h"
#include "mlplay/nn/modules/activation.h"
#include "mlplay/nn/modules/batchnorm.h"
#include "mlplay/nn/modules/conv.h"
#include "mlplay/nn/modules/dropout.h"
#include "mlplay/nn/modules/linear.h"
#include "mlplay/nn/modules/pooling.h"

namespace mlplay::train {
namespace {

using Step = InferencePlan::Step;
using Activation = InferencePlan::Activation;
using Pool = InferencePlan::Pool;

std::vector<float> values_of(const Tensor& t) {
  const Tensor c = t.contiguous();
  return std::vector<float>(c.data_ptr(), c.data_ptr() + c.numel());
}

/// s = γ / √(σ² + ε) and t = β − μ s of a batch-norm layer in eval mode, per channel.
void batchnorm_affine(const nn::BatchNormImplBase& bn, std::vector<float>& scale, std::vector<float>& shift) {
  const std::vector<float> mean = values_of(bn.running_mean), var = values_of(bn.running_var);
  const size_t n = mean.size();
  const std::vector<float> gamma = bn.weight.defined() ? values_of(bn.weight) : std::vector<float>(n, 1.0f);
  const std::vector<float> beta = bn.bias.defined() ? values_of(bn.bias) : std::vector<float>(n, 0.0f);
  scale.resize(n);
  shift.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double s = double(gamma[i]) / std::sqrt(double(var[i]) + bn.options.eps());
    scale[i] = float(s);
    shift[i] = float(double(beta[i]) - double(mean[i]) * s);
  }
}

float activate(float v, Activation a, float slope) {
  switch (a) {
    case Activation::relu: return v > 0.0f ? v : 0.0f;
    case Activation::leaky_relu: return v > 0.0f ? v : v * slope;
    case Activation::sigmoid: return 1.0f / (1.0f + std::exp(-v));
    case Activation::tanh: return std::tanh(v);
    case Activation::none: break;
  }
  return v;
}

const char* activation_name(Activation a) {
  switch (a) {
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leakyrelu";
    case Activation::sigmoid: return "sigmoid";
    case Activation::tanh: return "tanh";
    case Activation::none: break;
  }
  return "";
}

/// The activation module at `m`, if it is one the plan knows.
bool as_activation(const std::shared_ptr<nn::Module>& m, Activation& a, float& slope) {
  if (std::dynamic_pointer_cast<nn::ReLUImpl>(m)) return a = Activation::relu, true;
  if (auto leaky = std::dynamic_pointer_cast<nn::LeakyReLUImpl>(m)) {
    slope = float(leaky->options.negative_slope());
    return a = Activation::leaky_relu, true;
  }
  if (std::dynamic_pointer_cast<nn::SigmoidImpl>(m)) return a = Activation::sigmoid, true;
  if (std::dynamic_pointer_cast<nn::TanhImpl>(m)) return a = Activation::tanh, true;
  return false;
}

/// A pooling module with kernel = stride and no padding (the case a pass can fuse).
bool as_simple_pool(const std::shared_ptr<nn::Module>& m, Pool& pool, int64_t& k, std::string& why) {
  if (auto p = std::dynamic_pointer_cast<nn::MaxPool2dImpl>(m)) {
    const auto& o = p->options;
    if (o.kernel_size().h != o.kernel_size().w || o.stride().h != o.kernel_size().h || o.stride().w != o.kernel_size().w ||
        o.padding().h || o.padding().w || o.dilation().h != 1 || o.dilation().w != 1) {
      why = "max pooling with a stride other than its square kernel, padding or dilation";
      return false;
    }
    pool = Pool::max;
    k = o.kernel_size().h;
    return true;
  }
  if (auto p = std::dynamic_pointer_cast<nn::AvgPool2dImpl>(m)) {
    const auto& o = p->options;
    if (o.kernel_size().h != o.kernel_size().w || o.stride().h != o.kernel_size().h || o.stride().w != o.kernel_size().w ||
        o.padding().h || o.padding().w) {
      why = "average pooling with a stride other than its square kernel, or padding";
      return false;
    }
    pool = Pool::avg;
    k = o.kernel_size().h;
    return true;
  }
  return false;
}

/// x (c × h × w) → columns (c·kh·kw × oh·ow), zeros in the padding (ops/conv.h's unfold, one sample).
void im2col(const Step& s, const float* x, float* col) {
  const int64_t L = s.conv_h * s.conv_w;
  for (int64_t c = 0; c < s.c; ++c) {
    for (int64_t i = 0; i < s.kh; ++i) {
      for (int64_t j = 0; j < s.kw; ++j) {
        float* row = col + ((c * s.kh + i) * s.kw + j) * L;
        for (int64_t oy = 0; oy < s.conv_h; ++oy) {
          const int64_t y = oy * s.sh + i * s.dh - s.ph;
          float* out = row + oy * s.conv_w;
          if (y < 0 || y >= s.h) {
            std::fill(out, out + s.conv_w, 0.0f);
            continue;
          }
          const float* in = x + (c * s.h + y) * s.w;
          if (s.sw == 1 && s.dw == 1) {
            // Contiguous run: zeros left of the image, the row, zeros right of it.
            const int64_t x0 = j - s.pw;
            for (int64_t ox = 0; ox < s.conv_w; ++ox) {
              const int64_t xx = ox + x0;
              out[ox] = (xx >= 0 && xx < s.w) ? in[xx] : 0.0f;
            }
          } else {
            for (int64_t ox = 0; ox < s.conv_w; ++ox) {
              const int64_t xx = ox * s.sw + j * s.dw - s.pw;
              out[ox] = (xx >= 0 && xx < s.w) ? in[xx] : 0.0f;
            }
          }
        }
      }
    }
  }
}

/// out (c × oh × ow) = pool(act(z + bias)) for z (c × zh × zw); pool none means oh = zh.
void epilogue(const Step& s, const float* z, float* out) {
  const int64_t zh = s.conv_h, zw = s.conv_w;
  for (int64_t c = 0; c < s.out_c; ++c) {
    const float b = s.bias[size_t(c)];
    const float* zc = z + c * zh * zw;
    float* oc = out + c * s.out_h * s.out_w;
    if (s.pool == Pool::none) {
      if (s.activation == Activation::relu) {
        for (int64_t i = 0; i < zh * zw; ++i) oc[i] = std::max(zc[i] + b, 0.0f);
      } else {
        for (int64_t i = 0; i < zh * zw; ++i) oc[i] = activate(zc[i] + b, s.activation, s.slope);
      }
      continue;
    }
    const int64_t k = s.pool_k;
    const float inv = 1.0f / float(k * k);
    for (int64_t py = 0; py < s.out_h; ++py) {
      for (int64_t px = 0; px < s.out_w; ++px) {
        float acc = s.pool == Pool::max ? -std::numeric_limits<float>::infinity() : 0.0f;
        for (int64_t i = 0; i < k; ++i) {
          const float* zr = zc + (py * k + i) * zw + px * k;
          for (int64_t j = 0; j < k; ++j) {
            const float v = activate(zr[j] + b, s.activation, s.slope);
            acc = s.pool == Pool::max ? std::max(acc, v) : acc + v;
          }
        }
        oc[py * s.out_w + px] = s.pool == Pool::max ? acc : acc * inv;
      }
    }
  }
}

std::string shape_text(int64_t c, int64_t h, int64_t w) {
  return std::to_string(c) + "×" + std::to_string(h) + "×" + std::to_string(w);
}

}  // namespace

InferencePlan InferencePlan::compile(const SpecModel& model) {
  InferencePlan plan;
  const Shape& in = model.input_shape();
  int64_t c = in[0], h = in.size() > 1 ? in[1] : 1, w = in.size() > 2 ? in[2] : 1;
  plan.input_size_ = c * h * w;
  const nn::SequentialImpl& seq = *model.module();
  const size_t n = seq.size();
  bool flat = in.size() == 1;
  int64_t largest = plan.input_size_, largest_product = 0, largest_col = 0;
  for (size_t i = 0; i < n;) {
    const std::shared_ptr<nn::Module> m = seq[i];
    const std::string where = "InferencePlan: layer " + std::to_string(i);
    auto next = [&](size_t j) { return j < n ? seq[j] : std::shared_ptr<nn::Module>(); };
    Step s;
    s.c = c, s.h = h, s.w = w;
    Activation a = Activation::none;
    float slope = 0.01f;
    Pool pool = Pool::none;
    int64_t k = 1;
    std::string why;
    if (auto conv = std::dynamic_pointer_cast<nn::Conv2dImpl>(m)) {
      const auto& o = conv->options;
      check(o.groups() == 1, where, " (conv2d): grouped convolutions have no fast path");
      s.kind = Step::Kind::conv;
      s.kh = o.kernel_size().h, s.kw = o.kernel_size().w, s.sh = o.stride().h, s.sw = o.stride().w;
      s.ph = o.padding().h, s.pw = o.padding().w, s.dh = o.dilation().h, s.dw = o.dilation().w;
      s.out_c = o.out_channels();
      s.conv_h = (h + 2 * s.ph - s.dh * (s.kh - 1) - 1) / s.sh + 1;
      s.conv_w = (w + 2 * s.pw - s.dw * (s.kw - 1) - 1) / s.sw + 1;
      s.weight = values_of(conv->weight);
      s.bias = conv->bias.defined() ? values_of(conv->bias) : std::vector<float>(size_t(s.out_c), 0.0f);
      s.description = "conv2d " + std::to_string(c) + "→" + std::to_string(s.out_c) + " " + std::to_string(s.kh) + "×" +
                      std::to_string(s.kw);
      size_t j = i + 1;
      if (auto bn = std::dynamic_pointer_cast<nn::BatchNorm2dImpl>(next(j))) {
        std::vector<float> scale, shift;
        batchnorm_affine(*bn, scale, shift);
        const int64_t per = int64_t(s.weight.size()) / s.out_c;
        for (int64_t oc = 0; oc < s.out_c; ++oc) {
          for (int64_t q = 0; q < per; ++q) s.weight[size_t(oc * per + q)] *= scale[size_t(oc)];
          s.bias[size_t(oc)] = s.bias[size_t(oc)] * scale[size_t(oc)] + shift[size_t(oc)];
        }
        s.description += " + batchnorm";
        ++j;
      }
      if (as_activation(next(j), a, slope)) {
        s.activation = a, s.slope = slope;
        s.description += std::string(" + ") + activation_name(a);
        ++j;
      }
      s.out_h = s.conv_h, s.out_w = s.conv_w;
      if (next(j) && as_simple_pool(next(j), pool, k, why) && s.conv_h >= k && s.conv_w >= k) {
        s.pool = pool, s.pool_k = k, s.pool_s = k;
        s.out_h = s.conv_h / k, s.out_w = s.conv_w / k;  // floor, as PyTorch: a partial window at the edge is dropped
        s.description += std::string(" + ") + (pool == Pool::max ? "maxpool " : "avgpool ") + std::to_string(k) + "×" +
                         std::to_string(k);
        ++j;
      }
      largest_product = std::max(largest_product, s.out_c * s.conv_h * s.conv_w);
      largest_col = std::max(largest_col, c * s.kh * s.kw * s.conv_h * s.conv_w);
      c = s.out_c, h = s.out_h, w = s.out_w;
      i = j;
    } else if (auto linear = std::dynamic_pointer_cast<nn::LinearImpl>(m)) {
      check(flat, where, " (linear): needs a flat input (the spec puts a flatten layer first)");
      s.kind = Step::Kind::linear;
      s.weight = values_of(linear->weight);
      s.out_c = linear->weight.size(0);
      check(linear->weight.size(1) == c * h * w, where, " (linear): expects ", linear->weight.size(1), " inputs, gets ", c * h * w);
      s.c = c * h * w, s.h = s.w = 1;
      s.bias = linear->bias.defined() ? values_of(linear->bias) : std::vector<float>(size_t(s.out_c), 0.0f);
      s.description = "linear " + std::to_string(s.c) + "→" + std::to_string(s.out_c);
      size_t j = i + 1;
      if (auto bn = std::dynamic_pointer_cast<nn::BatchNorm1dImpl>(next(j))) {
        std::vector<float> scale, shift;
        batchnorm_affine(*bn, scale, shift);
        for (int64_t oc = 0; oc < s.out_c; ++oc) {
          for (int64_t q = 0; q < s.c; ++q) s.weight[size_t(oc * s.c + q)] *= scale[size_t(oc)];
          s.bias[size_t(oc)] = s.bias[size_t(oc)] * scale[size_t(oc)] + shift[size_t(oc)];
        }
        s.description += " + batchnorm";
        ++j;
      }
      if (std::dynamic_pointer_cast<nn::DropoutImpl>(next(j))) ++j;  // identity in eval mode
      if (as_activation(next(j), a, slope)) {
        s.activation = a, s.slope = slope;
        s.description += std::string(" + ") + activation_name(a);
        ++j;
      }
      s.out_h = s.out_w = 1;
      c = s.out_c, h = w = 1;
      i = j;
    } else if (auto bn = std::dynamic_pointer_cast<nn::BatchNormImplBase>(m)) {
      s.kind = Step::Kind::channel_affine;
      batchnorm_affine(*bn, s.weight, s.bias);
      check(int64_t(s.weight.size()) == (flat ? c * h * w : c), where, " (batchnorm): ", s.weight.size(), " features, input ",
            shape_text(c, h, w));
      if (flat) s.c = c * h * w, s.h = s.w = 1;
      s.out_c = s.c, s.out_h = s.h, s.out_w = s.w;
      s.description = "batchnorm";
      ++i;
    } else if (as_activation(m, a, slope)) {
      s.kind = Step::Kind::activation;
      s.activation = a, s.slope = slope;
      s.out_c = c, s.out_h = h, s.out_w = w;
      s.description = activation_name(a);
      ++i;
    } else if (as_simple_pool(m, pool, k, why)) {
      check(!flat && h >= k && w >= k, where, " (pooling): input ", shape_text(c, h, w), " is smaller than the ", k, "×", k, " window");
      s.kind = Step::Kind::pool;
      s.pool = pool, s.pool_k = s.pool_s = k;
      s.conv_h = h, s.conv_w = w;
      s.out_c = c, s.out_h = h / k, s.out_w = w / k;
      s.bias.assign(size_t(c), 0.0f);
      s.description = std::string(pool == Pool::max ? "maxpool " : "avgpool ") + std::to_string(k) + "×" + std::to_string(k);
      h = s.out_h, w = s.out_w;
      ++i;
    } else if (std::dynamic_pointer_cast<nn::FlattenImpl>(m)) {
      flat = true;
      ++i;
      continue;
    } else if (std::dynamic_pointer_cast<nn::DropoutImpl>(m)) {
      ++i;
      continue;
    } else {
      throw ValueError(where + ": " + (why.empty() ? "this layer type has no fast inference path" : why));
    }
    largest = std::max(largest, s.out_c * s.out_h * s.out_w);
    plan.steps_.push_back(std::move(s));
  }
  plan.output_size_ = c * h * w;
  plan.a_.assign(size_t(largest), 0.0f);
  plan.b_.assign(size_t(largest), 0.0f);
  plan.col_.assign(size_t(largest_col), 0.0f);
  plan.product_.assign(size_t(largest_product), 0.0f);
  return plan;
}

const float* InferencePlan::run(const float* input) {
  std::copy(input, input + input_size_, a_.begin());
  float* cur = a_.data();
  float* nxt = b_.data();
  for (const Step& s : steps_) {
    switch (s.kind) {
      case Step::Kind::conv: {
        const int64_t K = s.c * s.kh * s.kw, L = s.conv_h * s.conv_w;
        const bool pointwise = s.kh == 1 && s.kw == 1 && s.sh == 1 && s.sw == 1 && s.ph == 0 && s.pw == 0;
        const float* cols = cur;
        if (!pointwise) {
          im2col(s, cur, col_.data());
          cols = col_.data();
        }
        // Without a pool the product can go straight to the output buffer; the epilogue then works in place.
        float* product = s.pool == Pool::none ? nxt : product_.data();
        kernels::sgemm(false, false, s.out_c, L, K, 1.0f, s.weight.data(), K, cols, L, 0.0f, product, L);
        epilogue(s, product, nxt);
        break;
      }
      case Step::Kind::linear:
        kernels::sgemm(false, true, 1, s.out_c, s.c, 1.0f, cur, s.c, s.weight.data(), s.c, 0.0f, nxt, s.out_c);
        for (int64_t o = 0; o < s.out_c; ++o) nxt[o] = activate(nxt[o] + s.bias[size_t(o)], s.activation, s.slope);
        break;
      case Step::Kind::channel_affine: {
        const int64_t plane = s.h * s.w;
        for (int64_t ch = 0; ch < s.c; ++ch) {
          for (int64_t q = 0; q < plane; ++q) {
            nxt[ch * plane + q] = cur[ch * plane + q] * s.weight[size_t(ch)] + s.bias[size_t(ch)];
          }
        }
        break;
      }
      case Step::Kind::activation:
        for (int64_t q = 0; q < s.c * s.h * s.w; ++q) nxt[q] = activate(cur[q], s.activation, s.slope);
        break;
      case Step::Kind::pool:
        epilogue(s, cur, nxt);
        break;
    }
    std::swap(cur, nxt);
  }
  return cur;
}

std::vector<std::string> InferencePlan::describe() const {
  std::vector<std::string> out;
  for (const auto& s : steps_) out.push_back(s.description);
  return out;
}

}  // namespace mlplay::train
