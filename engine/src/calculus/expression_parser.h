#pragma once
// Text -> postfix program for Expression (grammar in mlplay/calculus/expression.h).
#include <string_view>
#include <vector>

#include "mlplay/calculus/expression.h"

namespace mlplay::calculus {

/// Parses `text` into `program` (postfix) and the stack depth it needs; on a malformed expression
/// returns false with the first problem ("expression: …", 1-based character position). With
/// `allow_y` the name y is a second variable (Op::variable with name 1).
bool parse_program(std::string_view text, std::vector<Expression::Instruction>& program, size_t& stack_size,
                   ExpressionProblem& problem, bool allow_y = false);

}  // namespace mlplay::calculus
