#include "mlplay/stats/information.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "mlplay/core/error.h"

namespace mlplay::stats {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double log_in(double x, LogBase base) { return base == LogBase::Bits ? std::log2(x) : std::log(x); }

void check_pair(const char* where, const std::vector<double>& p, const std::vector<double>& q) {
  check_distribution(where, "p", p);
  check_distribution(where, "q", q);
  check(p.size() == q.size(), where, ": p has ", p.size(), " outcomes but q has ", q.size(),
        "; both must be over the same outcomes");
}

/// −p log q for one outcome: 0 when p = 0 (whatever q), +∞ when q = 0 < p.
double cross_term(double p, double q, LogBase base) {
  if (p == 0) return 0.0;
  if (q == 0) return kInfinity;
  return -p * log_in(q, base);
}

/// p log(p / q) for one outcome, with the same conventions.
double kl_term(double p, double q, LogBase base) {
  if (p == 0) return 0.0;
  if (q == 0) return kInfinity;
  return p * log_in(p / q, base);
}

}  // namespace

LogBase parse_log_base(const std::string& text) {
  if (text == "bits" || text == "2") return LogBase::Bits;
  if (text == "nats" || text == "e") return LogBase::Nats;
  throw ValueError("information: unit must be bits or nats, got '" + text + "'");
}

void check_distribution(const char* where, const char* name, const std::vector<double>& p) {
  check(!p.empty(), where, ": ", name, " has no outcomes; give at least one probability");
  double sum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    check(std::isfinite(p[i]) && p[i] >= 0, where, ": ", name, "[", i, "] = ", p[i],
          " is not a probability; every entry must be a finite number >= 0");
    sum += p[i];
  }
  check(std::fabs(sum - 1) <= 1e-5, where, ": the probabilities of ", name, " sum to ", sum,
        ", not 1; divide each by ", sum, " (normalize) first");
}

double entropy(const std::vector<double>& p, LogBase base) {
  check_distribution("entropy", "p", p);
  double h = 0;
  for (double pi : p) h += cross_term(pi, pi, base);
  return h;
}

double cross_entropy(const std::vector<double>& p, const std::vector<double>& q, LogBase base) {
  check_pair("cross_entropy", p, q);
  double h = 0;
  for (size_t i = 0; i < p.size(); ++i) h += cross_term(p[i], q[i], base);
  return h;
}

double kl_divergence(const std::vector<double>& p, const std::vector<double>& q, LogBase base) {
  check_pair("kl_divergence", p, q);
  double d = 0;
  for (size_t i = 0; i < p.size(); ++i) d += kl_term(p[i], q[i], base);
  // NOTE: each term can be negative; rounding can leave a total of −1e-17 for p = q.
  return std::max(0.0, d);
}

std::vector<double> with_probability(const std::vector<double>& p, size_t index, double value) {
  check_distribution("with_probability", "p", p);
  check(index < p.size(), "with_probability: outcome ", index, " does not exist; p has ", p.size(), " outcomes");
  check(std::isfinite(value) && value >= 0 && value <= 1, "with_probability: the new probability must be from 0 to 1, got ",
        value);
  double rest = 0;
  for (size_t i = 0; i < p.size(); ++i) rest += i == index ? 0 : p[i];
  std::vector<double> out(p.size());
  const size_t others = p.size() - 1;
  for (size_t i = 0; i < p.size(); ++i) {
    if (i == index) {
      out[i] = others == 0 ? 1.0 : value;  // a single outcome always has probability 1
    } else {
      out[i] = rest > 0 ? p[i] / rest * (1 - value) : (1 - value) / static_cast<double>(others);
    }
  }
  return out;
}

LossCurves classification_loss_curves(int points, LogBase base) {
  check(points >= 2 && points <= 100000, "classification_loss_curves: points must be 2 to 100000, got ", points);
  LossCurves c;
  for (int i = 1; i <= points; ++i) {
    const double q = static_cast<double>(i) / points;  // (0, 1]: −log 0 is infinite
    c.q.push_back(q);
    c.cross_entropy.push_back(-log_in(q, base));
    c.squared_error.push_back((1 - q) * (1 - q));
  }
  return c;
}

InformationTerms information_terms(const std::vector<double>& p, const std::vector<double>& q, LogBase base) {
  check_pair("information_terms", p, q);
  InformationTerms t;
  for (size_t i = 0; i < p.size(); ++i) {
    t.entropy_p.push_back(cross_term(p[i], p[i], base));
    t.entropy_q.push_back(cross_term(q[i], q[i], base));
    t.cross_entropy.push_back(cross_term(p[i], q[i], base));
    t.kl_pq.push_back(kl_term(p[i], q[i], base));
    t.kl_qp.push_back(kl_term(q[i], p[i], base));
  }
  return t;
}

}  // namespace mlplay::stats
