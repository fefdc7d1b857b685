// MiniGpt: the minigpt lesson's transformer in the worker — load / save a model file, tokenize,
// stream sampled tokens with their top-10 and attention, inspect a position, and train a tiny model on
// the learner's text a few steps at a time. Over engine/include/mlplay/gpt/session.h; documented in
// bindings/types/minigpt.d.ts.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/gpt/session.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;

val top_object(const gpt::BpeTokenizer& tokenizer, const gpt::TopTokens& top) {
  val out = val::object(), tokens = val::array();
  for (int k = 0; k < top.count; ++k) tokens.call<void>("push", tokenizer.token_text(top.ids[size_t(k)]));
  out.set("ids", typed_array("Int32Array", top.ids.data(), size_t(top.count)));
  out.set("tokens", tokens);
  out.set("probs", typed_array("Float32Array", top.probs.data(), size_t(top.count)));
  return out;
}

val ids_and_tokens(const gpt::BpeTokenizer& tokenizer, const std::vector<int32_t>& ids) {
  val out = val::object(), tokens = val::array();
  std::vector<int32_t> lengths;
  for (int32_t id : ids) {
    tokens.call<void>("push", tokenizer.token_text(id));
    lengths.push_back(static_cast<int32_t>(tokenizer.token_bytes(id).size()));
  }
  out.set("ids", typed_array("Int32Array", ids.data(), ids.size()));
  out.set("tokens", tokens);
  out.set("byteLengths", typed_array("Int32Array", lengths.data(), lengths.size()));
  return out;
}

class MiniGptBinding {
 public:
  val info() const {
    return guard([&] {
      val out = val::object();
      out.set("loaded", m_.loaded());
      out.set("modelVersion", double(m_.version()));
      val config = val::object();
      if (m_.loaded()) {
        const gpt::GptBundle& b = m_.bundle();
        const gpt::GptConfig& c = b.model->config;
        config.set("vocabSize", double(c.vocab_size));
        config.set("contextLength", double(c.context_length));
        config.set("layers", double(c.layers));
        config.set("heads", double(c.heads));
        config.set("dim", double(c.dim));
        out.set("parameters", double(c.parameter_count()));
        out.set("recordedValLoss", b.record.val_loss >= 0 ? val(b.record.val_loss) : val::null());
        out.set("recordedPerplexity", b.record.val_loss >= 0 ? val(std::exp(b.record.val_loss)) : val::null());
        out.set("recordedSteps", b.record.steps >= 0 ? val(double(b.record.steps)) : val::null());
        out.set("corpus", b.record.corpus);
      } else {
        for (const char* key : {"vocabSize", "contextLength", "layers", "heads", "dim"}) config.set(key, 0);
        out.set("parameters", 0);
        out.set("recordedValLoss", val::null());
        out.set("recordedPerplexity", val::null());
        out.set("recordedSteps", val::null());
        out.set("corpus", std::string());
      }
      out.set("config", config);
      return out;
    });
  }

  void load(const val& bytes) {
    guard([&] {
      const auto data = from_typed_array<uint8_t>("MiniGpt.load", "Uint8Array", bytes);
      m_.load(data.data(), data.size());
    });
  }

  val save() const {
    return guard([&] {
      const std::vector<uint8_t> bytes = m_.save();
      return typed_array("Uint8Array", bytes.data(), bytes.size());
    });
  }

  val tokenize(const std::string& text) const {
    return guard([&] {
      const gpt::GptBundle& b = m_.bundle();
      val out = ids_and_tokens(b.tokenizer, b.tokenizer.encode(text));
      out.set("contextLength", double(b.model->config.context_length));
      return out;
    });
  }

  val begin_generation(const std::string& prompt, double temperature, double top_k, double top_p, double seed) {
    return guard([&] {
      gpt::SampleOptions options;
      options.temperature = temperature;
      options.top_k = static_cast<int64_t>(to_count(top_k, "MiniGpt.beginGeneration: topK"));
      options.top_p = top_p;
      const int64_t dropped = m_.begin_generation(prompt, options, to_count(seed, "MiniGpt.beginGeneration: seed"));
      val out = ids_and_tokens(m_.bundle().tokenizer, m_.prompt_ids());
      out.set("dropped", double(dropped));
      return out;
    });
  }

