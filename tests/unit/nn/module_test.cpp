#include <catch2/catch.hpp>
#include <sstream>

#include "mlplay/core/error.h"
#include "mlplay/nn/nn.h"
#include "mlplay/ops/ops.h"

using namespace mlplay;
using Catch::Matchers::Contains;

namespace {

/// A user-defined module, written the way the PyTorch C++ docs write one.
struct NetImpl : nn::Module {
  NetImpl() {
    encoder = register_module("encoder", nn::Sequential(nn::Linear(4, 8), nn::ReLU(), nn::Linear(8, 3)));
    norm = register_module("norm", nn::BatchNorm1d(3));
    scale = register_parameter("scale", ones({3}));
    register_buffer("step", zeros({}));
  }
  Tensor forward(const Tensor& x) { return norm->forward(encoder->forward(x)) * scale; }

  nn::Sequential encoder{nullptr};
  nn::BatchNorm1d norm{nullptr};
  Tensor scale;
};
MLPLAY_MODULE(Net);

std::vector<std::string> names(const TensorDict& dict) { return dict.keys(); }

}  // namespace

TEST_CASE("Module: dotted parameter and buffer names as in PyTorch", "[nn]") {
  Net net;
  REQUIRE(names(net->named_parameters()) ==
          std::vector<std::string>{"scale", "encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
                                   "norm.weight", "norm.bias"});
  REQUIRE(names(net->named_buffers()) ==
          std::vector<std::string>{"step", "norm.running_mean", "norm.running_var", "norm.num_batches_tracked"});
  REQUIRE(names(net->state_dict()) ==
          std::vector<std::string>{"scale", "step", "encoder.0.weight", "encoder.0.bias", "encoder.2.weight",
                                   "encoder.2.bias", "norm.weight", "norm.bias", "norm.running_mean", "norm.running_var",
                                   "norm.num_batches_tracked"});
  REQUIRE(net->parameters().size() == 7);
  REQUIRE(net->parameters(false).size() == 1);
  REQUIRE(net->children().size() == 2);
  REQUIRE(net->named_children().keys() == std::vector<std::string>{"encoder", "norm"});
  for (const auto& [name, p] : net->named_parameters()) REQUIRE(p.requires_grad());
  for (const Tensor& b : net->buffers()) REQUIRE_FALSE(b.requires_grad());
  REQUIRE(net->encoder->size() == 3);
  REQUIRE(net->encoder->at<nn::LinearImpl>(2)->weight.shape() == Shape{3, 8});
  REQUIRE_THROWS_WITH(net->encoder->at<nn::LinearImpl>(1), Contains("Sequential::at: child 1 is not of the requested type"));
  REQUIRE_THROWS_WITH((*net->encoder)[3], Contains("Sequential: index 3 is out of range for 3 modules"));
  REQUIRE(net->forward(randn({5, 4})).shape() == Shape{5, 3});
}

TEST_CASE("Module: registration errors name the entry", "[nn]") {
  nn::Module m;
  m.register_parameter("w", zeros({2}));
  REQUIRE_THROWS_WITH(m.register_parameter("w", zeros({2})), Contains("key 'w' already defined"));
  REQUIRE_THROWS_WITH(m.register_buffer("w", zeros({2})), Contains("register_buffer: 'w' is already a parameter"));
  REQUIRE_THROWS_WITH(m.register_parameter("a.b", zeros({2})), Contains("name 'a.b' must not contain a dot"));
  REQUIRE_THROWS_WITH(m.register_module("", nn::Linear(2, 2)), Contains("register_module: name must not be empty"));
  nn::Linear empty{nullptr};
  REQUIRE(empty.is_empty());
  REQUIRE_THROWS_WITH(empty->forward(zeros({1, 2})), Contains("ModuleHolder: accessing an empty holder"));
}

TEST_CASE("Module: train and eval reach every descendant, zero_grad clears gradients", "[nn]") {
  Net net;
  REQUIRE(net->is_training());
  net->eval();
  REQUIRE_FALSE(net->is_training());
  REQUIRE_FALSE(net->norm->is_training());
  REQUIRE_FALSE(net->encoder->at<nn::ReLUImpl>(1)->is_training());
  net->train();
  REQUIRE(net->encoder->at<nn::LinearImpl>(0)->is_training());

  net->forward(randn({6, 4})).sum().backward();
  for (const Tensor& p : net->parameters()) REQUIRE(p.grad().defined());
  net->zero_grad(false);
  for (const Tensor& p : net->parameters()) REQUIRE(p.grad().abs().sum().item() == 0.0f);
  net->zero_grad();
  for (const Tensor& p : net->parameters()) REQUIRE_FALSE(p.grad().defined());
}

