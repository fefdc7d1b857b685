// MiniGpt: the lesson's model, sampler and in-tab trainer behind one object.
#include "mlplay/gpt/session.h"

#include "mlplay/core/error.h"

namespace mlplay::gpt {

GptConfig gpt_size_preset(std::string_view name) {
  GptConfig c;
  if (name == "tiny") {
    c.vocab_size = 512, c.context_length = 64, c.layers = 2, c.heads = 2, c.dim = 64;
  } else if (name == "small") {
    c.vocab_size = 768, c.context_length = 64, c.layers = 3, c.heads = 4, c.dim = 96;
  } else {
    throw ValueError("gpt_size_preset: unknown size '" + std::string(name) + "' (tiny or small)");
  }
  return c;
}

const GptBundle& MiniGpt::bundle() const {
  check<ValueError>(loaded(), "MiniGpt: no model loaded yet");
  return bundle_;
}

void MiniGpt::load(const uint8_t* data, size_t size) {
  GptBundle bundle = load_gpt(data, size);
  sampler_.reset();
  trainer_.reset();
  bundle_ = std::move(bundle);
  ++version_;
}

std::vector<uint8_t> MiniGpt::save() const {
  const GptBundle& b = bundle();
  return save_gpt(b.model, b.tokenizer, b.record);
}

int64_t MiniGpt::begin_generation(std::string_view prompt, const SampleOptions& options, uint64_t seed) {
  const GptBundle& b = bundle();
  sampler_ = std::make_unique<GptSampler>(b.model, options, seed);
  pending_.clear();
  return sampler_->begin(b.tokenizer.encode(prompt));
}

StreamedToken MiniGpt::next_token(bool with_attention) {
  check<ValueError>(sampler_ != nullptr, "MiniGpt: call begin_generation first");
  StreamedToken out;
  out.sampled = sampler_->next(with_attention ? &out.attention : nullptr);
  const std::string& bytes = bundle_.tokenizer.token_bytes(out.sampled.id);
  out.token = sanitize_utf8(bytes);
  pending_ += bytes;
  const size_t complete = complete_utf8_prefix(pending_);
  out.text = sanitize_utf8(std::string_view(pending_).substr(0, complete));
  pending_.erase(0, complete);
  return out;
}

std::vector<int32_t> MiniGpt::prompt_ids() const {
  if (!sampler_) return {};
  const auto& seq = sampler_->sequence();
  return {seq.begin(), seq.begin() + sampler_->prompt_length()};
}

std::vector<int32_t> MiniGpt::sampled_ids() const {
  if (!sampler_) return {};
  const auto& seq = sampler_->sequence();
  return {seq.begin() + sampler_->prompt_length(), seq.end()};
}

TrainingStart MiniGpt::start_training(std::string_view text, std::string_view size, const GptTrainOptions& options,
                                      const std::function<void(int32_t, int32_t)>& on_merge) {
  TrainingStart start;
  start.given_chars = static_cast<int64_t>(text.size());
  if (start.given_chars < kMinTrainChars) {
    start.message = "Too little text to train on: " + std::to_string(start.given_chars) + " characters given, at least " +
                    std::to_string(kMinTrainChars) + " needed (the last 10% is held out to measure the validation loss).";
    return start;
  }
  GptConfig config = gpt_size_preset(size);
  // The last 10% for validation, cut at a space or line break (never inside a UTF-8 character).
  size_t cut = static_cast<size_t>(double(text.size()) * (1.0 - kTrainValFraction));
  size_t at = cut;
  while (at < text.size() && text[at] != ' ' && text[at] != '\n') ++at;
  if (at < text.size()) cut = at;
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  const std::string_view train_text = text.substr(0, cut), val_text = text.substr(cut);

  GptBundle bundle;
  bundle.tokenizer = BpeTokenizer::train(train_text, static_cast<int32_t>(config.vocab_size), on_merge);
  config.vocab_size = bundle.tokenizer.vocab_size();
  std::vector<int32_t> train_ids = bundle.tokenizer.encode(train_text), val_ids = bundle.tokenizer.encode(val_text);
  if (train_ids.size() < 2 || val_ids.size() < 2) {
    start.message = "Too little text to train on after tokenizing: the text needs more than a couple of tokens in each part.";
    return start;
  }
  bundle.model = Gpt(config, options.seed);
  bundle.record.steps = 0;
  bundle.record.corpus = "the learner's text (" + std::to_string(text.size()) + " bytes)";
  sampler_.reset();
  trainer_ = std::make_unique<GptTrainer>(bundle.model, options, std::move(train_ids), std::move(val_ids));
  bundle_ = std::move(bundle);
  ++version_;
  start.ok = true;
  return start;
}

double MiniGpt::train_steps(int64_t steps) {
  check<ValueError>(trainer_ != nullptr, "MiniGpt: no training run (call start_training first)");
  double total = 0;
  int64_t done = 0;
  while (done < steps && trainer_->step() < trainer_->options().steps) {
    total += trainer_->train_step();
    ++done;
  }
  ++version_;
  bundle_.record.steps = trainer_->step();
  return done > 0 ? total / double(done) : 0.0;
}

double MiniGpt::validation_loss() {
  check<ValueError>(trainer_ != nullptr, "MiniGpt: no training run");
  return trainer_->evaluate();
}

int64_t MiniGpt::training_step() const { return trainer_ ? trainer_->step() : 0; }
double MiniGpt::training_lr() const { return trainer_ ? trainer_->lr() : 0.0; }
int64_t MiniGpt::tokens_per_step() const { return trainer_ ? trainer_->tokens_per_step() : 0; }

void MiniGpt::finish_training(double val_loss) {
  if (!trainer_) return;
  bundle_.record.steps = trainer_->step();
  bundle_.record.val_loss = val_loss;
  trainer_.reset();
}

}  // namespace mlplay::gpt
