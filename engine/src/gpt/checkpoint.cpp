// GPT files: safetensors with the config, tokenizer and training record in the metadata.
#include "mlplay/gpt/checkpoint.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "mlplay/core/error.h"

namespace mlplay::gpt {
namespace {

SafetensorsMetadata metadata_of(const Gpt& model, const BpeTokenizer& tokenizer, const GptRecord& record) {
  check<ValueError>(tokenizer.vocab_size() == model->config.vocab_size, "save_gpt: the tokenizer has ",
                    tokenizer.vocab_size(), " tokens but the model's vocab_size is ", model->config.vocab_size);
  SafetensorsMetadata meta{{"format", "pt"},
                           {"mlplay_model", "minigpt"},
                           {"config", model->config.to_json()},
                           {"tokenizer", tokenizer.to_json()},
                           {"tied", "lm_head.weight = wte.weight"}};
  if (record.steps >= 0) meta["steps"] = std::to_string(record.steps);
  if (record.val_loss >= 0) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", record.val_loss);
    meta["val_loss"] = text;
    std::snprintf(text, sizeof text, "%.4f", std::exp(record.val_loss));
    meta["val_perplexity"] = text;
  }
  if (!record.corpus.empty()) meta["corpus"] = record.corpus;
  return meta;
}

GptBundle bundle_of(const TensorDict& tensors, const SafetensorsMetadata& meta) {
  const auto field = [&](const char* name) -> const std::string& {
    const auto it = meta.find(name);
    check<ValueError>(it != meta.end(), "load_gpt: the file's metadata has no '", name,
                      "' (not a minigpt file written by mlplay)");
    return it->second;
  };
  check<ValueError>(field("mlplay_model") == "minigpt", "load_gpt: the file holds a '", field("mlplay_model"),
                    "' model, not a minigpt");
  GptBundle bundle;
  const GptConfig config = GptConfig::from_json(field("config"));
  bundle.tokenizer = BpeTokenizer::from_json(field("tokenizer"));
  check<ValueError>(bundle.tokenizer.vocab_size() == config.vocab_size, "load_gpt: the tokenizer has ",
                    bundle.tokenizer.vocab_size(), " tokens but the config says ", config.vocab_size);
  bundle.model = Gpt(config, 0);
  bundle.model->load_state_dict(tensors);
  if (const auto it = meta.find("steps"); it != meta.end()) bundle.record.steps = std::stoll(it->second);
  if (const auto it = meta.find("val_loss"); it != meta.end()) bundle.record.val_loss = std::stod(it->second);
  if (const auto it = meta.find("corpus"); it != meta.end()) bundle.record.corpus = it->second;
  return bundle;
}

}  // namespace

std::vector<uint8_t> save_gpt(const Gpt& model, const BpeTokenizer& tokenizer, const GptRecord& record) {
  std::vector<uint8_t> out;
  save_safetensors(out, model->state_dict(), metadata_of(model, tokenizer, record));
  return out;
}

void save_gpt(const std::string& path, const Gpt& model, const BpeTokenizer& tokenizer, const GptRecord& record) {
  // Write a temporary file and rename it, so a checkpoint is never left half written.
  const std::string temporary = path + ".tmp";
  save_safetensors(temporary, model->state_dict(), metadata_of(model, tokenizer, record));
  check<IOError>(std::rename(temporary.c_str(), path.c_str()) == 0, "save_gpt: could not rename ", temporary, " to ", path);
}

GptBundle load_gpt(const uint8_t* data, size_t size) {
  SafetensorsMetadata meta;
  const TensorDict tensors = load_safetensors(data, size, &meta);
  return bundle_of(tensors, meta);
}

GptBundle load_gpt(const std::string& path) {
  SafetensorsMetadata meta;
  const TensorDict tensors = load_safetensors(path, &meta);
  return bundle_of(tensors, meta);
}

std::string optimizer_state_path(const std::string& checkpoint_path) {
  const std::string suffix = ".safetensors";
  const bool has_suffix = checkpoint_path.size() >= suffix.size() &&
                          checkpoint_path.compare(checkpoint_path.size() - suffix.size(), suffix.size(), suffix) == 0;
  return (has_suffix ? checkpoint_path.substr(0, checkpoint_path.size() - suffix.size()) : checkpoint_path) +
         ".optimizer" + suffix;
}

}  // namespace mlplay::gpt
