// mlplay info: entropy, cross-entropy and KL divergence (both ways) of two discrete distributions,
// as in the information-theory lesson.
//   mlplay info --p 0.5,0.25,0.25 --q 0.25,0.25,0.5 [--unit bits|nats] [--json]
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/information.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::stats;

/// JSON has no infinity: it prints as null.
nlohmann::ordered_json number(double value) { return std::isfinite(value) ? nlohmann::ordered_json(value) : nullptr; }

/// "0.5,0.25,0.25" -> {0.5, 0.25, 0.25}; the message names the flag and the bad item.
std::vector<double> parse_list(const Args& args, const std::string& name) {
  const auto text = args.value(name);
  if (!text) throw UsageError("info: --" + name + " is required, e.g. --" + name + " 0.5,0.25,0.25");
  std::vector<double> values;
  std::stringstream items(*text);
  for (std::string item; std::getline(items, item, ',');) {
    size_t used = 0;
    double value = 0;
    try {
      value = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size() || !std::isfinite(value)) {
      throw UsageError("info: --" + name + " expects probabilities separated by commas, e.g. 0.5,0.25,0.25; '" + item +
                       "' is not a number");
    }
    values.push_back(value);
  }
  return values;
}

std::string format(double value) {
  if (!std::isfinite(value)) return "infinite";
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

int run_info(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("info", tokens, {"p", "q", "unit"}, {"json"});
  if (!args.positionals().empty()) throw UsageError("info: unexpected argument '" + args.positionals()[0] + "'");
  const std::vector<double> p = parse_list(args, "p"), q = parse_list(args, "q");
  const std::string unit = args.value("unit").value_or("bits");
  double hp = 0, hq = 0, ce = 0, kl_pq = 0, kl_qp = 0;
  try {
    const LogBase base = parse_log_base(unit);
    hp = entropy(p, base), hq = entropy(q, base), ce = cross_entropy(p, q, base);
    kl_pq = kl_divergence(p, q, base), kl_qp = kl_divergence(q, p, base);
  } catch (const ValueError& e) {
    throw UsageError(std::string("info: ") + e.what());  // distributions that are not distributions
  }
  if (args.flag("json")) {
    nlohmann::ordered_json result = {{"unit", unit == "2" ? "bits" : unit == "e" ? "nats" : unit},
                                     {"p", p}, {"q", q},
                                     {"entropy_p", hp}, {"entropy_q", hq},
                                     {"cross_entropy", number(ce)},
                                     {"kl_pq", number(kl_pq)}, {"kl_qp", number(kl_qp)}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "H(p)      = " << format(hp) << " " << unit << "\n";
  out << "H(q)      = " << format(hq) << " " << unit << "\n";
  out << "H(p, q)   = " << format(ce) << " " << unit << "  (cross-entropy: coding p with a code built for q)\n";
  out << "KL(p||q)  = " << format(kl_pq) << " " << unit << "  (= H(p, q) - H(p): the extra cost)\n";
  out << "KL(q||p)  = " << format(kl_qp) << " " << unit << "  (in general not KL(p||q): KL is not symmetric)\n";
  return 0;
}

}  // namespace

Command info_command() {
  return {"info", "mlplay info --p P1,P2,... --q Q1,Q2,... [--unit bits|nats] [--json]",
          "Entropy of p and q, the cross-entropy H(p, q) and the KL divergence both ways, in bits or nats.", run_info};
}

}  // namespace mlplay::cli
