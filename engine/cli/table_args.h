#pragma once
// The options every tabular learner's command shares (issue 6's CLI conventions):
//   mlplay <command> FILE.csv --target COLUMN [--features a,b] [--drop c,d] [--missing error|drop|fill]
//                   [--test-fraction F] [--seed S] [--json]
#include <cstdint>
#include <set>
#include <string>

#include "args.h"
#include "mlplay/data/table.h"

namespace mlplay::cli {

/// The valued options table_spec() and table_split() read; add them to a command's own set.
const std::set<std::string>& table_options();
/// A command's valued options plus table_options().
std::set<std::string> with_table_options(std::set<std::string> own);

/// The CSV path (the single positional) read as text; UsageError when it is missing, IOError when it
/// cannot be read.
std::string table_csv_text(const Args& args);

/// --target (required when kind is not none), --features, --drop, --missing.
data::TableSpec table_spec(const Args& args, data::TargetKind kind);

/// --test-fraction (default `fallback`, in (0, 1)) and --seed (default 0).
struct SplitOptions {
  double test_fraction = 0.2;
  uint64_t seed = 0;
};
SplitOptions split_options(const Args& args, double fallback = 0.2);

}  // namespace mlplay::cli
