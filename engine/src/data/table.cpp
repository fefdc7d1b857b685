#include "mlplay/data/table.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"

namespace mlplay::data {
namespace {

bool is_missing(const std::string& cell) {
  return cell.empty() || cell == "NA" || cell == "na" || cell == "N/A" || cell == "NaN" || cell == "nan" || cell == "?";
}

bool parse_number(const std::string& cell, double& value) {
  if (cell.empty()) return false;
  char* end = nullptr;
  value = std::strtod(cell.c_str(), &end);
  return end == cell.c_str() + cell.size() && std::isfinite(value);
}

/// Sorts class or level names: numerically when every name is a number, else as text.
void sort_names(std::vector<std::string>& names) {
  double a = 0, b = 0;
  const bool numeric = std::all_of(names.begin(), names.end(), [&](const std::string& s) { return parse_number(s, a); });
  if (numeric) {
    std::sort(names.begin(), names.end(), [&](const std::string& l, const std::string& r) {
      parse_number(l, a);
      parse_number(r, b);
      return a < b;
    });
  } else {
    std::sort(names.begin(), names.end());
  }
}

std::string list_names(const std::vector<std::string>& names, size_t limit = 12) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > limit) out += ", …";
  return out;
}

struct ColumnPlan {
  size_t index = 0;
  std::string name;
  bool categorical = false;
};

/// Decides whether a column is numeric or text from its non-missing cells; a column that is mostly
/// numbers with a few text cells is a mistake in the file, not a categorical column.
bool column_is_numeric(const CsvTable& table, size_t col, const std::vector<size_t>& rows) {
  size_t numbers = 0, texts = 0, first_text = 0;
  double v = 0;
  for (size_t r : rows) {
    const std::string& cell = table.rows[r][col];
    if (is_missing(cell)) continue;
    if (parse_number(cell, v)) {
      ++numbers;
    } else if (texts++ == 0) {
      first_text = r;
    }
  }
  if (texts == 0) return true;
  if (numbers >= 9 * texts && numbers > 0) {
    throw ValueError(detail::concat("CSV row ", table.row_numbers[first_text], ", column '", table.header[col], "': '",
                                    table.rows[first_text][col], "' is not a number (", numbers,
                                    " other cells of the column are numbers); fix the cell or leave it empty"));
  }
  return false;
}

}  // namespace

std::vector<size_t> Dataset::class_counts() const {
  std::vector<size_t> counts(classes.size(), 0);
  for (int label : labels) ++counts[static_cast<size_t>(label)];
  return counts;
}

std::vector<std::string> Dataset::constant_features() const {
  std::vector<std::string> out;
  for (size_t c = 0; c < cols; ++c) {
    bool constant = true;
    for (size_t r = 1; r < rows && constant; ++r) constant = at(r, c) == at(0, c);
    if (constant) out.push_back(feature_names[c]);
  }
  return out;
}

Dataset Dataset::subset(const std::vector<size_t>& indices) const {
  Dataset out = *this;
  out.rows = indices.size();
  out.x.assign(indices.size() * cols, 0.0);
  out.y.clear();
  out.labels.clear();
  out.file_rows.clear();
  for (size_t i = 0; i < indices.size(); ++i) {
    const size_t r = indices[i];
    check<ValueError>(r < rows, "Dataset::subset: row ", r, " out of range for ", rows, " rows");
    std::copy(x.begin() + static_cast<std::ptrdiff_t>(r * cols), x.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols),
              out.x.begin() + static_cast<std::ptrdiff_t>(i * cols));
    if (!y.empty()) out.y.push_back(y[r]);
    if (!labels.empty()) out.labels.push_back(labels[r]);
    out.file_rows.push_back(file_rows[r]);
  }
  return out;
}

MissingCells parse_missing_cells(const std::string& text) {
  if (text == "error") return MissingCells::error;
  if (text == "drop") return MissingCells::drop_rows;
  if (text == "fill") return MissingCells::fill;
  throw ValueError("missing cells: expected error, drop or fill, got '" + text + "'");
}

