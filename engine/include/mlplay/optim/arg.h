#pragma once
/// The chainable option setter/getter pair of the PyTorch C++ frontend's options structs (TORCH_ARG in
/// torch/csrc/api/include/torch/arg.h), for `AdamOptions(1e-3).betas({0.9, 0.999}).weight_decay(0)`.

// MLPLAY_ARG(double, lr) declares `options.lr(0.1)` (sets, returns *this for chaining), `options.lr()`
// (reads) and a private member `lr_`; write a default after it: `MLPLAY_ARG(double, eps) = 1e-8;`.
// NOTE: guarded, so another options header may define the same macro first without a clash.
#ifndef MLPLAY_ARG
#define MLPLAY_ARG(T, name)                                    \
 public:                                                       \
  auto name(const T& new_value)->decltype(*this) {             \
    this->name##_ = new_value;                                 \
    return *this;                                              \
  }                                                            \
  const T& name() const noexcept { return this->name##_; }     \
                                                               \
 private:                                                      \
  T name##_
#endif
