// mlplay pca: principal component analysis of a CSV file, as in the pca lesson: covariance (or
// correlation with --standardize), eigenvalues by power iteration with deflation, explained variance.
//   mlplay pca datasets/iris.csv --standardize
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "args.h"
#include "commands.h"
#include "mlplay/core/error.h"
#include "mlplay/data/csv.h"
#include "mlplay/linalg/pca.h"
#include "mlplay/linalg/pca_data.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::decomposition;

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  check<IOError>(file.good(), "cannot open '", path, "'");
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// Writes the scores (pc1…pcK) and the label of every sample as CSV.
void write_scores(const std::string& path, const Matrix& scores, const LabeledData& data) {
  std::ofstream file(path);
  check<IOError>(file.good(), "cannot write '", path, "'");
  for (int64_t c = 0; c < scores.cols; ++c) file << (c ? "," : "") << "pc" << c + 1;
  if (!data.labels.empty()) file << "," << data.label_name;
  file << "\n";
  char cell[32];
  for (int64_t s = 0; s < scores.rows; ++s) {
    for (int64_t c = 0; c < scores.cols; ++c) {
      std::snprintf(cell, sizeof cell, "%s%.6g", c ? "," : "", scores(s, c));
      file << cell;
    }
    if (!data.labels.empty()) file << "," << data.classes[static_cast<size_t>(data.labels[static_cast<size_t>(s)])];
    file << "\n";
  }
}

