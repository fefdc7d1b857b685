// Word-validity: split into letter runs, lowercase, look up.
#include "mlplay/gpt/words.h"

namespace mlplay::gpt {
namespace {

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

template <typename Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  size_t i = 0;
  while (i < text.size()) {
    if (!is_letter(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string word;
    while (j < text.size() && is_letter(static_cast<unsigned char>(text[j]))) {
      const char c = text[j++];
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    fn(std::move(word));
    i = j;
  }
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for_each_word(text, [&](std::string w) { out.push_back(std::move(w)); });
  return out;
}

std::unordered_set<std::string> vocabulary_of(std::string_view corpus) {
  std::unordered_set<std::string> out;
  for_each_word(corpus, [&](std::string w) { out.insert(std::move(w)); });
  return out;
}

WordValidity word_validity(std::string_view sample, const std::unordered_set<std::string>& vocabulary) {
  WordValidity v;
  for_each_word(sample, [&](std::string w) {
    ++v.words;
    v.known += vocabulary.count(w) > 0 ? 1 : 0;
  });
  return v;
}

}  // namespace mlplay::gpt
