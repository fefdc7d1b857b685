#include "mlplay/nn/modules/sequential.h"

#include <ostream>

namespace mlplay::nn {

Tensor SequentialImpl::forward(const Tensor& x) {
  Tensor out = x;
  for (const Layer& layer : layers_) out = layer.forward(out);
  return out;
}

std::shared_ptr<Module> SequentialImpl::operator[](size_t index) const {
  check<ValueError>(index < layers_.size(), "Sequential: index ", index, " is out of range for ", layers_.size(),
                    " modules");
  return layers_[index].module;
}

void SequentialImpl::pretty_print(std::ostream& out) const { out << "Sequential"; }

}  // namespace mlplay::nn
