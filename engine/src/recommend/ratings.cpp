#include "mlplay/recommend/ratings.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/data/csv.h"

namespace mlplay::recommend {

RatingMatrix::RatingMatrix(int32_t num_users, int32_t num_items, std::vector<Entry> entries)
    : num_users_(num_users), num_items_(num_items) {
  check(num_users >= 0 && num_items >= 0, "RatingMatrix: negative shape (", num_users, ", ", num_items, ")");
  for (const Entry& e : entries) {
    check(e.user >= 0 && e.user < num_users && e.item >= 0 && e.item < num_items, "RatingMatrix: rating at (", e.user,
          ", ", e.item, ") is outside the ", num_users, " × ", num_items, " matrix");
    check(std::isfinite(e.value), "RatingMatrix: rating at (", e.user, ", ", e.item, ") is ", e.value);
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.user != b.user ? a.user < b.user : a.item < b.item; });
  for (size_t k = 1; k < entries.size(); ++k) {
    check(entries[k].user != entries[k - 1].user || entries[k].item != entries[k - 1].item, "RatingMatrix: user ",
          entries[k].user, " rated item ", entries[k].item, " twice");
  }
  // CSR: count per row, prefix sums, then the entries in (user, item) order.
  row_start_.assign(static_cast<size_t>(num_users) + 1, 0);
  col_start_.assign(static_cast<size_t>(num_items) + 1, 0);
  for (const Entry& e : entries) ++row_start_[static_cast<size_t>(e.user) + 1], ++col_start_[static_cast<size_t>(e.item) + 1];
  std::partial_sum(row_start_.begin(), row_start_.end(), row_start_.begin());
  std::partial_sum(col_start_.begin(), col_start_.end(), col_start_.begin());
  item_index_.resize(entries.size());
  value_.resize(entries.size());
  user_index_.resize(entries.size());
  col_value_.resize(entries.size());
  std::vector<int64_t> next_in_col(col_start_.begin(), col_start_.end() - 1);
  double total = 0;
  for (size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    item_index_[k] = e.item;
    value_[k] = e.value;
    const auto c = static_cast<size_t>(next_in_col[static_cast<size_t>(e.item)]++);
    user_index_[c] = e.user;  // users arrive in ascending order, so each column stays sorted
    col_value_[c] = e.value;
    total += e.value;
    min_rating_ = k ? std::min(min_rating_, e.value) : e.value;
    max_rating_ = k ? std::max(max_rating_, e.value) : e.value;
  }
  global_mean_ = entries.empty() ? 0.0 : total / static_cast<double>(entries.size());
  user_mean_.assign(static_cast<size_t>(num_users), global_mean_);
  item_mean_.assign(static_cast<size_t>(num_items), global_mean_);
  for (int32_t u = 0; u < num_users; ++u) {
    const auto r = ratings_of(u);
    if (!r.empty()) user_mean_[static_cast<size_t>(u)] = std::accumulate(r.begin(), r.end(), 0.0) / static_cast<double>(r.size());
  }
  for (int32_t i = 0; i < num_items; ++i) {
    const auto r = ratings_of_item(i);
    if (!r.empty()) item_mean_[static_cast<size_t>(i)] = std::accumulate(r.begin(), r.end(), 0.0) / static_cast<double>(r.size());
  }
}

void RatingMatrix::check_user(int32_t user, const char* where) const {
  check(user >= 0 && user < num_users_, where, ": user ", user, " is outside 0..", num_users_ - 1);
}
void RatingMatrix::check_item(int32_t item, const char* where) const {
  check(item >= 0 && item < num_items_, where, ": item ", item, " is outside 0..", num_items_ - 1);
}