Dataset load_table(const CsvTable& table, const TableSpec& spec) {
  check<ValueError>(table.num_rows() > 0, "load_table: the CSV has a header but no data rows");
  Dataset out;
  const bool supervised = !spec.target.empty();
  size_t target_col = 0;
  if (supervised) {
    check<ValueError>(spec.target_kind != TargetKind::none, "load_table: a target column needs a target kind");
    target_col = table.column_index(spec.target);
  }
  std::set<std::string> dropped(spec.drop.begin(), spec.drop.end());
  for (const auto& name : spec.drop) (void)table.column_index(name);  // names a wrong column
  std::vector<ColumnPlan> plan;
  if (!spec.features.empty()) {
    for (const auto& name : spec.features) {
      const size_t c = table.column_index(name);
      check<ValueError>(!supervised || c != target_col, "load_table: '", name, "' is the target; it cannot also be a feature");
      plan.push_back({c, name, false});
    }
  } else {
    for (size_t c = 0; c < table.num_columns(); ++c) {
      if ((supervised && c == target_col) || dropped.count(table.header[c])) continue;
      plan.push_back({c, table.header[c], false});
    }
  }
  check<ValueError>(!plan.empty(), "load_table: no feature columns left (columns: ", list_names(table.header), ")");

  // Rows kept: every row, or those without a missing cell in a used column.
  std::vector<size_t> rows;
  for (size_t r = 0; r < table.num_rows(); ++r) {
    const auto& row = table.rows[r];
    std::string missing_col;
    if (supervised && is_missing(row[target_col])) missing_col = table.header[target_col];
    for (const auto& p : plan) {
      if (missing_col.empty() && is_missing(row[p.index])) missing_col = p.name;
    }
    if (missing_col.empty()) {
      rows.push_back(r);
      continue;
    }
    const bool target_missing = supervised && is_missing(row[target_col]);
    if (spec.missing == MissingCells::drop_rows || (spec.missing == MissingCells::fill && target_missing)) {
      ++out.dropped_rows;  // a row without a target cannot be used; a filled target would be invented
      continue;
    }
    if (spec.missing == MissingCells::fill) {
      rows.push_back(r);
      continue;
    }
    throw ValueError(detail::concat("CSV row ", table.row_numbers[r], ", column '", missing_col,
                                    "' is empty; leave out rows with missing cells (--missing drop) or fill them with the "
                                    "column's median or most frequent value (--missing fill)"));
  }
  check<ValueError>(!rows.empty(), "load_table: no rows left after leaving out ", out.dropped_rows,
                    " rows with missing cells");

  // Encode the features.
  for (auto& p : plan) {
    SourceColumn source;
    source.name = p.name;
    p.categorical = !column_is_numeric(table, p.index, rows);
    source.categorical = p.categorical;
    source.first_feature = out.feature_names.size();
    if (!p.categorical) {
      out.feature_names.push_back(p.name);
      source.num_features = 1;
    } else {
      std::map<std::string, size_t> counts;
      for (size_t r : rows) {
        if (!is_missing(table.rows[r][p.index])) ++counts[table.rows[r][p.index]];
      }
      if (!spec.one_hot) {
        out.skipped.push_back(p.name);
        continue;
      }
      if (counts.size() > spec.max_levels) {
        throw ValueError(detail::concat("column '", p.name, "' has ", counts.size(),
                                        " different text values (more than ", spec.max_levels,
                                        "), too many to one-hot encode; leave it out (--drop ", p.name, ")"));
      }
      for (const auto& [level, n] : counts) source.levels.push_back(level);
      sort_names(source.levels);
      for (size_t l = spec.drop_first ? 1 : 0; l < source.levels.size(); ++l) {
        out.feature_names.push_back(p.name + "=" + source.levels[l]);
      }
      source.num_features = out.feature_names.size() - source.first_feature;
    }
    out.columns.push_back(std::move(source));
  }
  check<ValueError>(!out.feature_names.empty(), "load_table: every feature column is text and one-hot encoding is off");

  out.rows = rows.size();
  out.cols = out.feature_names.size();
  out.x.assign(out.rows * out.cols, 0.0);
  size_t plan_i = 0;
  for (auto& source : out.columns) {
    while (plan[plan_i].name != source.name) ++plan_i;
    const size_t col = plan[plan_i].index;
    if (!source.categorical) {
      // Median of the present cells, for filling.
      std::vector<double> present;
      double v = 0;
      for (size_t r : rows) {
        if (parse_number(table.rows[r][col], v)) present.push_back(v);
      }
      double fill = 0;
      if (!present.empty()) {
        std::sort(present.begin(), present.end());
        const size_t m = present.size() / 2;
        fill = present.size() % 2 ? present[m] : 0.5 * (present[m - 1] + present[m]);
      }
      check<ValueError>(!present.empty(), "load_table: column '", source.name, "' has no numbers at all");
      for (size_t i = 0; i < rows.size(); ++i) {
        if (!parse_number(table.rows[rows[i]][col], v)) {
          v = fill;
          ++source.filled;
        }
        out.at(i, source.first_feature) = v;
      }
      if (source.filled) source.fill_value = detail::concat(fill);
    } else {
      std::map<std::string, size_t> counts;
      for (size_t r : rows) {
        if (!is_missing(table.rows[r][col])) ++counts[table.rows[r][col]];
      }
      std::string mode;
      size_t best = 0;
      for (const auto& [level, n] : counts) {
        if (n > best) best = n, mode = level;
      }
      const size_t offset = spec.drop_first ? 1 : 0;
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string cell = table.rows[rows[i]][col];
        if (is_missing(cell)) {
          cell = mode;
          ++source.filled;
        }
        const size_t level = static_cast<size_t>(std::find(source.levels.begin(), source.levels.end(), cell) - source.levels.begin());
        if (level >= offset) out.at(i, source.first_feature + level - offset) = 1.0;
      }
      if (source.filled) source.fill_value = mode;
    }
  }

  for (size_t r : rows) out.file_rows.push_back(table.row_numbers[r]);

  if (supervised) {
    out.target_name = spec.target;
    out.target_kind = spec.target_kind;
    if (spec.target_kind == TargetKind::numbers) {
      double v = 0;
      for (size_t r : rows) {
        const std::string& cell = table.rows[r][target_col];
        check<ValueError>(parse_number(cell, v), "CSV row ", table.row_numbers[r], ", target column '", spec.target, "': '", cell,
                          "' is not a number; a regression target must be numeric");
        out.y.push_back(v);
      }
    } else {
      std::set<std::string> names;
      for (size_t r : rows) names.insert(table.rows[r][target_col]);
      out.classes.assign(names.begin(), names.end());
      sort_names(out.classes);
      check<ValueError>(out.classes.size() >= 2, "target column '", spec.target, "' has a single class '", out.classes[0],
                        "'; a classifier needs at least two");
      std::map<std::string, int> index;
      for (size_t i = 0; i < out.classes.size(); ++i) index[out.classes[i]] = static_cast<int>(i);
      for (size_t r : rows) {
        const int label = index[table.rows[r][target_col]];
        out.labels.push_back(label);
        out.y.push_back(label);
      }
    }
  }
  return out;
}

