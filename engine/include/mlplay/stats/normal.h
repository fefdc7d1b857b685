#pragma once
/// The normal distribution N(μ, σ²): density, CDF, upper tail and quantile in double precision.
/// The CDF goes through std::erfc (accurate in both tails); the quantile is Wichura's AS 241
/// (PPND16, Applied Statistics 37, 1988), relative error about 1e-16 for 1e-300 < p < 1 − 1e-16.
/// Shared by the distributions lesson and hypothesis tests (z-scores, p-values, intervals).

namespace mlplay::stats {

/// φ(z) = exp(−z²/2) / √(2π).
double standard_normal_pdf(double z);
/// Φ(z) = P(Z ≤ z) = erfc(−z/√2) / 2.
double standard_normal_cdf(double z);
/// 1 − Φ(z) = P(Z > z), computed as erfc(z/√2) / 2 so it stays accurate far in the upper tail.
double standard_normal_sf(double z);
/// Φ⁻¹(p) for 0 < p < 1; −∞ at p = 0, +∞ at p = 1. Throws ValueError outside [0, 1] or for NaN.
double standard_normal_quantile(double p);

/// Density of N(μ, σ²) at x. Throws ValueError unless σ > 0 and μ, σ are finite.
double normal_pdf(double x, double mu, double sigma);
/// P(X ≤ x) for X ~ N(μ, σ²).
double normal_cdf(double x, double mu, double sigma);
/// P(X > x) for X ~ N(μ, σ²).
double normal_sf(double x, double mu, double sigma);
/// The x with P(X ≤ x) = p for X ~ N(μ, σ²).
double normal_quantile(double p, double mu, double sigma);

}  // namespace mlplay::stats