std::span<const int32_t> RatingMatrix::items_of(int32_t user) const {
  check_user(user, "RatingMatrix::items_of");
  const auto u = static_cast<size_t>(user);
  return {item_index_.data() + row_start_[u], static_cast<size_t>(row_start_[u + 1] - row_start_[u])};
}
std::span<const float> RatingMatrix::ratings_of(int32_t user) const {
  check_user(user, "RatingMatrix::ratings_of");
  const auto u = static_cast<size_t>(user);
  return {value_.data() + row_start_[u], static_cast<size_t>(row_start_[u + 1] - row_start_[u])};
}
std::span<const int32_t> RatingMatrix::users_of(int32_t item) const {
  check_item(item, "RatingMatrix::users_of");
  const auto i = static_cast<size_t>(item);
  return {user_index_.data() + col_start_[i], static_cast<size_t>(col_start_[i + 1] - col_start_[i])};
}
std::span<const float> RatingMatrix::ratings_of_item(int32_t item) const {
  check_item(item, "RatingMatrix::ratings_of_item");
  const auto i = static_cast<size_t>(item);
  return {col_value_.data() + col_start_[i], static_cast<size_t>(col_start_[i + 1] - col_start_[i])};
}
int32_t RatingMatrix::user_count(int32_t user) const { return static_cast<int32_t>(items_of(user).size()); }
int32_t RatingMatrix::item_count(int32_t item) const { return static_cast<int32_t>(users_of(item).size()); }

float RatingMatrix::rating(int32_t user, int32_t item) const {
  check_item(item, "RatingMatrix::rating");
  const auto items = items_of(user);
  const auto it = std::lower_bound(items.begin(), items.end(), item);
  return it != items.end() && *it == item ? ratings_of(user)[static_cast<size_t>(it - items.begin())] : 0.0f;
}

SparseVector RatingMatrix::row(int32_t user) const {
  const auto items = items_of(user);
  const auto values = ratings_of(user);
  return {{items.begin(), items.end()}, {values.begin(), values.end()}};
}

std::vector<RatingMatrix::Entry> RatingMatrix::entries() const {
  std::vector<Entry> out;
  out.reserve(item_index_.size());
  for (int32_t u = 0; u < num_users_; ++u) {
    for (int64_t k = row_start_[static_cast<size_t>(u)]; k < row_start_[static_cast<size_t>(u) + 1]; ++k) {
      out.push_back({u, item_index_[static_cast<size_t>(k)], value_[static_cast<size_t>(k)]});
    }
  }
  return out;
}

RatingMatrix RatingMatrix::with_user(const SparseVector& profile) const {
  check(profile.index.size() == profile.value.size(), "RatingMatrix::with_user: ", profile.index.size(), " items but ",
        profile.value.size(), " ratings");
  std::vector<Entry> all = entries();
  for (size_t k = 0; k < profile.size(); ++k) all.push_back({num_users_, profile.index[k], profile.value[k]});
  return RatingMatrix(num_users_ + 1, num_items_, std::move(all));
}

std::pair<RatingMatrix, RatingMatrix> split_ratings(const RatingMatrix& ratings, double test_fraction, uint64_t seed) {
  check(test_fraction >= 0 && test_fraction < 1, "split_ratings: test_fraction must be in [0, 1), got ", test_fraction);
  Generator generator(seed);
  std::vector<RatingMatrix::Entry> train, test;
  for (int32_t u = 0; u < ratings.num_users(); ++u) {
    const auto items = ratings.items_of(u);
    const auto values = ratings.ratings_of(u);
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t{0});
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[generator.randint(static_cast<uint32_t>(k))]);
    const size_t held = items.size() >= 2 ? static_cast<size_t>(std::floor(test_fraction * static_cast<double>(items.size()))) : 0;
    for (size_t k = 0; k < order.size(); ++k) {
      const RatingMatrix::Entry e{u, items[order[k]], values[order[k]]};
      (k < held ? test : train).push_back(e);
    }
  }
  return {RatingMatrix(ratings.num_users(), ratings.num_items(), std::move(train)),
          RatingMatrix(ratings.num_users(), ratings.num_items(), std::move(test))};
}

// ---- ids and files ----------------------------------------------------------------------------

namespace {

int32_t index_of(const std::vector<int64_t>& ids, int64_t id) {
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  return it != ids.end() && *it == id ? static_cast<int32_t>(it - ids.begin()) : -1;
}

bool parse_number(const std::string& text, double& value) {
  // NOTE: strtod, not from_chars: Emscripten 3.1.6's libc++ has no floating-point from_chars.
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value);
}

/// Column `name`'s cell of `row`, parsed as a number; errors name the file row and the column.
double cell_number(const data::CsvTable& table, size_t row, size_t column, const char* what) {
  double value = 0;
  const std::string& text = table.rows[row][column];
  check(parse_number(text, value), what, ": row ", table.row_numbers[row], ", column '", table.header[column], "': '", text,
        "' is not a number");
  return value;
}

