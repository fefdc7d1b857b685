#include "mlplay/core/error.h"

namespace mlplay::detail {

std::string& last_error_message() {
  thread_local std::string message;
  return message;
}

}  // namespace mlplay::detail
