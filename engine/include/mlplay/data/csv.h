#pragma once
/// A small CSV reader (RFC 4180: a header row, comma-separated fields, "quoted" fields that may hold
/// commas, doubled "" quotes and line breaks) with numeric columns, for lessons that load data.
/// Every error names the row and the column, counting the header as row 1.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mlplay::data {

/// The header and the data rows of a CSV text, all fields as written (quotes removed).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// The file row of rows[i], counting the header as row 1 (a quoted line break spans rows).
  std::vector<size_t> row_numbers;

  size_t num_rows() const { return rows.size(); }
  size_t num_columns() const { return header.size(); }
  /// Index of the column named `name`; throws ValueError listing the columns when there is none.
  size_t column_index(std::string_view name) const;
};

/// Parses CSV text. Blank lines are skipped; a row with a different number of fields than the
/// header, an unclosed quote or an empty or duplicate header name throws ValueError, e.g.
/// "read_csv: row 5 has 3 fields, expected 6 (date, precipitation, …)".
CsvTable read_csv(std::string_view text);

/// A numeric column. ISO dates (YYYY-MM-DD, optionally followed by a time) become day numbers:
/// days since the earliest date in the column, and `dates` is true.
struct NumericColumn {
  std::string name;
  std::vector<double> values;
  bool dates = false;
  /// The earliest date as YYYY-MM-DD when `dates` (day 0), else empty.
  std::string first_date;
};

/// Reads column `name` as numbers (or ISO dates). An empty or non-numeric cell throws ValueError
/// "CSV row 7, column 'temp_max': 'abc' is not a number".
NumericColumn numeric_column(const CsvTable& table, std::string_view name);

/// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (a trailing "T…" or " …" time is ignored);
/// returns false when `text` is not a valid date.
bool parse_iso_date(std::string_view text, long long& days);

}  // namespace mlplay::data
