#include "mlplay/text/spam_filter.h"

#include <algorithm>
#include <cmath>

#include "mlplay/core/error.h"
#include "mlplay/data/table.h"
#include "mlplay/metrics/metrics.h"
#include "mlplay/text/email.h"

namespace mlplay::text {

std::vector<LabeledText> parse_spam_corpus(std::string_view bytes) {
  std::vector<LabeledText> out;
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t line_end = bytes.find('\n', at);
    const size_t record = out.size() + 1;
    check<IOError>(line_end != std::string_view::npos, "parse_spam_corpus: record ", record, " has no header line");
    const std::string_view line = bytes.substr(at, line_end - at);
    const size_t space = line.find(' ');
    const std::string_view label = line.substr(0, space);
    check<IOError>(space != std::string_view::npos && (label == "ham" || label == "spam"), "parse_spam_corpus: record ", record,
                   " starts with '", line.substr(0, 40), "'; expected 'ham N' or 'spam N'");
    size_t length = 0;
    const std::string_view digits = line.substr(space + 1);
    check<IOError>(!digits.empty() && digits.size() < 10 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }),
                   "parse_spam_corpus: record ", record, " has a bad length '", digits, "'");
    for (const char c : digits) length = length * 10 + static_cast<size_t>(c - '0');
    at = line_end + 1;
    check<IOError>(bytes.size() - at >= length, "parse_spam_corpus: record ", record, " needs ", length, " bytes but only ",
                   bytes.size() - at, " are left (the file is cut short)");
    out.push_back({email_text(bytes.substr(at, length)), label == "spam" ? kSpam : kHam});
    at += length;
  }
  return out;
}

BinaryMetrics binary_metrics(const std::vector<int>& truth, const std::vector<int>& predicted) {
  const metrics::ConfusionMatrix table = metrics::confusion_matrix(truth, predicted, 2);  // rows ham, spam
  BinaryMetrics m;
  m.tp = size_t(table.at(kSpam, kSpam)), m.fn = size_t(table.at(kSpam, kHam));
  m.fp = size_t(table.at(kHam, kSpam)), m.tn = size_t(table.at(kHam, kHam));
  m.accuracy = table.total() == 0 ? 0.0 : table.accuracy();
  m.precision = table.precision(kSpam);
  m.recall = table.recall(kSpam);
  m.f1 = table.f1(kSpam);
  return m;
}

SpamFilter::SpamFilter(std::vector<LabeledText> corpus, const SpamFilterOptions& options)
    : corpus_(std::move(corpus)), model_(options.alpha) {
  check<ValueError>(corpus_.size() >= 4, "SpamFilter: need at least 4 messages, got ", corpus_.size());
  data::Dataset rows;  // only the labels: the split is the tabular lessons' stratified one
  rows.rows = corpus_.size();
  rows.target_kind = data::TargetKind::classes;
  rows.classes = {"ham", "spam"};
  size_t spam = 0;
  for (const auto& m : corpus_) {
    check<ValueError>(m.label == kHam || m.label == kSpam, "SpamFilter: label ", m.label, " is neither 0 (ham) nor 1 (spam)");
    rows.labels.push_back(m.label);
    spam += m.label == kSpam;
  }
  check<ValueError>(spam >= 2 && corpus_.size() - spam >= 2, "SpamFilter: need at least 2 spam and 2 ham messages, got ", spam,
                    " spam and ", corpus_.size() - spam, " ham");
  const data::Split split = data::train_test_split(rows, options.test_fraction, options.seed, true);
  train_ = split.train;
  test_ = split.test;

  std::vector<Document> train_documents;
  std::vector<int> train_labels;
  for (const size_t i : train_) {
    Document doc;
    for (const auto& token : tokenize(corpus_[i].text)) doc.push_back(vocabulary_.add(token.text));
    train_documents.push_back(std::move(doc));
    train_labels.push_back(corpus_[i].label);
  }
  for (const size_t i : test_) {
    Document doc;
    for (const auto& token : tokenize(corpus_[i].text)) doc.push_back(vocabulary_.find(token.text));
    test_documents_.push_back(std::move(doc));
  }
  model_.fit(train_documents, train_labels, 2, vocabulary_.size());
}

