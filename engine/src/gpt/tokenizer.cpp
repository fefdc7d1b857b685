// Byte-level BPE: chunking, training (incremental pair counts), encoding by merge rank, JSON.
#include "mlplay/gpt/tokenizer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "mlplay/core/error.h"

namespace mlplay::gpt {
namespace {

enum class CharClass { Letter, Digit, Space, Whitespace, Punct };

CharClass class_of(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return CharClass::Letter;
  if (c >= '0' && c <= '9') return CharClass::Digit;
  if (c == ' ') return CharClass::Space;
  if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') return CharClass::Whitespace;
  return CharClass::Punct;
}

bool is_space_class(CharClass k) { return k == CharClass::Space || k == CharClass::Whitespace; }

uint64_t pair_key(int32_t left, int32_t right) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

/// Expected length of the UTF-8 sequence that starts with byte c (0 for a byte that cannot start one).
int utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

/// Length of the valid UTF-8 character at bytes[i], or 0 when it is invalid or cut off.
size_t valid_char_at(std::string_view bytes, size_t i) {
  const auto c = static_cast<unsigned char>(bytes[i]);
  const int n = utf8_length(c);
  if (n <= 1) return static_cast<size_t>(n);
  if (i + static_cast<size_t>(n) > bytes.size()) return 0;
  for (int k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(bytes[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) return 0;
  const auto c1 = static_cast<unsigned char>(bytes[i + 1]);
  // No overlong 3/4-byte forms, no surrogates, nothing past U+10FFFF.
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;
  return static_cast<size_t>(n);
}

/// Merges every (left, right) in `ids` into `merged`, left to right.
void merge_pair(std::vector<int32_t>& ids, int32_t left, int32_t right, int32_t merged) {
  size_t out = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i + 1 < ids.size() && ids[i] == left && ids[i + 1] == right) {
      ids[out++] = merged;
      ++i;
    } else {
      ids[out++] = ids[i];
    }
  }
  ids.resize(out);
}

}  // namespace

std::vector<std::string_view> split_chunks(std::string_view text) {
  std::vector<std::string_view> chunks;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const CharClass k = class_of(static_cast<unsigned char>(text[i]));
    size_t j = i + 1;
    if (k == CharClass::Space && j < n && !is_space_class(class_of(static_cast<unsigned char>(text[j])))) {
      // " word", " 42", " ,": one space glued to the run that follows it.
      const CharClass next = class_of(static_cast<unsigned char>(text[j]));
      while (j < n && class_of(static_cast<unsigned char>(text[j])) == next) ++j;
    } else if (is_space_class(k)) {
      while (j < n && is_space_class(class_of(static_cast<unsigned char>(text[j])))) ++j;
      // Leave a final space to start the next word's chunk (GPT-2's \s+(?!\S)).
      if (j < n && j - i > 1 && text[j - 1] == ' ') --j;
    } else {
      while (j < n && class_of(static_cast<unsigned char>(text[j])) == k) ++j;
    }
    chunks.push_back(text.substr(i, j - i));
    i = j;
  }
  return chunks;
}

