#include "mlplay/nn/modules/dropout.h"

#include <ostream>

#include "mlplay/core/error.h"
#include "mlplay/ops/dropout.h"

namespace mlplay::nn {

DropoutImpl::DropoutImpl(const DropoutOptions& options_) : options(options_) {
  check<ValueError>(options.p() >= 0 && options.p() <= 1, "Dropout: probability has to be between 0 and 1, but got ",
                    options.p());
}

Tensor DropoutImpl::forward(const Tensor& x) { return dropout(x, options.p(), is_training()); }

void DropoutImpl::pretty_print(std::ostream& out) const { out << "Dropout(p=" << options.p() << ")"; }

}  // namespace mlplay::nn
