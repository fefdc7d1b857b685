// Entropy, cross-entropy and KL divergence against SciPy 1.10 (generated/information_golden.h,
// written by tests/golden/gen_information.py), plus the identities and the bad-input messages.
#include <catch2/catch.hpp>
#include <cmath>

#include "generated/information_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/information.h"

using namespace mlplay;
using namespace mlplay::stats;
namespace gold = mlplay::golden::information;

namespace {
bool same(double actual, double expected) {
  if (std::isinf(expected)) return std::isinf(actual) && actual > 0;
  return std::fabs(actual - expected) <= 1e-12 + 1e-12 * std::fabs(expected);
}
}  // namespace

TEST_CASE("entropy, cross-entropy and KL agree with scipy.stats.entropy in bits and nats", "[stats][information]") {
  for (const auto& c : gold::kCases) {
    INFO("p[0] " << c.p[0] << " q[0] " << c.q[0] << " outcomes " << c.p.size());
    CHECK(same(entropy(c.p), c.entropy_p_bits));
    CHECK(same(entropy(c.q), c.entropy_q_bits));
    CHECK(same(cross_entropy(c.p, c.q), c.cross_entropy_bits));
    CHECK(same(kl_divergence(c.p, c.q), c.kl_pq_bits));
    CHECK(same(kl_divergence(c.q, c.p), c.kl_qp_bits));
    CHECK(same(entropy(c.p, LogBase::Nats), c.entropy_p_nats));
    CHECK(same(cross_entropy(c.p, c.q, LogBase::Nats), c.cross_entropy_nats));
    CHECK(same(kl_divergence(c.p, c.q, LogBase::Nats), c.kl_pq_nats));
  }
}

TEST_CASE("information identities: H(p,q) = H(p) + KL, KL is 0 only for p = q and not symmetric", "[stats][information]") {
  const std::vector<double> p = {0.5, 0.25, 0.125, 0.125}, q = {0.25, 0.25, 0.25, 0.25};
  CHECK(entropy(p) == Approx(1.75));  // 1/2·1 + 1/4·2 + 2·1/8·3 bits
  CHECK(entropy(q) == Approx(2.0));   // uniform over 4: log2 4
  CHECK(cross_entropy(p, q) == Approx(entropy(p) + kl_divergence(p, q)));
  CHECK(kl_divergence(p, q) == Approx(0.25));
  CHECK(kl_divergence(q, p) == Approx(0.25));  // 1/4·(log2 1/2 + 0 + log2 2 + log2 2)
  CHECK(kl_divergence(p, p) == 0.0);
  const std::vector<double> r = {0.9, 0.1};
  const std::vector<double> s = {0.5, 0.5};
  CHECK(kl_divergence(r, s) != Approx(kl_divergence(s, r)));
  CHECK(entropy({1.0}) == 0.0);
}

TEST_CASE("information terms add up to the totals", "[stats][information]") {
  const std::vector<double> p = {0.6, 0.3, 0.1}, q = {0.2, 0.5, 0.3};
  const auto t = information_terms(p, q);
  double h = 0, ce = 0, kl = 0, klr = 0;
  for (size_t i = 0; i < p.size(); ++i) h += t.entropy_p[i], ce += t.cross_entropy[i], kl += t.kl_pq[i], klr += t.kl_qp[i];
  CHECK(h == Approx(entropy(p)));
  CHECK(ce == Approx(cross_entropy(p, q)));
  CHECK(kl == Approx(kl_divergence(p, q)));
  CHECK(klr == Approx(kl_divergence(q, p)));
  CHECK(t.kl_pq[1] < 0);  // single terms can be negative; the sum cannot
}

TEST_CASE("with_probability moves one outcome and rescales the rest", "[stats][information]") {
  const auto p = with_probability({0.5, 0.3, 0.2}, 0, 0.8);
  CHECK(p[0] == Approx(0.8));
  CHECK(p[1] == Approx(0.12));
  CHECK(p[2] == Approx(0.08));
  const auto spread = with_probability({1.0, 0.0, 0.0}, 0, 0.4);
  CHECK(spread[1] == Approx(0.3));
  CHECK(spread[2] == Approx(0.3));
  CHECK(with_probability({1.0}, 0, 0.3)[0] == 1.0);
  CHECK_THROWS_WITH(with_probability({0.5, 0.5}, 2, 0.1), Catch::Contains("outcome 2 does not exist"));
  CHECK_THROWS_WITH(with_probability({0.5, 0.5}, 0, 1.5), Catch::Contains("from 0 to 1"));
}

