#pragma once
/// MLPLAY_ARG(type, name) declares an option with a chainable setter and a getter, as torch's TORCH_ARG
/// (torch/csrc/api/include/torch/arg.h): `LinearOptions(5, 2).bias(false)`, then `options.bias()`.
/// Write the default after it: `MLPLAY_ARG(bool, bias) = true;`.
#define MLPLAY_ARG(T, name)                                    \
 public:                                                       \
  auto name(const T& new_##name)->decltype(*this) {            \
    this->name##_ = new_##name;                                \
    return *this;                                              \
  }                                                            \
  const T& name() const noexcept { return this->name##_; }    \
  T& name() noexcept { return this->name##_; }                \
                                                               \
 private:                                                      \
  T name##_
