// The Optimizer contract: hyperparameter checks with PyTorch-style messages, zero_grad, skipping
// parameters without a gradient, set_lr, and threaded updates of large tensors.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/ops/ops.h"
#include "mlplay/optim/optim.h"

using namespace mlplay;
using namespace mlplay::optim;

namespace {
std::vector<Tensor> one_param() { return {zeros({2, 3}).requires_grad_()}; }
}  // namespace

TEST_CASE("optim errors: bad hyperparameters name the optimizer and the value", "[optim]") {
  REQUIRE_THROWS_WITH(Adam(one_param(), AdamOptions(-0.1)), "Adam: invalid learning rate: -0.1");
  REQUIRE_THROWS_WITH(Adam(one_param(), AdamOptions(1e-3).betas({1.5, 0.999})),
                      "Adam: invalid beta parameter at index 0: 1.5");
  REQUIRE_THROWS_WITH(Adam(one_param(), AdamOptions(1e-3).betas({0.9, 1.0})),
                      "Adam: invalid beta parameter at index 1: 1");
  REQUIRE_THROWS_WITH(Adam(one_param(), AdamOptions().eps(-1e-8)), "Adam: invalid epsilon value: -1e-08");
  REQUIRE_THROWS_WITH(Adam(one_param(), AdamOptions().weight_decay(-1)), "Adam: invalid weight_decay value: -1");
  REQUIRE_THROWS_WITH(AdamW(one_param(), AdamWOptions().betas({-0.1, 0.9})),
                      "AdamW: invalid beta parameter at index 0: -0.1");
  REQUIRE_THROWS_WITH(AdamW(one_param(), AdamWOptions(-2)), "AdamW: invalid learning rate: -2");
  REQUIRE_THROWS_WITH(SGD(one_param(), SGDOptions(-0.5)), "SGD: invalid learning rate: -0.5");
  REQUIRE_THROWS_WITH(SGD(one_param(), SGDOptions(0.1).momentum(-0.9)), "SGD: invalid momentum value: -0.9");
  REQUIRE_THROWS_WITH(SGD(one_param(), SGDOptions(0.1).weight_decay(-1)), "SGD: invalid weight_decay value: -1");
  REQUIRE_THROWS_WITH(SGD(one_param(), SGDOptions(0.1).nesterov(true)),
                      "SGD: nesterov momentum requires a momentum and zero dampening (got momentum 0, dampening 0)");
  REQUIRE_THROWS_AS(SGD(one_param(), SGDOptions(0.1).momentum(0.9).dampening(0.1).nesterov(true)), ValueError);
  REQUIRE_THROWS_WITH(Adagrad(one_param(), AdagradOptions().lr_decay(-1)), "Adagrad: invalid lr_decay value: -1");
  REQUIRE_THROWS_WITH(Adagrad(one_param(), AdagradOptions().initial_accumulator_value(-1)),
                      "Adagrad: invalid initial_accumulator_value value: -1");
  REQUIRE_THROWS_WITH(Adagrad(one_param(), AdagradOptions().eps(-1)), "Adagrad: invalid epsilon value: -1");
  REQUIRE_THROWS_WITH(RMSprop(one_param(), RMSpropOptions().alpha(-0.5)), "RMSprop: invalid alpha value: -0.5");
  REQUIRE_THROWS_WITH(RMSprop(one_param(), RMSpropOptions().momentum(-1)), "RMSprop: invalid momentum value: -1");
  REQUIRE_THROWS_WITH(RMSprop(one_param(), RMSpropOptions().eps(-1)), "RMSprop: invalid epsilon value: -1");
  REQUIRE_THROWS_WITH(Lion(one_param(), LionOptions(0)), "Lion: invalid learning rate: 0");
  REQUIRE_THROWS_WITH(Lion(one_param(), LionOptions().betas({0.9, 1.1})),
                      "Lion: invalid beta parameter at index 1: 1.1");
  REQUIRE_THROWS_WITH(Lion(one_param(), LionOptions().weight_decay(-1)), "Lion: invalid weight_decay value: -1");
  // The edges that are allowed: lr 0, beta 0, Lion's beta 1.
  REQUIRE_NOTHROW(Adam(one_param(), AdamOptions(0).betas({0.0, 0.0})));
  REQUIRE_NOTHROW(Lion(one_param(), LionOptions().betas({1.0, 1.0})));
}

