#pragma once
/// Critical points (f'(c) = 0) and inflection points (f'' changes sign) of f on an interval, found
/// from finite differences only:
///   1. sample the central difference D_h f on a grid;
///   2. a sign change of D_h f between neighbours brackets a root, refined by bisection; a local
///      minimum of |D_h f| that touches zero without a sign change (x^3 at 0) is refined by
///      golden-section search; a candidate counts only if |D_h f(c)| is tiny (poles are rejected);
///   3. classify with the second difference D²_h f(c): < 0 maximum, > 0 minimum; where it is zero to
///      within its round-off noise the test is inconclusive and the sign of D_h f on either side
///      decides (x^4 at 0 is a minimum; x^3 at 0, where the sign does not change, an inflection).
/// Inflection points are sign changes of D²_h f larger than its noise, refined by bisection.
#include <string>
#include <vector>

#include "mlplay/calculus/expression.h"

namespace mlplay {

enum class CriticalKind { maximum, minimum, inflection };
/// "max", "min" or "inflection" (the words the CLI and the page show).
const char* to_string(CriticalKind kind);

struct CriticalPoint {
  double x;
  double y;                  // f(x)
  double second_derivative;  // D²_h f(x)
  CriticalKind kind;
  /// False when f'' was zero to within noise and the first-derivative (sign) test decided.
  bool by_second_derivative;
};

struct InflectionPoint {
  double x;
  double y;      // f(x)
  double slope;  // D_h f(x)
};

struct CriticalPoints {
  std::vector<CriticalPoint> critical;
  std::vector<InflectionPoint> inflections;
  /// More than kMaxCriticalPoints of either kind: only the first kMaxCriticalPoints (from the left) are listed.
  bool truncated = false;
};

inline constexpr int kMaxCriticalPoints = 50;

/// Searches [from, to] on a grid of `grid` intervals (finer grids find points closer together).
CriticalPoints find_critical_points(const Expression& f, double from, double to, int grid = 4000);

}  // namespace mlplay
