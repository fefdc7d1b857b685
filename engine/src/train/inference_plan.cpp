#include "mlplay/train/inference_plan.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include "mlplay/core/error.h"
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

bool monotone(Activation a, float slope) { return a != Activation::leaky_relu || slope >= 0.0f; }

/// v = act(v) for n values; the switch is outside the loops so each loop vectorizes.
void activate_span(float* v, int64_t n, Activation a, float slope) {
  switch (a) {
    case Activation::relu:
      for (int64_t i = 0; i < n; ++i) v[i] = v[i] > 0.0f ? v[i] : 0.0f;
      break;
    case Activation::leaky_relu:
      for (int64_t i = 0; i < n; ++i) v[i] = v[i] > 0.0f ? v[i] : v[i] * slope;
      break;
    case Activation::sigmoid:
    case Activation::tanh:
      for (int64_t i = 0; i < n; ++i) v[i] = activate(v[i], a, slope);
      break;
    case Activation::none: break;
  }
}

/// Output rows [row_begin, row_end) of out (out_h × out_w × out_c, HWC) = pool(act(z)) for z
/// (conv_h × conv_w pixels, row stride ld ≥ out_c). A max pool before a non-decreasing activation
/// pools first: max act(z) = act(max z), with a quarter of the activations. Other cases activate z's
/// rows in place first (z is the plan's own buffer).
void epilogue(const Step& s, float* z, int64_t ld, float* out, int64_t row_begin, int64_t row_end) {
  const int64_t C = s.out_c;
  const bool pool_first = s.pool == Pool::max && monotone(s.activation, s.slope);
  if (s.pool == Pool::none) {
    for (int64_t q = row_begin * s.out_w; q < row_end * s.out_w; ++q) std::copy(z + q * ld, z + q * ld + C, out + q * C);
    activate_span(out + row_begin * s.out_w * C, (row_end - row_begin) * s.out_w * C, s.activation, s.slope);
    return;
  }
  const int64_t k = s.pool_k, zw = s.conv_w;
  if (!pool_first) activate_span(z + row_begin * k * zw * ld, (row_end - row_begin) * k * zw * ld, s.activation, s.slope);
  const float inv = 1.0f / float(k * k);
  for (int64_t py = row_begin; py < row_end; ++py) {
    for (int64_t px = 0; px < s.out_w; ++px) {
      float* o = out + (py * s.out_w + px) * C;
      const float* first = z + ((py * k) * zw + px * k) * ld;
      std::copy(first, first + C, o);
      for (int64_t i = 0; i < k; ++i) {
        for (int64_t j = i == 0 ? 1 : 0; j < k; ++j) {
          const float* v = z + ((py * k + i) * zw + px * k + j) * ld;
          if (s.pool == Pool::max) {
            for (int64_t ch = 0; ch < C; ++ch) o[ch] = std::max(o[ch], v[ch]);
          } else {
            for (int64_t ch = 0; ch < C; ++ch) o[ch] += v[ch];
          }
        }
      }
      if (s.pool == Pool::avg) {
        for (int64_t ch = 0; ch < C; ++ch) o[ch] *= inv;
      }
    }
  }
  if (pool_first) {
    activate_span(out + row_begin * s.out_w * C, (row_end - row_begin) * s.out_w * C, s.activation, s.slope);
  }
}

/// A conv step's input image with its zero border: the image itself without padding, else a copy into
/// the interior of the step's padded buffer (the border was zeroed once and is never written).
const float* padded_input(Step& s, const float* image) {
  if (s.padded.empty()) return image;
  const int64_t padded_w = s.w + 2 * s.pw, row = s.w * s.c;
  for (int64_t y = 0; y < s.h; ++y) std::copy(image + y * row, image + (y + 1) * row, s.padded.data() + ((y + s.ph) * padded_w + s.pw) * s.c);
  return s.padded.data();
}

