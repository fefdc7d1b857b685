#pragma once
/// The lesson's quality check of sampled text: what fraction of its words occur in the corpus.
/// A word is a maximal run of letters (ASCII letters and any non-ASCII byte), compared lowercased.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace mlplay::gpt {

/// The words of `text`, lowercased, in order.
std::vector<std::string> words_of(std::string_view text);

/// Every distinct word of a corpus.
std::unordered_set<std::string> vocabulary_of(std::string_view corpus);

struct WordValidity {
  int64_t words = 0;  // words in the sample
  int64_t known = 0;  // of them, words that occur in the corpus
  double fraction() const { return words > 0 ? double(known) / double(words) : 0.0; }
};

/// Counts the sample's words that the vocabulary holds.
WordValidity word_validity(std::string_view sample, const std::unordered_set<std::string>& vocabulary);

}  // namespace mlplay::gpt