SpamFilter::Evaluation SpamFilter::evaluate() const {
  Evaluation e;
  std::vector<int> truth;
  for (size_t k = 0; k < test_.size(); ++k) {
    const std::vector<double> p = model_.predict_proba(test_documents_[k]);
    e.p_spam.push_back(p[kSpam]);
    e.predicted.push_back(p[kSpam] > p[kHam] ? kSpam : kHam);
    truth.push_back(corpus_[test_[k]].label);
  }
  e.metrics = binary_metrics(truth, e.predicted);
  return e;
}

std::vector<BinaryMetrics> SpamFilter::alpha_sweep(const std::vector<double>& alphas) {
  const double keep = model_.alpha();
  std::vector<BinaryMetrics> out;
  try {
    for (const double a : alphas) {
      model_.set_alpha(a);
      out.push_back(evaluate().metrics);
    }
  } catch (...) {
    model_.set_alpha(keep);
    throw;
  }
  model_.set_alpha(keep);
  return out;
}

WordStats SpamFilter::word_stats(std::string_view word) const {
  WordStats s;
  s.word = std::string(word);
  const int id = vocabulary_.find(word);
  if (id < 0) return s;
  s.known = true;
  s.spam_count = model_.word_count(kSpam, id);
  s.ham_count = model_.word_count(kHam, id);
  s.spam_documents = model_.document_frequency(kSpam, id) / model_.document_count(kSpam);
  s.ham_documents = model_.document_frequency(kHam, id) / model_.document_count(kHam);
  s.log_p_spam = model_.feature_log_prob(kSpam, id);
  s.log_p_ham = model_.feature_log_prob(kHam, id);
  s.log_ratio = s.log_p_spam - s.log_p_ham;
  return s;
}

Classification SpamFilter::classify(std::string_view text) const {
  Classification c;
  Document doc;
  std::vector<int> distinct;
  std::vector<double> occurrences(vocabulary_.size(), 0.0);
  for (auto& token : tokenize(text)) {
    const int id = vocabulary_.find(token.text);
    TokenScore score{std::move(token.text), token.begin, token.end, id >= 0, 0.0};
    if (id >= 0) {
      score.log_ratio = model_.log_likelihood_ratio(id, kSpam, kHam);
      if (occurrences[static_cast<size_t>(id)]++ == 0) distinct.push_back(id);
      ++c.known_tokens;
    } else {
      ++c.unknown_tokens;
    }
    doc.push_back(id);
    c.tokens.push_back(std::move(score));
  }
  const std::vector<double> scores = model_.joint_log_likelihood(doc);
  c.score_ham = scores[kHam];
  c.score_spam = scores[kSpam];
  c.log_prior_ham = model_.class_log_prior(kHam);
  c.log_prior_spam = model_.class_log_prior(kSpam);
  // P(spam | text) = 1 / (1 + exp(score_ham − score_spam)), written to stay finite
  const double margin = c.score_spam - c.score_ham;
  c.p_spam = margin >= 0 ? 1 / (1 + std::exp(-margin)) : std::exp(margin) / (1 + std::exp(margin));
  c.label = margin > 0 ? kSpam : kHam;
  for (const int id : distinct) {
    WordStats s = word_stats(vocabulary_.word(id));
    s.count = occurrences[static_cast<size_t>(id)];
    c.words.push_back(std::move(s));
  }
  std::stable_sort(c.words.begin(), c.words.end(),
                   [](const WordStats& a, const WordStats& b) { return std::abs(a.count * a.log_ratio) > std::abs(b.count * b.log_ratio); });
  return c;
}

std::vector<WordStats> SpamFilter::top_words(int label, size_t k, size_t min_documents) const {
  check<ValueError>(label == kHam || label == kSpam, "SpamFilter.top_words: label must be 0 (ham) or 1 (spam), got ", label);
  std::vector<std::pair<double, int>> ranked;
  const double sign = label == kSpam ? 1.0 : -1.0;
  for (size_t id = 0; id < vocabulary_.size(); ++id) {
    const int w = static_cast<int>(id);
    if (model_.document_frequency(kSpam, w) + model_.document_frequency(kHam, w) < static_cast<double>(min_documents)) continue;
    ranked.emplace_back(sign * model_.log_likelihood_ratio(w, kSpam, kHam), w);
  }
  const size_t n = std::min(k, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::vector<WordStats> out;
  for (size_t i = 0; i < n; ++i) out.push_back(word_stats(vocabulary_.word(ranked[i].second)));
  return out;
}

}  // namespace mlplay::text
