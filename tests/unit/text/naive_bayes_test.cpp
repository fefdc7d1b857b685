#include <catch2/catch.hpp>
#include <cmath>

#include "../generated/naive_bayes_golden.h"
#include "mlplay/core/error.h"
#include "mlplay/text/naive_bayes.h"
#include "mlplay/text/tokenizer.h"

using namespace mlplay::text;
namespace golden = mlplay::golden::naive_bayes;

namespace {
Document ids(Vocabulary& vocabulary, const std::string& text, bool grow) {
  Document doc;
  for (const auto& w : tokenize_words(text)) doc.push_back(grow ? vocabulary.add(w) : vocabulary.find(w));
  return doc;
}
}  // namespace

TEST_CASE("MultinomialNaiveBayes matches scikit-learn's MultinomialNB", "[text]") {
  Vocabulary vocabulary;
  std::vector<Document> documents;
  std::vector<int> labels;
  for (const auto& [text, label] : golden::kTrain) {
    documents.push_back(ids(vocabulary, text, true));
    labels.push_back(label);
  }
  REQUIRE(vocabulary.size() == golden::kWords.size());
  for (const auto& c : golden::kCases) {
    MultinomialNaiveBayes nb(c.alpha);
    nb.fit(documents, labels, 2, vocabulary.size());
    for (int k = 0; k < 2; ++k) {
      REQUIRE(nb.class_log_prior(k) == Approx(c.class_log_prior[k]).epsilon(1e-12));
      for (size_t w = 0; w < golden::kWords.size(); ++w) {
        REQUIRE(nb.feature_log_prob(k, vocabulary.find(golden::kWords[w])) == Approx(c.feature_log_prob[k][w]).epsilon(1e-12));
      }
    }
    for (size_t t = 0; t < golden::kTest.size(); ++t) {
      const Document doc = ids(vocabulary, golden::kTest[t], false);
      const auto jll = nb.joint_log_likelihood(doc);
      const auto p = nb.predict_proba(doc);
      for (int k = 0; k < 2; ++k) {
        REQUIRE(jll[k] == Approx(c.joint_log_likelihood[t][k]).epsilon(1e-12));
        REQUIRE(p[k] == Approx(c.proba[t][k]).epsilon(1e-9));
      }
      REQUIRE(nb.predict(doc) == (c.proba[t][1] > c.proba[t][0] ? 1 : 0));
    }
  }
}

TEST_CASE("MultinomialNaiveBayes: hand-computed Laplace smoothing and a new alpha without refitting", "[text]") {
  // vocabulary {a, b}; class 0 saw "a a", class 1 saw "b"
  MultinomialNaiveBayes nb(1.0);
  nb.fit({{0, 0}, {1}}, {0, 1}, 2, 2);
  REQUIRE(std::exp(nb.feature_log_prob(0, 0)) == Approx(3.0 / 4.0));  // (2 + 1) / (2 + 1·2)
  REQUIRE(std::exp(nb.feature_log_prob(0, 1)) == Approx(1.0 / 4.0));
  REQUIRE(std::exp(nb.feature_log_prob(1, 0)) == Approx(1.0 / 3.0));  // (0 + 1) / (1 + 2)
  REQUIRE(nb.log_likelihood_ratio(1) == Approx(std::log((2.0 / 3.0) / (1.0 / 4.0))));
  REQUIRE(nb.document_frequency(0, 0) == 1);  // "a a" is one document containing a
  nb.set_alpha(0.5);
  REQUIRE(std::exp(nb.feature_log_prob(0, 0)) == Approx(2.5 / 3.0));  // (2 + .5) / (2 + .5·2)
  // unseen ids (−1) are skipped: only the priors remain, equal here
  const auto p = nb.predict_proba({-1, -1});
  REQUIRE(p[0] == Approx(0.5));
}

TEST_CASE("MultinomialNaiveBayes stays finite on long documents", "[text]") {
  MultinomialNaiveBayes nb(1.0);
  nb.fit({{0}, {1}}, {0, 1}, 2, 2);
  const Document long_doc(100000, 1);  // P(d | c) underflows to 0 in plain probabilities
  const auto p = nb.predict_proba(long_doc);
  REQUIRE(std::isfinite(nb.joint_log_likelihood(long_doc)[0]));
  REQUIRE(p[1] == Approx(1.0));
  REQUIRE(p[0] >= 0.0);
}

TEST_CASE("MultinomialNaiveBayes explains bad arguments", "[text]") {
  REQUIRE_THROWS_WITH(MultinomialNaiveBayes(0.0), Catch::Contains("alpha must be a positive number, got 0"));
  MultinomialNaiveBayes nb;
  REQUIRE_THROWS_WITH(nb.set_alpha(-1), Catch::Contains("alpha"));
  REQUIRE_THROWS_WITH(nb.joint_log_likelihood({0}), Catch::Contains("call fit() first"));
  REQUIRE_THROWS_WITH(nb.fit({{0}}, {0, 1}, 2, 1), Catch::Contains("1 documents but 2 labels"));
  REQUIRE_THROWS_WITH(nb.fit({{0}, {0}}, {0, 0}, 2, 1), Catch::Contains("class 1 has no training documents"));
  REQUIRE_THROWS_WITH(nb.fit({{5}, {0}}, {0, 1}, 2, 1), Catch::Contains("word id 5 outside the vocabulary of 1"));
  REQUIRE_THROWS_WITH(nb.fit({{0}, {0}}, {0, 3}, 2, 1), Catch::Contains("label 3"));
}
