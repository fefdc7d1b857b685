#include "mlplay/calculus/expression.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "expression_parser.h"
#include "jet.h"

namespace mlplay {
namespace {

using Op = Expression::Op;

/// The shortest decimal that reads back as the same double.
std::string format_number(double value) {
  char buffer[32];
  // Whole numbers in full: 100, not the equally exact "1e+02".
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

double apply(Op op, double a) {
  switch (op) {
    case Op::neg: return -a;
    case Op::sin: return std::sin(a);
    case Op::cos: return std::cos(a);
    case Op::tan: return std::tan(a);
    case Op::exp: return std::exp(a);
    case Op::log: return std::log(a);  // NaN below 0, -inf at 0
    case Op::sqrt: return std::sqrt(a);
    case Op::abs: return std::fabs(a);
    default: return NAN;
  }
}
calculus::Jet apply(Op op, const calculus::Jet& a) {
  switch (op) {
    case Op::neg: return -a;
    case Op::sin: return calculus::sin(a);
    case Op::cos: return calculus::cos(a);
    case Op::tan: return calculus::tan(a);
    case Op::exp: return calculus::exp(a);
    case Op::log: return calculus::log(a);
    case Op::sqrt: return calculus::sqrt(a);
    case Op::abs: return calculus::abs(a);
    default: return calculus::Jet::constant(NAN);
  }
}
double power(double a, double b) { return std::pow(a, b); }
calculus::Jet power(const calculus::Jet& a, const calculus::Jet& b) { return calculus::pow(a, b); }
double constant(double value, double) { return value; }
calculus::Jet constant(double value, const calculus::Jet&) { return calculus::Jet::constant(value); }

}  // namespace

Expression::Expression(std::string text, std::vector<Instruction> program, size_t stack_size, Variables variables)
    : text_(std::move(text)), program_(std::move(program)), stack_size_(stack_size), variables_(variables) {}

std::variant<Expression, ExpressionProblem> Expression::try_parse(std::string_view text, Variables variables) {
  if (text.size() > kMaxLength) {
    return ExpressionProblem{"expression: too long (" + std::to_string(text.size()) + " characters; at most " +
                                 std::to_string(kMaxLength) + ")",
                             kMaxLength + 1};
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return ExpressionProblem{variables == Variables::xy ? "expression: empty; type a function of x and y such as x^2 + 3*y^2"
                                                        : "expression: empty; type a function of x such as x^3 - 3*x + 1",
                             1};
  }
  std::vector<Instruction> program;
  size_t stack_size = 0;
  ExpressionProblem problem;
  if (!calculus::parse_program(text, program, stack_size, problem, variables == Variables::xy)) return problem;
  return Expression(std::string(text), std::move(program), stack_size, variables);
}

Expression Expression::parse(std::string_view text, Variables variables) {
  auto parsed = try_parse(text, variables);
  if (auto* problem = std::get_if<ExpressionProblem>(&parsed)) throw ExpressionError(problem->message, problem->position);
  return std::get<Expression>(std::move(parsed));
}

template <typename T>
T Expression::evaluate(const T& x, const T& y) const {
  std::vector<T> stack;
  stack.reserve(stack_size_);
  for (const auto& instruction : program_) {
    switch (instruction.op) {
      case Op::number: stack.push_back(constant(instruction.value, x)); break;
      case Op::variable: stack.push_back(instruction.name == 1 ? y : x); break;
      case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::pow: {
        const T b = stack.back();
        stack.pop_back();
        T& a = stack.back();
        if (instruction.op == Op::add) a = a + b;
        else if (instruction.op == Op::sub) a = a - b;
        else if (instruction.op == Op::mul) a = a * b;
        else if (instruction.op == Op::div) a = a / b;
        else a = power(a, b);
        break;
      }
      default: stack.back() = apply(instruction.op, stack.back());
    }
  }
  return stack.back();
}

double Expression::operator()(double x) const { return evaluate(x, 0.0); }

double Expression::operator()(double x, double y) const { return evaluate(x, y); }

Derivatives Expression::derivatives(double x) const {
  // y, absent from a one-variable expression, is a constant.
  Derivatives d = evaluate(calculus::Jet::variable(x), calculus::Jet::constant(0.0)).d;
  // Where f itself is undefined (log of a negative: the jet still carries 1/x), so are its derivatives.
  if (!std::isfinite(d[0])) d = {d[0], NAN, NAN, NAN};
  return d;
}

Gradient2 Expression::gradient(double x, double y) const {
  // Forward mode gives one directional derivative per sweep: seed x (dx = 1, dy = 0), then y.
  const calculus::Jet along_x = evaluate(calculus::Jet::variable(x), calculus::Jet::constant(y));
  const calculus::Jet along_y = evaluate(calculus::Jet::constant(x), calculus::Jet::variable(y));
  const double f = along_x.d[0];
  if (!std::isfinite(f)) return {f, NAN, NAN};
  return {f, along_x.d[1], along_y.d[1]};
}

std::string Expression::to_string() const {
  // Rebuild text from the postfix program; each entry remembers its precedence so that only the
  // parentheses the grammar needs are written. 1: + -, 2: * /, 3: unary -, 4: ^, 5: atoms and calls.
  struct Part {
    std::string text;
    int precedence;
  };
  std::vector<Part> stack;
  auto wrap = [](const Part& part, bool parens) { return parens ? "(" + part.text + ")" : part.text; };
  for (const auto& instruction : program_) {
    switch (instruction.op) {
      case Op::number: {
        const char* names[] = {"", "pi", "e"};
        const std::string text = instruction.name ? names[instruction.name] : format_number(instruction.value);
        stack.push_back({text, 5});
        break;
      }
      case Op::variable: stack.push_back({instruction.name == 1 ? "y" : "x", 5}); break;
      case Op::add: case Op::sub: case Op::mul: case Op::div: case Op::pow: {
        const Part b = stack.back();
        stack.pop_back();
        const Part a = stack.back();
        stack.pop_back();
        const Op op = instruction.op;
        const int precedence = op == Op::add || op == Op::sub ? 1 : op == Op::pow ? 4 : 2;
        const char* symbol = op == Op::add ? " + " : op == Op::sub ? " - " : op == Op::mul ? "*" : op == Op::div ? "/" : "^";
        const bool left = op == Op::pow ? a.precedence <= precedence : a.precedence < precedence;
        const bool right = op == Op::pow ? b.precedence < precedence
                                         : b.precedence < precedence || (b.precedence == precedence && (op == Op::sub || op == Op::div)) ||
                                               (b.precedence == 3 && op != Op::add);
        stack.push_back({wrap(a, left) + symbol + wrap(b, right), precedence});
        break;
      }
      case Op::neg: {
        const Part a = stack.back();
        std::string text = "-";
        text += wrap(a, a.precedence < 3);
        stack.back() = {text, 3};
        break;
      }
      default: {
        const char* names[] = {"", "", "", "", "", "", "", "", "sin", "cos", "tan", "exp", "log", "sqrt", "abs"};
        stack.back() = {std::string(names[static_cast<int>(instruction.op)]) + "(" + stack.back().text + ")", 5};
      }
    }
  }
  return stack.back().text;
}

}  // namespace mlplay
