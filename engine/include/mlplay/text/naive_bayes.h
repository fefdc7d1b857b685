#pragma once
/// Multinomial naive Bayes over token counts with additive (Laplace) smoothing, the model of
/// scikit-learn's MultinomialNB (https://scikit-learn.org/stable/modules/naive_bayes.html) and of
/// Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 13:
///   log P(c)      = log(documents of class c / documents)
///   log P(w | c)  = log((count(w, c) + alpha) / (tokens of class c + alpha · |V|))
///   score(c | d)  = log P(c) + Σ_{tokens w of d} log P(w | c)
/// and P(c | d) is the softmax of the scores. Counting happens once in fit(); alpha only enters the
/// two formulas above, so a new alpha needs no recount.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mlplay::text {

/// Word ↔ id, ids in order of first appearance.
class Vocabulary {
 public:
  /// The id of `word`, adding it when new.
  int add(std::string_view word);
  /// The id of `word`, or −1 when it is not in the vocabulary.
  int find(std::string_view word) const;
  const std::string& word(int id) const { return words_.at(static_cast<size_t>(id)); }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<std::string> words_;
};

/// A document as token ids; ids < 0 (words never seen in training) are skipped everywhere.
using Document = std::vector<int>;

class MultinomialNaiveBayes {
 public:
  /// alpha > 0 (Laplace smoothing is alpha = 1; scikit-learn's default).
  explicit MultinomialNaiveBayes(double alpha = 1.0);

  /// Counts tokens per class. labels[i] in [0, num_classes); every class needs a document; every id
  /// must be < vocabulary_size.
  void fit(const std::vector<Document>& documents, const std::vector<int>& labels, int num_classes, size_t vocabulary_size);

  void set_alpha(double alpha);
  double alpha() const { return alpha_; }
  int num_classes() const { return static_cast<int>(documents_.size()); }
  size_t vocabulary_size() const { return vocabulary_size_; }

  double class_log_prior(int c) const;
  double feature_log_prob(int c, int word) const;
  /// log P(w | spam class) − log P(w | other class): how strongly one occurrence of w pushes.
  double log_likelihood_ratio(int word, int positive = 1, int negative = 0) const;

  /// The score of each class: log P(c) + Σ log P(w | c) (scikit-learn's _joint_log_likelihood).
  std::vector<double> joint_log_likelihood(const Document& document) const;
  /// P(c | d): the scores through a softmax (computed stably, subtracting the largest).
  std::vector<double> predict_proba(const Document& document) const;
  int predict(const Document& document) const;

  /// Occurrences of `word` in class c's training documents, and of all words.
  double word_count(int c, int word) const { return counts_[static_cast<size_t>(c)][static_cast<size_t>(word)]; }
  double total_count(int c) const { return totals_[static_cast<size_t>(c)]; }
  /// Training documents of class c, and how many of them contain `word` at least once.
  double document_count(int c) const { return documents_[static_cast<size_t>(c)]; }
  double document_frequency(int c, int word) const { return document_frequency_[static_cast<size_t>(c)][static_cast<size_t>(word)]; }

 private:
  void check_fitted(const char* where) const;

  double alpha_;
  size_t vocabulary_size_ = 0;
  std::vector<double> documents_, totals_;
  std::vector<std::vector<double>> counts_, document_frequency_;  // (class, word)
};

}  // namespace mlplay::text