std::string sanitize_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    const size_t n = valid_char_at(bytes, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(bytes.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t complete_utf8_prefix(std::string_view bytes) {
  // Look back at most 3 bytes for the start of a character that the end cuts off.
  const size_t n = bytes.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto c = static_cast<unsigned char>(bytes[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead byte
    const int len = utf8_length(c);
    if (len > static_cast<int>(back)) {
      // A lead byte whose sequence is not complete yet; hold it back only if what follows is valid so far.
      bool plausible = true;
      for (size_t k = n - back + 1; k < n; ++k) plausible = plausible && (static_cast<unsigned char>(bytes[k]) & 0xC0) == 0x80;
      return plausible ? n - back : n;
    }
    return n;
  }
  return n;
}

BpeTokenizer BpeTokenizer::train(std::string_view text, int32_t vocab_size,
                                 const std::function<void(int32_t, int32_t)>& on_merge) {
  check<ValueError>(vocab_size >= kFirstMerge, "BpeTokenizer::train: vocab_size must be at least ", kFirstMerge,
                    ", got ", vocab_size);
  // Unique chunks with their counts: merges are counted once per chunk kind, weighted by its count.
  std::unordered_map<std::string_view, int64_t> chunk_counts;
  for (std::string_view chunk : split_chunks(text)) ++chunk_counts[chunk];
  std::vector<std::vector<int32_t>> words;
  std::vector<int64_t> freq;
  words.reserve(chunk_counts.size());
  for (const auto& [chunk, count] : chunk_counts) {
    if (chunk.size() < 2) continue;  // nothing to merge
    words.emplace_back(chunk.begin(), chunk.end());
    for (int32_t& id : words.back()) id = static_cast<unsigned char>(id);
    freq.push_back(count);
  }
  // The chunks' order comes from a hash map: sort so the word indices (and so nothing else) differ.
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return words[a] < words[b]; });
  std::vector<std::vector<int32_t>> sorted_words;
  std::vector<int64_t> sorted_freq;
  for (size_t i : order) {
    sorted_words.push_back(std::move(words[i]));
    sorted_freq.push_back(freq[i]);
  }
  words = std::move(sorted_words);
  freq = std::move(sorted_freq);

  std::unordered_map<uint64_t, int64_t> pair_count;
  std::unordered_map<uint64_t, std::vector<int32_t>> where;  // pair -> words that held it (may be stale)
  auto add_pairs = [&](int32_t w, int64_t sign) {
    const std::vector<int32_t>& ids = words[static_cast<size_t>(w)];
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      const uint64_t key = pair_key(ids[i], ids[i + 1]);
      int64_t& c = pair_count[key];
      c += sign * freq[static_cast<size_t>(w)];
      if (sign > 0) where[key].push_back(w);
      else if (c == 0) pair_count.erase(key);
    }
  };
  for (int32_t w = 0; w < static_cast<int32_t>(words.size()); ++w) add_pairs(w, +1);

  std::vector<std::pair<int32_t, int32_t>> merges;
  const int32_t total = vocab_size - kFirstMerge;
  std::vector<int32_t> seen(words.size(), -1);  // last merge that touched each word
  for (int32_t m = 0; m < total; ++m) {
    uint64_t best = 0;
    int64_t best_count = 1;
    for (const auto& [key, count] : pair_count) {
      if (count > best_count || (count == best_count && count > 1 && key < best)) {
        best = key;
        best_count = count;
      }
    }
    if (best_count < 2) break;  // no pair occurs twice: more merges would only memorize
    const auto left = static_cast<int32_t>(best >> 32), right = static_cast<int32_t>(best & 0xffffffffu);
    const int32_t merged = kFirstMerge + m;
    merges.emplace_back(left, right);
    const std::vector<int32_t> holders = std::move(where[best]);
    where.erase(best);
    for (int32_t w : holders) {
      if (seen[static_cast<size_t>(w)] == m) continue;
      seen[static_cast<size_t>(w)] = m;
      std::vector<int32_t>& ids = words[static_cast<size_t>(w)];
      bool has = false;
      for (size_t i = 0; i + 1 < ids.size() && !has; ++i) has = ids[i] == left && ids[i + 1] == right;
      if (!has) continue;
      add_pairs(w, -1);
      merge_pair(ids, left, right, merged);
      add_pairs(w, +1);
    }
    pair_count.erase(best);
    if (on_merge && ((m + 1) % 16 == 0 || m + 1 == total)) on_merge(m + 1, total);
  }
  return from_merges(std::move(merges));
}

BpeTokenizer BpeTokenizer::from_merges(std::vector<std::pair<int32_t, int32_t>> merges) {
  BpeTokenizer t;
  t.bytes_.resize(static_cast<size_t>(kFirstMerge) + merges.size());
  for (int b = 0; b < 256; ++b) t.bytes_[static_cast<size_t>(b)] = std::string(1, static_cast<char>(b));
  for (size_t m = 0; m < merges.size(); ++m) {
    const auto [left, right] = merges[m];
    const auto id = static_cast<int32_t>(kFirstMerge + m);
    check<ValueError>(left >= 0 && right >= 0 && left < id && right < id && left != kStartToken && right != kStartToken,
                      "BpeTokenizer: merge ", m, " joins (", left, ", ", right, "), which are not earlier tokens");
    t.bytes_[static_cast<size_t>(id)] = t.bytes_[static_cast<size_t>(left)] + t.bytes_[static_cast<size_t>(right)];
    t.rank_[pair_key(left, right)] = id;
  }
  t.merges_ = std::move(merges);
  return t;
}

