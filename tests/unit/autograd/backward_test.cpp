#include <catch2/catch.hpp>

#include "mlplay/autograd/grad_mode.h"
#include "mlplay/autograd/node.h"
#include "mlplay/core/error.h"
#include "mlplay/ops/elementwise.h"
#include "mlplay/ops/reduce.h"
#include "mlplay/tensor/factory.h"

using namespace mlplay;
using Catch::Matchers::Contains;

TEST_CASE("autograd: backward of a scalar fills leaf gradients (micrograd's example)", "[autograd]") {
  Tensor a = scalar_tensor(-4).requires_grad_();
  Tensor b = scalar_tensor(2).requires_grad_();
  Tensor c = a + b;
  Tensor d = a * b + pow(b, 3);
  c = c + c + 1;
  c = c + 1 + c + (-a);
  d = d + d * 2 + maximum(b + a, scalar_tensor(0));
  d = d + 3 * d + maximum(b - a, scalar_tensor(0));
  Tensor e = c - d;
  Tensor f = pow(e, 2);
  Tensor g = f / 2.0;
  g = g + 10.0 / f;
  g.backward();
  // values from micrograd's test_more_ops (checked there against PyTorch)
  REQUIRE(g.item() == Approx(24.70408163265306).epsilon(1e-5));
  REQUIRE(a.grad().item() == Approx(138.83381924198252).epsilon(1e-5));
  REQUIRE(b.grad().item() == Approx(645.5772594752186).epsilon(1e-5));
}

TEST_CASE("autograd: gradients accumulate across backward calls and flow to shared inputs", "[autograd]") {
  Tensor x = from_vector({1, 2, 3}).requires_grad_();
  Tensor y = (x * x).sum();  // dy/dx = 2x
  y.backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{2, 4, 6});
  (x * 3).sum().backward();
  REQUIRE(x.grad().to_vector() == std::vector<float>{5, 7, 9});
  x.mutable_grad() = Tensor();
  (x + x + x).sum().backward();  // x used three times in one graph
  REQUIRE(x.grad().to_vector() == std::vector<float>{3, 3, 3});
}

TEST_CASE("autograd: records a graph only when needed", "[autograd]") {
  Tensor x = ones({2}).requires_grad_();
  Tensor c = ones({2});
  REQUIRE((c * 2).grad_fn() == nullptr);
  REQUIRE(!(c * 2).requires_grad());
  const Tensor y = x * 2;
  REQUIRE(y.requires_grad());
  REQUIRE(!y.is_leaf());
  REQUIRE(y.grad_fn()->name() == "MulBackward");
  {
    NoGradGuard no_grad;
    REQUIRE(!(x * 2).requires_grad());
  }
  REQUIRE(GradMode::is_enabled());
  const Tensor d = y.detach();
  REQUIRE(d.is_leaf());
  REQUIRE(!d.requires_grad());
  REQUIRE(d.impl()->storage == y.impl()->storage);
  REQUIRE_THROWS_AS(Tensor(y).requires_grad_(false), ValueError);
}

TEST_CASE("autograd: backward errors and retain_grad", "[autograd]") {
  Tensor x = ones({2, 2}).requires_grad_();
  Tensor y = x * 3;
  REQUIRE_THROWS_WITH(y.backward(), Contains("only for scalar outputs") && Contains("(2, 2)"));
  REQUIRE_THROWS_AS(ones({2}).sum().backward(), ValueError);
  REQUIRE_THROWS_AS(y.backward(ones({3})), ShapeError);
  y.retain_grad();
  (y * y).sum().backward();
  REQUIRE(y.grad().to_vector() == std::vector<float>(4, 6.0f));
  REQUIRE(x.grad().to_vector() == std::vector<float>(4, 18.0f));
}

TEST_CASE("autograd: a long chain does not overflow the stack", "[autograd]") {
  Tensor x = scalar_tensor(1).requires_grad_();
  Tensor y = x;
  for (int i = 0; i < 20000; ++i) y = y + 0.0;
  y.backward();
  REQUIRE(x.grad().item() == 1.0f);
}

TEST_CASE("autograd: backward refuses tensors changed in place after they were saved", "[autograd]") {
  Tensor w = from_vector({1, 2}).requires_grad_();
  Tensor x = from_vector({3, 4});
  const Tensor y = (w * x).sum();  // MulBackward saves w and x
  {
    NoGradGuard no_grad;
    w.add_(ones({2}));  // an optimizer step before backward
  }
  REQUIRE_THROWS_WITH(y.backward(), Contains("MulBackward: a tensor saved for backward was modified by an in-place operation"));
  // add saves nothing, so changing its inputs afterwards is harmless (as in PyTorch)
  const Tensor z = (w + x).sum();
  x.fill_(0);
  z.backward();
  REQUIRE(w.grad().to_vector() == std::vector<float>{1, 1});
  // exp saves its output
  Tensor e = exp(w);
  {
    NoGradGuard no_grad;
    e.mul_(2);
  }
  REQUIRE_THROWS_AS(e.sum().backward(), Error);
}