TEST_CASE("Module: state_dict round trip into a fresh model", "[nn]") {
  manual_seed(1);
  Net a;
  a->forward(randn({8, 4}));  // moves the running statistics
  manual_seed(2);
  Net b;
  const Tensor x = randn({3, 4});
  a->eval();
  b->eval();
  REQUIRE_FALSE(allclose(a->forward(x), b->forward(x)));
  b->load_state_dict(a->state_dict());
  REQUIRE(allclose(a->forward(x), b->forward(x)));
  REQUIRE(b->norm->num_batches_tracked.item() == 1.0f);
  // the model's own tensors are written in place: handles held elsewhere (an optimizer) stay valid
  REQUIRE(b->named_parameters()["encoder.0.weight"].is_same(b->encoder->at<nn::LinearImpl>(0)->weight));
  // state_dict shares storage but is detached
  const TensorDict state = a->state_dict();
  REQUIRE_FALSE(state["scale"].requires_grad());
  REQUIRE(state["scale"].data_ptr() == a->scale.data_ptr());
}

TEST_CASE("Module: load_state_dict errors name the key and both shapes", "[nn]") {
  nn::Sequential model(nn::Linear(3, 4), nn::ReLU(), nn::Linear(4, 2));
  TensorDict state = model->state_dict();
  TensorDict wrong_shape;
  for (const auto& [name, t] : state) wrong_shape.insert(name, name == "2.weight" ? zeros({2, 5}) : t);
  REQUIRE_THROWS_AS(model->load_state_dict(wrong_shape), ShapeError);
  REQUIRE_THROWS_WITH(model->load_state_dict(wrong_shape),
                      Contains("load_state_dict: size mismatch for 2.weight: copying a param with shape (2, 5) from "
                               "checkpoint, the shape in current model is (2, 4)"));
  TensorDict missing;
  missing.insert("0.weight", state["0.weight"]);
  missing.insert("0.bias", state["0.bias"]);
  missing.insert("1.weight", zeros({1}));
  REQUIRE_THROWS_AS(model->load_state_dict(missing), ValueError);
  REQUIRE_THROWS_WITH(model->load_state_dict(missing),
                      Contains("missing key(s) in state_dict: \"2.weight\", \"2.bias\". unexpected key(s) in "
                               "state_dict: \"1.weight\"."));
  // non-strict loads what matches and ignores the rest
  const Tensor before = model->at<nn::LinearImpl>(2)->weight.clone();
  TensorDict partial;
  partial.insert("0.bias", full({4}, 3.0));
  partial.insert("extra", zeros({1}));
  model->load_state_dict(partial, false);
  REQUIRE(model->at<nn::LinearImpl>(0)->bias.to_vector() == std::vector<float>{3, 3, 3, 3});
  REQUIRE(allclose(model->at<nn::LinearImpl>(2)->weight, before));
}

TEST_CASE("Sequential: push_back, own names, nesting", "[nn]") {
  nn::Sequential seq;
  REQUIRE(seq->is_empty());
  seq->push_back(nn::Linear(2, 3));
  seq->push_back("act", nn::Tanh().ptr());
  seq->push_back(nn::Sequential(nn::Linear(3, 3), nn::Linear(3, 1)));
  REQUIRE(seq->size() == 3);
  REQUIRE(seq->named_children().keys() == std::vector<std::string>{"0", "act", "2"});
  REQUIRE(seq->named_parameters().keys() ==
          std::vector<std::string>{"0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.1.weight", "2.1.bias"});
  REQUIRE(seq->forward(randn({4, 2})).shape() == Shape{4, 1});
  // a user module holding a Sequential named "layers" gives PyTorch's "layers.0.weight"
  struct ModelImpl : nn::Module {
    ModelImpl() { layers = register_module("layers", nn::Sequential(nn::Linear(2, 2))); }
    nn::Sequential layers{nullptr};
  };
  REQUIRE(std::make_shared<ModelImpl>()->named_parameters().keys() ==
          std::vector<std::string>{"layers.0.weight", "layers.0.bias"});
}

TEST_CASE("Module: operator<< prints the module tree as PyTorch does", "[nn]") {
  nn::Sequential model(nn::Conv2d(nn::Conv2dOptions(1, 8, 3).padding(1)), nn::BatchNorm2d(8), nn::ReLU(),
                       nn::MaxPool2d(2), nn::Flatten(), nn::Dropout(0.25),
                       nn::Sequential(nn::Linear(128, 10), nn::LogSoftmax(1)));
  std::ostringstream out;
  out << *model;
  REQUIRE(out.str() ==
          "Sequential(\n"
          "  (0): Conv2d(1, 8, kernel_size=[3, 3], stride=[1, 1], padding=[1, 1])\n"
          "  (1): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=true, track_running_stats=true)\n"
          "  (2): ReLU()\n"
          "  (3): MaxPool2d(kernel_size=[2, 2], stride=[2, 2], padding=[0, 0], dilation=[1, 1])\n"
          "  (4): Flatten(start_dim=1, end_dim=-1)\n"
          "  (5): Dropout(p=0.25)\n"
          "  (6): Sequential(\n"
          "    (0): Linear(in_features=128, out_features=10, bias=true)\n"
          "    (1): LogSoftmax(dim=1)\n"
          "  )\n"
          ")");
  std::ostringstream mha;
  mha << *nn::MultiheadAttention(4, 2);
  REQUIRE(mha.str() ==
          "MultiheadAttention(embed_dim=4, num_heads=2, dropout=0, bias=true, batch_first=true)(\n"
          "  (out_proj): Linear(in_features=4, out_features=4, bias=true)\n"
          ")");
}
