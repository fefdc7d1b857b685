#pragma once
/// Elementwise primitives with broadcasting. Each differentiable one has exactly one backward rule
/// (in src/ops/binary.cpp or src/ops/unary.cpp); broadcast gradients go through sum_to().
#include "mlplay/tensor/tensor.h"

namespace mlplay {

// ---- binary (broadcasting) -------------------------------------------------------------------
Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
/// a ** b elementwise. d/db uses log(a), so the gradient to b needs a > 0.
Tensor pow(const Tensor& a, const Tensor& b);
Tensor pow(const Tensor& a, double exponent);
/// Elementwise max; NOTE: at ties the gradient is split evenly between a and b (as PyTorch does).
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);
/// condition != 0 ? a : b, all three broadcast together. No gradient flows to condition.
Tensor where(const Tensor& condition, const Tensor& a, const Tensor& b);
Tensor where(const Tensor& condition, const Tensor& a, double b);

// ---- unary -------------------------------------------------------------------------------------
Tensor neg(const Tensor& a);
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sqrt(const Tensor& a);
/// |a|; NOTE: the gradient at 0 is 0 (sign(0) = 0, as in PyTorch).
Tensor abs(const Tensor& a);
/// The Gauss error function (for exact gelu); d/da erf(a) = 2/sqrt(pi) * exp(-a^2).
Tensor erf(const Tensor& a);
/// min(max(a, low), high), composed of where; the gradient passes where low <= a <= high (bounds included, as in PyTorch).
Tensor clamp(const Tensor& a, double low, double high);

// ---- not differentiable: results are 0/1 (or -1/0/1) float tensors with no graph ---------------
Tensor eq(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor eq(const Tensor& a, double b);
Tensor ne(const Tensor& a, double b);
Tensor lt(const Tensor& a, double b);
Tensor le(const Tensor& a, double b);
Tensor gt(const Tensor& a, double b);
Tensor ge(const Tensor& a, double b);
Tensor sign(const Tensor& a);

Tensor operator<(const Tensor& a, const Tensor& b);
Tensor operator<=(const Tensor& a, const Tensor& b);
Tensor operator>(const Tensor& a, const Tensor& b);
Tensor operator>=(const Tensor& a, const Tensor& b);
Tensor operator<(const Tensor& a, double b);
Tensor operator<=(const Tensor& a, double b);
Tensor operator>(const Tensor& a, double b);
Tensor operator>=(const Tensor& a, double b);

/// True when shapes match and |a - b| <= atol + rtol * |b| everywhere (torch::allclose).
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8);

}  // namespace mlplay
