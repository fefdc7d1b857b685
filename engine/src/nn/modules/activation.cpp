#include "mlplay/nn/modules/activation.h"

#include <ostream>

#include "mlplay/ops/activation.h"

namespace mlplay::nn {

Tensor ReLUImpl::forward(const Tensor& x) { return relu(x); }
Tensor LeakyReLUImpl::forward(const Tensor& x) { return leaky_relu(x, options.negative_slope()); }
Tensor GELUImpl::forward(const Tensor& x) { return gelu(x, options.approximate()); }
Tensor SigmoidImpl::forward(const Tensor& x) { return sigmoid(x); }
Tensor TanhImpl::forward(const Tensor& x) { return mlplay::tanh(x); }
Tensor SoftplusImpl::forward(const Tensor& x) { return softplus(x, options.beta(), options.threshold()); }
Tensor SoftmaxImpl::forward(const Tensor& x) { return softmax(x, options.dim()); }
Tensor LogSoftmaxImpl::forward(const Tensor& x) { return log_softmax(x, options.dim()); }

void ReLUImpl::pretty_print(std::ostream& out) const { out << "ReLU()"; }
void LeakyReLUImpl::pretty_print(std::ostream& out) const {
  out << "LeakyReLU(negative_slope=" << options.negative_slope() << ")";
}
void GELUImpl::pretty_print(std::ostream& out) const { out << "GELU(approximate='" << options.approximate() << "')"; }
void SigmoidImpl::pretty_print(std::ostream& out) const { out << "Sigmoid()"; }
void TanhImpl::pretty_print(std::ostream& out) const { out << "Tanh()"; }
void SoftplusImpl::pretty_print(std::ostream& out) const {
  out << "Softplus(beta=" << options.beta() << ", threshold=" << options.threshold() << ")";
}
void SoftmaxImpl::pretty_print(std::ostream& out) const { out << "Softmax(dim=" << options.dim() << ")"; }
void LogSoftmaxImpl::pretty_print(std::ostream& out) const { out << "LogSoftmax(dim=" << options.dim() << ")"; }

}  // namespace mlplay::nn
