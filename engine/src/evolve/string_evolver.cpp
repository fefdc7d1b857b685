#include "mlplay/evolve/string_evolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/evolve/selection.h"

namespace mlplay::evolve {
namespace {

constexpr int64_t kMaxTarget = 200;

/// index[c] = position of byte c in the alphabet, or -1.
const std::array<int, 256>& alphabet_index() {
  static const std::array<int, 256> table = [] {
    std::array<int, 256> t{};
    t.fill(-1);
    const std::string& a = string_alphabet();
    for (size_t i = 0; i < a.size(); ++i) t[static_cast<unsigned char>(a[i])] = static_cast<int>(i);
    return t;
  }();
  return table;
}

/// One character as the learner typed it: a UTF-8 sequence starting at `i` (so 'é' is named whole).
std::string utf8_char_at(std::string_view text, size_t i) {
  size_t n = 1;
  while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
  return std::string(text.substr(i, n));
}

}  // namespace

const std::string& string_alphabet() {
  static const std::string alphabet =
      " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?'-";
  return alphabet;
}

void check_target(std::string_view target) {
  check(!target.empty(), "target: the target is empty; type 1 to ", kMaxTarget, " characters");
  std::string bad;
  int64_t bad_count = 0, position = 0, length = 0;
  for (size_t i = 0; i < target.size(); ++length) {
    const std::string c = utf8_char_at(target, i);
    ++position;
    if (c.size() != 1 || alphabet_index()[static_cast<unsigned char>(c[0])] < 0) {
      if (bad_count < 5) bad += (bad.empty() ? "" : ", ") + ("'" + c + "' (position " + std::to_string(position) + ")");
      ++bad_count;
    }
    i += c.size();
  }
  check(bad_count == 0, "target: ", bad, bad_count > 5 ? " and more" : "", bad_count == 1 ? " is" : " are",
        " not in the alphabet (space, a-z, A-Z, 0-9 and . , ! ? ' -)");
  check(length <= kMaxTarget, "target: ", length, " characters is too long; at most ", kMaxTarget);
}

int64_t string_distance(std::string_view a, std::string_view b) {
  check(a.size() == b.size(), "string_distance: lengths ", a.size(), " and ", b.size(), " differ");
  const auto& index = alphabet_index();
  int64_t d = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const int x = index[static_cast<unsigned char>(a[i])], y = index[static_cast<unsigned char>(b[i])];
    check(x >= 0 && y >= 0, "string_distance: character ", i + 1, " is not in the alphabet");
    d += std::abs(x - y);
  }
  return d;
}

StringEvolver::StringEvolver(std::string target, StringEvolverOptions options)
    : target_(std::move(target)), options_(options), generator_(options.seed) {
  check_target(target_);
  check(options_.population >= 2 && options_.population <= 100'000, "StringEvolver: population must be 2 to 100,000, got ",
        options_.population);
  check(options_.mutation_rate >= 0 && options_.mutation_rate <= 1, "StringEvolver: mutation rate must be in [0, 1], got ",
        options_.mutation_rate);
  const std::string& alphabet = string_alphabet();
  const auto letters = static_cast<uint32_t>(alphabet.size());
  population_.assign(static_cast<size_t>(options_.population), std::string(target_.size(), ' '));
  for (auto& s : population_)
    for (auto& c : s) c = alphabet[generator_.randint(letters)];
  evaluate();
}

void StringEvolver::evaluate() {
  const size_t n = population_.size();
  distances_.resize(n);
  fitness_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    distances_[i] = string_distance(population_[i], target_);
    fitness_[i] = fitness_from_distance(distances_[i]);
  }
  best_ = argmax(fitness_);
}

void StringEvolver::mutate(std::string& child) {
  if (options_.mutation_rate <= 0) return;
  const std::string& alphabet = string_alphabet();
  const auto letters = static_cast<uint32_t>(alphabet.size());
  // NOTE: the new character is drawn from the whole alphabet, so 1 time in 69 it is the old one.
  for (auto& c : child)
    if (generator_.uniform_double() < options_.mutation_rate) c = alphabet[generator_.randint(letters)];
}

void StringEvolver::step(int64_t generations) {
  check(generations >= 0, "StringEvolver.step: generations must be >= 0, got ", generations);
  const size_t n = population_.size(), length = target_.size();
  std::vector<std::string> next;
  next.reserve(n);
  for (int64_t g = 0; g < generations; ++g) {
    next.clear();
    const RouletteWheel wheel(fitness_);
    if (options_.elitism) next.push_back(best());
    while (next.size() < n) {
      const std::string& a = population_[static_cast<size_t>(wheel.spin(generator_))];
      const std::string& b = population_[static_cast<size_t>(wheel.spin(generator_))];
      // Single-point crossover: cut in 1 … length−1, head of one parent + tail of the other.
      const size_t cut = length >= 2 ? 1 + generator_.randint(static_cast<uint32_t>(length - 1)) : 0;
      std::string first = a.substr(0, cut) + b.substr(cut);
      std::string second = b.substr(0, cut) + a.substr(cut);
      mutate(first);
      next.push_back(std::move(first));
      if (next.size() < n) {
        mutate(second);
        next.push_back(std::move(second));
      }
    }
    population_.swap(next);
    ++generation_;
    evaluate();
  }
}

double StringEvolver::mean_fitness() const {
  return std::accumulate(fitness_.begin(), fitness_.end(), 0.0) / static_cast<double>(fitness_.size());
}

double StringEvolver::mean_distance() const {
  return static_cast<double>(std::accumulate(distances_.begin(), distances_.end(), int64_t{0})) /
         static_cast<double>(distances_.size());
}

std::vector<int64_t> StringEvolver::ranking(int64_t count) const {
  std::vector<int64_t> order(population_.size());
  std::iota(order.begin(), order.end(), 0);
  const auto k = static_cast<size_t>(std::clamp<int64_t>(count, 0, static_cast<int64_t>(order.size())));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                    [&](int64_t x, int64_t y) { return distances_[x] != distances_[y] ? distances_[x] < distances_[y] : x < y; });
  order.resize(k);
  return order;
}

}  // namespace mlplay::evolve
