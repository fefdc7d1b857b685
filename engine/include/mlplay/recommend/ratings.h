#pragma once
/// User × item ratings stored sparse, as a recommender sees them: most users rated a few dozen of
/// thousands of movies, so only the ratings that exist are kept, in CSR form (compressed sparse rows,
/// one row per user, the same layout as scipy.sparse.csr_matrix) plus a column index (CSC: the users
/// who rated each item) for the neighbour search. Users and items are renumbered 0, 1, 2, … in the
/// order of their ids; RatingsData keeps the ids and reads MovieLens-style CSV files.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mlplay::recommend {

/// A sparse vector: sorted, distinct indices and their values (one user's ratings).
struct SparseVector {
  std::vector<int32_t> index;
  std::vector<float> value;
  size_t size() const { return index.size(); }
};

/// A sparse user × item matrix of ratings.
class RatingMatrix {
 public:
  struct Entry {
    int32_t user;
    int32_t item;
    float value;
  };

  RatingMatrix() = default;
  /// Throws ValueError on an index outside [0, num_users) × [0, num_items), a non-finite value or
  /// the same (user, item) twice. Entries may come in any order.
  RatingMatrix(int32_t num_users, int32_t num_items, std::vector<Entry> entries);

  int32_t num_users() const { return num_users_; }
  int32_t num_items() const { return num_items_; }
  /// Number of stored ratings (non-zeros).
  int64_t nnz() const { return static_cast<int64_t>(item_index_.size()); }

  /// User u's rated items (ascending) and ratings: row u of the CSR matrix.
  std::span<const int32_t> items_of(int32_t user) const;
  std::span<const float> ratings_of(int32_t user) const;
  /// The users who rated `item` (ascending) and their ratings: column `item`.
  std::span<const int32_t> users_of(int32_t item) const;
  std::span<const float> ratings_of_item(int32_t item) const;
  /// User u's rating of `item`, or 0 when there is none (binary search in the row).
  float rating(int32_t user, int32_t item) const;
  SparseVector row(int32_t user) const;

  /// Mean of all ratings (0 when empty).
  double global_mean() const { return global_mean_; }
  /// Mean of user u's ratings; the global mean for a user without ratings.
  double user_mean(int32_t user) const { return user_mean_[static_cast<size_t>(user)]; }
  /// Mean of the item's ratings; the global mean for an item nobody rated.
  double item_mean(int32_t item) const { return item_mean_[static_cast<size_t>(item)]; }
  /// Smallest and largest rating stored (0 when empty).
  float min_rating() const { return min_rating_; }
  float max_rating() const { return max_rating_; }
  int32_t user_count(int32_t user) const;
  int32_t item_count(int32_t item) const;

  /// All ratings, user by user (CSR order).
  std::vector<Entry> entries() const;
  /// This matrix with one more user (index num_users()) whose ratings are `profile`.
  RatingMatrix with_user(const SparseVector& profile) const;

 private:
  void check_user(int32_t user, const char* where) const;
  void check_item(int32_t item, const char* where) const;

  int32_t num_users_ = 0;
  int32_t num_items_ = 0;
  std::vector<int64_t> row_start_{0};   // (num_users + 1): row u is [row_start[u], row_start[u+1])
  std::vector<int32_t> item_index_;     // (nnz) item of each stored rating, by row
  std::vector<float> value_;            // (nnz)
  std::vector<int64_t> col_start_{0};   // (num_items + 1): the CSC copy
  std::vector<int32_t> user_index_;     // (nnz) user of each stored rating, by column
  std::vector<float> col_value_;        // (nnz)
  double global_mean_ = 0;
  float min_rating_ = 0, max_rating_ = 0;
  std::vector<double> user_mean_, item_mean_;
};

/// Holds out part of every user's ratings for testing: floor(test_fraction × count) ratings of each
/// user with at least 2, chosen at random (seeded). Both matrices keep the same users and items.
std::pair<RatingMatrix, RatingMatrix> split_ratings(const RatingMatrix& ratings, double test_fraction, uint64_t seed);

/// A movie as the movies file describes it.
struct Movie {
  int64_t id = 0;
  std::string title;
  int year = 0;  // 0 when unknown
  std::string genres;
};

/// Ratings with their ids: user_ids[u] and item_ids[i] are the file's ids of user u and item i.
struct RatingsData {
  std::vector<int64_t> user_ids;  // ascending
  std::vector<int64_t> item_ids;  // ascending
  RatingMatrix ratings;
  /// One entry per item index (a placeholder title "movie <id>" where the movies file lacks it).
  std::vector<Movie> movies;

  /// Index of a user or item id, or -1.
  int32_t user_index(int64_t id) const;
  int32_t item_index(int64_t id) const;
  /// Item indices ordered by number of ratings, most rated first (ties by id).
  std::vector<int32_t> items_by_popularity() const;
  /// A new user's ratings as a sparse vector over item indices, from (movie id, rating) pairs in any
  /// order. Throws ValueError for an id no one rated, an id given twice or a rating outside the
  /// data's range (e.g. "profile: rating 7 for movie 2571 is outside 0.5 to 5").
  SparseVector profile(const std::vector<std::pair<int64_t, float>>& movie_ratings) const;
  /// Fills `movies` from a movies table (id, title, year, genres) for the items rated.
  void attach_movies(const std::vector<Movie>& catalog);
};

/// Reads ratings from CSV text with the columns userId, movieId and rating (others are ignored).
/// Errors name the row: "read_ratings_csv: row 7, column 'rating': 'x' is not a number".
RatingsData read_ratings_csv(std::string_view text);

/// Reads movies from CSV text with the columns movieId, title, year (may be NA) and genres.
std::vector<Movie> read_movies_csv(std::string_view text);

}  // namespace mlplay::recommend
