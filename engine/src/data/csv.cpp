#include "mlplay/data/csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

#include "mlplay/core/error.h"

namespace mlplay::data {
namespace {

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

/// Splits the text into records of fields. `rows[i]` starts on file row `starts[i]` (1-based).
void split_records(std::string_view text, std::vector<std::vector<std::string>>& records, std::vector<size_t>& starts) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;       // inside "…"
  bool was_quoted = false;   // this field had quotes (keep its spaces)
  size_t row = 1, start = 1, quote_row = 0;
  auto end_field = [&] {
    fields.push_back(was_quoted ? field : trim(field));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    const bool blank = fields.size() == 1 && fields[0].empty();
    if (!blank) {
      records.push_back(std::move(fields));
      starts.push_back(start);
    }
    fields.clear();
  };
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++row;
        field += c;
      }
    } else if (c == '"') {
      check(trim(field).empty(), "read_csv: row ", row, ", field ", fields.size() + 1,
            ": a quote in the middle of an unquoted field (quote the whole field and double inner quotes)");
      field.clear();
      quoted = true;
      was_quoted = true;
      quote_row = row;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_record();
      start = ++row;
    } else {
      field += c;
    }
  }
  check(!quoted, "read_csv: row ", quote_row, ": a quoted field is never closed");
  end_record();
}

}  // namespace

size_t CsvTable::column_index(std::string_view name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  check(it != header.end(), "CSV has no column '", name, "'; its columns are: ", join_names(header));
  return static_cast<size_t>(it - header.begin());
}

CsvTable read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<size_t> starts;
  split_records(text, records, starts);
  check(!records.empty(), "read_csv: the text is empty (expected a header row, then data rows)");
  CsvTable table;
  table.header = std::move(records[0]);
  std::set<std::string> seen;
  for (size_t c = 0; c < table.header.size(); ++c) {
    check(!table.header[c].empty(), "read_csv: row ", starts[0], " (the header), column ", c + 1, " has no name");
    check(seen.insert(table.header[c]).second, "read_csv: row ", starts[0], " (the header): column name '",
          table.header[c], "' appears twice");
  }
  for (size_t r = 1; r < records.size(); ++r) {
    check(records[r].size() == table.header.size(), "read_csv: row ", starts[r], " has ", records[r].size(),
          " field", records[r].size() == 1 ? "" : "s", ", expected ", table.header.size(), " (",
          join_names(table.header), ")");
    table.rows.push_back(std::move(records[r]));
    table.row_numbers.push_back(starts[r]);
  }
  return table;
}

bool parse_iso_date(std::string_view text, long long& days) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  int parts[3];
  const std::string_view pieces[3] = {text.substr(0, 4), text.substr(5, 2), text.substr(8, 2)};
  for (int i = 0; i < 3; ++i) {
    const auto [end, error] = std::from_chars(pieces[i].data(), pieces[i].data() + pieces[i].size(), parts[i]);
    if (error != std::errc() || end != pieces[i].data() + pieces[i].size()) return false;
  }
  const int y = parts[0], m = parts[1], d = parts[2];
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return false;
  // Days from civil (Howard Hinnant, http://howardhinnant.github.io/date_algorithms.html).
  const int yy = y - (m <= 2 ? 1 : 0);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = static_cast<long long>(era) * 146097 + doe - 719468;
  return true;
}

NumericColumn numeric_column(const CsvTable& table, std::string_view name) {
  const size_t c = table.column_index(name);
  NumericColumn column{std::string(name), {}, false, {}};
  check(!table.rows.empty(), "CSV has a header but no data rows");
  long long probe = 0;
  column.dates = parse_iso_date(table.rows[0][c], probe);
  long long first = 0;
  std::vector<long long> days;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& cell = table.rows[r][c];
    const auto where = [&] { return detail::concat("CSV row ", table.row_numbers[r], ", column '", name, "': "); };
    check(!cell.empty(), where(), "the cell is empty (every row needs a ", column.dates ? "date" : "number", ")");
    if (column.dates) {
      long long d = 0;
      check(parse_iso_date(cell, d), where(), "'", cell, "' is not an ISO date (YYYY-MM-DD) like the rows above");
      days.push_back(d);
      if (r == 0 || d < first) {
        first = d;
        column.first_date = cell.substr(0, 10);
      }
      continue;
    }
    // NOTE: strtod, not from_chars: Emscripten 3.1.6's libc++ has no floating-point from_chars.
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    check(end == cell.c_str() + cell.size() && std::isfinite(value), where(), "'", cell, "' is not a number");
    column.values.push_back(value);
  }
  for (const long long d : days) column.values.push_back(static_cast<double>(d - first));
  return column;
}

}  // namespace mlplay::data
