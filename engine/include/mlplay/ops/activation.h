#pragma once
/// Activations, each composed from primitives (no backward rules of their own): their gradients come
/// from the rules of mul, where, exp, log, erf, ... (torch.nn.functional activations).
#include <string>

#include "mlplay/tensor/tensor.h"

namespace mlplay {

/// max(x, 0) as x * (x > 0). NOTE: the gradient at 0 is 0, as in PyTorch.
Tensor relu(const Tensor& x);
/// x for x > 0, negative_slope * x otherwise.
Tensor leaky_relu(const Tensor& x, double negative_slope = 0.01);
/// x * Phi(x). approximate = "none" uses erf; "tanh" uses Hendrycks & Gimpel's tanh form
/// (https://arxiv.org/abs/1606.08415), as GPT-2 does.
Tensor gelu(const Tensor& x, const std::string& approximate = "none");
/// 1 / (1 + exp(-x)), computed from exp(-|x|) so no branch overflows.
Tensor sigmoid(const Tensor& x);
/// 2 sigmoid(2x) - 1.
Tensor tanh(const Tensor& x);
/// log(1 + exp(beta x)) / beta, and x itself where beta x > threshold (torch.nn.Softplus).
Tensor softplus(const Tensor& x, double beta = 1.0, double threshold = 20.0);
/// exp(x) / sum(exp(x)) along dim, shifted by the (detached) max for stability.
Tensor softmax(const Tensor& x, int64_t dim);
/// x - logsumexp(x) along dim, shifted by the (detached) max for stability.
Tensor log_softmax(const Tensor& x, int64_t dim);

}  // namespace mlplay
