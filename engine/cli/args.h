#pragma once
// Command-line arguments for `mlplay <command> …`: declared options with values, boolean flags and
// positionals, with messages that name the command, the flag and what was wrong.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlplay::cli {

/// A mistake on the command line; main prints it with the command's usage and exits with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  /// Parses `tokens` (what follows the command name). `valued` options take a value (`--seed 7` or
  /// `--seed=7`); `flags` do not (`--json`). Anything else starting with `--` is a UsageError.
  Args(std::string command, const std::vector<std::string>& tokens, std::set<std::string> valued,
       std::set<std::string> flags);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  /// An integer in [min, max]; accepts 1000000, 1e6 and 1_000_000.
  int64_t integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const;
  /// A finite number in [min, max].
  double number(const std::string& name, double fallback, double min, double max) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  const std::string& command() const { return command_; }

 private:
  std::string command_;
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positionals_;
};

/// Parses an integer written as digits, with optional `_` separators or a power-of-ten exponent
/// (`2e9`); nullopt when the text is not an integer.
std::optional<int64_t> parse_integer(const std::string& text);

}  // namespace mlplay::cli
