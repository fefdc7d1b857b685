#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/hmm/hmm.h"

using namespace mlplay;
using namespace mlplay::hmm;

namespace {
/// Every hidden path of length T, for brute-force checks: P(z, x) = π_{z1} B_{z1}(x1) Π A B.
struct Enumeration {
  double likelihood = 0;              // Σ_z P(z, x)
  std::vector<double> gamma;          // P(z_t = i | x)
  std::vector<int> best;              // argmax_z P(z, x)
  double best_probability = 0;
  std::vector<double> start, trans, emit;  // expected counts
};
Enumeration enumerate(const Hmm& m, const std::vector<int>& x) {
  const int K = m.num_states(), M = m.num_symbols();
  const size_t T = x.size();
  Enumeration e;
  e.gamma.assign(T * K, 0), e.start.assign(K, 0), e.trans.assign(K * K, 0), e.emit.assign(K * M, 0);
  std::vector<int> z(T, 0);
  for (;;) {
    double p = m.start[z[0]] * m.b(z[0], x[0]);
    for (size_t t = 1; t < T; ++t) p *= m.a(z[t - 1], z[t]) * m.b(z[t], x[t]);
    e.likelihood += p;
    if (p > e.best_probability) e.best_probability = p, e.best = z;
    for (size_t t = 0; t < T; ++t) {
      e.gamma[t * K + z[t]] += p;
      e.emit[z[t] * M + x[t]] += p;
      if (t + 1 < T) e.trans[z[t] * K + z[t + 1]] += p;
    }
    e.start[z[0]] += p;
    size_t t = 0;
    while (t < T && ++z[t] == K) z[t++] = 0;
    if (t == T) break;
  }
  for (auto* v : {&e.gamma, &e.start, &e.trans, &e.emit})
    for (auto& g : *v) g /= e.likelihood;
  return e;
}
}  // namespace

TEST_CASE("Viterbi on Wikipedia's healthy/fever example: Healthy, Healthy, Fever with probability 0.01512", "[hmm]") {
  const Hmm m = fever();
  const std::vector<int> x = parse_observations("normal cold dizzy", m);
  REQUIRE(x == std::vector<int>{0, 1, 2});
  const ViterbiResult v = viterbi(m, x);
  REQUIRE(v.path == std::vector<int>{0, 0, 1});
  REQUIRE(std::exp(v.log_probability) == Approx(0.01512).epsilon(1e-12));
  // δ by hand: t=1 (0.3, 0.04), t=2 (0.084, 0.027), t=3 (0.00588, 0.01512).
  const std::vector<double> delta = {0.3, 0.04, 0.084, 0.027, 0.00588, 0.01512};
  for (size_t i = 0; i < delta.size(); ++i) REQUIRE(std::exp(v.log_delta[i]) == Approx(delta[i]).epsilon(1e-12));
}

TEST_CASE("the forward algorithm gives the hand-computed likelihoods and scaled alphas", "[hmm]") {
  // Healthy/fever, normal cold dizzy: α1 = (0.3, 0.04), α2 = (0.0904, 0.0342), α3 = (0.007696, 0.028584).
  const ForwardResult f = forward(fever(), {0, 1, 2});
  REQUIRE(std::exp(f.log_likelihood) == Approx(0.03628).epsilon(1e-12));
  const std::vector<double> alpha = {0.3, 0.04, 0.0904, 0.0342, 0.007696, 0.028584};
  for (size_t i = 0; i < alpha.size(); ++i) REQUIRE(std::exp(f.log_alpha[i]) == Approx(alpha[i]).epsilon(1e-12));
  REQUIRE(f.alpha_hat[0] == Approx(0.3 / 0.34));
  REQUIRE(f.scale[0] == Approx(0.34));
  for (size_t t = 0; t < 3; ++t) REQUIRE(f.alpha_hat[2 * t] + f.alpha_hat[2 * t + 1] == Approx(1.0));
  // Weather, walk shop clean: Wikipedia's forward example, 0.033612.
  const Hmm w = weather();
  REQUIRE(std::exp(forward(w, parse_observations("walk,shop,clean", w)).log_likelihood) == Approx(0.033612).epsilon(1e-12));
}

TEST_CASE("forward, posterior and Viterbi agree with enumerating every hidden path", "[hmm]") {
  Generator generator(11);
  for (const char* name : {"casino", "weather", "fever"}) {
    const Hmm m = preset(name);
    for (int trial = 0; trial < 5; ++trial) {
      const std::vector<int> x = sample(m, 9, generator).observations;
      const Enumeration e = enumerate(m, x);
      INFO(name << " trial " << trial);
      REQUIRE(std::exp(forward(m, x).log_likelihood) == Approx(e.likelihood).epsilon(1e-10));
      const PosteriorResult p = posterior(m, x);
      for (size_t i = 0; i < e.gamma.size(); ++i) REQUIRE(p.gamma[i] == Approx(e.gamma[i]).margin(1e-12));
      const ViterbiResult v = viterbi(m, x);
      REQUIRE(std::exp(v.log_probability) == Approx(e.best_probability).epsilon(1e-10));
      REQUIRE(v.path == e.best);
    }
  }
}

