#pragma once
/// A discrete hidden Markov model and its three classic algorithms (the hmm lesson), after Rabiner,
/// "A Tutorial on Hidden Markov Models and Selected Applications in Speech Recognition" (1989):
///   forward (with scaling), backward, posterior decoding (forward–backward), Viterbi (in log space),
///   sampling, and Baum–Welch re-estimation from several sequences.
/// Matrices are row-major std::vector<double>: transition (K, K), A[i][j] = P(z_{t+1} = j | z_t = i);
/// emission (K, M), B[i][k] = P(x_t = k | z_t = i); start (K), π_i = P(z_1 = i).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/core/random.h"

namespace mlplay::hmm {

struct Hmm {
  std::vector<std::string> states;   ///< K names ("Fair", "Loaded")
  std::vector<std::string> symbols;  ///< M names ("1" … "6")
  std::vector<double> start;         ///< π, (K)
  std::vector<double> transition;    ///< A, (K, K)
  std::vector<double> emission;      ///< B, (K, M)

  int num_states() const { return static_cast<int>(states.size()); }
  int num_symbols() const { return static_cast<int>(symbols.size()); }
  double a(int i, int j) const { return transition[static_cast<size_t>(i * num_states() + j)]; }
  double b(int i, int k) const { return emission[static_cast<size_t>(i * num_symbols() + k)]; }
};

/// Throws ValueError unless the shapes fit and every probability row is in [0, 1] and sums to 1 within
/// 1e-6, naming the matrix, the row and its sum: "transition row 'Fair' sums to 0.9, not 1".
void check_model(const Hmm& model);
/// Same check; returns the message instead of throwing ("" when the model is fine).
std::string model_problem(const Hmm& model);

/// The dishonest casino (Durbin et al., "Biological Sequence Analysis", 1998, §3.2): a fair die and a
/// loaded one (a six half the time), switching F→L with 0.05 and L→F with 0.1.
Hmm dishonest_casino();
/// Weather → activities (Wikipedia, "Hidden Markov model"): Rainy/Sunny days, walk/shop/clean.
Hmm weather();
/// Healthy/Fever → normal/cold/dizzy (Wikipedia, "Viterbi algorithm").
Hmm fever();
/// A preset by name: "casino", "weather" or "fever"; throws ValueError naming the choices.
Hmm preset(std::string_view name);

/// Observation symbols from text: tokens split at spaces or commas, each a symbol name; when every
/// symbol is one character, an unbroken run ("3166") is read a character at a time. Throws ValueError
/// naming a token that is not a symbol: "observations: 'x' (symbol 4) is not one of 1, 2, 3, 4, 5, 6".
std::vector<int> parse_observations(std::string_view text, const Hmm& model);

struct ForwardResult {
  /// α̂_t(i) = P(z_t = i | x_1..t): the scaled forward variables, (T, K); each row sums to 1.
  std::vector<double> alpha_hat;
  /// c_t = P(x_t | x_1..t−1), (T): the scale factors; α_t(i) = α̂_t(i) · c_1 ⋯ c_t.
  std::vector<double> scale;
  /// log α_t(i) = log α̂_t(i) + Σ_{s≤t} log c_s, (T, K) (−inf where α is 0).
  std::vector<double> log_alpha;
  /// log P(x_1..T) = Σ_t log c_t.
  double log_likelihood = 0;
};

/// The forward algorithm with scaling: α_1(i) = π_i B_i(x_1), α_{t+1}(j) = Σ_i α_t(i) A_ij B_j(x_{t+1}),
/// each step divided by its sum c_t so nothing underflows. Throws for an impossible sequence (some c_t = 0).
ForwardResult forward(const Hmm& model, const std::vector<int>& observations);

/// The scaled backward variables β̂_t(i) = β_t(i) / (c_{t+1} ⋯ c_T), (T, K), using forward's scale.
std::vector<double> backward(const Hmm& model, const std::vector<int>& observations, const std::vector<double>& scale);

struct PosteriorResult {
  /// γ_t(i) = P(z_t = i | x_1..T) = α̂_t(i) β̂_t(i), (T, K).
  std::vector<double> gamma;
  /// argmax_i γ_t(i) at each t: the most likely state at each step on its own.
  std::vector<int> path;
  double log_likelihood = 0;
};
PosteriorResult posterior(const Hmm& model, const std::vector<int>& observations);

struct ViterbiResult {
  /// The single most likely hidden path, argmax over z of P(z, x).
  std::vector<int> path;
  /// log P(path, x).
  double log_probability = 0;
  /// log δ_t(i): the best log-probability of any path ending in i at t, (T, K).
  std::vector<double> log_delta;
};
/// Viterbi in log space (sums of logs instead of products, so long sequences do not underflow).
ViterbiResult viterbi(const Hmm& model, const std::vector<int>& observations);

struct Sample {
  std::vector<int> states;
  std::vector<int> observations;
};
/// Runs the chain for `length` steps: z_1 ~ π, z_{t+1} ~ A[z_t], x_t ~ B[z_t].
Sample sample(const Hmm& model, int64_t length, Generator& generator);

/// Fraction of positions where two paths agree.
double agreement(const std::vector<int>& a, const std::vector<int>& b);

/// A model of the same shape with random probability rows (uniform in [0.5, 1.5], then normalized): a
/// start for Baum–Welch that does not know the answer.
Hmm random_like(const Hmm& shape, uint64_t seed);

/// The lesson's experiment: `count` sequences of `length` symbols sampled from `truth` by Generator(seed).
/// (Baum–Welch then starts from random_like(truth, seed + 1), natively and in the browser alike.)
std::vector<std::vector<int>> sample_sequences(const Hmm& truth, int64_t count, int64_t length, uint64_t seed);

/// Each row divided by its sum (an all-zero row becomes uniform): turns typed weights into probabilities.
Hmm normalized(Hmm model);

/// Baum–Welch (EM) on several observation sequences: each step computes γ and ξ under the current model
/// by forward–backward and re-estimates π, A and B from their expected counts. The log-likelihood
/// Σ log P(x | model) never decreases from one step to the next (Baum et al. 1970).
class BaumWelch {
 public:
  BaumWelch(Hmm initial, std::vector<std::vector<int>> sequences);
  /// One EM step; returns the log-likelihood of the model *before* the step.
  double step();
  /// Log-likelihood of the sequences under the current model.
  double log_likelihood() const;
  const Hmm& model() const { return model_; }
  int64_t iterations() const { return iterations_; }

 private:
  Hmm model_;
  std::vector<std::vector<int>> sequences_;
  int64_t iterations_ = 0;
};

}  // namespace mlplay::hmm
