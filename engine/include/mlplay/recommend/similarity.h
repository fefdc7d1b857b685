#pragma once
/// How alike two users are, from their rating vectors (0 where a movie is unrated):
///   dot       a · b = Σ_i a_i b_i                      grows with how many movies each rated
///   cosine    a · b / (‖a‖ ‖b‖)                        the angle only: length no longer counts
///   centered  cosine of (a − ā) and (b − b̄) on each user's rated movies (ā: the user's mean rating),
///             so a harsh and a generous rater with the same taste match, and opposite taste is < 0.
/// Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 6.3 (cosine);
/// Herlocker et al. 1999 (mean-centred neighbourhood CF).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mlplay/recommend/ratings.h"

namespace mlplay::recommend {

enum class Similarity { Dot, Cosine, Centered };

/// "dot", "cosine" or "centered" (ValueError otherwise) and back.
Similarity parse_similarity(const std::string& name);
std::string similarity_name(Similarity similarity);

/// Σ a_i b_i over the indices both sparse vectors hold (a merge of two sorted index lists).
double sparse_dot(std::span<const int32_t> a_index, std::span<const float> a_value, std::span<const int32_t> b_index,
                  std::span<const float> b_value);

/// The similarity of two sparse rating vectors (0 when either has zero length).
double similarity(const SparseVector& a, const SparseVector& b, Similarity kind);

/// One user's similarity to every user of `ratings` at once: the profile is scattered into a dense
/// vector of num_items, then each user's row is multiplied into it (O(ratings), parallel over users).
/// `profile` holds item indices of `ratings`. Entry `exclude` (a user's own row) is set to 0.
std::vector<double> similarities_to_users(const RatingMatrix& ratings, const SparseVector& profile, Similarity kind,
                                          int32_t exclude = -1);

/// Number of items both the profile and each user rated.
std::vector<int32_t> overlaps_with_users(const RatingMatrix& ratings, const SparseVector& profile);

}  // namespace mlplay::recommend