TEST_CASE("scaling keeps a 20,000-roll casino sequence finite where plain products underflow", "[hmm]") {
  Generator generator(5);
  const Hmm m = dishonest_casino();
  const Sample s = sample(m, 20'000, generator);
  const ForwardResult f = forward(m, s.observations);
  // Each roll has probability about 1/6, so P(x) is near 6^-20000 = 10^-15563: far below 1e-308.
  REQUIRE(std::isfinite(f.log_likelihood));
  REQUIRE(f.log_likelihood / 20'000 == Approx(-std::log(6.0)).margin(0.08));
  const ViterbiResult v = viterbi(m, s.observations);
  REQUIRE(std::isfinite(v.log_probability));
  REQUIRE(v.log_probability < f.log_likelihood);  // one path is less likely than all of them
  // Decoding finds the loaded stretches: both decoders beat guessing "always fair" (2/3 right).
  const PosteriorResult p = posterior(m, s.observations);
  REQUIRE(agreement(v.path, s.states) > 0.75);
  REQUIRE(agreement(p.path, s.states) > 0.75);
  REQUIRE(agreement(p.path, s.states) >= agreement(v.path, s.states) - 0.02);
}

TEST_CASE("sampling follows the chain: the casino is fair two thirds of the time", "[hmm]") {
  Generator generator(2);
  const Sample s = sample(dishonest_casino(), 200'000, generator);
  double fair = 0, sixes_loaded = 0, loaded = 0;
  for (size_t t = 0; t < s.states.size(); ++t) {
    fair += s.states[t] == 0;
    if (s.states[t] == 1) loaded += 1, sixes_loaded += s.observations[t] == 5;
  }
  REQUIRE(fair / 200'000 == Approx(2.0 / 3).margin(0.015));  // stationary: 0.1 / (0.05 + 0.1)
  REQUIRE(sixes_loaded / loaded == Approx(0.5).margin(0.01));
}

TEST_CASE("one Baum-Welch step re-estimates from the expected counts of every hidden path", "[hmm]") {
  const Hmm m = weather();
  const std::vector<int> x = {0, 2, 1, 1, 0, 2};
  const Enumeration e = enumerate(m, x);
  BaumWelch bw(m, {x});
  REQUIRE(bw.step() == Approx(std::log(e.likelihood)));
  const Hmm& n = bw.model();
  for (int i = 0; i < 2; ++i) {
    REQUIRE(n.start[i] == Approx(e.start[i]));
    const double from = e.trans[i * 2] + e.trans[i * 2 + 1];
    for (int j = 0; j < 2; ++j) REQUIRE(n.a(i, j) == Approx(e.trans[i * 2 + j] / from));
    const double emitted = e.emit[i * 3] + e.emit[i * 3 + 1] + e.emit[i * 3 + 2];
    for (int k = 0; k < 3; ++k) REQUIRE(n.b(i, k) == Approx(e.emit[i * 3 + k] / emitted));
  }
  REQUIRE(model_problem(n).empty());
}

TEST_CASE("Baum-Welch never lowers the log-likelihood and learns the casino from its rolls", "[hmm]") {
  Generator generator(7);
  const Hmm truth = dishonest_casino();
  std::vector<std::vector<int>> sequences;
  for (int s = 0; s < 20; ++s) sequences.push_back(sample(truth, 300, generator).observations);
  BaumWelch bw(random_like(truth, 3), sequences);
  double previous = -INFINITY;
  for (int it = 0; it < 150; ++it) {
    const double ll = bw.step();
    INFO("iteration " << it << ": " << ll << " after " << previous);
    REQUIRE(ll >= previous - 1e-9);
    previous = ll;
  }
  REQUIRE(bw.log_likelihood() >= previous - 1e-9);
  double truth_ll = 0;
  for (const auto& x : sequences) truth_ll += forward(truth, x).log_likelihood;
  REQUIRE(bw.log_likelihood() > truth_ll - 5);  // as good as the true model on its own data
  // The state that throws more sixes is the loaded die (EM does not know which name is which).
  const Hmm& m = bw.model();
  const int loaded = m.b(0, 5) > m.b(1, 5) ? 0 : 1;
  REQUIRE(m.b(loaded, 5) == Approx(0.5).margin(0.12));
  REQUIRE(m.b(1 - loaded, 5) == Approx(1 / 6.0).margin(0.06));
}

TEST_CASE("bad models and observations are explained, not crashed on", "[hmm]") {
  Hmm m = dishonest_casino();
  m.transition = {0.9, 0.0, 0.1, 0.9};
  REQUIRE(model_problem(m) == "transition row 'Fair' sums to 0.9, not 1");
  REQUIRE_THROWS_WITH(forward(m, {0}), Catch::Contains("transition row 'Fair' sums to 0.9, not 1"));
  m = dishonest_casino();
  m.emission[11] = 1.5;
  REQUIRE_THAT(model_problem(m), Catch::Contains("emission row 'Loaded' has entry 1.5"));
  m = dishonest_casino();
  m.start = {0.7, 0.7};
  REQUIRE(model_problem(m) == "start distribution π sums to 1.4, not 1");
  const Hmm c = dishonest_casino();
  REQUIRE(parse_observations("3166 2", c) == std::vector<int>{2, 0, 5, 5, 1});
  REQUIRE_THROWS_WITH(parse_observations("1 6 x 6", c), Catch::Contains("'x' (symbol 3) is not one of 1, 2, 3, 4, 5, 6"));
  REQUIRE_THROWS_WITH(parse_observations("  ", c), Catch::Contains("no symbols given"));
  REQUIRE_THROWS_WITH(parse_observations("walk run", weather()), Catch::Contains("'run' (symbol 2) is not one of walk, shop, clean"));
  Hmm never_six = dishonest_casino();
  never_six.emission = {0.2, 0.2, 0.2, 0.2, 0.2, 0.0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.0};
  REQUIRE_THROWS_WITH(forward(never_six, {0, 5}), Catch::Contains("no state can emit '6' at step 2"));
  REQUIRE_THROWS_WITH(viterbi(never_six, {5}), Catch::Contains("impossible"));
  REQUIRE_THROWS_WITH(preset("dice"), Catch::Contains("choose casino, weather or fever"));
}