int run_pca(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("pca", tokens, {"components", "label", "tolerance", "max-iterations", "seed", "out"}, {"standardize", "json"});
  if (args.positionals().size() != 1) throw UsageError("pca: give exactly one CSV file");
  const std::string label = args.value("label").value_or("");
  PCAOptions options;
  options.standardize = args.flag("standardize");
  options.power.tolerance = args.number("tolerance", 1e-6, 1e-14, 0.1);
  options.power.max_iterations = static_cast<int>(args.integer("max-iterations", 10000, 1, 10'000'000));
  options.power.seed = static_cast<uint64_t>(args.integer("seed", 0, 0, INT64_MAX));

  const data::CsvTable table = data::read_csv(read_text(args.positionals()[0]));
  if (!label.empty() && label != "none" && std::find(table.header.begin(), table.header.end(), label) == table.header.end()) {
    throw UsageError("pca: --label: the CSV has no column '" + label + "' (columns: " + join(table.header) + ")");
  }
  LabeledData data;
  try {
    data = labeled_data_from_csv(table, label);
  } catch (const ValueError& e) {
    // Too many classes for the chosen --label is a usage mistake; a bad cell is a data error.
    if (std::string(e.what()).rfind("pca: label column", 0) == 0) throw UsageError(e.what());
    throw;
  }
  const int64_t d = data.x.cols, n = data.x.rows;
  if (n < 2) throw ValueError("pca: need at least 2 data rows, the file has " + std::to_string(n));
  const int64_t k = args.integer("components", std::min<int64_t>(d, 10), 1, 1'000'000);
  if (k > d) throw UsageError("pca: --components " + std::to_string(k) + " is more than the " + std::to_string(d) + " numeric columns");
  options.n_components = k;

  PCA pca(options);
  pca.fit(data.x);
  const auto svd = top_singular_values(pca.centred(), std::min<int64_t>(k, 3), options.power);
  const std::vector<double> ratio = pca.explained_variance_ratio();
  std::vector<double> cumulative(ratio.size());
  double running = 0;
  for (size_t i = 0; i < ratio.size(); ++i) cumulative[i] = running += ratio[i];
  const Matrix scores = pca.transform(data.x, std::min<int64_t>(k, 2));
  if (args.has("out")) write_scores(*args.value("out"), pca.transform(data.x), data);

  if (args.flag("json")) {
    nlohmann::ordered_json components = nlohmann::ordered_json::array(), iterations = nlohmann::ordered_json::array(),
                           residuals = nlohmann::ordered_json::array(), singular = nlohmann::ordered_json::array();
    bool converged = true;
    for (const EigenPair& p : pca.eigenpairs()) {
      components.push_back(p.vector);
      iterations.push_back(p.iterations);
      residuals.push_back(p.residual);
      converged = converged && p.converged;
    }
    for (const SingularPair& s : svd) singular.push_back(s.value);
    nlohmann::ordered_json classes = nlohmann::ordered_json::array();
    for (size_t c = 0; c < data.classes.size(); ++c) {
      classes.push_back({{"name", data.classes[c]},
                         {"count", std::count(data.labels.begin(), data.labels.end(), static_cast<int32_t>(c))}});
    }
    nlohmann::ordered_json result = {
        {"samples", n}, {"features", d}, {"feature_names", data.feature_names},
        {"label", data.label_name.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(data.label_name)},
        {"classes", classes}, {"ignored", data.ignored}, {"standardize", options.standardize},
        {"components", k}, {"total_variance", pca.total_variance()}, {"eigenvalues", pca.explained_variance()},
        {"explained_variance_ratio", ratio}, {"cumulative_ratio", cumulative}, {"iterations", iterations},
        {"residuals", residuals}, {"converged", converged}, {"tolerance", options.power.tolerance},
        {"singular_values", singular}, {"mean", pca.mean()}, {"scale", pca.scale()}, {"vectors", components}};
    out << result.dump() << "\n";
    return 0;
  }
  char line[400];
  std::snprintf(line, sizeof line, "Loading %lld samples with %lld features each...\n", static_cast<long long>(n), static_cast<long long>(d));
  out << line;
  if (!data.label_name.empty()) out << "Label column '" << data.label_name << "' (" << data.classes.size() << " classes) is left out of the fit\n";
  if (!data.ignored.empty()) out << "Ignored text columns: " << join(data.ignored) << "\n";
  out << (options.standardize ? "Standardizing each feature, computing the correlation matrix...\n" : "Computing covariance matrix...\n");
  out << "Finding eigenvectors via power iteration with deflation...\n";
  for (size_t i = 0; i < ratio.size(); ++i) {
    const EigenPair& p = pca.eigenpairs()[i];
    std::snprintf(line, sizeof line, "Eigenvalue %zu: %.4g (%.1f%% variance explained, %.1f%% cumulative; %d iteration%s%s)\n", i + 1,
                  p.value, 100 * ratio[i], 100 * cumulative[i], p.iterations, p.iterations == 1 ? "" : "s",
                  p.converged ? "" : ", NOT converged");
    out << line;
  }
  std::snprintf(line, sizeof line, "Total variance (trace of the %s matrix): %.6g\n", options.standardize ? "correlation" : "covariance",
                pca.total_variance());
  out << line;
  for (size_t i = 0; i < svd.size(); ++i) {
    std::snprintf(line, sizeof line, "SVD check %zu: sigma = %.6g, sigma^2/(n-1) = %.6g\n", i + 1, svd[i].value,
                  svd[i].value * svd[i].value / static_cast<double>(n - 1));
    out << line;
  }
  out << "PC1 direction:";
  for (int64_t f = 0; f < d && f < 12; ++f) {
    std::snprintf(line, sizeof line, " %s %+.3f", data.feature_names[static_cast<size_t>(f)].c_str(), pca.component(0)[static_cast<size_t>(f)]);
    out << line << (f + 1 < std::min<int64_t>(d, 12) ? "," : "");
  }
  out << (d > 12 ? ", ...\n" : "\n");
  if (!data.labels.empty() && scores.cols == 2) {
    out << "Class centres in the first two components:\n";
    for (size_t c = 0; c < data.classes.size(); ++c) {
      double sx = 0, sy = 0;
      int count = 0;
      for (int64_t s = 0; s < n; ++s) {
        if (data.labels[static_cast<size_t>(s)] != static_cast<int32_t>(c)) continue;
        sx += scores(s, 0), sy += scores(s, 1), ++count;
      }
      std::snprintf(line, sizeof line, "  %-16s (%+.3f, %+.3f)  %d samples\n", data.classes[c].c_str(), sx / count, sy / count, count);
      out << line;
    }
  }
  if (args.has("out")) out << "Saved the scores on " << k << " components to " << *args.value("out") << "\n";
  return 0;
}

}  // namespace

Command pca_command() {
  return {"pca",
          "mlplay pca FILE.csv [--standardize] [--components K] [--label COLUMN|none] [--tolerance T] "
          "[--max-iterations N] [--seed S] [--out SCORES.csv] [--json]",
          "Principal component analysis: eigenvalues of the covariance (or, with --standardize, correlation) matrix by "
          "power iteration with deflation, and the share of variance each explains (default: the first 10). Numeric "
          "columns are the features; text columns are left out, the first one (or --label) names the classes.",
          run_pca};
}

}  // namespace mlplay::cli
