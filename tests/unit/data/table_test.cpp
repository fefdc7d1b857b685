#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "support/repo_files.h"

using namespace mlplay::data;
using Catch::Matchers::Contains;

namespace {
const char* kPeople =
    "age,class,fare,survived\n"
    "22,3rd,7.25,no\n"
    "38,1st,71.28,yes\n"
    "26,3rd,7.92,yes\n"
    ",1st,53.1,yes\n"
    "35,2nd,,no\n";

TableSpec classes_of(const std::string& target) {
  TableSpec spec;
  spec.target = target;
  spec.target_kind = TargetKind::classes;
  return spec;
}
}  // namespace

TEST_CASE("load_table one-hot encodes text columns and reads class labels", "[table]") {
  TableSpec spec = classes_of("survived");
  spec.missing = MissingCells::drop_rows;
  const Dataset d = load_table_text(kPeople, spec);
  // The 2nd-class row was dropped (no fare), so the kept rows have two levels.
  REQUIRE(d.feature_names == std::vector<std::string>{"age", "class=1st", "class=3rd", "fare"});
  REQUIRE(d.rows == 3);
  REQUIRE(d.dropped_rows == 2);
  REQUIRE(d.file_rows == std::vector<size_t>{2, 3, 4});
  REQUIRE(d.classes == std::vector<std::string>{"no", "yes"});
  REQUIRE(d.labels == std::vector<int>{0, 1, 1});
  REQUIRE(d.at(1, 0) == 38);
  REQUIRE(d.at(1, 1) == 1);
  REQUIRE(d.at(1, 2) == 0);
  REQUIRE(d.at(2, 2) == 1);
  REQUIRE(d.at(2, 3) == Approx(7.92));
  REQUIRE(d.columns.size() == 3);
  REQUIRE(d.columns[1].categorical);
  REQUIRE(d.columns[1].levels == std::vector<std::string>{"1st", "3rd"});
  TableSpec filled = classes_of("survived");
  filled.missing = MissingCells::fill;
  REQUIRE(load_table_text(kPeople, filled).feature_names ==
          std::vector<std::string>{"age", "class=1st", "class=2nd", "class=3rd", "fare"});
}

TEST_CASE("load_table drop_first leaves out the first level", "[table]") {
  TableSpec spec = classes_of("survived");
  spec.missing = MissingCells::fill;
  spec.drop_first = true;
  const Dataset d = load_table_text(kPeople, spec);
  REQUIRE(d.feature_names == std::vector<std::string>{"age", "class=2nd", "class=3rd", "fare"});
  REQUIRE(d.at(1, 1) == 0);  // 1st is the all-zero level
  REQUIRE(d.at(1, 2) == 0);
}

TEST_CASE("load_table fills missing cells with the median or the most frequent level", "[table]") {
  TableSpec spec = classes_of("survived");
  spec.missing = MissingCells::fill;
  const Dataset d = load_table_text(kPeople, spec);
  REQUIRE(d.rows == 5);
  REQUIRE(d.at(3, 0) == Approx(30.5));  // median of 22, 38, 26, 35
  REQUIRE(d.at(4, 4) == Approx((7.92 + 53.1) / 2));
  REQUIRE(d.columns[0].filled == 1);
  REQUIRE(d.columns[0].fill_value == "30.5");
}

TEST_CASE("load_table names the row and column of a missing cell and says what to do", "[table]") {
  REQUIRE_THROWS_WITH(load_table_text(kPeople, classes_of("survived")),
                      Contains("CSV row 5, column 'age' is empty") && Contains("--missing drop"));
}

TEST_CASE("load_table explains a wrong target, a single class, a stray text cell and too many levels", "[table]") {
  REQUIRE_THROWS_WITH(load_table_text(kPeople, classes_of("alive")), Contains("alive") && Contains("survived"));
  TableSpec one = classes_of("c");
  REQUIRE_THROWS_WITH(load_table_text("a,c\n1,x\n2,x\n", one), Contains("single class 'x'"));
  std::string stray = "a,b\n";
  for (int i = 0; i < 20; ++i) stray += std::to_string(i) + "," + (i == 7 ? "abc" : std::to_string(i % 2)) + "\n";
  TableSpec unsupervised;
  REQUIRE_THROWS_WITH(load_table_text(stray, unsupervised), Contains("CSV row 9, column 'b': 'abc' is not a number"));
  std::string names = "name,y\n";
  for (int i = 0; i < 50; ++i) names += "person" + std::to_string(i) + "," + std::to_string(i % 2) + "\n";
  REQUIRE_THROWS_WITH(load_table_text(names, classes_of("y")), Contains("'name' has 50 different text values") && Contains("--drop name"));
  TableSpec dropped = classes_of("y");
  dropped.drop = {"name"};
  REQUIRE_THROWS_WITH(load_table_text(names, dropped), Contains("no feature columns"));
  TableSpec regression;
  regression.target = "survived";
  regression.target_kind = TargetKind::numbers;
  regression.missing = MissingCells::drop_rows;
  REQUIRE_THROWS_WITH(load_table_text(kPeople, regression), Contains("'no' is not a number"));
}