int64_t cell_id(const data::CsvTable& table, size_t row, size_t column, const char* what) {
  const double value = cell_number(table, row, column, what);
  check(value == std::floor(value) && std::abs(value) < 9e15, what, ": row ", table.row_numbers[row], ", column '",
        table.header[column], "': '", table.rows[row][column], "' is not a whole-number id");
  return static_cast<int64_t>(value);
}

}  // namespace

int32_t RatingsData::user_index(int64_t id) const { return index_of(user_ids, id); }
int32_t RatingsData::item_index(int64_t id) const { return index_of(item_ids, id); }

std::vector<int32_t> RatingsData::items_by_popularity() const {
  std::vector<int32_t> order(item_ids.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return ratings.item_count(a) > ratings.item_count(b); });
  return order;
}

SparseVector RatingsData::profile(const std::vector<std::pair<int64_t, float>>& movie_ratings) const {
  const float lo = ratings.min_rating(), hi = ratings.max_rating();
  std::vector<std::pair<int32_t, float>> items;
  for (const auto& [id, value] : movie_ratings) {
    const int32_t i = item_index(id);
    check(i >= 0, "profile: no one rated movie ", id, ", so it cannot be used");
    check(std::isfinite(value) && value >= lo && value <= hi, "profile: rating ", value, " for movie ", id, " is outside ", lo,
          " to ", hi);
    items.emplace_back(i, value);
  }
  std::sort(items.begin(), items.end());
  SparseVector out;
  for (size_t k = 0; k < items.size(); ++k) {
    check(k == 0 || items[k].first != items[k - 1].first, "profile: movie ", item_ids[static_cast<size_t>(items[k].first)],
          " is rated twice");
    out.index.push_back(items[k].first);
    out.value.push_back(items[k].second);
  }
  return out;
}

void RatingsData::attach_movies(const std::vector<Movie>& catalog) {
  movies.assign(item_ids.size(), Movie{});
  for (size_t i = 0; i < item_ids.size(); ++i) {
    movies[i].id = item_ids[i];
    movies[i].title = "movie " + std::to_string(item_ids[i]);
  }
  for (const Movie& m : catalog) {
    const int32_t i = item_index(m.id);
    if (i >= 0) movies[static_cast<size_t>(i)] = m;
  }
}

RatingsData read_ratings_csv(std::string_view text) {
  const char* what = "read_ratings_csv";
  const data::CsvTable table = data::read_csv(text);
  const size_t user_col = table.column_index("userId"), item_col = table.column_index("movieId"),
               rating_col = table.column_index("rating");
  check(table.num_rows() > 0, what, ": the file has a header but no ratings");
  struct Raw {
    int64_t user, item;
    float value;
  };
  std::vector<Raw> raw(table.num_rows());
  RatingsData out;
  for (size_t r = 0; r < table.num_rows(); ++r) {
    raw[r] = {cell_id(table, r, user_col, what), cell_id(table, r, item_col, what),
              static_cast<float>(cell_number(table, r, rating_col, what))};
    out.user_ids.push_back(raw[r].user);
    out.item_ids.push_back(raw[r].item);
  }
  for (auto* ids : {&out.user_ids, &out.item_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  std::vector<RatingMatrix::Entry> entries(raw.size());
  for (size_t r = 0; r < raw.size(); ++r) entries[r] = {out.user_index(raw[r].user), out.item_index(raw[r].item), raw[r].value};
  out.ratings = RatingMatrix(static_cast<int32_t>(out.user_ids.size()), static_cast<int32_t>(out.item_ids.size()), std::move(entries));
  out.attach_movies({});
  return out;
}

std::vector<Movie> read_movies_csv(std::string_view text) {
  const char* what = "read_movies_csv";
  const data::CsvTable table = data::read_csv(text);
  const size_t id_col = table.column_index("movieId"), title_col = table.column_index("title"),
               year_col = table.column_index("year"), genres_col = table.column_index("genres");
  std::vector<Movie> movies(table.num_rows());
  for (size_t r = 0; r < table.num_rows(); ++r) {
    Movie& m = movies[r];
    m.id = cell_id(table, r, id_col, what);
    m.title = table.rows[r][title_col];
    const std::string& year = table.rows[r][year_col];
    double y = 0;
    m.year = year.empty() || year == "NA" ? 0 : (parse_number(year, y) ? static_cast<int>(y) : 0);
    m.genres = table.rows[r][genres_col];
  }
  return movies;
}

}  // namespace mlplay::recommend
