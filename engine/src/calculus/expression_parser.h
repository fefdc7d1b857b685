#pragma once
// Text -> postfix program for Expression (grammar in mlplay/calculus/expression.h).
#include <string_view>
#include <vector>

#include "mlplay/calculus/expression.h"

namespace mlplay::calculus {

/// Parses `text` into `program` (postfix) and the stack depth it needs; on a malformed expression
/// returns false with the first problem ("expression: …", 1-based character position).
bool parse_program(std::string_view text, std::vector<Expression::Instruction>& program, size_t& stack_size,
                   ExpressionProblem& problem);

}  // namespace mlplay::calculus