Dataset load_table_text(std::string_view csv_text, const TableSpec& spec) { return load_table(read_csv(csv_text), spec); }

namespace {
void shuffle(std::vector<size_t>& v, Generator& gen) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[gen.randint(static_cast<uint32_t>(i))]);
}

/// Row indices grouped by class (one group of all rows when not stratifying), each group shuffled.
std::vector<std::vector<size_t>> shuffled_groups(const Dataset& data, bool stratify, Generator& gen) {
  std::vector<std::vector<size_t>> groups;
  if (stratify && data.target_kind == TargetKind::classes) {
    groups.resize(data.num_classes());
    for (size_t r = 0; r < data.rows; ++r) groups[static_cast<size_t>(data.labels[r])].push_back(r);
  } else {
    groups.emplace_back(data.rows);
    std::iota(groups[0].begin(), groups[0].end(), size_t{0});
  }
  for (auto& g : groups) shuffle(g, gen);
  return groups;
}
}  // namespace

Split train_test_split(const Dataset& data, double test_fraction, uint64_t seed, bool stratify) {
  check<ValueError>(std::isfinite(test_fraction) && test_fraction > 0 && test_fraction < 1,
                    "train_test_split: test fraction ", test_fraction, " must be between 0 and 1");
  check<ValueError>(data.rows >= 2, "train_test_split: need at least 2 rows, got ", data.rows);
  Generator gen(seed);
  auto groups = shuffled_groups(data, stratify, gen);
  const size_t n_test =
      std::clamp<size_t>(static_cast<size_t>(std::llround(test_fraction * static_cast<double>(data.rows))), 1, data.rows - 1);
  // Largest-remainder allocation of the test rows over the groups (proportional to their sizes).
  std::vector<size_t> take(groups.size());
  std::vector<std::pair<double, size_t>> remainders;
  size_t given = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    const double share = static_cast<double>(n_test) * static_cast<double>(groups[g].size()) / static_cast<double>(data.rows);
    take[g] = static_cast<size_t>(std::floor(share));
    given += take[g];
    remainders.emplace_back(share - std::floor(share), g);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (size_t i = 0; given < n_test && i < remainders.size(); ++i, ++given) ++take[remainders[i].second];
  Split split;
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t i = 0; i < groups[g].size(); ++i) (i < take[g] ? split.test : split.train).push_back(groups[g][i]);
  }
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.test.begin(), split.test.end());
  return split;
}