/// Channels-first (c × h × w) ↔ channels-last (h × w × c).
void transpose_layout(const float* in, float* out, int64_t c, int64_t hw, bool to_hwc) {
  for (int64_t ch = 0; ch < c; ++ch) {
    for (int64_t q = 0; q < hw; ++q) {
      if (to_hwc) out[q * c + ch] = in[ch * hw + q];
      else out[ch * hw + q] = in[q * c + ch];
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
  // After flattening a channels-last image, stored feature m is PyTorch's feature flat_order[m].
  std::vector<int64_t> flat_order;
  int64_t flat_c = 0, flat_hw = 0;
  int64_t largest = plan.input_size_, largest_product = 0;
  auto layout_step = [&](Step::Kind kind, int64_t channels, int64_t hw) {
    Step s;
    s.kind = kind;
    s.c = s.out_c = channels, s.h = s.out_h = hw;
    s.description = kind == Step::Kind::to_hwc ? "to channels-last" : "to channels-first";
    plan.steps_.push_back(std::move(s));
  };
  if (!flat && c > 1 && h * w > 1) layout_step(Step::Kind::to_hwc, c, h * w);
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
      check(!flat, where, " (conv2d): needs an image input, gets ", c * h * w, " flat features");
      check(o.groups() == 1, where, " (conv2d): grouped convolutions have no fast path");
      s.kind = Step::Kind::conv;
      const int64_t kh = o.kernel_size().h, kw = o.kernel_size().w;
      s.ph = o.padding().h, s.pw = o.padding().w;
      s.out_c = o.out_channels();
      s.conv_h = (h + 2 * s.ph - o.dilation().h * (kh - 1) - 1) / o.stride().h + 1;
      s.conv_w = (w + 2 * s.pw - o.dilation().w * (kw - 1) - 1) / o.stride().w + 1;
      std::vector<float> weight = values_of(conv->weight);
      std::vector<float> bias = conv->bias.defined() ? values_of(conv->bias) : std::vector<float>(size_t(s.out_c), 0.0f);
      s.description = "conv2d " + std::to_string(c) + "→" + std::to_string(s.out_c) + " " + std::to_string(kh) + "×" +
                      std::to_string(kw);
      size_t j = i + 1;
      if (auto bn = std::dynamic_pointer_cast<nn::BatchNorm2dImpl>(next(j))) {
        std::vector<float> scale, shift;
        batchnorm_affine(*bn, scale, shift);
        const int64_t per = int64_t(weight.size()) / s.out_c;
        for (int64_t oc = 0; oc < s.out_c; ++oc) {
          for (int64_t q = 0; q < per; ++q) weight[size_t(oc * per + q)] *= scale[size_t(oc)];
          bias[size_t(oc)] = bias[size_t(oc)] * scale[size_t(oc)] + shift[size_t(oc)];
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
      s.conv.in_c = c, s.conv.out_c = s.out_c, s.conv.kh = kh, s.conv.kw = kw;
      s.conv.sh = o.stride().h, s.conv.sw = o.stride().w, s.conv.dh = o.dilation().h, s.conv.dw = o.dilation().w;
      s.conv.padded_w = w + 2 * s.pw, s.conv.out_h = s.conv_h, s.conv.out_w = s.conv_w;
      s.conv.pack(weight.data(), bias.data());
      if (s.ph || s.pw) s.padded.assign(size_t((h + 2 * s.ph) * (w + 2 * s.pw) * c), 0.0f);
      s.product_stride = s.conv.out_c_padded();
      largest_product = std::max(largest_product, s.conv_h * s.conv_w * s.product_stride);
      c = s.out_c, h = s.out_h, w = s.out_w;
      i = j;
    } else if (auto linear = std::dynamic_pointer_cast<nn::LinearImpl>(m)) {
      check(flat, where, " (linear): needs a flat input (the spec puts a flatten layer first)");
      s.kind = Step::Kind::linear;
      s.weight = values_of(linear->weight);
      s.out_c = linear->weight.size(0);
      check(linear->weight.size(1) == c * h * w, where, " (linear): expects ", linear->weight.size(1), " inputs, gets ", c * h * w);
      s.c = c * h * w, s.h = s.w = 1;
      if (!flat_order.empty()) {  // columns in the order the channels-last features are stored
        const std::vector<float> torch_order = s.weight;
        for (int64_t oc = 0; oc < s.out_c; ++oc) {
          for (int64_t q = 0; q < s.c; ++q) s.weight[size_t(oc * s.c + q)] = torch_order[size_t(oc * s.c + flat_order[size_t(q)])];
        }
        flat_order.clear();
      }
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
      s.linear.pack(s.weight.data(), s.bias.data(), s.out_c, s.c);
      s.weight.clear(), s.bias.clear();
      s.out_h = s.out_w = 1;
      c = s.out_c, h = w = 1;
      i = j;
    } else if (auto bn = std::dynamic_pointer_cast<nn::BatchNormImplBase>(m)) {
      s.kind = Step::Kind::channel_affine;
      std::vector<float> scale, shift;
      batchnorm_affine(*bn, scale, shift);
      check(int64_t(scale.size()) == (flat ? c * h * w : c), where, " (batchnorm): ", scale.size(), " features, input ",
            shape_text(c, h, w));
      // One scale and shift per stored element: channel q mod c of a channels-last image, or the
      // PyTorch feature a flattened channels-last element stands for.
      const int64_t count = c * h * w;
      s.weight.resize(size_t(count));
      s.bias.resize(size_t(count));
      for (int64_t q = 0; q < count; ++q) {
        const int64_t f = flat ? (flat_order.empty() ? q : flat_order[size_t(q)]) : q % c;
        s.weight[size_t(q)] = scale[size_t(f)];
        s.bias[size_t(q)] = shift[size_t(f)];
      }
      s.out_c = c, s.out_h = h, s.out_w = w;
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
      s.conv_h = h, s.conv_w = w, s.product_stride = c;
      s.out_c = c, s.out_h = h / k, s.out_w = w / k;
      s.description = std::string(pool == Pool::max ? "maxpool " : "avgpool ") + std::to_string(k) + "×" + std::to_string(k);
      h = s.out_h, w = s.out_w;
      ++i;
    } else if (std::dynamic_pointer_cast<nn::FlattenImpl>(m)) {
      if (!flat && c > 1 && h * w > 1) {
        flat_c = c, flat_hw = h * w;
        flat_order.resize(size_t(c * h * w));
        for (int64_t q = 0; q < c * h * w; ++q) flat_order[size_t(q)] = (q % c) * (h * w) + q / c;
      }
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
  // The output in PyTorch's order: channels first.
  if (!flat && c > 1 && h * w > 1) layout_step(Step::Kind::to_chw, c, h * w);
  if (flat && !flat_order.empty()) layout_step(Step::Kind::to_chw, flat_c, flat_hw);
  plan.output_size_ = c * h * w;
  plan.a_.assign(size_t(largest), 0.0f);
  plan.b_.assign(size_t(largest), 0.0f);
  plan.product_.assign(size_t(largest_product), 0.0f);
  return plan;
}

void InferencePlan::run_step(Step& s, float* cur, float* nxt) {
  switch (s.kind) {
    case Step::Kind::conv: {
      const float* image = padded_input(s, cur);
      // Only the conv rows the pooling windows cover (a partial window at the bottom edge is dropped).
      const int64_t k = s.pool == Pool::none ? 1 : s.pool_k;
      s.conv.run(image, product_.data(), 0, s.out_h * k * s.conv_w);
      epilogue(s, product_.data(), s.product_stride, nxt, 0, s.out_h);
      break;
    }
    case Step::Kind::linear:
      s.linear.run(cur, nxt, 0, s.linear.panels());
      activate_span(nxt, s.out_c, s.activation, s.slope);
      break;
    case Step::Kind::channel_affine:
      for (int64_t q = 0; q < int64_t(s.weight.size()); ++q) nxt[q] = cur[q] * s.weight[size_t(q)] + s.bias[size_t(q)];
      break;
    case Step::Kind::activation:
      std::copy(cur, cur + s.c * s.h * s.w, nxt);
      activate_span(nxt, s.c * s.h * s.w, s.activation, s.slope);
      break;
    case Step::Kind::pool:
      epilogue(s, cur, s.product_stride, nxt, 0, s.out_h);
      break;
    case Step::Kind::to_hwc:
    case Step::Kind::to_chw:
      transpose_layout(cur, nxt, s.c, s.h, s.kind == Step::Kind::to_hwc);
      break;
  }
}

const float* InferencePlan::run(const float* input) {
  std::copy(input, input + input_size_, a_.begin());
  float* cur = a_.data();
  float* nxt = b_.data();
  for (Step& s : steps_) {
    run_step(s, cur, nxt);
    std::swap(cur, nxt);
  }
  return cur;
}

std::vector<float> InferencePlan::first_conv_maps(const float* input) {
  std::copy(input, input + input_size_, a_.begin());
  float* cur = a_.data();
  float* nxt = b_.data();
  size_t i = 0;
  for (; i < steps_.size() && steps_[i].kind == Step::Kind::to_hwc; ++i) {
    run_step(steps_[i], cur, nxt);
    std::swap(cur, nxt);
  }
  check(i < steps_.size() && steps_[i].kind == Step::Kind::conv, "InferencePlan::first_conv_maps: the model does not start with a convolution");
  Step& s = steps_[i];
  const float* image = padded_input(s, cur);
  const int64_t pixels = s.conv_h * s.conv_w, ld = s.product_stride;
  s.conv.run(image, product_.data(), 0, pixels);
  activate_span(product_.data(), pixels * ld, s.activation, s.slope);
  std::vector<float> maps(size_t(s.out_c * pixels));
  for (int64_t ch = 0; ch < s.out_c; ++ch) {
    for (int64_t q = 0; q < pixels; ++q) maps[size_t(ch * pixels + q)] = product_[size_t(q * ld + ch)];
  }
  return maps;
}

std::vector<InferencePlan::StepTime> InferencePlan::profile(const float* input, int repeats) {
  check(repeats >= 1, "InferencePlan::profile: repeats must be at least 1, got ", repeats);
  std::vector<StepTime> times;
  for (const Step& s : steps_) times.push_back({s.description, 0.0});
  for (int r = 0; r < repeats; ++r) {
    std::copy(input, input + input_size_, a_.begin());
    float* cur = a_.data();
    float* nxt = b_.data();
    for (size_t i = 0; i < steps_.size(); ++i) {
      const auto start = std::chrono::steady_clock::now();
      run_step(steps_[i], cur, nxt);
      times[i].microseconds += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
      std::swap(cur, nxt);
    }
  }
  for (auto& t : times) t.microseconds /= repeats;
  return times;
}

std::vector<std::string> InferencePlan::describe() const {
  std::vector<std::string> out;
  for (const auto& s : steps_) {
    if (s.kind != Step::Kind::to_hwc && s.kind != Step::Kind::to_chw) out.push_back(s.description);
  }
  return out;
}

}  // namespace mlplay::train
