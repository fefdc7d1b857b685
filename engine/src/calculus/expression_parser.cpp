// The parser behind Expression::try_parse: a tokenizer and a recursive-descent parser that emit a
// postfix program. Errors are returned, not thrown: the first problem and its character position.
#include "expression_parser.h"

#include <algorithm>
#include <cstdlib>
#include <numbers>

namespace mlplay::calculus {
namespace {

using Op = Expression::Op;

enum class TokenKind { number, name, plus, minus, times, divide, power, open, close, end };

struct Token {
  TokenKind kind;
  std::string text;  // as typed (for messages)
  size_t position;   // 1-based character index
  double value = 0;  // numbers
};

std::string describe(const Token& token) {
  if (token.kind == TokenKind::end) return "the end of the expression";
  if (token.kind == TokenKind::number) return "the number '" + token.text + "'";
  if (token.kind == TokenKind::name) return "'" + token.text + "'";
  return "'" + token.text + "'";
}

/// Records the first problem found. The parser reports errors by returning false rather than by
/// throwing, so a typo costs no exception (and the check works the same in every wasm build).
struct Problems {
  ExpressionProblem first;
  bool failed(const std::string& what, size_t position) {
    if (first.message.empty()) first = {"expression: " + what, position};
    return false;
  }
};

/// Splits the text into tokens. Positions count characters (UTF-8 code points), from 1.
/// Returns false (with the problem recorded) on a character that cannot start a token.
bool tokenize(std::string_view text, std::vector<Token>& tokens, Problems& problems) {
  size_t i = 0;
  size_t position = 1;
  auto is_digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  auto is_letter = [&](size_t k) {
    return k < text.size() && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z') || text[k] == '_');
  };
  while (i < text.size()) {
    const char c = text[i];
    const size_t start = i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      ++position;
      continue;
    }
    if (is_digit(i) || (c == '.' && is_digit(i + 1))) {
      while (is_digit(i)) ++i;
      if (i < text.size() && text[i] == '.') {
        ++i;
        while (is_digit(i)) ++i;
      }
      // an exponent only when digits follow: "2e3" is 2000, "2e" is 2·e, "2ex" is 2·ex (unknown name)
      if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        size_t k = i + 1;
        if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
        if (is_digit(k)) {
          i = k;
          while (is_digit(i)) ++i;
        }
      }
      Token token{TokenKind::number, std::string(text.substr(start, i - start)), position};
      token.value = std::strtod(token.text.c_str(), nullptr);
      if (i < text.size() && text[i] == '.') {
        return problems.failed("malformed number '" + token.text + ".' at position " + std::to_string(position), position);
      }
      tokens.push_back(token);
      position += i - start;
      continue;
    }
    if (is_letter(i)) {
      while (is_letter(i) || is_digit(i)) ++i;
      tokens.push_back({TokenKind::name, std::string(text.substr(start, i - start)), position});
      position += i - start;
      continue;
    }
    TokenKind kind;
    size_t length = 1;
    const auto rest = text.substr(i);
    if (c == '+') kind = TokenKind::plus;
    else if (c == '-') kind = TokenKind::minus;
    else if (rest.starts_with("**")) kind = TokenKind::power, length = 2;
    else if (c == '*') kind = TokenKind::times;
    else if (c == '/') kind = TokenKind::divide;
    else if (c == '^') kind = TokenKind::power;
    else if (c == '(' || c == '[') kind = TokenKind::open;
    else if (c == ')' || c == ']') kind = TokenKind::close;
    else if (rest.starts_with("\u2212")) kind = TokenKind::minus, length = 3;  // −
    else if (rest.starts_with("\u00d7")) kind = TokenKind::times, length = 2;  // ×
    else if (rest.starts_with("\u00b7")) kind = TokenKind::times, length = 2;  // ·
    else if (rest.starts_with("\u22c5")) kind = TokenKind::times, length = 3;  // ⋅
    else if (rest.starts_with("\u00f7")) kind = TokenKind::divide, length = 2;  // ÷
    else {
      // one whole UTF-8 character, for the message
      size_t n = 1;
      while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
      return problems.failed("unexpected character '" + std::string(text.substr(i, n)) + "' at position " + std::to_string(position),
                             position);
    }
    tokens.push_back({kind, std::string(text.substr(i, length)), position});
    i += length;
    ++position;
  }
  tokens.push_back({TokenKind::end, "", position});
  return true;
}

