// mlplay's modules against PyTorch: the same weights (loaded by PyTorch's names through
// load_state_dict), the same inputs, outputs and gradients within float32 tolerance. The expected values and the
// .safetensors file come from tests/golden/gen_nn.py; this test needs no Python.
#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>

#include "generated/nn_golden.h"
#include "mlplay/io/safetensors.h"
#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
namespace expected = mlplay::golden::nn;

namespace {

/// A tensor of `shape` from a generated array, checking the sizes agree.
template <size_t N>
Tensor tensor(const float (&data)[N], const Shape& shape) {
  REQUIRE(shape_numel(shape) == static_cast<int64_t>(N));
  return from_blob(data, shape);
}

/// Float32 agreement: PyTorch and mlplay sum in different orders.
void require_close(const Tensor& actual, const Tensor& expected, double tolerance = 1e-5) {
  INFO("actual " << actual << "\nexpected " << expected);
  REQUIRE(actual.shape() == expected.shape());
  REQUIRE(allclose(actual, expected, tolerance, tolerance));
}

/// Backpropagates loss = sum(y^2) / 2, as the generator did, and compares each tensor's gradient.
void require_grads(const Tensor& y, const std::vector<std::pair<Tensor, Tensor>>& tensor_and_expected_grad) {
  ((y * y).sum() * 0.5).backward();
  for (const auto& [t, expected] : tensor_and_expected_grad) {
    REQUIRE(t.grad().defined());
    require_close(t.grad(), expected, 1e-4);
  }
}

std::string golden_file() {
  return (std::filesystem::path(__FILE__).parent_path().parent_path() / "generated" / "nn_golden.safetensors").string();
}

}  // namespace

TEST_CASE("nn golden: Linear, Conv2d, BatchNorm2d (eval) and LayerNorm match PyTorch, values and gradients", "[nn]") {
  nn::Linear linear(4, 3);
  linear->load_state_dict({{"weight", tensor(expected::kLinearWeight, {3, 4})}, {"bias", tensor(expected::kLinearBias, {3})}});
  const Tensor linear_x = tensor(expected::kLinearX, {2, 4}).requires_grad_();
  const Tensor linear_y = linear->forward(linear_x);
  require_close(linear_y, tensor(expected::kLinearY, {2, 3}));
  require_grads(linear_y, {{linear_x, tensor(expected::kLinearGradX, {2, 4})},
                           {linear->weight, tensor(expected::kLinearGradWeight, {3, 4})},
                           {linear->bias, tensor(expected::kLinearGradBias, {3})}});

  nn::Conv2d conv(nn::Conv2dOptions(2, 3, 3).stride(2).padding(1));
  conv->load_state_dict({{"weight", tensor(expected::kConvWeight, {3, 2, 3, 3})}, {"bias", tensor(expected::kConvBias, {3})}});
  const Tensor conv_x = tensor(expected::kConvX, {2, 2, 5, 5}).requires_grad_();
  const Tensor conv_y = conv->forward(conv_x);
  require_close(conv_y, tensor(expected::kConvY, {2, 3, 3, 3}));
  require_grads(conv_y, {{conv_x, tensor(expected::kConvGradX, {2, 2, 5, 5})},
                         {conv->weight, tensor(expected::kConvGradWeight, {3, 2, 3, 3})},
                         {conv->bias, tensor(expected::kConvGradBias, {3})}});

  nn::Conv2d grouped(nn::Conv2dOptions(4, 4, {2, 3}).dilation(2).groups(2).bias(false).padding({1, 0}));
  grouped->load_state_dict({{"weight", tensor(expected::kConvGroupedWeight, {4, 2, 2, 3})}});
  const Tensor grouped_x = tensor(expected::kConvGroupedX, {1, 4, 5, 6}).requires_grad_();
  const Tensor grouped_y = grouped->forward(grouped_x);
  require_close(grouped_y, tensor(expected::kConvGroupedY, {1, 4, 5, 2}));
  require_grads(grouped_y, {{grouped_x, tensor(expected::kConvGroupedGradX, {1, 4, 5, 6})},
                            {grouped->weight, tensor(expected::kConvGroupedGradWeight, {4, 2, 2, 3})}});

  nn::BatchNorm2d bn(3);
  bn->load_state_dict({{"weight", tensor(expected::kBatchnormWeight, {3})},
                       {"bias", tensor(expected::kBatchnormBias, {3})},
                       {"running_mean", tensor(expected::kBatchnormRunningMean, {3})},
                       {"running_var", tensor(expected::kBatchnormRunningVar, {3})},
                       {"num_batches_tracked", zeros({})}});
  bn->eval();
  const Tensor bn_x = tensor(expected::kBatchnormX, {2, 3, 2, 2}).requires_grad_();
  const Tensor bn_y = bn->forward(bn_x);
  require_close(bn_y, tensor(expected::kBatchnormY, {2, 3, 2, 2}));
  require_grads(bn_y, {{bn_x, tensor(expected::kBatchnormGradX, {2, 3, 2, 2})},
                       {bn->weight, tensor(expected::kBatchnormGradWeight, {3})},
                       {bn->bias, tensor(expected::kBatchnormGradBias, {3})}});

  nn::LayerNorm ln(nn::LayerNormOptions({4}));
  ln->load_state_dict({{"weight", tensor(expected::kLayernormWeight, {4})}, {"bias", tensor(expected::kLayernormBias, {4})}});
  const Tensor ln_x = tensor(expected::kLayernormX, {2, 3, 4}).requires_grad_();
  const Tensor ln_y = ln->forward(ln_x);
  require_close(ln_y, tensor(expected::kLayernormY, {2, 3, 4}));
  require_grads(ln_y, {{ln_x, tensor(expected::kLayernormGradX, {2, 3, 4})},
                       {ln->weight, tensor(expected::kLayernormGradWeight, {4})},
                       {ln->bias, tensor(expected::kLayernormGradBias, {4})}});
}

