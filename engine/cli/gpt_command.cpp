// mlplay train gpt / mlplay sample gpt / mlplay eval gpt: the minigpt lesson's model from the command line.
//   mlplay train gpt                                (writes public/models/minigpt.safetensors + tokenizer)
//   mlplay sample gpt --prompt "It is a truth universally acknowledged" --json
//   mlplay eval gpt --json                          (validation loss, perplexity, word validity)
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/core/parallel.h"
#include "mlplay/gpt/checkpoint.h"
#include "mlplay/gpt/sampler.h"
#include "mlplay/gpt/trainer.h"
#include "mlplay/gpt/words.h"

namespace mlplay::cli {
namespace {

constexpr const char* kDefaultModel = "public/models/minigpt.safetensors";
constexpr const char* kDefaultTokenizer = "public/models/minigpt-tokenizer.json";
constexpr const char* kDefaultCheckpoint = "build/minigpt-checkpoint.safetensors";
constexpr const char* kDefaultData = "datasets/austen.txt";
constexpr const char* kCorpusName = "Jane Austen, six novels (janeaustenr)";
/// The last 5% of the corpus is held out for validation.
constexpr double kValFraction = 0.05;

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string read_text(const std::string& path) {
  check<IOError>(std::filesystem::exists(path), "no text file '", path,
                 "' (datasets/austen.txt is exported by scripts/setup.sh; or give --data FILE)");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The corpus split at a line break near 95%: (training text, validation text).
std::pair<std::string_view, std::string_view> split_corpus(std::string_view text) {
  size_t cut = static_cast<size_t>(double(text.size()) * (1.0 - kValFraction));
  while (cut < text.size() && text[cut] != '\n') ++cut;
  return {text.substr(0, cut), text.substr(cut)};
}

void expect_gpt(const Args& args, const char* command) {
  if (args.positionals().size() != 1 || args.positionals()[0] != "gpt") {
    throw UsageError(std::string(command) + ": say what to " + command + ": 'gpt' (e.g. mlplay " + command + " gpt)");
  }
}

gpt::GptBundle load_model_file(const std::string& path) {
  check<IOError>(std::filesystem::exists(path), "no model file '", path, "' (train one with: mlplay train gpt)");
  return gpt::load_gpt(path);
}

std::string with_commas(double value) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream file(path, std::ios::binary);
  file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  check<IOError>(static_cast<bool>(file), "train: could not write ", path);
}

/// Continues from a model file: exactly when its optimizer state lies beside it (written with every
/// checkpoint), else with fresh AdamW moments and a short lr re-warm, saying so.
void resume(gpt::GptTrainer& trainer, const std::string& model_path, int64_t step, bool json, std::ostream& out) {
  const std::string state_path = gpt::optimizer_state_path(model_path);
  std::string why = "no " + state_path;
  if (std::filesystem::exists(state_path)) {
    std::ifstream file(state_path, std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    try {
      trainer.resume_from(step, bytes.data(), bytes.size());
      if (!json) out << "Resuming at step " << step << " with AdamW's moments from " << state_path << "\n";
      return;
    } catch (const Error& e) {
      why = e.what();
    }
  }
  trainer.resume_at(step);
  if (!json) out << "Note: resuming at step " << step << " without the optimizer state (" << why
                 << "): AdamW's moments restart, so the learning rate re-warms over 20 steps\n";
}

int run_train_gpt(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("train", tokens,
            {"data", "out", "tokenizer-out", "checkpoint", "resume", "vocab", "context", "layers", "heads", "dim",
             "steps", "batch", "lr", "warmup", "seed", "threads", "eval-every"},
            {"json"});
  expect_gpt(args, "train");
  const std::string data_path = args.value("data").value_or(kDefaultData);
  const std::string out_path = args.value("out").value_or(kDefaultModel);
  const std::string tokenizer_path = args.value("tokenizer-out").value_or(kDefaultTokenizer);
  const std::string checkpoint_path = args.value("checkpoint").value_or(kDefaultCheckpoint);
  gpt::GptConfig config;
  config.vocab_size = args.integer("vocab", 1024, 257, 65536);
  config.context_length = args.integer("context", 128, 2, 4096);
  config.layers = args.integer("layers", 4, 1, 64);
  config.heads = args.integer("heads", 4, 1, 64);
  config.dim = args.integer("dim", 128, 1, 4096);
  if (config.dim % config.heads != 0) {
    throw UsageError("train: --dim (" + std::to_string(config.dim) + ") must be a multiple of --heads (" +
                     std::to_string(config.heads) + ")");
  }
  gpt::GptTrainOptions options;
  options.steps = args.integer("steps", 1800, 1, 10'000'000);
  options.batch = args.integer("batch", 8, 1, 4096);
  options.lr = args.number("lr", 2.5e-3, 1e-6, 1.0);
  options.warmup = args.integer("warmup", std::min<int64_t>(100, options.steps / 10), 0, options.steps);
  options.seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  const int64_t eval_every = args.integer("eval-every", 200, 1, 10'000'000);
  const int threads = static_cast<int>(args.integer("threads", 1, 1, max_threads()));
  const bool json = args.flag("json");
  set_num_threads(threads);

  const std::string text = read_text(data_path);
  const auto [train_text, val_text] = split_corpus(text);
  const auto start = Clock::now();
  gpt::GptBundle bundle;
  if (args.has("resume")) {
    bundle = load_model_file(*args.value("resume"));
    check<ValueError>(bundle.record.steps >= 0, "train: the file ", *args.value("resume"), " records no step count to resume from");
    config = bundle.model->config;
  } else {
    bundle.tokenizer = gpt::BpeTokenizer::train(train_text, static_cast<int32_t>(config.vocab_size));
    config.vocab_size = bundle.tokenizer.vocab_size();  // fewer when the text has fewer repeated pairs
    bundle.model = gpt::Gpt(config, options.seed);
  }
  const double tokenizer_seconds = seconds_since(start);
  std::vector<int32_t> train_ids = bundle.tokenizer.encode(train_text), val_ids = bundle.tokenizer.encode(val_text);
  if (!json) {
    char line[300];
    out << "=== MiniGPT from Scratch ===\n";
    std::snprintf(line, sizeof line, "Tokenizer: byte-level BPE with %s vocab (%s in %.1f s)\n",
                  with_commas(double(config.vocab_size)).c_str(), args.has("resume") ? "loaded" : "trained", tokenizer_seconds);
    out << line;
    std::snprintf(line, sizeof line, "Model: %lld layers, %lld heads, %lld dim, context %lld\nParameters: %.2fM\n",
                  static_cast<long long>(config.layers), static_cast<long long>(config.heads),
                  static_cast<long long>(config.dim), static_cast<long long>(config.context_length),
                  double(config.parameter_count()) / 1e6);
    out << line;
    std::snprintf(line, sizeof line, "Training on %s (%.1f MB; %s tokens, %s held out, %.2f chars/token), %lld steps of %lld x %lld tokens, %d thread%s...\n",
                  std::filesystem::path(data_path).filename().string().c_str(), double(text.size()) / 1e6,
                  with_commas(double(train_ids.size())).c_str(), with_commas(double(val_ids.size())).c_str(),
                  double(train_text.size()) / double(train_ids.size()), static_cast<long long>(options.steps),
                  static_cast<long long>(options.batch), static_cast<long long>(config.context_length), threads,
                  threads == 1 ? "" : "s");
    out << line << std::flush;
  }
  gpt::GptTrainer trainer(bundle.model, options, std::move(train_ids), std::move(val_ids));
  if (args.has("resume")) resume(trainer, *args.value("resume"), bundle.record.steps, json, out);
  gpt::GptRecord record;
  record.corpus = kCorpusName;
  nlohmann::ordered_json history = nlohmann::ordered_json::array();
  double loss_sum = 0, val_loss = -1;
  int64_t loss_count = 0;
  auto window_start = Clock::now();
  int64_t window_steps = 0;
  while (trainer.step() < options.steps) {
    loss_sum += trainer.train_step();
    ++loss_count;
    ++window_steps;
    const int64_t step = trainer.step();
    if (step % eval_every != 0 && step != options.steps) continue;
    val_loss = trainer.evaluate();
    const double train_loss = loss_sum / double(loss_count);
    const double rate = double(window_steps * trainer.tokens_per_step()) / seconds_since(window_start);
    history.push_back({{"step", step}, {"train_loss", train_loss}, {"val_loss", val_loss},
                       {"perplexity", std::exp(val_loss)}, {"lr", trainer.lr()}, {"tokens_per_second", rate}});
    if (!json) {
      char line[300];
      const double eta = double(options.steps - step) * double(trainer.tokens_per_step()) / rate / 60.0;
      std::snprintf(line, sizeof line, "Step %lld/%lld: Loss = %.3f, Val loss = %.3f, Perplexity = %.1f  (lr %.2e, %s tokens/s, %.0f min left)\n",
                    static_cast<long long>(step), static_cast<long long>(options.steps), train_loss, val_loss,
                    std::exp(val_loss), trainer.lr(), with_commas(rate).c_str(), eta);
      out << line << std::flush;
    }
    record.steps = step;
    record.val_loss = val_loss;
    // A checkpoint at every evaluation: `--resume` continues from it.
    std::filesystem::create_directories(std::filesystem::absolute(checkpoint_path).parent_path());
    gpt::save_gpt(checkpoint_path, trainer.model(), bundle.tokenizer, record);
    write_bytes(gpt::optimizer_state_path(checkpoint_path), trainer.optimizer_state());  // AdamW's moments
    loss_sum = 0;
    loss_count = 0;
    window_steps = 0;
    window_start = Clock::now();
  }
  std::filesystem::create_directories(std::filesystem::absolute(out_path).parent_path());
  gpt::save_gpt(out_path, trainer.model(), bundle.tokenizer, record);
  {
    std::filesystem::create_directories(std::filesystem::absolute(tokenizer_path).parent_path());
    std::ofstream tok(tokenizer_path, std::ios::binary);
    tok << bundle.tokenizer.to_json() << "\n";
    check<IOError>(static_cast<bool>(tok), "train: could not write ", tokenizer_path);
  }
  const double total = seconds_since(start);
  if (json) {
    out << nlohmann::ordered_json{{"model", out_path}, {"tokenizer", tokenizer_path}, {"vocab_size", config.vocab_size},
                                  {"context_length", config.context_length}, {"layers", config.layers},
                                  {"heads", config.heads}, {"dim", config.dim}, {"parameters", config.parameter_count()},
                                  {"steps", options.steps}, {"batch", options.batch}, {"lr", options.lr},
                                  {"seed", options.seed}, {"val_loss", val_loss}, {"perplexity", std::exp(val_loss)},
                                  {"seconds", total}, {"history", history}}
               .dump()
        << "\n";
  } else {
    char line[300];
    std::snprintf(line, sizeof line, "wrote %s and %s (validation loss %.3f, perplexity %.1f, %.1f min)\n", out_path.c_str(),
                  tokenizer_path.c_str(), val_loss, std::exp(val_loss), total / 60.0);
    out << line;
  }
  return 0;
}

gpt::SampleOptions sample_options(const Args& args) {
  gpt::SampleOptions options;
  options.temperature = args.number("temperature", 0.8, 0.0, 10.0);
  options.top_k = args.integer("top-k", 0, 0, 1'000'000);
  options.top_p = args.number("top-p", 1.0, 1e-6, 1.0);
  return options;
}

int run_sample(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("sample", tokens, {"prompt", "model", "tokens", "temperature", "top-k", "top-p", "seed", "threads"}, {"json"});
  expect_gpt(args, "sample");
  const std::string prompt = args.value("prompt").value_or("");
  const int64_t count = args.integer("tokens", 200, 1, 100'000);
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  const gpt::SampleOptions options = sample_options(args);
  set_num_threads(static_cast<int>(args.integer("threads", 1, 1, max_threads())));
  const gpt::GptBundle bundle = load_model_file(args.value("model").value_or(kDefaultModel));

  gpt::GptSampler sampler(bundle.model, options, seed);
  const std::vector<int32_t> prompt_ids = bundle.tokenizer.encode(prompt);
  const auto start = Clock::now();
  const int64_t dropped = sampler.begin(prompt_ids);
  std::vector<int32_t> ids;
  for (int64_t i = 0; i < count; ++i) ids.push_back(sampler.next().id);
  const double seconds = seconds_since(start);
  const std::string text = bundle.tokenizer.decode(ids);
  const std::string kept_prompt = bundle.tokenizer.decode(
      std::vector<int32_t>(prompt_ids.begin() + dropped, prompt_ids.end()));
  if (args.flag("json")) {
    out << nlohmann::ordered_json{{"prompt", gpt::sanitize_utf8(kept_prompt)}, {"prompt_tokens", prompt_ids.size() - size_t(dropped)},
                                  {"prompt_dropped", dropped}, {"text", gpt::sanitize_utf8(text)}, {"ids", ids},
                                  {"tokens", count}, {"temperature", options.temperature}, {"top_k", options.top_k},
                                  {"top_p", options.top_p}, {"seed", seed}, {"seconds", seconds},
                                  {"tokens_per_second", double(count) / seconds}}
               .dump()
        << "\n";
    return 0;
  }
  if (dropped > 0) {
    out << "(the prompt is longer than the context window: its first " << dropped << " tokens were dropped)\n";
  }
  out << kept_prompt << text << "\n";
  char line[200];
  std::snprintf(line, sizeof line, "\n[%lld tokens in %.2f s: %s tokens/s]\n", static_cast<long long>(count), seconds,
                with_commas(double(count) / seconds).c_str());
  out << line;
  return 0;
}

int run_eval_gpt(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("eval", tokens, {"model", "data", "tokens", "temperature", "seed", "threads"}, {"json"});
  expect_gpt(args, "eval");
  set_num_threads(static_cast<int>(args.integer("threads", 1, 1, max_threads())));
  const int64_t count = args.integer("tokens", 1000, 1, 1'000'000);
  gpt::SampleOptions options;
  options.temperature = args.number("temperature", 0.8, 0.0, 10.0);
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, INT64_MAX));
  const gpt::GptBundle bundle = load_model_file(args.value("model").value_or(kDefaultModel));
  const std::string text = read_text(args.value("data").value_or(kDefaultData));
  const std::string_view val_text = split_corpus(text).second;

  gpt::Gpt model = bundle.model;
  const double val_loss = gpt::gpt_validation_loss(model, bundle.tokenizer.encode(val_text), model->config.context_length,
                                                   1'000'000);  // every window of the held-out text

  gpt::GptSampler sampler(bundle.model, options, seed);
  sampler.begin({});
  std::vector<int32_t> ids;
  const auto start = Clock::now();
  for (int64_t i = 0; i < count; ++i) ids.push_back(sampler.next().id);
  const double seconds = seconds_since(start);
  const gpt::WordValidity validity = gpt::word_validity(bundle.tokenizer.decode(ids), gpt::vocabulary_of(text));
  if (args.flag("json")) {
    out << nlohmann::ordered_json{{"val_loss", val_loss}, {"perplexity", std::exp(val_loss)},
                                  {"word_validity", validity.fraction()}, {"words", validity.words},
                                  {"known_words", validity.known}, {"sampled_tokens", count},
                                  {"temperature", options.temperature}, {"seed", seed},
                                  {"tokens_per_second", double(count) / seconds}}
               .dump()
        << "\n";
    return 0;
  }
  char line[300];
  std::snprintf(line, sizeof line,
                "validation loss %.3f nats/token, perplexity %.1f (last 5%% of the corpus)\n"
                "word validity %.1f%% (%lld of %lld words in %lld tokens sampled at temperature %.2f, seed %llu occur in the corpus)\n"
                "sampling %s tokens/s\n",
                val_loss, std::exp(val_loss), 100 * validity.fraction(), static_cast<long long>(validity.known),
                static_cast<long long>(validity.words), static_cast<long long>(count), options.temperature,
                static_cast<unsigned long long>(seed), with_commas(double(count) / seconds).c_str());
  out << line;
  return 0;
}

}  // namespace

int run_gpt_train(const std::vector<std::string>& tokens, std::ostream& out) { return run_train_gpt(tokens, out); }
int run_gpt_eval(const std::vector<std::string>& tokens, std::ostream& out) { return run_eval_gpt(tokens, out); }

Command sample_command() {
  return {"sample",
          "mlplay sample gpt [--prompt TEXT] [--tokens 200] [--temperature 0.8] [--top-k K] [--top-p P] [--seed S] "
          "[--model FILE] [--json]",
          "Continue a prompt with the minigpt lesson's transformer (KV cache; same seed, same text).", run_sample};
}

}  // namespace mlplay::cli
