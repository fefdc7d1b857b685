#include "table_args.h"

#include <fstream>
#include <sstream>

#include "mlplay/core/error.h"

namespace mlplay::cli {
namespace {
std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, ',')) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}
}  // namespace

const std::set<std::string>& table_options() {
  static const std::set<std::string> options = {"target", "features", "drop", "missing", "test-fraction", "seed"};
  return options;
}

std::set<std::string> with_table_options(std::set<std::string> own) {
  own.insert(table_options().begin(), table_options().end());
  return own;
}

std::string table_csv_text(const Args& args) {
  if (args.positionals().size() != 1) throw UsageError(args.command() + ": expected one CSV file");
  const std::string& path = args.positionals()[0];
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot read '", path, "'");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

data::TableSpec table_spec(const Args& args, data::TargetKind kind) {
  data::TableSpec spec;
  spec.target_kind = kind;
  if (kind != data::TargetKind::none) {
    const auto target = args.value("target");
    if (!target || target->empty()) throw UsageError(args.command() + ": --target COLUMN is required (the label column)");
    spec.target = *target;
  }
  if (auto features = args.value("features")) spec.features = split_commas(*features);
  if (auto drop = args.value("drop")) spec.drop = split_commas(*drop);
  if (auto missing = args.value("missing")) {
    if (*missing != "error" && *missing != "drop" && *missing != "fill") {
      throw UsageError(args.command() + ": --missing must be error, drop or fill, got '" + *missing + "'");
    }
    spec.missing = data::parse_missing_cells(*missing);
  }
  return spec;
}

SplitOptions split_options(const Args& args, double fallback) {
  SplitOptions options;
  options.test_fraction = args.number("test-fraction", fallback, 0.0, 1.0);
  if (!(options.test_fraction > 0 && options.test_fraction < 1)) {
    throw UsageError(args.command() + ": --test-fraction must be between 0 and 1 (exclusive)");
  }
  options.seed = static_cast<uint64_t>(args.integer("seed", 0, 0, INT64_MAX));
  return options;
}

}  // namespace mlplay::cli
