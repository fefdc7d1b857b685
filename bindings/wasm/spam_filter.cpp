// spam-filter: the lesson's naive Bayes spam filter. The worker passes the corpus file (gunzipped)
// once; the engine parses the e-mails, tokenizes, splits and counts. Alpha changes re-score without
// recounting. Texts go back cut into pieces (plain text and tokens), so the page can highlight each
// token without mapping UTF-8 byte offsets to JS string offsets.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "guard.h"
#include "js.h"
#include "mlplay/text/spam_filter.h"

namespace mlplay::bindings {
namespace {

using emscripten::val;
using namespace mlplay::text;

val metrics_js(const BinaryMetrics& m) {
  val out = val::object();
  out.set("accuracy", m.accuracy);
  out.set("precision", m.precision);
  out.set("recall", m.recall);
  out.set("f1", m.f1);
  out.set("truePositives", static_cast<double>(m.tp));
  out.set("falsePositives", static_cast<double>(m.fp));
  out.set("trueNegatives", static_cast<double>(m.tn));
  out.set("falseNegatives", static_cast<double>(m.fn));
  return out;
}

val word_js(const WordStats& s) {
  val out = val::object();
  out.set("word", s.word);
  out.set("known", s.known);
  out.set("spamCount", s.spam_count);
  out.set("hamCount", s.ham_count);
  out.set("spamDocuments", s.spam_documents);
  out.set("hamDocuments", s.ham_documents);
  out.set("logPSpam", s.log_p_spam);
  out.set("logPHam", s.log_p_ham);
  out.set("logRatio", s.log_ratio);
  out.set("count", s.count);
  return out;
}

val words_js(const std::vector<WordStats>& words) {
  val out = val::array();
  for (const auto& w : words) out.call<void>("push", word_js(w));
  return out;
}

/// The text as pieces: plain stretches and tokens; pieceToken[i] is the token index of piece i or −1.
val classification_js(const Classification& c, const std::string& text, size_t max_words) {
  val pieces = val::array();
  std::vector<int32_t> piece_token;
  std::vector<double> log_ratio;
  std::vector<uint8_t> known;
  size_t at = 0;
  for (size_t t = 0; t < c.tokens.size(); ++t) {
    const TokenScore& token = c.tokens[t];
    if (token.begin > at) {
      pieces.call<void>("push", text.substr(at, token.begin - at));
      piece_token.push_back(-1);
    }
    pieces.call<void>("push", text.substr(token.begin, token.end - token.begin));
    piece_token.push_back(static_cast<int32_t>(t));
    log_ratio.push_back(token.log_ratio);
    known.push_back(token.known ? 1 : 0);
    at = token.end;
  }
  if (at < text.size()) {
    pieces.call<void>("push", text.substr(at));
    piece_token.push_back(-1);
  }
  val tokens = val::array();
  for (const auto& token : c.tokens) tokens.call<void>("push", token.token);
  val out = val::object();
  out.set("label", c.label == kSpam ? std::string("spam") : std::string("ham"));
  out.set("pSpam", c.p_spam);
  out.set("scoreSpam", c.score_spam);
  out.set("scoreHam", c.score_ham);
  out.set("logPriorSpam", c.log_prior_spam);
  out.set("logPriorHam", c.log_prior_ham);
  out.set("knownTokens", static_cast<double>(c.known_tokens));
  out.set("unknownTokens", static_cast<double>(c.unknown_tokens));
  out.set("pieces", pieces);
  out.set("pieceToken", typed_array("Int32Array", piece_token));
  out.set("tokens", tokens);
  out.set("tokenLogRatio", typed_array("Float64Array", log_ratio));
  out.set("tokenKnown", typed_array("Uint8Array", known));
  const std::vector<WordStats> top(c.words.begin(), c.words.begin() + static_cast<std::ptrdiff_t>(std::min(max_words, c.words.size())));
  out.set("words", words_js(top));
  out.set("distinctWords", static_cast<double>(c.words.size()));
  return out;
}

class SpamFilterJs {
 public:
  /// corpus: the corpus file's bytes after gunzip (see parse_spam_corpus).
  SpamFilterJs(const val& corpus, double test_fraction, double seed, double alpha)
      : filter_(guard([&] {
          const std::vector<uint8_t> bytes = emscripten::convertJSArrayToNumberVector<uint8_t>(corpus);
          const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
          return SpamFilter(parse_spam_corpus(text),
                            {.test_fraction = test_fraction, .seed = to_count(seed, "SpamFilter: seed"), .alpha = alpha});
        })) {}

  void set_alpha(double alpha) { guard([&] { filter_.set_alpha(alpha); }); }
  double alpha() const { return filter_.alpha(); }