void BpeTokenizer::encode_chunk(std::string_view chunk, std::vector<int32_t>& out) const {
  std::vector<int32_t> ids(chunk.begin(), chunk.end());
  for (int32_t& id : ids) id = static_cast<unsigned char>(id);
  // Repeatedly apply the earliest-learned merge present, as training did.
  while (ids.size() > 1) {
    int32_t best = -1;
    size_t at = 0;
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      const auto it = rank_.find(pair_key(ids[i], ids[i + 1]));
      if (it != rank_.end() && (best < 0 || it->second < best)) {
        best = it->second;
        at = i;
      }
    }
    if (best < 0) break;
    merge_pair(ids, ids[at], ids[at + 1], best);
  }
  out.insert(out.end(), ids.begin(), ids.end());
}

std::vector<int32_t> BpeTokenizer::encode(std::string_view text) const {
  std::vector<int32_t> out;
  out.reserve(text.size() / 3 + 1);
  std::unordered_map<std::string_view, std::vector<int32_t>> cache;  // chunks repeat a lot in prose
  for (std::string_view chunk : split_chunks(text)) {
    auto it = cache.find(chunk);
    if (it == cache.end()) {
      std::vector<int32_t> ids;
      encode_chunk(chunk, ids);
      it = cache.emplace(chunk, std::move(ids)).first;
    }
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

const std::string& BpeTokenizer::token_bytes(int32_t id) const {
  static const std::string kEmpty;
  static std::vector<std::string> byte_tokens = [] {
    std::vector<std::string> v(256);
    for (int b = 0; b < 256; ++b) v[static_cast<size_t>(b)] = std::string(1, static_cast<char>(b));
    return v;
  }();
  check<ValueError>(id >= 0 && id < vocab_size(), "BpeTokenizer: token id ", id, " is outside the vocabulary of ",
                    vocab_size());
  if (id == kStartToken) return kEmpty;
  if (bytes_.empty()) return byte_tokens[static_cast<size_t>(id)];
  return bytes_[static_cast<size_t>(id)];
}

std::string BpeTokenizer::token_text(int32_t id) const { return sanitize_utf8(token_bytes(id)); }

std::string BpeTokenizer::decode(const std::vector<int32_t>& ids) const {
  std::string out;
  for (int32_t id : ids) out += token_bytes(id);
  return out;
}

std::string BpeTokenizer::to_json() const {
  nlohmann::json merges = nlohmann::json::array();
  for (const auto& [left, right] : merges_) merges.push_back({left, right});
  nlohmann::ordered_json j;
  j["type"] = "byte-bpe";
  j["start_token"] = kStartToken;
  j["vocab_size"] = vocab_size();
  j["merges"] = merges;
  return j.dump();
}

BpeTokenizer BpeTokenizer::from_json(const std::string& text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw ValueError(std::string("BpeTokenizer: the tokenizer is not valid JSON: ") + e.what());
  }
  check<ValueError>(j.is_object() && j.value("type", "") == "byte-bpe", "BpeTokenizer: expected {\"type\": \"byte-bpe\", ...}");
  check<ValueError>(j.value("start_token", -1) == kStartToken, "BpeTokenizer: start_token must be ", kStartToken);
  check<ValueError>(j.contains("merges") && j["merges"].is_array(), "BpeTokenizer: 'merges' must be an array");
  std::vector<std::pair<int32_t, int32_t>> merges;
  for (const auto& m : j["merges"]) {
    check<ValueError>(m.is_array() && m.size() == 2 && m[0].is_number_integer() && m[1].is_number_integer(),
                      "BpeTokenizer: merge ", merges.size(), " must be a pair of integers");
    merges.emplace_back(m[0].get<int32_t>(), m[1].get<int32_t>());
  }
  return from_merges(std::move(merges));
}

}  // namespace mlplay::gpt
