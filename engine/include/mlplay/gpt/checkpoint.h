#pragma once
/// A trained GPT as one safetensors file: the weights under nanoGPT's names (the output projection is
/// tied to wte.weight, so it is not stored twice) and, in "__metadata__", the config, the tokenizer and
/// the training record. PyTorch opens it with safetensors.torch.load_file.
#include <cstdint>
#include <string>
#include <vector>

#include "mlplay/gpt/model.h"
#include "mlplay/gpt/tokenizer.h"
#include "mlplay/io/safetensors.h"

namespace mlplay::gpt {

/// What a file records about how the model was trained (all optional).
struct GptRecord {
  int64_t steps = -1;      // -1: not recorded
  double val_loss = -1;    // nats per token; < 0: not recorded
  std::string corpus;      // e.g. "Jane Austen, six novels"
};

/// A model with its tokenizer and record.
struct GptBundle {
  Gpt model{nullptr};
  BpeTokenizer tokenizer;
  GptRecord record;
};

/// The file's bytes (config, tokenizer and record in the metadata).
std::vector<uint8_t> save_gpt(const Gpt& model, const BpeTokenizer& tokenizer, const GptRecord& record);
void save_gpt(const std::string& path, const Gpt& model, const BpeTokenizer& tokenizer, const GptRecord& record);
/// Reads a file written by save_gpt. Throws ValueError or IOError naming what is missing or wrong.
GptBundle load_gpt(const uint8_t* data, size_t size);
GptBundle load_gpt(const std::string& path);

/// Where a training checkpoint's optimizer state (GptTrainer::optimizer_state()) is kept: beside it,
/// "run/ckpt.safetensors" -> "run/ckpt.optimizer.safetensors". The model file itself stays a plain
/// state_dict that PyTorch loads.
std::string optimizer_state_path(const std::string& checkpoint_path);

}  // namespace mlplay::gpt
