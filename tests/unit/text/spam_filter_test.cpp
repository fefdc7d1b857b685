#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "mlplay/core/error.h"
#include "mlplay/text/spam_filter.h"

using namespace mlplay::text;

namespace {
/// 40 messages: spam about free money and prizes, ham about meetings and code.
std::vector<LabeledText> toy_corpus() {
  const char* spam[] = {"free money now", "claim your free prize", "win money fast click here", "free prize click now",
                        "cheap money offer click"};
  const char* ham[] = {"meeting on thursday", "the code review notes", "lunch with the team on friday", "patch for the build",
                       "notes from the meeting"};
  std::vector<LabeledText> corpus;
  for (int copy = 0; copy < 4; ++copy) {
    for (const char* s : spam) corpus.push_back({s, kSpam});
    for (const char* h : ham) corpus.push_back({h, kHam});
  }
  return corpus;
}
}  // namespace

TEST_CASE("binary_metrics counts the confusion matrix with spam as positive", "[text]") {
  const BinaryMetrics m = binary_metrics({1, 1, 1, 0, 0, 0, 0, 1}, {1, 1, 0, 0, 0, 1, 0, 1});
  REQUIRE(m.tp == 3);
  REQUIRE(m.fn == 1);
  REQUIRE(m.fp == 1);
  REQUIRE(m.tn == 3);
  REQUIRE(m.accuracy == Approx(0.75));
  REQUIRE(m.precision == Approx(0.75));
  REQUIRE(m.recall == Approx(0.75));
  REQUIRE(m.f1 == Approx(0.75));
  const BinaryMetrics none = binary_metrics({0, 0}, {0, 0});  // nothing flagged: precision undefined → 0
  REQUIRE(none.precision == 0);
  REQUIRE(none.f1 == 0);
  REQUIRE(none.accuracy == 1);
  REQUIRE_THROWS_WITH(binary_metrics({0}, {0, 1}), Catch::Contains("1 true labels but 2 predictions"));
}

TEST_CASE("SpamFilter holds out a stratified 20% and classifies the toy corpus", "[text]") {
  SpamFilter filter(toy_corpus(), {.test_fraction = 0.2, .seed = 1, .alpha = 1});
  REQUIRE(filter.test_indices().size() == 8);
  REQUIRE(filter.train_count(kSpam) == 16);
  REQUIRE(filter.train_count(kHam) == 16);
  const auto e = filter.evaluate();
  REQUIRE(e.metrics.tp + e.metrics.fn == 4);  // stratified: half the held-out messages are spam
  REQUIRE(e.metrics.accuracy == 1.0);
  // the vocabulary comes from the training messages only
  for (const size_t i : filter.train_indices()) {
    for (const size_t j : filter.test_indices()) REQUIRE(i != j);
  }
  const Classification c = filter.classify("FREE MONEY!!! Click here to claim your prize");
  REQUIRE(c.label == kSpam);
  REQUIRE(c.p_spam > 0.99);
  REQUIRE(c.unknown_tokens == 4);  // "!" ×3 and "to" never appear in training
  REQUIRE(c.words.front().log_ratio > 0);
  // the scores decompose: score_spam − score_ham = prior difference + Σ count × log ratio
  double pushes = 0;
  for (const auto& w : c.words) pushes += w.count * w.log_ratio;
  REQUIRE(c.score_spam - c.score_ham == Approx(c.log_prior_spam - c.log_prior_ham + pushes));
  REQUIRE(c.p_spam == Approx(1 / (1 + std::exp(c.score_ham - c.score_spam))));
  const Classification h = filter.classify("Can we move the meeting to Thursday?");
  REQUIRE(h.label == kHam);
  REQUIRE(h.tokens.size() == 7);
  REQUIRE(h.tokens[4].token == "meeting");
  REQUIRE(h.tokens[4].log_ratio < 0);
}

TEST_CASE("SpamFilter word statistics, top words and the alpha sweep", "[text]") {
  SpamFilter filter(toy_corpus(), {.seed = 3});
  const WordStats free = filter.word_stats("free");
  REQUIRE(free.known);
  REQUIRE(free.ham_count == 0);
  REQUIRE(free.spam_documents > 0.4);
  REQUIRE(free.log_ratio == Approx(free.log_p_spam - free.log_p_ham));
  REQUIRE_FALSE(filter.word_stats("zebra").known);
  const auto spam_words = filter.top_words(kSpam, 3, 2);
  REQUIRE(spam_words.size() == 3);
  REQUIRE(spam_words[0].log_ratio >= spam_words[1].log_ratio);
  REQUIRE(filter.top_words(kHam, 1, 2)[0].log_ratio < 0);
  const auto sweep = filter.alpha_sweep({0.01, 1, 100});
  REQUIRE(sweep.size() == 3);
  REQUIRE(filter.alpha() == 1.0);  // left as it was
  filter.set_alpha(0.5);
  REQUIRE(filter.word_stats("free").log_p_spam != free.log_p_spam);
}

TEST_CASE("SpamFilter explains corpora it cannot use", "[text]") {
  REQUIRE_THROWS_WITH(SpamFilter({{"a", 1}, {"b", 1}, {"c", 1}, {"d", 0}}), Catch::Contains("need at least 2 spam and 2 ham"));
  REQUIRE_THROWS_WITH(SpamFilter({{"a", 1}}), Catch::Contains("need at least 4 messages"));
  REQUIRE_THROWS_WITH(SpamFilter(toy_corpus(), {.alpha = 0}), Catch::Contains("alpha"));
}

TEST_CASE("parse_spam_corpus reads the browser's corpus file", "[text]") {
  const std::string body1 = "Content-Type: text/html\n\n<b>Buy now</b>";
  const std::string body2 = "\nsee you at lunch";
  const std::string file = "spam " + std::to_string(body1.size()) + "\n" + body1 + "ham " + std::to_string(body2.size()) + "\n" + body2;
  const auto corpus = parse_spam_corpus(file);
  REQUIRE(corpus.size() == 2);
  REQUIRE(corpus[0].label == kSpam);
  REQUIRE(corpus[0].text == " Buy now ");
  REQUIRE(corpus[1].label == kHam);
  REQUIRE(corpus[1].text == "see you at lunch");
  REQUIRE(parse_spam_corpus("").empty());
  REQUIRE_THROWS_WITH(parse_spam_corpus("spam 100\nshort"), Catch::Contains("record 1 needs 100 bytes but only 5"));
  REQUIRE_THROWS_WITH(parse_spam_corpus("eggs 3\nabc"), Catch::Contains("expected 'ham N' or 'spam N'"));
  REQUIRE_THROWS_WITH(parse_spam_corpus("ham x\n"), Catch::Contains("bad length 'x'"));
}
