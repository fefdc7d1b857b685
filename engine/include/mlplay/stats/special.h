#pragma once
/// Special functions behind the gamma, beta, binomial and Poisson CDFs: log Γ and log B, and the
/// regularized incomplete gamma and beta functions by power series and continued fractions
/// (Numerical Recipes 3rd ed., §6.2 and §6.4; Lentz's method for the fractions). Double precision,
/// relative error around 1e-14 in the tests against scipy.special (tests/golden/special_golden.py).

namespace mlplay::stats {

/// log Γ(x) for x > 0 (std::lgamma; named here so every formula reads the same).
double log_gamma(double x);
/// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0.
double log_beta(double a, double b);

/// P(a, x) = γ(a, x) / Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt, for a > 0 and x ≥ 0 (the CDF of
/// Gamma(a, 1) at x). Series for x < a + 1, continued fraction otherwise.
double regularized_gamma_p(double a, double x);
/// Q(a, x) = 1 − P(a, x), computed directly so small upper tails keep their digits.
double regularized_gamma_q(double a, double x);

/// I_x(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt, for a, b > 0 and 0 ≤ x ≤ 1 (the CDF of
/// Beta(a, b) at x). Continued fraction, using I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster.
double regularized_beta(double a, double b, double x);

}  // namespace mlplay::stats
