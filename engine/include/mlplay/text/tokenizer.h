#pragma once
/// Splits text into the tokens a bag-of-words model counts. The choices, each one explained in the
/// spam-filter lesson:
///   - words are runs of ASCII letters and digits (with an apostrophe inside: "don't"), lower-cased,
///     so "FREE", "Free" and "free" are one word; bytes outside ASCII separate words;
///   - a web address (http://…, https://…, www.…) becomes the one token "<url>" and an e-mail address
///     "<email>": each address is nearly unique, so as itself it would teach nothing, while "this
///     message has a link" is a strong clue; it also keeps addresses out of the word tables;
///   - a number (digits, with , or . inside: 1,000,000 or 19.99) becomes "<number>", for the same reason;
///   - "!" and "$" are tokens of their own ("FREE!!!" is "free ! ! !"), because shouting and money are
///     clues too;
///   - a word longer than 30 characters (base64 debris, long hashes) is dropped.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mlplay::text {

struct Token {
  std::string text;
  /// Byte offsets of the token in the text it came from: [begin, end).
  size_t begin = 0, end = 0;
};

inline constexpr size_t kMaxWordLength = 30;

/// The tokens of `text` in order, with where each one was found.
std::vector<Token> tokenize(std::string_view text);

/// Just the token strings.
std::vector<std::string> tokenize_words(std::string_view text);

}  // namespace mlplay::text