TEST_CASE("optim errors: bad parameter lists", "[optim]") {
  REQUIRE_THROWS_WITH(SGD({}, SGDOptions(0.1)), "SGD: optimizer got an empty parameter list");
  REQUIRE_THROWS_WITH(Adam({Tensor()}), "Adam: parameter 0 is undefined");
  const Tensor w = ones({2, 2}).requires_grad_();
  REQUIRE_THROWS_WITH(Adam({w, w * 2.0}), "Adam: can't optimize a non-leaf tensor (parameter 1)");
  REQUIRE_THROWS_WITH(Adam({zeros({3, 4}).t()}), "Adam: parameter 0 of shape (4, 3) is not contiguous");
  Adam adam({w});
  REQUIRE_THROWS_WITH(adam.set_lr(-1), "Adam: invalid learning rate: -1");
}

TEST_CASE("optim: zero_grad clears or zeroes, step skips parameters without a grad", "[optim]") {
  Tensor a = from_vector({1, 2}).requires_grad_();
  Tensor b = from_vector({3, 4}).requires_grad_();
  // Weight decay and momentum would move b if it were not skipped.
  SGD sgd({a, b}, SGDOptions(0.1).momentum(0.9).weight_decay(0.5));
  (a * a).sum().backward();  // grad a = 2a = (2, 4); b has none
  REQUIRE_FALSE(b.grad().defined());
  sgd.step();
  // d = 2a + 0.5 a = 2.5 a; a -= 0.1 d = 0.75 a
  REQUIRE(a.to_vector()[0] == Approx(0.75f));
  REQUIRE(a.to_vector()[1] == Approx(1.5f));
  REQUIRE(b.to_vector() == std::vector<float>{3, 4});

  sgd.zero_grad(false);
  REQUIRE(a.grad().to_vector() == std::vector<float>{0, 0});
  sgd.zero_grad();
  REQUIRE_FALSE(a.grad().defined());
  sgd.step();  // nothing has a grad: nothing moves
  REQUIRE(a.to_vector()[0] == Approx(0.75f));
}

TEST_CASE("optim: a strided grad is read in order, a grad of the wrong shape is refused", "[optim]") {
  Tensor w = zeros({2, 3}).requires_grad_();
  SGD sgd({w}, SGDOptions(1.0));
  w.mutable_grad() = from_vector({1, 2, 3, 4, 5, 6}, {3, 2}).t();  // (2, 3), strides (1, 2)
  sgd.step();
  REQUIRE(w.to_vector() == std::vector<float>{-1, -3, -5, -2, -4, -6});
  w.mutable_grad() = zeros({3});
  REQUIRE_THROWS_WITH(sgd.step(), "SGD: gradient of shape (3,) for a parameter of shape (2, 3)");
}

TEST_CASE("optim: set_lr changes the next step and the update is not recorded", "[optim]") {
  Tensor w = from_vector({1.0f}).requires_grad_();
  SGD sgd({w}, SGDOptions(0.1));
  REQUIRE(sgd.lr() == 0.1);
  sgd.set_lr(0.5);
  (w * 2.0).sum().backward();
  sgd.step();
  REQUIRE(w.item() == Approx(0.0f));  // 1 - 0.5 * 2
  REQUIRE(w.is_leaf());
  REQUIRE(w.requires_grad());
}

TEST_CASE("optim: large tensors update the same with one thread or several", "[optim]") {
  // 50000 elements span several parallel_for chunks of kUpdateGrain elements.
  const int64_t n = 50000;
  Generator gen(11);
  const Tensor start = randn({n}, gen);
  const Tensor grad = randn({n}, gen);
  auto run = [&](int threads) {
    set_num_threads(threads);
    Tensor p = start.clone().requires_grad_();
    Adam adam({p}, AdamOptions(0.01).weight_decay(0.1));
    for (int step = 0; step < 3; ++step) {
      p.mutable_grad() = grad.clone();
      adam.step();
    }
    set_num_threads(1);
    return p.to_vector();
  };
  const std::vector<float> one = run(1), many = run(std::min(4, max_threads()));
  REQUIRE(one == many);
  // Adam's first steps move each element by about lr in the direction of -sign(grad + 0.1 p).
  const std::vector<float> s = start.to_vector(), g = grad.to_vector();
  for (int64_t i = 0; i < n; i += 997) {
    const float direction = (g[i] + 0.1f * s[i]) > 0 ? -1.0f : 1.0f;
    REQUIRE(one[i] - s[i] == Approx(3 * 0.01f * direction).margin(1e-3));
  }
}