struct FunctionName {
  const char* name;
  Op op;
};
constexpr FunctionName kFunctions[] = {{"sin", Op::sin},   {"cos", Op::cos},   {"tan", Op::tan}, {"exp", Op::exp},
                                       {"log", Op::log},   {"ln", Op::log},    {"sqrt", Op::sqrt}, {"abs", Op::abs}};
constexpr const char* kNamesHelp = "use x, pi, e, sin, cos, tan, exp, log, sqrt or abs";
constexpr const char* kNamesHelpXY = "use x, y, pi, e, sin, cos, tan, exp, log, sqrt or abs";

/// Recursive descent over the tokens, emitting a postfix program. Every rule returns false as soon
/// as something is wrong; the first problem is kept in `problems`.
class Parser {
 public:
  Parser(std::vector<Token> tokens, Problems& problems, bool allow_y)
      : tokens_(std::move(tokens)), problems_(problems), allow_y_(allow_y) {}

  bool parse(std::vector<Expression::Instruction>& program, size_t& stack_size) {
    if (!expression()) return false;
    const Token& extra = peek();
    if (extra.kind == TokenKind::close) return failed("unmatched ')' at position " + std::to_string(extra.position), extra.position);
    if (extra.kind != TokenKind::end) {
      return failed("unexpected " + describe(extra) + " at position " + std::to_string(extra.position) + "; expected an operator",
                    extra.position);
    }
    stack_size = max_stack_;
    program = std::move(program_);
    return true;
  }

 private:
  const Token& peek() const { return tokens_[next_]; }
  const Token& take() { return tokens_[next_++]; }
  bool failed(const std::string& what, size_t position) { return problems_.failed(what, position); }

  void emit(Op op, double value = 0, int name = 0) {
    program_.push_back({op, value, name});
    if (op == Op::number || op == Op::variable) {
      max_stack_ = std::max(max_stack_, ++stack_);
    } else if (op == Op::add || op == Op::sub || op == Op::mul || op == Op::div || op == Op::pow) {
      --stack_;
    }
  }

  /// One level deeper (parentheses, a unary sign, an exponent) for the lifetime of the guard.
  struct Deeper {
    int& depth;
    explicit Deeper(int& d) : depth(++d) {}
    ~Deeper() { --depth; }
  };
  bool too_deep(size_t position) {
    if (depth_ <= Expression::kMaxDepth) return false;
    failed("nested more than " + std::to_string(Expression::kMaxDepth) + " levels deep at position " + std::to_string(position), position);
    return true;
  }

  bool expression() {
    Deeper deeper(depth_);
    if (too_deep(peek().position) || !term()) return false;
    while (peek().kind == TokenKind::plus || peek().kind == TokenKind::minus) {
      const Op op = take().kind == TokenKind::plus ? Op::add : Op::sub;
      if (!term()) return false;
      emit(op);
    }
    return true;
  }

  /// Does the next token start a factor that may follow another with the * left out (2x, 3(x+1))?
  bool starts_implicit_factor() const { return peek().kind == TokenKind::name || peek().kind == TokenKind::open; }

