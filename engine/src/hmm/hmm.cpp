#include "mlplay/hmm/hmm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "mlplay/core/error.h"

namespace mlplay::hmm {
namespace {

constexpr double kTolerance = 1e-6;
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

/// "" or the problem with one probability row.
std::string row_problem(const std::string& label, const double* p, int n) {
  double sum = 0;
  for (int k = 0; k < n; ++k) {
    if (!std::isfinite(p[k]) || p[k] < 0 || p[k] > 1)
      return label + " has entry " + number(p[k]) + "; probabilities lie in [0, 1]";
    sum += p[k];
  }
  if (std::abs(sum - 1) > kTolerance) return label + " sums to " + number(sum) + ", not 1";
  return "";
}

int draw(const double* p, int n, Generator& generator) {
  const double u = generator.uniform_double();
  double cumulative = 0;
  for (int k = 0; k < n; ++k) {
    cumulative += p[k];
    if (u < cumulative) return k;
  }
  for (int k = n - 1; k >= 0; --k)  // rounding left u beyond the last sum: the last possible outcome
    if (p[k] > 0) return k;
  return n - 1;
}

void check_observations(const Hmm& model, const std::vector<int>& observations, const char* where) {
  check(!observations.empty(), where, ": the observation sequence is empty");
  for (size_t t = 0; t < observations.size(); ++t)
    check(observations[t] >= 0 && observations[t] < model.num_symbols(), where, ": observation ", t + 1, " is symbol ",
          observations[t], "; expected 0 to ", model.num_symbols() - 1);
}

}  // namespace

std::string model_problem(const Hmm& model) {
  const int K = model.num_states(), M = model.num_symbols();
  if (K < 1 || K > 10) return "the model needs 1 to 10 states, not " + std::to_string(K);
  if (M < 1 || M > 20) return "the model needs 1 to 20 symbols, not " + std::to_string(M);
  if (model.start.size() != static_cast<size_t>(K)) return "start has " + std::to_string(model.start.size()) + " entries, expected " + std::to_string(K);
  if (model.transition.size() != static_cast<size_t>(K * K)) return "transition must be " + std::to_string(K) + " x " + std::to_string(K);
  if (model.emission.size() != static_cast<size_t>(K * M)) return "emission must be " + std::to_string(K) + " x " + std::to_string(M);
  if (auto p = row_problem("start distribution π", model.start.data(), K); !p.empty()) return p;
  for (int i = 0; i < K; ++i) {
    const std::string row = "transition row '" + model.states[static_cast<size_t>(i)] + "'";
    if (auto p = row_problem(row, &model.transition[static_cast<size_t>(i * K)], K); !p.empty()) return p;
  }
  for (int i = 0; i < K; ++i) {
    const std::string row = "emission row '" + model.states[static_cast<size_t>(i)] + "'";
    if (auto p = row_problem(row, &model.emission[static_cast<size_t>(i * M)], M); !p.empty()) return p;
  }
  return "";
}

void check_model(const Hmm& model) {
  const std::string problem = model_problem(model);
  check(problem.empty(), "hmm: ", problem);
}

Hmm dishonest_casino() {
  Hmm m;
  m.states = {"Fair", "Loaded"};
  m.symbols = {"1", "2", "3", "4", "5", "6"};
  m.start = {0.5, 0.5};
  m.transition = {0.95, 0.05, 0.1, 0.9};
  m.emission = {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5};
  return m;
}

Hmm weather() {
  Hmm m;
  m.states = {"Rainy", "Sunny"};
  m.symbols = {"walk", "shop", "clean"};
  m.start = {0.6, 0.4};
  m.transition = {0.7, 0.3, 0.4, 0.6};
  m.emission = {0.1, 0.4, 0.5, 0.6, 0.3, 0.1};
  return m;
}

Hmm fever() {
  Hmm m;
  m.states = {"Healthy", "Fever"};
  m.symbols = {"normal", "cold", "dizzy"};
  m.start = {0.6, 0.4};
  m.transition = {0.7, 0.3, 0.4, 0.6};
  m.emission = {0.5, 0.4, 0.1, 0.1, 0.3, 0.6};
  return m;
}

Hmm preset(std::string_view name) {
  if (name == "casino") return dishonest_casino();
  if (name == "weather") return weather();
  if (name == "fever") return fever();
  throw ValueError("hmm: unknown model '" + std::string(name) + "'; choose casino, weather or fever");
}

std::vector<int> parse_observations(std::string_view text, const Hmm& model) {
  const bool single = std::all_of(model.symbols.begin(), model.symbols.end(), [](const std::string& s) { return s.size() == 1; });
  std::vector<int> out;
  std::string token;
  auto lookup = [&](const std::string& name) {
    const auto it = std::find(model.symbols.begin(), model.symbols.end(), name);
    check(it != model.symbols.end(), "observations: '", name, "' (symbol ", out.size() + 1, ") is not one of ", join(model.symbols));
    out.push_back(static_cast<int>(it - model.symbols.begin()));
  };
  auto flush = [&] {
    if (token.empty()) return;
    const bool known = std::find(model.symbols.begin(), model.symbols.end(), token) != model.symbols.end();
    if (!known && single) {
      for (char c : token) lookup(std::string(1, c));
    } else {
      lookup(token);
    }
    token.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r') flush();
    else token += c;
  }
  flush();
  check(!out.empty(), "observations: no symbols given; type some of ", join(model.symbols));
  check(out.size() <= 100'000, "observations: ", out.size(), " symbols is too many; at most 100,000");
  return out;
}

ForwardResult forward(const Hmm& model, const std::vector<int>& x) {
  check_model(model);
  check_observations(model, x, "forward");
  const int K = model.num_states();
  const size_t T = x.size();
  ForwardResult r;
  r.alpha_hat.assign(T * K, 0.0);
  r.scale.assign(T, 0.0);
  r.log_alpha.assign(T * K, kNegInf);
  double log_c = 0;
  for (size_t t = 0; t < T; ++t) {
    double* alpha = &r.alpha_hat[t * K];
    for (int j = 0; j < K; ++j) {
      double sum = 0;
      if (t == 0) sum = model.start[static_cast<size_t>(j)];
      else
        for (int i = 0; i < K; ++i) sum += r.alpha_hat[(t - 1) * K + i] * model.a(i, j);
      alpha[j] = sum * model.b(j, x[t]);
    }
    double c = 0;
    for (int j = 0; j < K; ++j) c += alpha[j];
    check(c > 0, "forward: the observations are impossible under this model: no state can emit '",
          model.symbols[static_cast<size_t>(x[t])], "' at step ", t + 1);
    r.scale[t] = c;
    log_c += std::log(c);
    for (int j = 0; j < K; ++j) {
      alpha[j] /= c;
      r.log_alpha[t * K + j] = alpha[j] > 0 ? std::log(alpha[j]) + log_c : kNegInf;
    }
  }
  r.log_likelihood = log_c;
  return r;
}

std::vector<double> backward(const Hmm& model, const std::vector<int>& x, const std::vector<double>& scale) {
  const int K = model.num_states();
  const size_t T = x.size();
  check(scale.size() == T, "backward: ", scale.size(), " scale factors for ", T, " observations");
  std::vector<double> beta(T * K, 1.0);
  for (size_t t = T - 1; t-- > 0;) {
    for (int i = 0; i < K; ++i) {
      double sum = 0;
      for (int j = 0; j < K; ++j) sum += model.a(i, j) * model.b(j, x[t + 1]) * beta[(t + 1) * K + j];
      beta[t * K + i] = sum / scale[t + 1];
    }
  }
  return beta;
}

PosteriorResult posterior(const Hmm& model, const std::vector<int>& x) {
  const ForwardResult f = forward(model, x);
  const std::vector<double> beta = backward(model, x, f.scale);
  const int K = model.num_states();
  PosteriorResult r;
  r.log_likelihood = f.log_likelihood;
  r.gamma.resize(f.alpha_hat.size());
  r.path.resize(x.size());
  for (size_t t = 0; t < x.size(); ++t) {
    int best = 0;
    for (int i = 0; i < K; ++i) {
      r.gamma[t * K + i] = f.alpha_hat[t * K + i] * beta[t * K + i];
      if (r.gamma[t * K + i] > r.gamma[t * K + best]) best = i;
    }
    r.path[t] = best;
  }
  return r;
}

ViterbiResult viterbi(const Hmm& model, const std::vector<int>& x) {
  check_model(model);
  check_observations(model, x, "viterbi");
  const int K = model.num_states();
  const size_t T = x.size();
  auto log = [](double p) { return p > 0 ? std::log(p) : kNegInf; };
  ViterbiResult r;
  r.log_delta.assign(T * K, kNegInf);
  std::vector<int> back(T * K, 0);
  for (int i = 0; i < K; ++i) r.log_delta[i] = log(model.start[static_cast<size_t>(i)]) + log(model.b(i, x[0]));
  for (size_t t = 1; t < T; ++t) {
    for (int j = 0; j < K; ++j) {
      double best = kNegInf;
      int from = 0;
      for (int i = 0; i < K; ++i) {
        const double v = r.log_delta[(t - 1) * K + i] + log(model.a(i, j));
        if (v > best) best = v, from = i;
      }
      r.log_delta[t * K + j] = best + log(model.b(j, x[t]));
      back[t * K + j] = from;
    }
  }
  int last = 0;
  for (int i = 1; i < K; ++i)
    if (r.log_delta[(T - 1) * K + i] > r.log_delta[(T - 1) * K + last]) last = i;
  r.log_probability = r.log_delta[(T - 1) * K + last];
  check(std::isfinite(r.log_probability), "viterbi: the observations are impossible under this model");
  r.path.assign(T, 0);
  r.path[T - 1] = last;
  for (size_t t = T - 1; t > 0; --t) r.path[t - 1] = back[t * K + r.path[t]];
  return r;
}

Sample sample(const Hmm& model, int64_t length, Generator& generator) {
  check_model(model);
  check(length >= 1 && length <= 1'000'000, "sample: length must be 1 to 1,000,000, got ", length);
  const int K = model.num_states(), M = model.num_symbols();
  Sample s;
  int z = draw(model.start.data(), K, generator);
  for (int64_t t = 0; t < length; ++t) {
    if (t > 0) z = draw(&model.transition[static_cast<size_t>(z * K)], K, generator);
    s.states.push_back(z);
    s.observations.push_back(draw(&model.emission[static_cast<size_t>(z * M)], M, generator));
  }
  return s;
}

double agreement(const std::vector<int>& a, const std::vector<int>& b) {
  check(a.size() == b.size() && !a.empty(), "agreement: paths of lengths ", a.size(), " and ", b.size());
  size_t same = 0;
  for (size_t t = 0; t < a.size(); ++t) same += a[t] == b[t];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

Hmm random_like(const Hmm& shape, uint64_t seed) {
  check_model(shape);
  Generator generator(seed);
  Hmm m = shape;
  auto fill = [&](double* p, int n) {
    double sum = 0;
    for (int k = 0; k < n; ++k) sum += (p[k] = 0.5 + generator.uniform_double());
    for (int k = 0; k < n; ++k) p[k] /= sum;
  };
  const int K = m.num_states(), M = m.num_symbols();
  fill(m.start.data(), K);
  for (int i = 0; i < K; ++i) fill(&m.transition[static_cast<size_t>(i * K)], K);
  for (int i = 0; i < K; ++i) fill(&m.emission[static_cast<size_t>(i * M)], M);
  return m;
}

std::vector<std::vector<int>> sample_sequences(const Hmm& truth, int64_t count, int64_t length, uint64_t seed) {
  check(count >= 1 && count <= 10'000, "sample_sequences: count must be 1 to 10,000, got ", count);
  Generator generator(seed);
  std::vector<std::vector<int>> out;
  for (int64_t i = 0; i < count; ++i) out.push_back(sample(truth, length, generator).observations);
  return out;
}

Hmm normalized(Hmm m) {
  auto fix = [](double* p, size_t n) {
    double sum = 0;
    for (size_t k = 0; k < n; ++k) {
      check(std::isfinite(p[k]) && p[k] >= 0, "normalized: entry ", p[k], " is not a number >= 0");
      sum += p[k];
    }
    for (size_t k = 0; k < n; ++k) p[k] = sum > 0 ? p[k] / sum : 1.0 / static_cast<double>(n);
  };
  const size_t K = m.states.size(), M = m.symbols.size();
  check(m.start.size() == K && m.transition.size() == K * K && m.emission.size() == K * M, "normalized: the matrices do not fit ",
        K, " states and ", M, " symbols");
  fix(m.start.data(), K);
  for (size_t i = 0; i < K; ++i) fix(&m.transition[i * K], K), fix(&m.emission[i * M], M);
  return m;
}

BaumWelch::BaumWelch(Hmm initial, std::vector<std::vector<int>> sequences)
    : model_(std::move(initial)), sequences_(std::move(sequences)) {
  check_model(model_);
  check(!sequences_.empty(), "BaumWelch: no sequences to learn from");
  for (const auto& x : sequences_) check_observations(model_, x, "BaumWelch");
}

double BaumWelch::log_likelihood() const {
  double total = 0;
  for (const auto& x : sequences_) total += forward(model_, x).log_likelihood;
  return total;
}

double BaumWelch::step() {
  const int K = model_.num_states(), M = model_.num_symbols();
  std::vector<double> start(K, 0.0), trans(K * K, 0.0), trans_from(K, 0.0), emit(K * M, 0.0), emit_from(K, 0.0);
  double total = 0;
  for (const auto& x : sequences_) {
    const ForwardResult f = forward(model_, x);
    const std::vector<double> beta = backward(model_, x, f.scale);
    total += f.log_likelihood;
    const size_t T = x.size();
    for (size_t t = 0; t < T; ++t) {
      for (int i = 0; i < K; ++i) {
        const double gamma = f.alpha_hat[t * K + i] * beta[t * K + i];  // P(z_t = i | x)
        if (t == 0) start[i] += gamma;
        emit[i * M + x[t]] += gamma;
        emit_from[i] += gamma;
        if (t + 1 < T) {
          trans_from[i] += gamma;
          // ξ_t(i, j) = P(z_t = i, z_{t+1} = j | x) = α̂_t(i) A_ij B_j(x_{t+1}) β̂_{t+1}(j) / c_{t+1}
          for (int j = 0; j < K; ++j)
            trans[i * K + j] += f.alpha_hat[t * K + i] * model_.a(i, j) * model_.b(j, x[t + 1]) * beta[(t + 1) * K + j] /
                                f.scale[t + 1];
        }
      }
    }
  }
  const double n = static_cast<double>(sequences_.size());
  for (int i = 0; i < K; ++i) {
    model_.start[i] = start[i] / n;
    // NOTE: a state the sequences never (or only at the end) visit keeps its old row: 0/0 has no estimate.
    if (trans_from[i] > 0) {
      double sum = 0;
      for (int j = 0; j < K; ++j) sum += trans[i * K + j];
      for (int j = 0; j < K; ++j) model_.transition[i * K + j] = trans[i * K + j] / sum;
    }
    if (emit_from[i] > 0)
      for (int k = 0; k < M; ++k) model_.emission[i * M + k] = emit[i * M + k] / emit_from[i];
  }
  ++iterations_;
  return total;
}

}  // namespace mlplay::hmm
