#pragma once
/// A function of one variable typed by a learner, e.g. "x^3 - 3*x + 1" or "sin(x) / x" — or, parsed
/// with Variables::xy, of two variables, e.g. "x^2 + 3*y^2" (for the gradient-descent lesson).
///
/// A small, safe recursive-descent parser (no eval, bounded length and nesting) turns the text into a
/// postfix program that is evaluated on doubles, or on truncated Taylor "jets" to get exact first,
/// second and third derivatives by forward-mode automatic differentiation (the reference the
/// numerical derivatives of the derivatives lesson are measured against).
///
/// Grammar (precedence from low to high; ^ is right-associative and binds tighter than unary minus,
/// so -x^2 = -(x^2) and 2^-1 = 0.5):
///   expression := term (('+' | '-') term)*
///   term       := unary (('*' | '/') unary | implicit product)*     implicit: 2x, 3(x+1), x sin(x)
///   unary      := ('-' | '+') unary | power
///   power      := primary (('^' | '**') unary)?
///   primary    := number | x | pi | e | function '(' expression ')' | '(' expression ')'
///                 (and y, when parsed with Variables::xy)
/// Functions: sin cos tan exp log (natural; ln too) sqrt abs. Unicode − × ÷ · are accepted.
/// Results outside a function's domain (log of a negative, 1/0) are NaN or ±inf, never an error.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mlplay/core/error.h"

namespace mlplay {

/// A malformed expression. `position()` is the 1-based character (not byte) where the problem is.
class ExpressionError : public ValueError {
 public:
  ExpressionError(const std::string& message, size_t position) : ValueError(message), position_(position) {}
  size_t position() const { return position_; }

 private:
  size_t position_;
};

/// What is wrong with a malformed expression, as a plain value (no exception needed).
struct ExpressionProblem {
  std::string message;  // "expression: unknown name 'y' at position 5; use x, pi, e, …"
  size_t position = 0;  // 1-based character
};

/// f and its first three derivatives at one point: {f, f', f'', f'''}.
using Derivatives = std::array<double, 4>;
/// f(x, y) and its gradient at one point: {f, df/dx, df/dy}.
using Gradient2 = std::array<double, 3>;

class Expression {
 public:
  static constexpr size_t kMaxLength = 1000;  // characters
  static constexpr int kMaxDepth = 64;        // nested parentheses / unary operators

  /// The variables an expression may use: x alone (the default), or x and y.
  enum class Variables : unsigned char { x, xy };

  /// Parses `text`; throws ExpressionError ("expression: unmatched ')' at position 7").
  static Expression parse(std::string_view text, Variables variables = Variables::x);
  /// Parses `text` without throwing: the expression, or the first problem and its position.
  static std::variant<Expression, ExpressionProblem> try_parse(std::string_view text, Variables variables = Variables::x);

  /// f(x). NaN or ±inf where f is undefined; never throws.
  double operator()(double x) const;
  /// {f(x), f'(x), f''(x), f'''(x)} exactly (to rounding), by forward-mode automatic differentiation.
  /// All but f are NaN where f(x) is not finite.
  Derivatives derivatives(double x) const;

  /// f(x, y) (a one-variable expression ignores y). NaN or ±inf where f is undefined; never throws.
  double operator()(double x, double y) const;
  /// {f, df/dx, df/dy} exactly (to rounding): the program evaluated twice on jets, seeded once on x
  /// and once on y. The partial derivatives are NaN where f(x, y) is not finite.
  Gradient2 gradient(double x, double y) const;
  Variables variables() const { return variables_; }

  /// The expression as the parser read it, with explicit operators and only the needed parentheses:
  /// "2x^2" -> "2*x^2", "-x^2" -> "-x^2", "(-x)^2" -> "(-x)^2".
  std::string to_string() const;
  const std::string& text() const { return text_; }

  enum class Op : unsigned char { number, variable, add, sub, mul, div, pow, neg, sin, cos, tan, exp, log, sqrt, abs };
  struct Instruction {
    Op op;
    double value;  // for Op::number
    int name;      // for Op::number: 0 plain, 1 pi, 2 e (printing only); for Op::variable: 0 x, 1 y
  };

 private:
  Expression(std::string text, std::vector<Instruction> program, size_t stack_size, Variables variables);
  template <typename T>
  T evaluate(const T& x, const T& y) const;

  std::string text_;
  std::vector<Instruction> program_;  // postfix
  size_t stack_size_;
  Variables variables_ = Variables::x;
};

}  // namespace mlplay
