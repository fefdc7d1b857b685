#include "mlplay/recommend/similarity.h"

#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"

namespace mlplay::recommend {
namespace {

constexpr int64_t kUsersGrain = 64;

double mean_of(std::span<const float> values) {
  double sum = 0;
  for (float v : values) sum += v;
  return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

/// ‖v − shift‖ over the stored entries.
double norm_of(std::span<const float> values, double shift) {
  double sum = 0;
  for (float v : values) sum += (v - shift) * (v - shift);
  return std::sqrt(sum);
}

void check_profile(const SparseVector& profile, int32_t num_items, const char* where) {
  check(profile.index.size() == profile.value.size(), where, ": ", profile.index.size(), " items but ", profile.value.size(),
        " ratings");
  for (size_t k = 0; k < profile.size(); ++k) {
    check(profile.index[k] >= 0 && profile.index[k] < num_items, where, ": item ", profile.index[k], " is outside 0..",
          num_items - 1);
    check(k == 0 || profile.index[k] > profile.index[k - 1], where, ": item indices must be sorted and distinct");
  }
}

}  // namespace

Similarity parse_similarity(const std::string& name) {
  if (name == "dot") return Similarity::Dot;
  if (name == "cosine") return Similarity::Cosine;
  if (name == "centered") return Similarity::Centered;
  throw ValueError("similarity must be dot, cosine or centered, got '" + name + "'");
}

std::string similarity_name(Similarity similarity) {
  switch (similarity) {
    case Similarity::Dot: return "dot";
    case Similarity::Cosine: return "cosine";
    case Similarity::Centered: return "centered";
  }
  return "?";
}

double sparse_dot(std::span<const int32_t> a_index, std::span<const float> a_value, std::span<const int32_t> b_index,
                  std::span<const float> b_value) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a_index.size() && j < b_index.size()) {
    if (a_index[i] < b_index[j]) {
      ++i;
    } else if (a_index[i] > b_index[j]) {
      ++j;
    } else {
      sum += static_cast<double>(a_value[i++]) * b_value[j++];
    }
  }
  return sum;
}

double similarity(const SparseVector& a, const SparseVector& b, Similarity kind) {
  if (kind == Similarity::Dot) return sparse_dot(a.index, a.value, b.index, b.value);
  const double a_shift = kind == Similarity::Centered ? mean_of(a.value) : 0.0;
  const double b_shift = kind == Similarity::Centered ? mean_of(b.value) : 0.0;
  std::vector<float> ac(a.value), bc(b.value);
  for (float& v : ac) v = static_cast<float>(v - a_shift);
  for (float& v : bc) v = static_cast<float>(v - b_shift);
  const double norms = norm_of(a.value, a_shift) * norm_of(b.value, b_shift);
  return norms > 0 ? sparse_dot(a.index, ac, b.index, bc) / norms : 0.0;
}

std::vector<double> similarities_to_users(const RatingMatrix& ratings, const SparseVector& profile, Similarity kind,
                                          int32_t exclude) {
  check_profile(profile, ratings.num_items(), "similarities_to_users");
  const bool centered = kind == Similarity::Centered;
  const double shift = centered ? mean_of(profile.value) : 0.0;
  const double profile_norm = norm_of(profile.value, shift);
  std::vector<double> dense(static_cast<size_t>(ratings.num_items()), 0.0);  // the profile, centred if asked
  for (size_t k = 0; k < profile.size(); ++k) dense[static_cast<size_t>(profile.index[k])] = profile.value[k] - shift;

  std::vector<double> out(static_cast<size_t>(ratings.num_users()), 0.0);
  parallel_for(0, ratings.num_users(), kUsersGrain, [&](int64_t begin, int64_t end) {
    for (int64_t u = begin; u < end; ++u) {
      const auto user = static_cast<int32_t>(u);
      const auto items = ratings.items_of(user);
      const auto values = ratings.ratings_of(user);
      const double user_shift = centered ? ratings.user_mean(user) : 0.0;
      double dot = 0;
      for (size_t k = 0; k < items.size(); ++k) dot += dense[static_cast<size_t>(items[k])] * (values[k] - user_shift);
      if (kind != Similarity::Dot) {
        const double norms = profile_norm * norm_of(values, user_shift);
        dot = norms > 0 ? dot / norms : 0.0;
      }
      out[static_cast<size_t>(u)] = user == exclude ? 0.0 : dot;
    }
  });
  return out;
}

std::vector<int32_t> overlaps_with_users(const RatingMatrix& ratings, const SparseVector& profile) {
  check_profile(profile, ratings.num_items(), "overlaps_with_users");
  std::vector<int32_t> out(static_cast<size_t>(ratings.num_users()), 0);
  for (int32_t item : profile.index) {
    for (int32_t user : ratings.users_of(item)) ++out[static_cast<size_t>(user)];
  }
  return out;
}

}  // namespace mlplay::recommend
