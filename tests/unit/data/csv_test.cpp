#include <catch2/catch.hpp>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/data/csv.h"

using namespace mlplay::data;
using Catch::Matchers::Contains;

TEST_CASE("read_csv reads a header, rows and quoted fields", "[csv]") {
  const CsvTable t = read_csv("name,value,note\n\"Smith, J\",1.5,\"said \"\"hi\"\"\"\n\nb , -2e3 ,\"two\nlines\"\nc,+4,x\r\n");
  REQUIRE(t.header == std::vector<std::string>{"name", "value", "note"});
  REQUIRE(t.num_rows() == 3);
  REQUIRE(t.rows[0][0] == "Smith, J");
  REQUIRE(t.rows[0][2] == "said \"hi\"");
  REQUIRE(t.rows[1][0] == "b");
  REQUIRE(t.rows[1][2] == "two\nlines");
  REQUIRE(t.row_numbers == std::vector<size_t>{2, 4, 6});
  const NumericColumn v = numeric_column(t, "value");
  REQUIRE(v.values == std::vector<double>{1.5, -2000, 4});
  REQUIRE_FALSE(v.dates);
}

TEST_CASE("numeric_column turns ISO dates into day numbers from the earliest date", "[csv]") {
  const CsvTable t = read_csv("date,t\n2012-01-03,1\n2012-01-01,2\n2012-03-01T10:00,3\n2013-01-01,4\n");
  const NumericColumn d = numeric_column(t, "date");
  REQUIRE(d.dates);
  REQUIRE(d.first_date == "2012-01-01");
  REQUIRE(d.values == std::vector<double>{2, 0, 60, 366});  // 2012 is a leap year
  long long days = 0;
  REQUIRE(parse_iso_date("1970-01-02", days));
  REQUIRE(days == 1);
  REQUIRE_FALSE(parse_iso_date("2013-02-29", days));
  REQUIRE_FALSE(parse_iso_date("12/01/2013", days));
}

TEST_CASE("CSV errors name the row and the column", "[csv]") {
  const CsvTable t = read_csv("x,y\n1,2\n3,abc\n5,\n");
  REQUIRE_THROWS_WITH(numeric_column(t, "y"), "CSV row 3, column 'y': 'abc' is not a number");
  REQUIRE_NOTHROW(numeric_column(t, "x"));
  const CsvTable empty_cell = read_csv("x,y\n1,2\n5,\n");
  REQUIRE_THROWS_WITH(numeric_column(empty_cell, "y"), Contains("CSV row 3, column 'y': the cell is empty"));
  REQUIRE_THROWS_WITH(numeric_column(t, "z"), "CSV has no column 'z'; its columns are: x, y");
  REQUIRE_THROWS_WITH(read_csv("a,b\n1,2\n3,4,5\n"), "read_csv: row 3 has 3 fields, expected 2 (a, b)");
  REQUIRE_THROWS_WITH(read_csv("a,b\n1,\"open\n"), Contains("row 2: a quoted field is never closed"));
  REQUIRE_THROWS_WITH(read_csv("a,a\n1,2\n"), Contains("column name 'a' appears twice"));
  REQUIRE_THROWS_WITH(read_csv("\n\n"), Contains("the text is empty"));
  const CsvTable dates = read_csv("d,y\n2012-01-01,1\nJan 2,2\n");
  REQUIRE_THROWS_WITH(numeric_column(dates, "d"), Contains("CSV row 3, column 'd': 'Jan 2' is not an ISO date"));
}
