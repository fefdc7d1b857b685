#pragma once
/// Information theory of discrete distributions: entropy, cross-entropy and the Kullback–Leibler
/// divergence, term by term, in bits or nats (Cover & Thomas, "Elements of Information Theory",
/// 2nd ed., ch. 2), and why cross-entropy is the loss of classifiers: with a one-hot target it is
/// −log q_y, the negative log-likelihood of the true class.
#include <string>
#include <vector>

namespace mlplay::stats {

/// The unit of information: log base 2 (bits) or e (nats).
enum class LogBase { Bits, Nats };

/// "bits" or "nats" -> LogBase; throws ValueError naming the text otherwise.
LogBase parse_log_base(const std::string& text);

/// Throws ValueError, naming `where`, `name` and the offending entry, unless p is a probability
/// vector: at least one entry, all finite and >= 0, summing to 1 within 1e-5 (six printed decimals).
void check_distribution(const char* where, const char* name, const std::vector<double>& p);

/// H(p) = −Σ p_i log p_i, with 0 log 0 = 0.
double entropy(const std::vector<double>& p, LogBase base = LogBase::Bits);

/// H(p, q) = −Σ p_i log q_i: the average code length when data from p are coded for q.
/// +∞ when some q_i = 0 < p_i.
double cross_entropy(const std::vector<double>& p, const std::vector<double>& q, LogBase base = LogBase::Bits);

/// D(p ‖ q) = Σ p_i log(p_i / q_i) = H(p, q) − H(p) >= 0, zero only when p = q. Not symmetric.
double kl_divergence(const std::vector<double>& p, const std::vector<double>& q, LogBase base = LogBase::Bits);

/// p with p[index] set to `value` (0 to 1) and the other outcomes rescaled to share 1 − value in
/// their old proportions (equally when they were all 0): what dragging one bar does.
std::vector<double> with_probability(const std::vector<double>& p, size_t index, double value);

/// For one-hot targets: the loss of a classifier that gives the true class probability q, for the
/// curves of the lesson: cross-entropy −log q and the squared error (1 − q)², at `points` q in (0, 1].
struct LossCurves {
  std::vector<double> q, cross_entropy, squared_error;
};
LossCurves classification_loss_curves(int points, LogBase base = LogBase::Bits);

/// Each outcome's share of the sums above (they add up to the totals).
struct InformationTerms {
  std::vector<double> entropy_p, entropy_q, cross_entropy, kl_pq, kl_qp;
};
InformationTerms information_terms(const std::vector<double>& p, const std::vector<double>& q,
                                   LogBase base = LogBase::Bits);

}  // namespace mlplay::stats
