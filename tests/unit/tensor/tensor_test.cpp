#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/view.h"
#include "mlplay/tensor/factory.h"

using namespace mlplay;
using Catch::Matchers::Contains;

TEST_CASE("Tensor: factories give contiguous float32 tensors with the asked shape", "[tensor]") {
  const Tensor z = zeros({2, 3});
  REQUIRE(z.shape() == Shape{2, 3});
  REQUIRE(z.strides() == Shape{3, 1});
  REQUIRE(z.numel() == 6);
  REQUIRE(z.is_contiguous());
  REQUIRE(z.to_vector() == std::vector<float>(6, 0.0f));
  REQUIRE(ones({4}).to_vector() == std::vector<float>(4, 1.0f));
  REQUIRE(full({2}, 2.5).to_vector() == std::vector<float>{2.5f, 2.5f});
  REQUIRE(arange(4).to_vector() == std::vector<float>{0, 1, 2, 3});
  REQUIRE(arange(1, 2, 0.25).to_vector() == std::vector<float>{1, 1.25f, 1.5f, 1.75f});
  REQUIRE(eye(2).to_vector() == std::vector<float>{1, 0, 0, 1});
  REQUIRE(scalar_tensor(3).dim() == 0);
  REQUIRE(scalar_tensor(3).item() == 3.0f);
  const Tensor v = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  REQUIRE(v.at({1, 2}) == 6.0f);
  REQUIRE(v.at({-1, 0}) == 4.0f);
  REQUIRE(from_vector({1, 2, 3}).shape() == Shape{3});
  REQUIRE_THROWS_AS(from_vector({1, 2, 3}, {2, 2}), ShapeError);
  REQUIRE_THROWS_WITH(v.item(), Contains("item") && Contains("(2, 3)"));
}

TEST_CASE("Tensor: rand and randn are reproducible from a Generator", "[tensor]") {
  Generator a(5), b(5);
  REQUIRE(rand({3, 3}, a).to_vector() == rand({3, 3}, b).to_vector());
  const std::vector<float> n = randn({1000}, a).to_vector();
  double mean = 0;
  for (float x : n) mean += x;
  REQUIRE(std::abs(mean / 1000) < 0.15);
  const std::vector<float> ints = randint(-2, 3, {500}, a).to_vector();
  REQUIRE(*std::min_element(ints.begin(), ints.end()) == -2.0f);
  REQUIRE(*std::max_element(ints.begin(), ints.end()) == 2.0f);
  std::vector<float> perm = randperm(50, a).to_vector();
  std::sort(perm.begin(), perm.end());
  REQUIRE(perm == arange(50).to_vector());
  manual_seed(9);
  const auto first = rand({4}).to_vector();
  manual_seed(9);
  REQUIRE(rand({4}).to_vector() == first);
}

TEST_CASE("Tensor: reshape, transpose, permute and slice are views of one storage", "[tensor]") {
  const Tensor x = arange(12).reshape({3, 4});
  const Tensor t = x.t();
  REQUIRE(t.shape() == Shape{4, 3});
  REQUIRE(t.strides() == Shape{1, 4});
  REQUIRE(!t.is_contiguous());
  REQUIRE(t.at({1, 2}) == 9.0f);
  REQUIRE(t.to_vector() == std::vector<float>{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
  REQUIRE(t.contiguous().is_contiguous());
  REQUIRE(t.contiguous().to_vector() == t.to_vector());

  const Tensor s = x.slice(1, 1, 4, 2);  // columns 1 and 3
  REQUIRE(s.shape() == Shape{3, 2});
  REQUIRE(s.to_vector() == std::vector<float>{1, 3, 5, 7, 9, 11});
  REQUIRE(x.slice(0, -2, 100).to_vector() == std::vector<float>{4, 5, 6, 7, 8, 9, 10, 11});
  REQUIRE(x.select(1, -1).to_vector() == std::vector<float>{3, 7, 11});

  // a write through a view is seen by the base
  Tensor col = x.select(1, 0);
  col.fill_(-1);
  REQUIRE(x.at({2, 0}) == -1.0f);
  REQUIRE(x.reshape({2, 6}).impl()->storage == x.impl()->storage);

  const Tensor p = arange(24).reshape({2, 3, 4}).permute({2, 0, 1});
  REQUIRE(p.shape() == Shape{4, 2, 3});
  REQUIRE(p.at({3, 1, 2}) == 23.0f);
  REQUIRE(p.reshape({4, 6}).at({1, 4}) == 17.0f);  // reshape of a non-contiguous tensor copies
  REQUIRE(p.flatten(1).shape() == Shape{4, 6});
  REQUIRE(p.unsqueeze(0).shape() == Shape{1, 4, 2, 3});
  REQUIRE(p.unsqueeze(0).impl()->storage == p.impl()->storage);  // still a view
  REQUIRE(x.unsqueeze(-1).squeeze(-1).shape() == Shape{3, 4});
  REQUIRE(from_vector({1, 2}).expand({3, 2}).to_vector() == std::vector<float>{1, 2, 1, 2, 1, 2});
}

TEST_CASE("Tensor: view and reshape errors name the op and the shapes", "[tensor]") {
  const Tensor x = arange(12).reshape({3, 4});
  REQUIRE_THROWS_WITH(x.reshape({5, 2}), Contains("reshape: shape (5, 2) is invalid for input of size 12"));
  REQUIRE(x.reshape({-1, 6}).shape() == Shape{2, 6});
  REQUIRE_THROWS_AS(x.t().view({12}), ShapeError);
  REQUIRE_THROWS_WITH(x.expand({3, 5}), Contains("expand"));
  REQUIRE_THROWS_WITH(x.permute({0, 0}), Contains("permute"));
  REQUIRE_THROWS_WITH(x.sum({2}), Contains("sum: dimension out of range"));
  REQUIRE_THROWS_WITH(x + ones({3}), Contains("add: shapes (3, 4) and (3,) cannot be broadcast"));
}

TEST_CASE("Tensor: in-place writes refuse tensors that require grad unless grad mode is off", "[tensor][autograd]") {
  Tensor w = ones({2}).requires_grad_();
  REQUIRE_THROWS_AS(w.fill_(2), ValueError);
  {
    NoGradGuard no_grad;
    w.add_(ones({2}), 0.5);
    w.mul_(2);
  }
  REQUIRE(w.to_vector() == std::vector<float>{3, 3});
  REQUIRE(w.requires_grad());
}

TEST_CASE("Tensor: an undefined tensor throws instead of crashing", "[tensor]") {
  const Tensor undefined;
  REQUIRE(!undefined.defined());
  REQUIRE_THROWS_WITH(undefined.shape(), Contains("shape: the tensor is undefined"));
  REQUIRE_THROWS_AS(undefined + ones({2}), ValueError);
  REQUIRE_THROWS_AS(undefined.grad(), ValueError);
  REQUIRE_THROWS_AS(ones({2}).copy_(undefined), ValueError);
}

TEST_CASE("Tensor: clone copies and passes gradients; printing shows shape and values", "[tensor][autograd]") {
  Tensor x = from_vector({1, 2}).requires_grad_();
  Tensor c = x.clone();
  REQUIRE(c.impl()->storage != x.impl()->storage);
  REQUIRE(c.grad_fn()->name() == "CloneBackward");
  (c * 3).sum().backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{3, 3});
  std::ostringstream out;
  out << x;
  REQUIRE(out.str() == "tensor(shape=(2,), data=[1, 2], requires_grad=true)");
  REQUIRE(shape_str({3, 4}).str() == "(3, 4)");
  REQUIRE(std::string(shape_str({})) == "()");
}
