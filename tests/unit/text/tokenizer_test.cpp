#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mlplay/text/tokenizer.h"

using namespace mlplay::text;
using Words = std::vector<std::string>;

TEST_CASE("tokenize lower-cases words and keeps ! and $ as tokens", "[text]") {
  REQUIRE(tokenize_words("FREE MONEY!!! Click here") == Words{"free", "money", "!", "!", "!", "click", "here"});
  REQUIRE(tokenize_words("Don't stop, it's  mp3 time.") == Words{"don't", "stop", "it's", "mp3", "time"});
  REQUIRE(tokenize_words("$$$ cash") == Words{"$", "$", "$", "cash"});
}

TEST_CASE("tokenize normalises numbers, web and e-mail addresses", "[text]") {
  REQUIRE(tokenize_words("Only $19.99 for 1,000,000 hits") == Words{"only", "$", "<number>", "for", "<number>", "hits"});
  REQUIRE(tokenize_words("See http://example.com/a?b=1, or www.x.org.") == Words{"see", "<url>", "or", "<url>"});
  REQUIRE(tokenize_words("Write to first.last@mail.example.com today") == Words{"write", "to", "<email>", "today"});
  REQUIRE(tokenize_words("user@localhost is no address") == Words{"user", "localhost", "is", "no", "address"});
}

TEST_CASE("tokenize gives each token's byte span in the text", "[text]") {
  const std::string text = "Win $5 at http://x.io now";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() == 6);
  for (const auto& t : tokens) {
    const std::string span = text.substr(t.begin, t.end - t.begin);
    if (t.text == "<url>") REQUIRE(span == "http://x.io");
    else if (t.text == "<number>") REQUIRE(span == "5");
    else REQUIRE(span.size() == t.text.size());
  }
  REQUIRE(tokens[0].text == "win");
  REQUIRE(tokens[0].begin == 0);
  REQUIRE(tokens[0].end == 3);
}

TEST_CASE("tokenize drops over-long words and treats non-ASCII bytes as separators", "[text]") {
  REQUIRE(tokenize_words("aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ ok") == Words{"ok"});
  REQUIRE(tokenize_words("caf\xC3\xA9 ol\xE9") == Words{"caf", "ol"});
  REQUIRE(tokenize_words("").empty());
}

TEST_CASE("tokenize spans are in order and never overlap", "[text]") {
  const std::string text = "1,5a@b.com x.y@z.org!! $3 http://u.v/w?x=1 don't 12ab";
  const auto tokens = tokenize(text);
  REQUIRE(tokens.size() >= 6);
  for (size_t i = 0; i < tokens.size(); ++i) {
    REQUIRE(tokens[i].begin < tokens[i].end);
    REQUIRE(tokens[i].end <= text.size());
    if (i > 0) REQUIRE(tokens[i - 1].end <= tokens[i].begin);
  }
}