TEST_CASE("classification loss curves: cross-entropy is unbounded, squared error is not", "[stats][information]") {
  const auto c = classification_loss_curves(100);
  REQUIRE(c.q.size() == 100);
  CHECK(c.q.back() == 1.0);
  CHECK(c.cross_entropy.back() == Approx(0.0).margin(1e-15));
  CHECK(c.cross_entropy.front() == Approx(std::log2(100.0)));
  CHECK(c.squared_error.front() == Approx(0.99 * 0.99));
  const auto nats = classification_loss_curves(4, LogBase::Nats);
  CHECK(nats.cross_entropy[1] == Approx(std::log(2.0)));
}

TEST_CASE("information explains distributions that are not distributions", "[stats][information]") {
  CHECK_THROWS_WITH(entropy({0.5, 0.7}), Catch::Contains("the probabilities of p sum to 1.2, not 1"));
  CHECK_THROWS_WITH(entropy({}), Catch::Contains("p has no outcomes"));
  CHECK_THROWS_WITH(entropy({1.2, -0.2}), Catch::Contains("p[1] = -0.2 is not a probability"));
  CHECK_THROWS_WITH(kl_divergence({0.5, 0.5}, {1.0}), Catch::Contains("p has 2 outcomes but q has 1"));
  CHECK_THROWS_WITH(cross_entropy({0.5, 0.5}, {0.5, 0.6}), Catch::Contains("the probabilities of q sum to 1.1"));
  CHECK(parse_log_base("nats") == LogBase::Nats);
  CHECK_THROWS_WITH(parse_log_base("bytes"), Catch::Contains("unit must be bits or nats, got 'bytes'"));
}

#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"

TEST_CASE("mlplay info prints the measures, --json agrees with scipy, bad input exits with status 2", "[cli][information]") {
  using mlplay::cli::run_cli;
  std::ostringstream out, err;
  REQUIRE(run_cli({"info", "--p", "0.5,0.25,0.25", "--q", "0.3333333333333333,0.3333333333333333,0.3333333333333334", "--json"}, out, err) == 0);
  const auto json = nlohmann::json::parse(out.str());
  const auto& c = gold::kCases[0];
  CHECK(json["entropy_p"].get<double>() == Approx(c.entropy_p_bits).epsilon(1e-12));
  CHECK(json["kl_pq"].get<double>() == Approx(c.kl_pq_bits).epsilon(1e-9));
  CHECK(json["cross_entropy"].get<double>() == Approx(c.cross_entropy_bits).epsilon(1e-12));
  std::ostringstream text;
  REQUIRE(run_cli({"info", "--p", "0.25,0.25,0.5", "--q", "0.5,0.5,0", "--unit", "nats"}, text, err) == 0);
  CHECK_THAT(text.str(), Catch::Contains("KL(p||q)  = infinite nats") && Catch::Contains("KL(q||p)  = 0.693147 nats"));
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"info", "--q", "1"}, "info: --p is required"},
      {{"info", "--p", "0.5,x", "--q", "1,0"}, "'x' is not a number"},
      {{"info", "--p", "0.5,0.7", "--q", "0.5,0.5"}, "the probabilities of p sum to 1.2, not 1"},
      {{"info", "--p", "0.5,0.5", "--q", "1"}, "p has 2 outcomes but q has 1"},
      {{"info", "--p", "1", "--q", "1", "--unit", "bytes"}, "unit must be bits or nats, got 'bytes'"},
  };
  for (const auto& [argv, message] : bad) {
    std::ostringstream o, e;
    INFO(message);
    REQUIRE(run_cli(argv, o, e) == 2);
    CHECK_THAT(e.str(), Catch::Contains(message) && Catch::Contains("usage: mlplay info"));
  }
}
