#pragma once
/// The spam filter of the spam-filter lesson and `mlplay spam`: e-mail bodies → tokens → multinomial
/// naive Bayes (naive_bayes.h), a stratified held-out split, the confusion matrix, and the words that
/// push one message towards spam or ham. Label 1 is spam (the positive class), 0 is ham.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mlplay/text/naive_bayes.h"
#include "mlplay/text/tokenizer.h"

namespace mlplay::text {

inline constexpr int kHam = 0, kSpam = 1;

struct LabeledText {
  std::string text;
  int label = kHam;
};

/// Reads the browser's corpus file (after gunzip): records of one line "ham N" or "spam N" followed by
/// N bytes of message (strip_headers output, see email.h). Returns each message's readable text
/// (email_text). Throws IOError naming the record when the file is malformed or cut short.
std::vector<LabeledText> parse_spam_corpus(std::string_view bytes);

/// Spam is positive: tp = spam caught, fp = ham flagged as spam, fn = spam let through. Counted
/// and scored by metrics/metrics.h's confusion matrix (sklearn's conventions).
struct BinaryMetrics {
  size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;  // precision/recall/F1 are 0 when undefined
};
BinaryMetrics binary_metrics(const std::vector<int>& truth, const std::vector<int>& predicted);

/// What the model learned about one word.
struct WordStats {
  std::string word;
  bool known = false;  // seen in training
  double spam_count = 0, ham_count = 0;          // occurrences in training spam / ham
  double spam_documents = 0, ham_documents = 0;  // fraction of training spam / ham messages containing it
  double log_p_spam = 0, log_p_ham = 0;          // log P(w | spam), log P(w | ham) with the current alpha
  double log_ratio = 0;                          // log P(w | spam) − log P(w | ham)
  double count = 0;                              // occurrences in the classified text (classify only)
};

/// One token of a classified text, where it is, and its push (log_ratio; 0 when unknown).
struct TokenScore {
  std::string token;
  size_t begin = 0, end = 0;
  bool known = false;
  double log_ratio = 0;
};

struct Classification {
  int label = kHam;
  double p_spam = 0;
  /// log P(c) + Σ log P(w | c) for ham and spam, and the priors alone.
  double score_ham = 0, score_spam = 0, log_prior_ham = 0, log_prior_spam = 0;
  size_t known_tokens = 0, unknown_tokens = 0;
  std::vector<TokenScore> tokens;
  /// Distinct known words, strongest total push (count × log_ratio) first.
  std::vector<WordStats> words;
};

struct SpamFilterOptions {
  double test_fraction = 0.2;
  uint64_t seed = 1;
  double alpha = 1.0;
};

/// Tokenizes a corpus, holds out a stratified test_fraction (data/table.h's train_test_split with
/// `seed`), builds the vocabulary from the training messages only and counts.
class SpamFilter {
 public:
  explicit SpamFilter(std::vector<LabeledText> corpus, const SpamFilterOptions& options = {});

  void set_alpha(double alpha) { model_.set_alpha(alpha); }
  double alpha() const { return model_.alpha(); }
  const MultinomialNaiveBayes& model() const { return model_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

  size_t size() const { return corpus_.size(); }
  const LabeledText& message(size_t index) const { return corpus_.at(index); }
  const std::vector<size_t>& train_indices() const { return train_; }
  const std::vector<size_t>& test_indices() const { return test_; }
  /// Training messages of each class.
  size_t train_count(int label) const { return static_cast<size_t>(model_.document_count(label)); }

  struct Evaluation {
    BinaryMetrics metrics;
    /// For each test message (test_indices() order): P(spam | message) and the predicted label.
    std::vector<double> p_spam;
    std::vector<int> predicted;
  };
  Evaluation evaluate() const;
  /// Test metrics for each alpha (the model's alpha is left as it was).
  std::vector<BinaryMetrics> alpha_sweep(const std::vector<double>& alphas);

  Classification classify(std::string_view text) const;
  WordStats word_stats(std::string_view word) const;
  /// The k words with the largest log_ratio towards `label` among words seen in at least
  /// `min_documents` training messages (rarer words have ratios that are mostly noise).
  std::vector<WordStats> top_words(int label, size_t k, size_t min_documents) const;

 private:
  std::vector<LabeledText> corpus_;
  std::vector<size_t> train_, test_;
  Vocabulary vocabulary_;
  std::vector<Document> test_documents_;
  MultinomialNaiveBayes model_;
};

}  // namespace mlplay::text
