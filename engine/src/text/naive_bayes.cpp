#include "mlplay/text/naive_bayes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "mlplay/core/error.h"

namespace mlplay::text {

int Vocabulary::add(std::string_view word) {
  const auto [it, added] = ids_.try_emplace(std::string(word), static_cast<int>(words_.size()));
  if (added) words_.emplace_back(word);
  return it->second;
}

int Vocabulary::find(std::string_view word) const {
  const auto it = ids_.find(std::string(word));
  return it == ids_.end() ? -1 : it->second;
}

MultinomialNaiveBayes::MultinomialNaiveBayes(double alpha) : alpha_(1.0) { set_alpha(alpha); }

void MultinomialNaiveBayes::set_alpha(double alpha) {
  check<ValueError>(std::isfinite(alpha) && alpha > 0, "MultinomialNaiveBayes: alpha must be a positive number, got ", alpha,
                    " (alpha = 0 gives an unseen word probability 0 and a log of minus infinity)");
  alpha_ = alpha;
}

void MultinomialNaiveBayes::fit(const std::vector<Document>& documents, const std::vector<int>& labels, int num_classes,
                                size_t vocabulary_size) {
  check<ValueError>(documents.size() == labels.size(), "MultinomialNaiveBayes.fit: ", documents.size(), " documents but ",
                    labels.size(), " labels");
  check<ValueError>(num_classes >= 2, "MultinomialNaiveBayes.fit: need at least 2 classes, got ", num_classes);
  check<ValueError>(vocabulary_size > 0, "MultinomialNaiveBayes.fit: the vocabulary is empty (no document has a word)");
  const auto classes = static_cast<size_t>(num_classes);
  vocabulary_size_ = vocabulary_size;
  documents_.assign(classes, 0.0);
  totals_.assign(classes, 0.0);
  counts_.assign(classes, std::vector<double>(vocabulary_size, 0.0));
  document_frequency_.assign(classes, std::vector<double>(vocabulary_size, 0.0));
  std::vector<size_t> last_seen(vocabulary_size, SIZE_MAX);  // document index that last counted the word
  for (size_t d = 0; d < documents.size(); ++d) {
    const int label = labels[d];
    check<ValueError>(label >= 0 && label < num_classes, "MultinomialNaiveBayes.fit: document ", d, " has label ", label,
                      "; expected 0 to ", num_classes - 1);
    const auto c = static_cast<size_t>(label);
    documents_[c] += 1;
    for (const int word : documents[d]) {
      if (word < 0) continue;
      check<ValueError>(static_cast<size_t>(word) < vocabulary_size, "MultinomialNaiveBayes.fit: document ", d, " has word id ",
                        word, " outside the vocabulary of ", vocabulary_size);
      const auto w = static_cast<size_t>(word);
      counts_[c][w] += 1;
      totals_[c] += 1;
      if (last_seen[w] != d) document_frequency_[c][w] += 1, last_seen[w] = d;
    }
  }
  for (size_t c = 0; c < classes; ++c) {
    check<ValueError>(documents_[c] > 0, "MultinomialNaiveBayes.fit: class ", c, " has no training documents");
  }
}

void MultinomialNaiveBayes::check_fitted(const char* where) const {
  check<ValueError>(!documents_.empty(), "MultinomialNaiveBayes.", where, ": call fit() first");
}

double MultinomialNaiveBayes::class_log_prior(int c) const {
  check_fitted("class_log_prior");
  double all = 0;
  for (const double n : documents_) all += n;
  return std::log(documents_.at(static_cast<size_t>(c)) / all);
}

double MultinomialNaiveBayes::feature_log_prob(int c, int word) const {
  check_fitted("feature_log_prob");
  const auto k = static_cast<size_t>(c);
  return std::log((counts_.at(k).at(static_cast<size_t>(word)) + alpha_) /
                  (totals_[k] + alpha_ * static_cast<double>(vocabulary_size_)));
}

double MultinomialNaiveBayes::log_likelihood_ratio(int word, int positive, int negative) const {
  return feature_log_prob(positive, word) - feature_log_prob(negative, word);
}

std::vector<double> MultinomialNaiveBayes::joint_log_likelihood(const Document& document) const {
  check_fitted("joint_log_likelihood");
  std::vector<double> scores(documents_.size());
  for (size_t c = 0; c < scores.size(); ++c) {
    // Σ log((n_cw + α) / (N_c + α|V|)) = Σ log(n_cw + α) − tokens · log(N_c + α|V|)
    const double denominator = std::log(totals_[c] + alpha_ * static_cast<double>(vocabulary_size_));
    double score = class_log_prior(static_cast<int>(c));
    for (const int word : document) {
      if (word < 0 || static_cast<size_t>(word) >= vocabulary_size_) continue;
      score += std::log(counts_[c][static_cast<size_t>(word)] + alpha_) - denominator;
    }
    scores[c] = score;
  }
  return scores;
}

std::vector<double> MultinomialNaiveBayes::predict_proba(const Document& document) const {
  std::vector<double> p = joint_log_likelihood(document);
  const double top = *std::max_element(p.begin(), p.end());
  double sum = 0;
  for (double& v : p) sum += (v = std::exp(v - top));
  for (double& v : p) v /= sum;
  return p;
}

int MultinomialNaiveBayes::predict(const Document& document) const {
  const std::vector<double> scores = joint_log_likelihood(document);
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

}  // namespace mlplay::text