TEST_CASE("nn golden: MultiheadAttention matches PyTorch, with head-averaged weights and a causal mask", "[nn]") {
  nn::MultiheadAttention mha(4, 2);
  mha->load_state_dict({{"in_proj_weight", tensor(expected::kAttentionInProjWeight, {12, 4})},
                        {"in_proj_bias", tensor(expected::kAttentionInProjBias, {12})},
                        {"out_proj.weight", tensor(expected::kAttentionOutProjWeight, {4, 4})},
                        {"out_proj.bias", tensor(expected::kAttentionOutProjBias, {4})}});
  const Tensor q = tensor(expected::kAttentionQ, {2, 3, 4}).requires_grad_();
  const Tensor kv = tensor(expected::kAttentionKv, {2, 5, 4}).requires_grad_();
  const auto [y, weights] = mha->forward(q, kv, kv);
  require_close(y, tensor(expected::kAttentionY, {2, 3, 4}));
  require_close(weights, tensor(expected::kAttentionWeights, {2, 3, 5}));
  require_grads(y, {{q, tensor(expected::kAttentionGradQ, {2, 3, 4})},
                    {kv, tensor(expected::kAttentionGradKv, {2, 5, 4})},
                    {mha->in_proj_weight, tensor(expected::kAttentionGradInProjWeight, {12, 4})},
                    {mha->in_proj_bias, tensor(expected::kAttentionGradInProjBias, {12})},
                    {mha->out_proj->weight, tensor(expected::kAttentionGradOutProjWeight, {4, 4})},
                    {mha->out_proj->bias, tensor(expected::kAttentionGradOutProjBias, {4})}});
  // PyTorch got an explicit -inf upper triangle; mlplay builds it from is_causal
  require_close(std::get<0>(mha->forward(q, q, q, Tensor(), false, true)), tensor(expected::kAttentionYCausal, {2, 3, 4}));
}

TEST_CASE("nn golden: a state_dict that PyTorch saved as safetensors loads into the same model", "[nn][io]") {
  SafetensorsMetadata metadata;
  const TensorDict file = load_safetensors(golden_file(), &metadata);
  REQUIRE(metadata.at("format") == "pt");
  // F16, BF16, F64 and I32 tensors read as float32
  require_close(file["dtypes.f16"], tensor(expected::kDtypesF16, {5}), 0);
  require_close(file["dtypes.bf16"], tensor(expected::kDtypesBf16, {5}), 0);
  require_close(file["dtypes.f64"], tensor(expected::kDtypesF64, {2, 2}), 0);
  require_close(file["dtypes.i32"], tensor(expected::kDtypesI32, {2}), 0);

  TensorDict state;  // everything but the dtype samples: the model's state_dict, PyTorch's names
  for (const auto& [name, t] : file)
    if (name.rfind("dtypes.", 0) != 0) state.insert(name, t);
  REQUIRE(state["1.num_batches_tracked"].item() == 3.0f);  // an I64 in the file
  nn::Sequential model(nn::Linear(4, 3), nn::BatchNorm1d(3), nn::ReLU(), nn::Linear(3, 2));
  model->load_state_dict(state);
  model->eval();
  require_close(model->forward(tensor(expected::kModelX, {2, 4})), tensor(expected::kModelY, {2, 2}));
}
