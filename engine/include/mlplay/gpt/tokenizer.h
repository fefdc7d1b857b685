#pragma once
/// A byte-level byte-pair-encoding tokenizer (Sennrich et al. 2016, https://arxiv.org/abs/1508.07909;
/// byte-level as GPT-2, Radford et al. 2019). Ids 0–255 are the bytes themselves, id 256 is the start
/// token, and ids from 257 on are merges, in the order they were learned. Any byte string encodes and
/// decodes back exactly, invalid UTF-8 included.
///
/// Text is first cut into chunks (an optional leading space plus a run of letters, of digits or of
/// punctuation; or a run of other whitespace) and merges never cross a chunk boundary, so tokens are
/// whole words or pieces of words, as GPT-2's pre-tokenizer does without its regex.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mlplay::gpt {

/// Id of the start token, which begins every context window.
inline constexpr int32_t kStartToken = 256;
/// The first merge's id.
inline constexpr int32_t kFirstMerge = 257;

class BpeTokenizer {
 public:
  /// Only the 256 byte tokens and the start token.
  BpeTokenizer() = default;

  /// Learns merges from `text` until the vocabulary has `vocab_size` tokens (≥ 257) or no pair occurs
  /// twice. Ties in pair counts go to the smaller (left, right) ids, so training is deterministic.
  /// `on_merge(done, total)` is called every few merges (progress). Throws ValueError on vocab_size < 257.
  static BpeTokenizer train(std::string_view text, int32_t vocab_size,
                            const std::function<void(int32_t, int32_t)>& on_merge = {});

  /// Ids of `text` (no start token).
  std::vector<int32_t> encode(std::string_view text) const;
  /// The bytes of `ids` concatenated (the start token adds nothing). Throws ValueError on an unknown id.
  std::string decode(const std::vector<int32_t>& ids) const;
  /// The bytes of one token ("" for the start token).
  const std::string& token_bytes(int32_t id) const;
  /// One token as display text: its bytes as UTF-8, each invalid or partial sequence as U+FFFD.
  std::string token_text(int32_t id) const;

  int32_t vocab_size() const { return kFirstMerge + static_cast<int32_t>(merges_.size()); }
  const std::vector<std::pair<int32_t, int32_t>>& merges() const { return merges_; }

  /// {"type": "byte-bpe", "start_token": 256, "merges": [[left, right], ...]}.
  std::string to_json() const;
  /// Parses to_json()'s output; throws ValueError naming what is wrong.
  static BpeTokenizer from_json(const std::string& json);
  /// Builds a tokenizer from merges (each pair made of earlier ids); throws ValueError otherwise.
  static BpeTokenizer from_merges(std::vector<std::pair<int32_t, int32_t>> merges);

 private:
  void encode_chunk(std::string_view chunk, std::vector<int32_t>& out) const;

  std::vector<std::pair<int32_t, int32_t>> merges_;
  std::vector<std::string> bytes_;  // bytes of every id (filled by from_merges)
  std::unordered_map<uint64_t, int32_t> rank_;  // (left << 32 | right) -> merged id
};

/// Splits text into the chunks the tokenizer merges within (see the file comment).
std::vector<std::string_view> split_chunks(std::string_view text);

/// Replaces each invalid or incomplete UTF-8 sequence by U+FFFD (for display).
std::string sanitize_utf8(std::string_view bytes);

/// Length of the longest prefix of `bytes` that ends on a complete UTF-8 character boundary, treating
/// invalid bytes as complete (used to hold back a partial character while streaming).
size_t complete_utf8_prefix(std::string_view bytes);

}  // namespace mlplay::gpt