TEST_CASE("load_table sorts numeric class names numerically and reads regression targets", "[table]") {
  const Dataset d = load_table_text("x,digit\n1,10\n2,9\n3,10\n4,1\n", classes_of("digit"));
  REQUIRE(d.classes == std::vector<std::string>{"1", "9", "10"});
  REQUIRE(d.labels == std::vector<int>{2, 1, 2, 0});
  TableSpec spec;
  spec.target = "digit";
  spec.target_kind = TargetKind::numbers;
  const Dataset r = load_table_text("x,digit\n1,10\n2,9\n", spec);
  REQUIRE(r.y == std::vector<double>{10, 9});
  REQUIRE(r.constant_features().empty());
  const Dataset c = load_table_text("x,k,digit\n1,5,10\n2,5,9\n", spec);
  REQUIRE(c.constant_features() == std::vector<std::string>{"k"});
}

TEST_CASE("train_test_split is stratified, disjoint, complete and seeded", "[table]") {
  std::string csv = "x,y\n";
  for (int i = 0; i < 100; ++i) csv += std::to_string(i) + "," + (i < 80 ? "a" : i < 95 ? "b" : "c") + "\n";
  const Dataset d = load_table_text(csv, classes_of("y"));
  const Split s = train_test_split(d, 0.2, 7);
  REQUIRE(s.test.size() == 20);
  REQUIRE(s.train.size() == 80);
  std::vector<size_t> all = s.train;
  all.insert(all.end(), s.test.begin(), s.test.end());
  std::sort(all.begin(), all.end());
  for (size_t i = 0; i < all.size(); ++i) REQUIRE(all[i] == i);
  const Dataset test = d.subset(s.test);
  REQUIRE(test.class_counts() == std::vector<size_t>{16, 3, 1});
  REQUIRE(train_test_split(d, 0.2, 7).test == s.test);
  REQUIRE(train_test_split(d, 0.2, 8).test != s.test);
  REQUIRE_THROWS_WITH(train_test_split(d, 1.5, 1), Contains("between 0 and 1"));
}

TEST_CASE("k_fold tests every row exactly once with classes spread over the folds", "[table]") {
  std::string csv = "x,y\n";
  for (int i = 0; i < 30; ++i) csv += std::to_string(i) + "," + (i % 3 == 0 ? "a" : "b") + "\n";
  const Dataset d = load_table_text(csv, classes_of("y"));
  const auto folds = k_fold(d, 5, 3);
  REQUIRE(folds.size() == 5);
  std::vector<int> seen(30, 0);
  for (const auto& f : folds) {
    REQUIRE(f.test.size() == 6);
    REQUIRE(f.train.size() == 24);
    REQUIRE(d.subset(f.test).class_counts() == std::vector<size_t>{2, 4});
    for (size_t r : f.test) ++seen[r];
  }
  REQUIRE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  REQUIRE_THROWS_WITH(k_fold(d, 1, 0), Contains("between 2"));
}

TEST_CASE("Standardizer centres and scales by the training rows' population std", "[table]") {
  TableSpec spec;
  const Dataset d0 = load_table_text("a,b,c\n1,10,5\n2,20,5\n3,30,5\n4,40,5\n", spec);
  Dataset d = d0;
  const Standardizer s = Standardizer::fit(d, {0, 1, 2, 3});
  REQUIRE(s.mean == std::vector<double>{2.5, 25, 5});
  REQUIRE(s.scale[0] == Approx(std::sqrt(1.25)));
  REQUIRE(s.scale[2] == 1.0);  // constant
  s.apply(d);
  REQUIRE(d.at(0, 0) == Approx(-1.5 / std::sqrt(1.25)));
  REQUIRE(d.at(3, 1) == Approx(1.5 / std::sqrt(1.25)));
  REQUIRE(d.at(2, 2) == 0);
}

TEST_CASE("load_table reads the Iris and Titanic exports", "[table]") {
  const Dataset d = load_table_text(mlplay::testing::dataset_text("iris.csv"), classes_of("species"));
  REQUIRE(d.rows == 150);
  REQUIRE(d.cols == 4);
  REQUIRE(d.class_counts() == std::vector<size_t>{50, 50, 50});

  TableSpec spec = classes_of("survived");
  spec.drop = {"country"};
  spec.missing = MissingCells::drop_rows;
  const Dataset t = load_table_text(mlplay::testing::dataset_text("titanic.csv"), spec);
  REQUIRE(t.rows + t.dropped_rows == 2207);
  REQUIRE(t.classes == std::vector<std::string>{"no", "yes"});
  REQUIRE(std::find(t.feature_names.begin(), t.feature_names.end(), "gender=female") != t.feature_names.end());
}
