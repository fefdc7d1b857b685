#include "mlplay/text/tokenizer.h"

#include <cctype>

namespace mlplay::text {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
/// Characters that end an address: white space, quotes and brackets (HTML leftovers, "<a@b.c>").
bool ends_chunk(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' ||
         c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || static_cast<unsigned char>(c) >= 0x80;
}

bool starts_with_nocase(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  }
  return true;
}

/// End of the address-like chunk starting at `at`, without trailing punctuation (".", ",", "!" …).
size_t chunk_end(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && !ends_chunk(text[end])) ++end;
  while (end > at && !is_alnum(text[end - 1]) && text[end - 1] != '/') --end;
  return end;
}

/// If an e-mail address "local@domain.tld" contains position `at` (the '@'), its [begin, end).
bool email_around(std::string_view text, size_t at, size_t& begin, size_t& end) {
  auto local = [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'; };
  begin = at;
  while (begin > 0 && local(text[begin - 1])) --begin;
  while (begin < at && !is_alnum(text[begin])) ++begin;
  end = at + 1;
  bool dot = false;
  while (end < text.size() && (is_alnum(text[end]) || text[end] == '-' || (text[end] == '.' && end + 1 < text.size() && is_alnum(text[end + 1])))) {
    dot = dot || text[end] == '.';
    ++end;
  }
  return begin < at && dot;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '!' || c == '$') {
      tokens.push_back({std::string(1, c), i, i + 1});
      ++i;
      continue;
    }
    if (!is_alnum(c)) {
      ++i;
      continue;
    }
    // a web address starts at a word boundary
    if (starts_with_nocase(text, i, "http://") || starts_with_nocase(text, i, "https://") || starts_with_nocase(text, i, "www.")) {
      const size_t end = chunk_end(text, i);
      tokens.push_back({"<url>", i, end});
      i = end;
      continue;
    }
    // a word or number: letters, digits, and ' . , between them
    size_t end = i;
    bool letters = false;
    while (end < text.size()) {
      if (is_alnum(text[end])) {
        letters = letters || !is_digit(text[end]);
        ++end;
      } else if ((text[end] == '\'' || text[end] == '.' || text[end] == ',') && end + 1 < text.size() && is_alnum(text[end + 1]) &&
                 (text[end] == '\'' ? !is_digit(text[end - 1]) : is_digit(text[end - 1]) && is_digit(text[end + 1]))) {
        ++end;
      } else {
        break;
      }
    }
    if (end < text.size() && text[end] == '@') {
      size_t begin = 0, email_end = 0;
      if (email_around(text, end, begin, email_end)) {
        // the local part may have started before this word ("first.last@…"): replace those tokens
        while (!tokens.empty() && tokens.back().begin >= begin) tokens.pop_back();
        if (!tokens.empty() && tokens.back().end > begin) begin = tokens.back().end;  // "1,5a@b.com": spans never overlap
        tokens.push_back({"<email>", begin, email_end});
        i = email_end;
        continue;
      }
    }
    if (!letters) {
      tokens.push_back({"<number>", i, end});
    } else if (end - i <= kMaxWordLength) {
      std::string word(text.substr(i, end - i));
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      tokens.push_back({std::move(word), i, end});
    }
    i = end;
  }
  return tokens;
}

std::vector<std::string> tokenize_words(std::string_view text) {
  std::vector<std::string> words;
  for (auto& token : tokenize(text)) words.push_back(std::move(token.text));
  return words;
}

}  // namespace mlplay::text
