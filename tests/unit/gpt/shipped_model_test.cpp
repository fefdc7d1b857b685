// The shipped model (public/models/minigpt.safetensors, made by `mlplay train gpt`; see the README):
// deterministic greedy sampling, the word-validity target, and the CLI around it.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "mlplay/gpt/checkpoint.h"
#include "mlplay/gpt/sampler.h"
#include "mlplay/gpt/words.h"
#include "support/repo_files.h"

using namespace mlplay;
using namespace mlplay::gpt;

namespace {

const GptBundle& shipped() {
  static const GptBundle bundle = load_gpt((mlplay::testing::repo_root() / "public/models/minigpt.safetensors").string());
  return bundle;
}

/// The corpus exported by scripts/setup.sh (datasets/ is not in the repository).
std::string austen() {
  const auto path = mlplay::testing::repo_root() / "datasets/austen.txt";
  std::ifstream file(path, std::ios::binary);
  INFO("missing " << path << ": run scripts/setup.sh");
  REQUIRE(file.good());
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<int32_t> sample(const GptBundle& b, const std::string& prompt, SampleOptions options, uint64_t seed, int n) {
  GptSampler sampler(b.model, options, seed);
  sampler.begin(b.tokenizer.encode(prompt));
  std::vector<int32_t> ids;
  for (int i = 0; i < n; ++i) ids.push_back(sampler.next().id);
  return ids;
}

int run(const std::vector<std::string>& argv, std::string& out, std::string& err) {
  std::ostringstream o, e;
  const int status = cli::run_cli(argv, o, e);
  out = o.str();
  err = e.str();
  return status;
}

}  // namespace

TEST_CASE("shipped minigpt: the file records its config, tokenizer and validation loss", "[gpt]") {
  const GptBundle& b = shipped();
  CHECK(b.model->config.vocab_size == b.tokenizer.vocab_size());
  CHECK(b.model->config.context_length == 128);
  CHECK(b.record.steps > 0);
  CHECK(b.record.val_loss > 0);
  CHECK(b.record.val_loss < 4.0);  // nats per ~2.8-character token
}

TEST_CASE("shipped minigpt: greedy sampling is deterministic and continues in English", "[gpt]") {
  const GptBundle& b = shipped();
  SampleOptions greedy;
  greedy.temperature = 0;
  const auto a = sample(b, "It is a truth universally acknowledged", greedy, 1, 60);
  const auto c = sample(b, "It is a truth universally acknowledged", greedy, 999, 60);  // the seed plays no part
  CHECK(a == c);
  const std::string text = b.tokenizer.decode(a);
  INFO(text);
  CHECK(words_of(text).size() >= 15);
}

TEST_CASE("shipped minigpt: at temperature 0.8 at least 85% of sampled words occur in the corpus", "[gpt]") {
  const GptBundle& b = shipped();
  const std::string corpus = austen();
  SampleOptions options;
  options.temperature = 0.8;
  const std::string text = b.tokenizer.decode(sample(b, "", options, 1, 1000));
  const WordValidity v = word_validity(text, vocabulary_of(corpus));
  INFO(text.substr(0, 600));
  INFO(v.known << " of " << v.words << " words known");
  CHECK(v.words > 300);
  CHECK(v.fraction() >= 0.85);
}

TEST_CASE("mlplay sample gpt: JSON output, same seed same text, and bad flags exit 2", "[gpt]") {
  const std::string model = (mlplay::testing::repo_root() / "public/models/minigpt.safetensors").string();
  std::string out, err, out2;
  REQUIRE(run({"sample", "gpt", "--model", model, "--prompt", "Emma", "--tokens", "40", "--seed", "3", "--json"}, out, err) == 0);
  const auto j = nlohmann::json::parse(out);
  CHECK(j["tokens"] == 40);
  CHECK(j["ids"].size() == 40);
  CHECK(j["prompt"] == "Emma");
  CHECK(j["tokens_per_second"].get<double>() > 0);
  REQUIRE(run({"sample", "gpt", "--model", model, "--prompt", "Emma", "--tokens", "40", "--seed", "3", "--json"}, out2, err) == 0);
  CHECK(nlohmann::json::parse(out2)["text"] == j["text"]);
  CHECK(run({"sample", "gpt", "--temperature", "-1"}, out, err) == 2);
  CHECK_THAT(err, Catch::Contains("--temperature"));
  CHECK(run({"sample", "gpt", "--tokens", "lots"}, out, err) == 2);
  CHECK(run({"sample", "gpt", "--frobnicate", "1"}, out, err) == 2);
  CHECK(run({"sample"}, out, err) == 2);
  CHECK_THAT(err, Catch::Contains("'gpt'"));
  CHECK(run({"train", "gpt", "--dim", "100", "--heads", "3"}, out, err) == 2);
  CHECK_THAT(err, Catch::Contains("multiple of --heads"));
  CHECK(run({"sample", "gpt", "--model", "/nonexistent.safetensors"}, out, err) == 1);
  CHECK_THAT(err, Catch::Contains("mlplay train gpt"));
}