std::vector<Split> k_fold(const Dataset& data, int k, uint64_t seed, bool stratify) {
  check<ValueError>(k >= 2 && static_cast<size_t>(k) <= data.rows, "k_fold: k = ", k, " must be between 2 and the number of rows (",
                    data.rows, ")");
  Generator gen(seed);
  auto groups = shuffled_groups(data, stratify, gen);
  std::vector<size_t> fold_of(data.rows);
  size_t next = 0;
  for (const auto& g : groups) {
    for (size_t r : g) fold_of[r] = next++ % static_cast<size_t>(k);
  }
  std::vector<Split> folds(static_cast<size_t>(k));
  for (size_t r = 0; r < data.rows; ++r) {
    for (size_t f = 0; f < folds.size(); ++f) (f == fold_of[r] ? folds[f].test : folds[f].train).push_back(r);
  }
  return folds;
}

Standardizer Standardizer::fit(const Dataset& data, const std::vector<size_t>& rows) {
  check<ValueError>(!rows.empty(), "Standardizer::fit: no rows");
  Standardizer s;
  s.mean.assign(data.cols, 0.0);
  s.scale.assign(data.cols, 0.0);
  for (size_t r : rows) {
    for (size_t c = 0; c < data.cols; ++c) s.mean[c] += data.at(r, c);
  }
  for (auto& m : s.mean) m /= static_cast<double>(rows.size());
  for (size_t r : rows) {
    for (size_t c = 0; c < data.cols; ++c) {
      const double d = data.at(r, c) - s.mean[c];
      s.scale[c] += d * d;
    }
  }
  for (auto& v : s.scale) {
    v = std::sqrt(v / static_cast<double>(rows.size()));
    if (!(v > 1e-12 * (1.0 + v))) v = 1.0;
  }
  return s;
}

Standardizer Standardizer::fit(const Dataset& data) {
  std::vector<size_t> all(data.rows);
  std::iota(all.begin(), all.end(), size_t{0});
  return fit(data, all);
}

void Standardizer::apply_row(double* row) const {
  for (size_t c = 0; c < mean.size(); ++c) row[c] = (row[c] - mean[c]) / scale[c];
}

void Standardizer::apply(Dataset& data) const {
  check<ValueError>(data.cols == mean.size(), "Standardizer::apply: fitted on ", mean.size(), " features, data has ", data.cols);
  for (size_t r = 0; r < data.rows; ++r) apply_row(&data.x[r * data.cols]);
}

}  // namespace mlplay::data