  bool term() {
    if (!unary()) return false;
    for (;;) {
      if (peek().kind == TokenKind::times || peek().kind == TokenKind::divide) {
        const Op op = take().kind == TokenKind::times ? Op::mul : Op::div;
        if (!unary()) return false;
        emit(op);
      } else if (starts_implicit_factor()) {
        if (!power()) return false;
        emit(Op::mul);
      } else if (peek().kind == TokenKind::number) {
        const Token& number = peek();
        return failed("unexpected number '" + number.text + "' at position " + std::to_string(number.position) +
                          "; write an operator between the two factors",
                      number.position);
      } else {
        return true;
      }
    }
  }

  bool unary() {
    if (peek().kind == TokenKind::minus || peek().kind == TokenKind::plus) {
      const Token& sign = take();
      Deeper deeper(depth_);
      if (too_deep(sign.position) || !unary()) return false;
      if (sign.kind == TokenKind::minus) emit(Op::neg);
      return true;
    }
    return power();
  }

  bool power() {
    if (!primary()) return false;
    if (peek().kind == TokenKind::power) {
      const Token& caret = take();
      Deeper deeper(depth_);
      if (too_deep(caret.position) || !unary()) return false;  // right-associative: 2^3^2 = 2^(3^2); 2^-1 allowed
      emit(Op::pow);
    }
    return true;
  }

  bool primary() {
    const Token& token = take();
    switch (token.kind) {
      case TokenKind::number:
        emit(Op::number, token.value);
        return true;
      case TokenKind::open:
        return expression() && close(token);
      case TokenKind::name:
        return name(token);
      default:
        return failed("expected a number, x, a constant, a function or '(' at position " + std::to_string(token.position) +
                          " but found " + describe(token),
                      token.position);
    }
  }

  bool name(const Token& token) {
    if (token.text == "x") {
      emit(Op::variable);
      return true;
    }
    if (allow_y_ && token.text == "y") {
      emit(Op::variable, 0, 1);
      return true;
    }
    if (token.text == "pi" || token.text == "PI" || token.text == "Pi") {
      emit(Op::number, std::numbers::pi, 1);
      return true;
    }
    if (token.text == "e") {
      emit(Op::number, std::numbers::e, 2);
      return true;
    }
    for (const auto& function : kFunctions) {
      if (token.text != function.name) continue;
      const Token& open = take();
      if (open.kind != TokenKind::open) {
        return failed("'" + token.text + "' at position " + std::to_string(token.position) + " needs parentheses, e.g. " + token.text +
                          "(x)",
                      open.position);
      }
      if (!expression() || !close(open)) return false;
      emit(function.op);
      return true;
    }
    if (allow_y_ && token.text.find_first_not_of("xy") == std::string::npos) {
      return failed("unknown name '" + token.text + "' at position " + std::to_string(token.position) +
                        "; write a product with '*', e.g. x*y",
                    token.position);
    }
    return failed("unknown name '" + token.text + "' at position " + std::to_string(token.position) + "; " +
                      (allow_y_ ? kNamesHelpXY : kNamesHelp),
                  token.position);
  }

  bool close(const Token& open) {
    const Token& token = take();
    if (token.kind == TokenKind::close) return true;
    return failed("missing ')' at position " + std::to_string(token.position) + " to close the '(' at position " +
                      std::to_string(open.position) + " (found " + describe(token) + ")",
                  token.position);
  }

  std::vector<Token> tokens_;
  Problems& problems_;
  size_t next_ = 0;
  std::vector<Expression::Instruction> program_;
  size_t stack_ = 0;
  size_t max_stack_ = 0;
  int depth_ = 0;
  bool allow_y_;
};

}  // namespace

bool parse_program(std::string_view text, std::vector<Expression::Instruction>& program, size_t& stack_size,
                   ExpressionProblem& problem, bool allow_y) {
  Problems problems;
  std::vector<Token> tokens;
  const bool ok = tokenize(text, tokens, problems) && Parser(std::move(tokens), problems, allow_y).parse(program, stack_size);
  if (!ok) problem = problems.first;
  return ok;
}

}  // namespace mlplay::calculus
