// Byte-level BPE: chunking, training, exact round trips (any bytes), JSON.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "mlplay/core/error.h"
#include "mlplay/core/random.h"
#include "mlplay/gpt/tokenizer.h"

using namespace mlplay;
using namespace mlplay::gpt;

namespace {

const char* kText =
    "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want "
    "of a wife. However little known the feelings or views of such a man may be on his first entering a "
    "neighbourhood, this truth is so well fixed in the minds of the surrounding families, that he is considered "
    "the rightful property of some one or other of their daughters.\n\n\"My dear Mr. Bennet,\" said his lady to "
    "him one day, \"have you heard that Netherfield Park is let at last?\"\n";

}  // namespace

TEST_CASE("split_chunks: words keep one leading space, whitespace runs leave the last space to the next word", "[gpt]") {
  const std::vector<std::string_view> chunks = split_chunks("Hello, world!  Yes\n\nNo 42.");
  const std::vector<std::string_view> expected = {"Hello", ",", " world", "!", " ", " Yes", "\n\n", "No", " 42", "."};
  CHECK(chunks == expected);
}

TEST_CASE("BpeTokenizer: training merges frequent pairs first and is deterministic", "[gpt]") {
  const BpeTokenizer a = BpeTokenizer::train(kText, 300), b = BpeTokenizer::train(kText, 300);
  CHECK(a.merges() == b.merges());
  REQUIRE(a.vocab_size() > kFirstMerge);
  // " t" / "th" / "he" style pairs are the most frequent in English: the first merge joins two bytes.
  CHECK(a.merges()[0].first < 256);
  CHECK(a.merges()[0].second < 256);
  // Every merged token's bytes are its parts' bytes.
  for (size_t m = 0; m < a.merges().size(); ++m) {
    const auto [l, r] = a.merges()[m];
    CHECK(a.token_bytes(kFirstMerge + int32_t(m)) == a.token_bytes(l) + a.token_bytes(r));
  }
  // Tokens never cross a chunk boundary: no token holds a space after its first byte.
  for (int32_t id = kFirstMerge; id < a.vocab_size(); ++id) CHECK(a.token_bytes(id).find(' ', 1) == std::string::npos);
  // The text compresses: fewer tokens than bytes.
  CHECK(a.encode(kText).size() < std::string(kText).size() * 2 / 3);
}

TEST_CASE("BpeTokenizer: a tiny vocabulary stops when no pair repeats", "[gpt]") {
  const BpeTokenizer t = BpeTokenizer::train("abcd", 1000);
  CHECK(t.vocab_size() == kFirstMerge);  // no pair occurs twice
  CHECK_THROWS_AS(BpeTokenizer::train("abc", 100), ValueError);
}

TEST_CASE("BpeTokenizer: any UTF-8 and any invalid bytes round trip exactly", "[gpt]") {
  const BpeTokenizer t = BpeTokenizer::train(kText, 400);
  const std::vector<std::string> samples = {
      "",
      "a",
      "Hello, world!",
      "naïve café — “quoted” £5",
      "日本語のテキスト and 한국어",
      "emoji 😀🎉 and ZWJ 👩‍👩‍👧",
      std::string("invalid \xff\xfe bytes \xc3 cut \xe2\x82 off"),
      std::string("\x00\x01\x02 nul and control", 22),
      "  many   spaces \t\ttabs\r\nCRLF",
  };
  for (const std::string& s : samples) {
    INFO(s);
    CHECK(t.decode(t.encode(s)) == s);
  }
  Generator gen(7);
  for (int trial = 0; trial < 300; ++trial) {
    std::string s(gen.randint(40), '\0');
    for (char& c : s) c = static_cast<char>(gen.randint(256));
    CHECK(t.decode(t.encode(s)) == s);
  }
}

TEST_CASE("BpeTokenizer: the start token decodes to nothing and bad ids throw", "[gpt]") {
  const BpeTokenizer t = BpeTokenizer::train(kText, 300);
  CHECK(t.decode({kStartToken}).empty());
  CHECK_THROWS_AS(t.decode({t.vocab_size()}), ValueError);
  CHECK_THROWS_AS(t.decode({-1}), ValueError);
}

TEST_CASE("BpeTokenizer: JSON round trip, and malformed JSON is refused", "[gpt]") {
  const BpeTokenizer t = BpeTokenizer::train(kText, 350);
  const BpeTokenizer u = BpeTokenizer::from_json(t.to_json());
  CHECK(u.merges() == t.merges());
  CHECK(u.encode(kText) == t.encode(kText));
  CHECK_THROWS_AS(BpeTokenizer::from_json("{"), ValueError);
  CHECK_THROWS_AS(BpeTokenizer::from_json(R"({"type": "byte-bpe", "start_token": 256, "merges": [[300, 1]]})"), ValueError);
  CHECK_THROWS_WITH(BpeTokenizer::from_json(R"({"type": "wordpiece"})"), Catch::Contains("byte-bpe"));
}

TEST_CASE("sanitize_utf8 and complete_utf8_prefix", "[gpt]") {
  CHECK(sanitize_utf8("ok") == "ok");
  CHECK(sanitize_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(sanitize_utf8("\xe2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(sanitize_utf8("€") == "€");
  CHECK(complete_utf8_prefix("ab") == 2);
  CHECK(complete_utf8_prefix("a\xe2\x82") == 1);  // € cut after 2 of 3 bytes: hold back
  CHECK(complete_utf8_prefix("a\xe2\x82\xac") == 4);
  CHECK(complete_utf8_prefix("a\xff") == 2);      // invalid: nothing to wait for
}