  /// {messages, vocabulary, trainSpam, trainHam, testSpam, testHam, pSpam}
  val summary() const {
    val out = val::object();
    size_t test_spam = 0;
    for (const size_t i : filter_.test_indices()) test_spam += filter_.message(i).label == kSpam;
    out.set("messages", static_cast<double>(filter_.size()));
    out.set("vocabulary", static_cast<double>(filter_.vocabulary().size()));
    out.set("trainSpam", static_cast<double>(filter_.train_count(kSpam)));
    out.set("trainHam", static_cast<double>(filter_.train_count(kHam)));
    out.set("testSpam", static_cast<double>(test_spam));
    out.set("testHam", static_cast<double>(filter_.test_indices().size() - test_spam));
    out.set("pSpam", std::exp(filter_.model().class_log_prior(kSpam)));
    return out;
  }

  /// {metrics, pSpam: Float64Array, predicted, truth: Uint8Array (1 = spam)} over the held-out messages.
  val evaluate() const {
    return guard([&] {
      const auto e = filter_.evaluate();
      std::vector<uint8_t> predicted, truth;
      for (size_t k = 0; k < e.predicted.size(); ++k) {
        predicted.push_back(e.predicted[k] == kSpam ? 1 : 0);
        truth.push_back(filter_.message(filter_.test_indices()[k]).label == kSpam ? 1 : 0);
      }
      val out = val::object();
      out.set("metrics", metrics_js(e.metrics));
      out.set("pSpam", typed_array("Float64Array", e.p_spam));
      out.set("predicted", typed_array("Uint8Array", predicted));
      out.set("truth", typed_array("Uint8Array", truth));
      return out;
    });
  }

  /// {accuracy, precision, recall, f1: Float64Array} for each alpha.
  val alpha_sweep(const val& alphas) {
    return guard([&] {
      const auto metrics = filter_.alpha_sweep(emscripten::convertJSArrayToNumberVector<double>(alphas));
      std::vector<double> accuracy, precision, recall, f1;
      for (const auto& m : metrics) accuracy.push_back(m.accuracy), precision.push_back(m.precision), recall.push_back(m.recall), f1.push_back(m.f1);
      val out = val::object();
      out.set("accuracy", typed_array("Float64Array", accuracy));
      out.set("precision", typed_array("Float64Array", precision));
      out.set("recall", typed_array("Float64Array", recall));
      out.set("f1", typed_array("Float64Array", f1));
      return out;
    });
  }

  val classify(const std::string& text, double max_words) const {
    return guard([&] { return classification_js(filter_.classify(text), text, to_count(max_words, "SpamFilter.classify: maxWords")); });
  }

  /// The k-th held-out message: its text classified, and its true label.
  val test_message(double k, double max_words) const {
    return guard([&] {
      const size_t index = to_count(k, "SpamFilter.testMessage: index");
      check(index < filter_.test_indices().size(), "SpamFilter.testMessage: index ", index, " is past the ",
            filter_.test_indices().size(), " held-out messages");
      const LabeledText& m = filter_.message(filter_.test_indices()[index]);
      val out = classification_js(filter_.classify(m.text), m.text, to_count(max_words, "SpamFilter.testMessage: maxWords"));
      out.set("truth", m.label == kSpam ? std::string("spam") : std::string("ham"));
      return out;
    });
  }

  val word_stats(const std::string& word) const { return guard([&] { return word_js(filter_.word_stats(word)); }); }
  val top_words(const std::string& label, double k, double min_documents) const {
    return guard([&] {
      check(label == "spam" || label == "ham", "SpamFilter.topWords: label must be 'spam' or 'ham', got '", label, "'");
      return words_js(filter_.top_words(label == "spam" ? kSpam : kHam, to_count(k, "SpamFilter.topWords: k"),
                                        to_count(min_documents, "SpamFilter.topWords: minDocuments")));
    });
  }

 private:
  SpamFilter filter_;
};

/// The tokens of `text`, as the filter sees them.
val tokenize_js(const std::string& text) {
  return guard([&] {
    val out = val::array();
    for (const auto& w : tokenize_words(text)) out.call<void>("push", w);
    return out;
  });
}

}  // namespace
}  // namespace mlplay::bindings

EMSCRIPTEN_BINDINGS(mlplay_spam_filter) {
  using namespace emscripten;
  using mlplay::bindings::SpamFilterJs;
  class_<SpamFilterJs>("SpamFilter")
      .constructor<val, double, double, double>()
      .function("setAlpha", &SpamFilterJs::set_alpha)
      .function("alpha", &SpamFilterJs::alpha)
      .function("summary", &SpamFilterJs::summary)
      .function("evaluate", &SpamFilterJs::evaluate)
      .function("alphaSweep", &SpamFilterJs::alpha_sweep)
      .function("classify", &SpamFilterJs::classify)
      .function("testMessage", &SpamFilterJs::test_message)
      .function("wordStats", &SpamFilterJs::word_stats)
      .function("topWords", &SpamFilterJs::top_words);
  function("spamTokenize", &mlplay::bindings::tokenize_js);
}
