// mlplay abtest: the two-proportion z-test of the ab-testing lesson on two arms given as
// CONVERSIONS/VISITORS, with intervals for the difference and the lift and the visitors per arm a
// test would need to detect the observed lift.
//   mlplay abtest --a 203/4532 --b 248/4621 [--alpha 0.05] [--power 0.8] [--json]
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/stats/ab_test.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::stats;

/// JSON has no NaN or infinity: those print as null.
nlohmann::ordered_json number(double value) { return std::isfinite(value) ? nlohmann::ordered_json(value) : nullptr; }

/// "203/4532" -> {203, 4532}; the message names the flag and says what is wrong.
Arm parse_arm(const Args& args, const std::string& name) {
  const auto text = args.value(name);
  if (!text) throw UsageError("abtest: --" + name + " CONVERSIONS/VISITORS is required, e.g. --" + name + " 203/4532");
  const size_t slash = text->find('/');
  const auto conversions = slash == std::string::npos ? std::nullopt : parse_integer(text->substr(0, slash));
  const auto visitors = slash == std::string::npos ? std::nullopt : parse_integer(text->substr(slash + 1));
  if (!conversions || !visitors || *conversions < 0 || *visitors < 0) {
    throw UsageError("abtest: --" + name + " expects CONVERSIONS/VISITORS as two whole numbers, e.g. 203/4532, got '" +
                     *text + "'");
  }
  if (*visitors == 0) throw UsageError("abtest: --" + name + " has 0 visitors; a conversion rate needs at least 1 visitor");
  if (*conversions > *visitors) {
    throw UsageError("abtest: --" + name + " has more conversions (" + std::to_string(*conversions) + ") than visitors (" +
                     std::to_string(*visitors) + ")");
  }
  return {*conversions, *visitors};
}

/// 4532 -> "4,532".
std::string grouped(int64_t value) {
  std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

std::string format(const char* pattern, double a, double b = 0) {
  char text[96];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

/// Visitors per arm to detect the observed rates with `power`; -1 when no finite number exists.
int64_t needed_visitors(const TwoProportionTest& t, double power) {
  if (!(t.rate_a > 0 && t.rate_a < 1 && t.rate_b > 0 && t.rate_b < 1) || t.rate_a == t.rate_b) return -1;
  try {
    return two_proportion_sample_size(t.rate_a, t.rate_b, t.alpha, power);
  } catch (const ValueError&) {
    return -1;
  }
}

void print_report(const TwoProportionTest& t, double power, int64_t needed, std::ostream& out) {
  const double level = 100 * (1 - t.alpha);
  out << "=== A/B test ===\n";
  out << "Control (A):   " << grouped(t.a.visitors) << " visitors, " << grouped(t.a.conversions) << " conversions ("
      << format("%.2f%%", 100 * t.rate_a) << ")\n";
  out << "Treatment (B): " << grouped(t.b.visitors) << " visitors, " << grouped(t.b.conversions) << " conversions ("
      << format("%.2f%%", 100 * t.rate_b) << ")\n";
  out << "Observed lift: " << (std::isfinite(t.lift) ? format("%+.1f%%", 100 * t.lift) : std::string("undefined (A has no conversions)"))
      << " (difference " << format("%+.2f", 100 * t.difference) << " percentage points)\n\n";
  out << "Statistical analysis (two-sided two-proportion z-test, pooled):\n";
  out << "Test statistic: z = " << format("%.2f", t.z) << "\n";
  out << "P-value: " << (t.p_value >= 1e-4 ? format("%.4f", t.p_value) : format("%.3g", t.p_value)) << "\n";
  out << format("%g%% CI for the difference: ", level)
      << format("[%+.2f, %+.2f] percentage points\n", 100 * t.difference_interval.low, 100 * t.difference_interval.high);
  out << format("%g%% CI for lift: ", level)
      << (std::isfinite(t.lift_interval.low)
              ? format("[%+.1f%%, %+.1f%%]\n", 100 * t.lift_interval.low, 100 * t.lift_interval.high)
              : std::string("undefined (an arm has no conversions)\n"));
  out << "\nConclusion: " << (t.significant ? "SIGNIFICANT" : "NOT SIGNIFICANT") << format(" at alpha = %g", t.alpha)
      << (t.significant ? format(" (p = %.3g < %g)\n", t.p_value, t.alpha) : format(" (p = %.3g >= %g)\n", t.p_value, t.alpha));
  if (t.significant) {
    out << "B's conversion rate is " << (t.difference > 0 ? "higher" : "lower")
        << " than A's beyond what chance alone would explain, but the size of the effect is uncertain: the interval "
           "above is every lift the data do not rule out.\n";
  } else {
    out << "The data are consistent with no difference: a gap this large arises by chance more than "
        << format("%g%%", 100 * t.alpha) << " of the time when the two rates are equal.\n";
  }
  if (needed > 0) {
    out << "Planning: detecting a lift of " << format("%+.1f%%", 100 * t.lift) << " with " << format("%g%%", 100 * power)
        << " power needs " << grouped(needed) << " visitors per arm (this test has " << grouped(std::min(t.a.visitors, t.b.visitors))
        << (needed > std::min(t.a.visitors, t.b.visitors) ? "): run longer to narrow the interval.\n" : ").\n");
  }
}

int run_abtest(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("abtest", tokens, {"a", "b", "alpha", "power"}, {"json"});
  if (!args.positionals().empty()) throw UsageError("abtest: unexpected argument '" + args.positionals()[0] + "'");
  const Arm a = parse_arm(args, "a");
  const Arm b = parse_arm(args, "b");
  const double alpha = args.number("alpha", 0.05, 1e-6, 0.5);
  const double power = args.number("power", 0.8, 0.01, 0.999);
  TwoProportionTest t;
  try {
    t = two_proportion_z_test(a, b, alpha);
  } catch (const ValueError& e) {
    throw UsageError(std::string("abtest: ") + e.what());  // data no test can use is a usage problem
  }
  const int64_t needed = needed_visitors(t, power);

  if (args.flag("json")) {
    nlohmann::ordered_json result = {
        {"a", {{"conversions", a.conversions}, {"visitors", a.visitors}, {"rate", t.rate_a}}},
        {"b", {{"conversions", b.conversions}, {"visitors", b.visitors}, {"rate", t.rate_b}}},
        {"alpha", alpha},
        {"difference", t.difference},
        {"lift", number(t.lift)},
        {"pooled_rate", t.pooled_rate},
        {"standard_error", t.standard_error},
        {"z", t.z},
        {"p_value", t.p_value},
        {"z_critical", t.z_critical},
        {"significant", t.significant},
        {"difference_ci", {t.difference_interval.low, t.difference_interval.high}},
        {"lift_ci", {number(t.lift_interval.low), number(t.lift_interval.high)}},
        {"power", power},
        {"visitors_per_arm_for_power", needed > 0 ? nlohmann::ordered_json(needed) : nullptr}};
    out << result.dump() << "\n";
    return 0;
  }
  print_report(t, power, needed, out);
  return 0;
}

}  // namespace

Command abtest_command() {
  return {"abtest", "mlplay abtest --a CONVERSIONS/VISITORS --b CONVERSIONS/VISITORS [--alpha 0.05] [--power 0.8] [--json]",
          "Two-proportion z-test of A against B: z, p-value, intervals for the difference and the lift, and the visitors "
          "per arm to detect the observed lift with the given power.",
          run_abtest};
}

}  // namespace mlplay::cli
