// Every op against PyTorch 1.13: forward values and the gradient of every input, for broadcasting and
// non-contiguous (transposed, strided) inputs. The cases and expected numbers come from
// tests/golden/gen_ops.py (generated/ops_golden.h); run_op() below mirrors its OPS table.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "generated/ops_golden.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
namespace gold = mlplay::golden::ops;

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!text.empty() && text.back() == sep) out.emplace_back();
  return out;
}

/// "2,3" -> {2, 3}; also "2x3" with sep 'x' ("" is a 0-d shape).
Shape ints(const std::string& text, char sep = ',') {
  Shape out;
  if (text.empty()) return out;
  for (const std::string& v : split(text, sep)) out.push_back(std::stoll(v));
  return out;
}

struct Args {
  std::map<std::string, std::string> values;
  bool has(const std::string& key) const { return values.count(key) > 0; }
  std::string str(const std::string& key, const std::string& fallback = "") const {
    return has(key) ? values.at(key) : fallback;
  }
  double num(const std::string& key, double fallback = 0) const { return has(key) ? std::stod(values.at(key)) : fallback; }
  int64_t dim(const std::string& key) const { return std::stoll(values.at(key)); }
  Shape list(const std::string& key, const std::string& fallback = "") const { return ints(str(key, fallback)); }
  Size2 pair(const std::string& key, const std::string& fallback) const {
    const Shape v = list(key, fallback);
    return v.size() == 2 ? Size2(v[0], v[1]) : Size2(v[0]);
  }
  bool flag(const std::string& key) const { return str(key) == "1"; }
  Reduction reduction() const {
    const std::string r = str("reduction", "mean");
    return r == "none" ? Reduction::None : r == "sum" ? Reduction::Sum : Reduction::Mean;
  }
};