  val next_token(bool attention) {
    return guard([&] {
      const gpt::StreamedToken t = m_.next_token(attention);
      val out = val::object();
      out.set("id", t.sampled.id);
      out.set("token", t.token);
      out.set("text", t.text);
      out.set("prob", t.sampled.prob);
      out.set("top", top_object(m_.bundle().tokenizer, t.sampled.top));
      out.set("attention", typed_array("Float32Array", t.attention.data(), t.attention.size()));
      out.set("windowLength", double(t.sampled.window_length));
      out.set("windowStart", double(t.sampled.window_start));
      return out;
    });
  }

  val sampled() const {
    return guard([&] {
      const std::vector<int32_t> ids = m_.sampled_ids();
      val out = val::object();
      out.set("ids", typed_array("Int32Array", ids.data(), ids.size()));
      out.set("text", gpt::sanitize_utf8(m_.bundle().tokenizer.decode(ids)));
      return out;
    });
  }

  val inspect(const val& ids_array, double position, double temperature) const {
    return guard([&] {
      const gpt::GptBundle& b = m_.bundle();
      const auto ids = from_typed_array<int32_t>("MiniGpt.inspect", "Int32Array", ids_array);
      const gpt::Inspection r = gpt::inspect(b.model, ids, static_cast<int64_t>(position), temperature);
      val out = val::object();
      out.set("attention", typed_array("Float32Array", r.attention.data(), r.attention.size()));
      out.set("windowLength", double(r.window_length));
      out.set("windowStart", double(r.window_start));
      out.set("layers", double(b.model->config.layers));
      out.set("heads", double(b.model->config.heads));
      out.set("top", top_object(b.tokenizer, gpt::top_tokens(r.probs)));
      return out;
    });
  }

  val start_training(const std::string& text, const std::string& size, double steps, double batch, double lr,
                     double seed) {
    return guard([&] {
      gpt::GptTrainOptions options;
      options.steps = static_cast<int64_t>(to_count(steps, "MiniGpt.startTraining: steps"));
      options.batch = static_cast<int64_t>(to_count(batch, "MiniGpt.startTraining: batch"));
      options.lr = lr;
      options.warmup = std::min<int64_t>(50, options.steps / 10);
      options.seed = to_count(seed, "MiniGpt.startTraining: seed");
      const gpt::TrainingStart start = m_.start_training(text, size, options);
      val out = val::object();
      out.set("ok", start.ok);
      out.set("message", start.message);
      out.set("neededChars", double(start.needed_chars));
      out.set("givenChars", double(start.given_chars));
      return out;
    });
  }

  val train_steps(double steps) {
    return guard([&] {
      val out = val::object();
      out.set("loss", m_.train_steps(static_cast<int64_t>(to_count(steps, "MiniGpt.trainSteps: steps"))));
      out.set("step", double(m_.training_step()));
      out.set("lr", m_.training_lr());
      out.set("tokensPerStep", double(m_.tokens_per_step()));
      return out;
    });
  }

  double validation_loss() {
    return guard([&] { return m_.validation_loss(); });
  }

  void finish_training(double val_loss) {
    guard([&] { m_.finish_training(val_loss); });
  }

  double version() const { return double(m_.version()); }

 private:
  gpt::MiniGpt m_;
};

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_minigpt) {
  using mlplay::bindings::MiniGptBinding;
  emscripten::class_<MiniGptBinding>("MiniGpt")
      .constructor<>()
      .function("info", &MiniGptBinding::info)
      .function("load", &MiniGptBinding::load)
      .function("save", &MiniGptBinding::save)
      .function("tokenize", &MiniGptBinding::tokenize)
      .function("beginGeneration", &MiniGptBinding::begin_generation)
      .function("nextToken", &MiniGptBinding::next_token)
      .function("sampled", &MiniGptBinding::sampled)
      .function("inspect", &MiniGptBinding::inspect)
      .function("startTraining", &MiniGptBinding::start_training)
      .function("trainSteps", &MiniGptBinding::train_steps)
      .function("validationLoss", &MiniGptBinding::validation_loss)
      .function("finishTraining", &MiniGptBinding::finish_training)
      .function("version", &MiniGptBinding::version);
}
