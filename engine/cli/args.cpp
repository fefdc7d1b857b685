#include "args.h"

#include <cctype>
#include <climits>
#include <cmath>
#include <sstream>

namespace mlplay::cli {

Args::Args(std::string command, const std::vector<std::string>& tokens, std::set<std::string> valued,
           std::set<std::string> flags)
    : command_(std::move(command)) {
  auto known = [&] {
    std::string list;
    for (const auto& v : valued) list += " --" + v;
    for (const auto& f : flags) list += " --" + f;
    return list.empty() ? std::string(" (none)") : list;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token.rfind("--", 0) != 0 || token.size() == 2) {
      positionals_.push_back(token);
      continue;
    }
    std::string name = token.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (inline_value) throw UsageError(command_ + ": --" + name + " takes no value");
      flags_.insert(name);
    } else if (valued.count(name)) {
      if (inline_value) {
        values_[name] = *inline_value;
      } else if (i + 1 < tokens.size()) {
        values_[name] = tokens[++i];
      } else {
        throw UsageError(command_ + ": --" + name + " needs a value");
      }
    } else {
      throw UsageError(command_ + ": unknown option --" + name + "; options are" + known());
    }
  }
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> parse_integer(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.empty()) return std::nullopt;
  size_t i = 0;
  bool negative = false;
  if (digits[0] == '-' || digits[0] == '+') {
    negative = digits[0] == '-';
    i = 1;
  }
  // mantissa digits, then an optional e<digits>
  int64_t mantissa = 0;
  size_t start = i;
  for (; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i) {
    if (mantissa > (INT64_MAX - 9) / 10) return std::nullopt;
    mantissa = mantissa * 10 + (digits[i] - '0');
  }
  if (i == start) return std::nullopt;
  if (i < digits.size()) {
    if (digits[i] != 'e' && digits[i] != 'E') return std::nullopt;
    ++i;
    size_t exp_start = i;
    int exponent = 0;
    for (; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i) {
      exponent = exponent * 10 + (digits[i] - '0');
      if (exponent > 18) return std::nullopt;
    }
    if (i == exp_start || i != digits.size()) return std::nullopt;
    for (int k = 0; k < exponent; ++k) {
      if (mantissa > INT64_MAX / 10) return std::nullopt;
      mantissa *= 10;
    }
  }
  return negative ? -mantissa : mantissa;
}

int64_t Args::integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const {
  auto text = value(name);
  if (!text) return fallback;
  auto parsed = parse_integer(*text);
  if (!parsed || *parsed < min || *parsed > max) {
    std::ostringstream message;
    message << command_ << ": --" << name << " expects an integer from " << min << " to " << max << ", got '"
            << *text << "'";
    throw UsageError(message.str());
  }
  return *parsed;
}

double Args::number(const std::string& name, double fallback, double min, double max) const {
  auto text = value(name);
  if (!text) return fallback;
  size_t used = 0;
  double parsed = 0;
  try {
    parsed = std::stod(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || !std::isfinite(parsed) || parsed < min || parsed > max) {
    std::ostringstream message;
    message << command_ << ": --" << name << " expects a number from " << min << " to " << max << ", got '"
            << *text << "'";
    throw UsageError(message.str());
  }
  return parsed;
}

}  // namespace mlplay::cli