Args parse_args(const std::string& text) {
  Args out;
  std::istringstream in(text);
  for (std::string item; in >> item;) {
    const size_t eq = item.find('=');
    out.values[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

Tensor opt(const std::vector<Tensor>& t, size_t i) { return t.size() > i ? t[i] : Tensor(); }

/// The engine call for each op name of gen_ops.py's OPS table.
Tensor run_op(const std::string& op, const Args& a, const std::vector<Tensor>& t) {
  if (op == "add") return t[0] + t[1];
  if (op == "sub") return t[0] - t[1];
  if (op == "mul") return t[0] * t[1];
  if (op == "div") return t[0] / t[1];
  if (op == "pow") return pow(t[0], t[1]);
  if (op == "pow_scalar") return pow(t[0], a.num("exponent"));
  if (op == "maximum") return maximum(t[0], t[1]);
  if (op == "minimum") return minimum(t[0], t[1]);
  if (op == "where") return where(t[0], t[1], t[2]);
  if (op == "neg") return -t[0];
  if (op == "exp") return exp(t[0]);
  if (op == "log") return log(t[0]);
  if (op == "sqrt") return sqrt(t[0]);
  if (op == "abs") return abs(t[0]);
  if (op == "erf") return erf(t[0]);
  if (op == "clamp") return clamp(t[0], a.num("low"), a.num("high"));
  if (op == "eq") return eq(t[0], t[1]);
  if (op == "ne") return ne(t[0], t[1]);
  if (op == "lt") return lt(t[0], t[1]);
  if (op == "le") return le(t[0], t[1]);
  if (op == "gt") return gt(t[0], t[1]);
  if (op == "ge") return ge(t[0], t[1]);
  if (op == "sign") return sign(t[0]);
  if (op == "matmul") return matmul(t[0], t[1]);
  if (op == "sum") return a.has("dims") ? sum(t[0], a.list("dims"), a.flag("keepdim")) : sum(t[0]);
  if (op == "mean") return a.has("dims") ? mean(t[0], a.list("dims"), a.flag("keepdim")) : mean(t[0]);
  if (op == "var") return var(t[0], a.list("dims"), a.str("unbiased", "1") == "1", a.flag("keepdim"));
  if (op == "amax") return amax(t[0], a.list("dims"), a.flag("keepdim"));
  if (op == "amin") return amin(t[0], a.list("dims"), a.flag("keepdim"));
  if (op == "max_all") return max(t[0]);
  if (op == "min_all") return min(t[0]);
  if (op == "max_dim") return std::get<0>(max(t[0], a.dim("dim"), a.flag("keepdim")));
  if (op == "min_dim") return std::get<0>(min(t[0], a.dim("dim"), a.flag("keepdim")));
  if (op == "argmax") return argmax(t[0], a.dim("dim"), a.flag("keepdim"));
  if (op == "argmin") return argmin(t[0], a.dim("dim"), a.flag("keepdim"));
  if (op == "reshape") return reshape(t[0], a.list("shape"));
  if (op == "permute") return permute(t[0], a.list("dims"));
  if (op == "transpose") return transpose(t[0], a.list("dims")[0], a.list("dims")[1]);
  if (op == "expand") return expand(t[0], a.list("shape"));
  if (op == "slice") {
    const Shape r = a.list("range");
    return slice(t[0], r[0], r[1], r[2], r[3]);
  }
  if (op == "select") return select(t[0], a.list("at")[0], a.list("at")[1]);
  if (op == "narrow") return narrow(t[0], a.list("at")[0], a.list("at")[1], a.list("at")[2]);
  if (op == "unsqueeze") return unsqueeze(t[0], a.dim("dim"));
  if (op == "squeeze") return squeeze(t[0], a.dim("dim"));
  if (op == "flatten") return flatten(t[0], a.list("dims", "0,-1")[0], a.list("dims", "0,-1")[1]);
  if (op == "cat") return cat(t, a.dim("dim"));
  if (op == "stack") return stack(t, a.dim("dim"));
  if (op == "gather") return gather(t[0], a.dim("dim"), t[1]);
  if (op == "index_select") return index_select(t[0], a.dim("dim"), t[1]);
  if (op == "embedding") return embedding(t[0], t[1]);
  if (op == "unfold") {
    return unfold(t[0], a.pair("kernel", ""), a.pair("dilation", "1"), a.pair("padding", "0"), a.pair("stride", "1"));
  }
  if (op == "conv2d") {
    return conv2d(t[0], t[1], opt(t, 2), a.pair("stride", "1"), a.pair("padding", "0"), a.pair("dilation", "1"),
                  static_cast<int64_t>(a.num("groups", 1)));
  }
  if (op == "max_pool2d") {
    return max_pool2d(t[0], a.pair("kernel", ""), a.has("stride") ? std::optional<Size2>(a.pair("stride", "")) : std::nullopt,
                      a.pair("padding", "0"), a.pair("dilation", "1"));
  }
  if (op == "avg_pool2d") {
    return avg_pool2d(t[0], a.pair("kernel", ""), a.has("stride") ? std::optional<Size2>(a.pair("stride", "")) : std::nullopt,
                      a.pair("padding", "0"), a.str("count_include_pad", "1") == "1");
  }
  if (op == "relu") return relu(t[0]);
  if (op == "leaky_relu") return leaky_relu(t[0], a.num("slope", 0.01));
  if (op == "gelu") return gelu(t[0], a.str("approximate", "none"));
  if (op == "sigmoid") return sigmoid(t[0]);
  if (op == "tanh") return tanh(t[0]);
  if (op == "softplus") return softplus(t[0], a.num("beta", 1), a.num("threshold", 20));
  if (op == "softmax") return softmax(t[0], a.dim("dim"));
  if (op == "log_softmax") return log_softmax(t[0], a.dim("dim"));
  if (op == "cross_entropy") {
    return cross_entropy(t[0], t[1], a.reduction(), a.num("smoothing", 0), static_cast<int64_t>(a.num("ignore_index", -100)));
  }
  if (op == "nll_loss") return nll_loss(t[0], t[1], a.reduction(), static_cast<int64_t>(a.num("ignore_index", -100)));
  if (op == "mse_loss") return mse_loss(t[0], t[1], a.reduction());
  if (op == "huber_loss") return huber_loss(t[0], t[1], a.reduction(), a.num("delta", 1));
  if (op == "bce_with_logits") return binary_cross_entropy_with_logits(t[0], t[1], a.reduction(), opt(t, 2));
  if (op == "layer_norm") return layer_norm(t[0], a.list("shape"), opt(t, 1), opt(t, 2), a.num("eps", 1e-5));
  if (op == "batch_norm") {
    return batch_norm(t[0], t[1], t[2], opt(t, 3), opt(t, 4), a.flag("training"), a.num("momentum", 0.1),
                      a.num("eps", 1e-5));
  }
  if (op == "batch_norm_stats") {
    batch_norm(t[0], t[1], t[2], Tensor(), Tensor(), true, a.num("momentum", 0.1));
    return stack({t[1], t[2]});
  }
  if (op == "sdpa") {
    return scaled_dot_product_attention(t[0], t[1], t[2], opt(t, 3), 0.0, a.flag("causal"),
                                        a.has("scale") ? std::optional<double>(a.num("scale")) : std::nullopt);
  }
  FAIL("ops golden: no engine call for op '" << op << "'");
  return Tensor();
}

/// One input: the stored leaf (what the gradient is of) and the view the op sees.
struct Input {
  std::string spec;
  Tensor leaf, view;
  bool grad;
};

/// "name:shape:layout:grad" -> its stored tensor from data (advancing data), and the view.
Input make_input(const std::string& spec, const float*& data) {
  const auto fields = split(spec, ':');
  REQUIRE(fields.size() == 4);
  const Shape shape = ints(fields[1], 'x');
  Shape stored = shape;
  if (fields[2] == "t") std::swap(stored[stored.size() - 2], stored[stored.size() - 1]);
  if (fields[2] == "s") stored.back() *= 2;
  Input in{spec, from_blob(data, stored), Tensor(), fields[3] == "g"};
  data += shape_numel(stored);
  if (in.grad) in.leaf.requires_grad_();
  in.view = fields[2] == "t" ? in.leaf.transpose(-2, -1)
            : fields[2] == "s" ? in.leaf.slice(-1, 0, stored.back(), 2)
                               : in.leaf;
  REQUIRE(in.view.shape() == shape);
  REQUIRE((fields[2] == "c") == in.view.is_contiguous());
  return in;
}

/// Empty when every |got - want| <= 1e-4 |want| + 1e-5 (1 + max |want|), else the first mismatch.
std::string mismatch(const std::string& what, const Tensor& got, const Shape& shape, const float* want) {
  std::ostringstream out;
  out.precision(9);
  if (got.shape() != shape) {
    out << what << ": shape " << shape_str(got.shape()) << ", PyTorch " << shape_str(shape);
    return out.str();
  }
  const std::vector<float> values = got.to_vector();
  double scale = 1;
  for (size_t i = 0; i < values.size(); ++i) scale = std::max(scale, std::fabs(double(want[i])));
  for (size_t i = 0; i < values.size(); ++i) {
    const double error = std::fabs(double(values[i]) - want[i]);
    if (!(error <= 1e-4 * std::fabs(want[i]) + 1e-5 * scale)) {
      out << what << " differs at element " << i << ": engine " << values[i] << ", PyTorch " << want[i];
      return out.str();
    }
  }
  return "";
}

}  // namespace

TEST_CASE("ops golden: every op's value and input gradients match PyTorch, broadcast and non-contiguous", "[ops]") {
  int checked = 0;
  for (const gold::Case& c : gold::kCases) {
    const std::string name = std::string(c.op) + "(" + c.args + ") on " + c.inputs;
    INFO("case " << name);
    const float* data = c.data;
    std::vector<Input> inputs;
    std::vector<Tensor> views;
    for (const std::string& spec : split(c.inputs, ' ')) {
      inputs.push_back(make_input(spec, data));
      views.push_back(inputs.back().view);
    }
    const Shape out_shape = ints(c.output, 'x');
    std::string failure;
    Tensor out;
    try {
      out = run_op(c.op, parse_args(c.args), views);
    } catch (const std::exception& e) {
      failure = std::string("threw: ") + e.what();
    }
    if (failure.empty()) failure = mismatch("value", out, out_shape, data);
    data += shape_numel(out_shape);
    const Tensor upstream = from_blob(data, out_shape);
    data += shape_numel(out_shape);
    bool any_grad = false;
    for (const Input& in : inputs) any_grad = any_grad || in.grad;
    if (failure.empty() && any_grad) {
      (out * upstream).sum().backward();
      for (const Input& in : inputs) {
        if (!in.grad) continue;
        const Tensor grad = in.leaf.grad().defined() ? in.leaf.grad() : zeros(in.leaf.shape());
        if (failure.empty()) failure = mismatch("gradient of " + in.spec, grad, in.leaf.shape(), data);
        data += in.leaf.numel();
      }
    }
    if (failure.empty()) REQUIRE(data == c.data + c.size);  // every generated number was read
    CHECK(failure == "");
    ++checked;
  }
  CHECK(checked == static_cast<int>(std::size(gold::kCases)));
}
