// mlplay svm: a support vector machine on a CSV file, as in the svm lesson: SMO with a linear, RBF or
// polynomial kernel (one-vs-rest for more than two classes), a stratified train/test split,
// standardization fitted on the training rows, support vectors per machine, accuracy, and with
// --grid a k-fold cross-validated search over C and γ.
//   mlplay svm datasets/iris.csv --target species --kernel rbf --C 1 --gamma 0.5 --standardize
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "args.h"
#include "commands.h"
#include "mlplay/classify/svm.h"
#include "mlplay/core/error.h"
#include "table_args.h"

namespace mlplay::cli {
namespace {

using namespace mlplay::classify;
using json = nlohmann::ordered_json;

json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

std::string percent(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", 100 * value);
  return text;
}

/// "0.1,1,10" → numbers > 0.
std::vector<double> positive_list(const Args& args, const std::string& name, const std::vector<double>& fallback) {
  const auto text = args.value(name);
  if (!text) return fallback;
  std::vector<double> out;
  std::istringstream in(*text);
  std::string part;
  while (std::getline(in, part, ',')) {
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0' || !(v > 0) || !std::isfinite(v)) {
      throw UsageError("svm: --" + name + " must be a comma-separated list of numbers > 0, got '" + *text + "'");
    }
    out.push_back(v);
  }
  if (out.empty()) throw UsageError("svm: --" + name + " is empty");
  return out;
}

int run_svm(const std::vector<std::string>& tokens, std::ostream& out) {
  Args args("svm", tokens, with_table_options({"kernel", "C", "gamma", "degree", "coef0", "tol", "max-iter", "grid-C", "grid-gamma", "folds"}),
            {"standardize", "grid", "json"});
  const std::string csv = table_csv_text(args);
  const data::TableSpec spec = table_spec(args, data::TargetKind::classes);
  SvmOptions options;
  try {
    options.kernel.type = parse_kernel(args.value("kernel").value_or("rbf"));
  } catch (const ValueError&) {
    throw UsageError("svm: --kernel must be linear, rbf or poly, got '" + *args.value("kernel") + "'");
  }
  options.C = args.number("C", 1.0, 1e-6, 1e9);
  options.kernel.degree = static_cast<int>(args.integer("degree", 3, 1, 10));
  options.kernel.coef0 = args.number("coef0", 0.0, -1e6, 1e6);
  options.tol = args.number("tol", 1e-3, 1e-12, 1);
  options.max_iter = args.integer("max-iter", 1'000'000, 1, 1'000'000'000);
  const SplitOptions split_opts = split_options(args, 0.3);
  const bool grid = args.flag("grid") || args.has("grid-C") || args.has("grid-gamma");
  const std::vector<double> grid_C = positive_list(args, "grid-C", {0.01, 0.1, 1, 10, 100});
  const std::vector<double> grid_gamma = positive_list(args, "grid-gamma", {0.01, 0.1, 1, 10, 100});
  const int folds = static_cast<int>(args.integer("folds", 5, 2, 50));

  data::Dataset data = data::load_table_text(csv, spec);
  const data::Split split = data::train_test_split(data, split_opts.test_fraction, split_opts.seed);
  const bool standardize = args.flag("standardize");
  data::Dataset scaled = data;
  if (standardize) data::Standardizer::fit(scaled, split.train).apply(scaled);
  const Samples train = samples_of(scaled, split.train), test = samples_of(scaled, split.test);
  const bool gamma_given = args.has("gamma");
  options.kernel.gamma = gamma_given ? args.number("gamma", 1.0, 1e-9, 1e9) : gamma_scale(train);

  SVC model(options);
  model.fit(train);
  const double train_acc = accuracy(model.predict(train), train.labels);
  const auto test_pred = model.predict(test);
  const double test_acc = accuracy(test_pred, test.labels);
  GridSearchResult search;
  if (grid) search = grid_search(data.subset(split.train), {}, options, grid_C, grid_gamma, folds, split_opts.seed, standardize);
  const auto& machines = model.machines();
  const auto machine_name = [&](size_t m) {
    return machines.size() == 1 ? data.classes[1] + " vs " + data.classes[0] : data.classes[m] + " vs rest";
  };

  if (args.flag("json")) {
    json machines_json = json::array();
    for (size_t m = 0; m < machines.size(); ++m) {
      const BinarySvm& svm = machines[m];
      json item = {{"name", machine_name(m)}, {"support", svm.support()}, {"dual_coef", svm.dual_coef()}, {"intercept", svm.intercept()},
                   {"iterations", svm.n_iter()}, {"converged", svm.converged()}, {"dual_objective", svm.dual_objective()}};
      if (options.kernel.type == KernelType::linear) item["coef"] = svm.coef();
      machines_json.push_back(item);
    }
    json result = {{"samples", data.rows}, {"features", data.cols}, {"feature_names", data.feature_names}, {"target", data.target_name},
                   {"classes", data.classes}, {"train_rows", train.rows}, {"test_rows", test.rows}, {"standardize", standardize},
                   {"kernel", to_string(options.kernel.type)}, {"C", options.C}, {"gamma", options.kernel.gamma}, {"degree", options.kernel.degree},
                   {"coef0", options.kernel.coef0}, {"seed", split_opts.seed}, {"test_fraction", split_opts.test_fraction},
                   {"multiclass", machines.size() == 1 ? "binary" : "one-vs-rest"}, {"machines", machines_json},
                   {"n_support", model.support().size()}, {"train_accuracy", train_acc}, {"test_accuracy", number(test_acc)},
                   {"test_predictions", test_pred}};
    if (grid) {
      json mean = json::array();
      for (size_t a = 0; a < grid_C.size(); ++a) {
        json row = json::array();
        for (size_t g = 0; g < grid_gamma.size(); ++g) row.push_back(search.mean_accuracy[a * grid_gamma.size() + g]);
        mean.push_back(row);
      }
      result["grid"] = {{"C", grid_C}, {"gamma", grid_gamma}, {"folds", folds}, {"mean_accuracy", mean},
                        {"best_C", grid_C[search.best_C]}, {"best_gamma", grid_gamma[search.best_gamma]}};
    }
    out << result.dump() << "\n";
    return 0;
  }

  char line[256];
  out << "=== Support Vector Machine ===\n";
  out << "Loaded " << data.rows << " rows with " << data.cols << " features; target '" << data.target_name << "' has " << data.num_classes()
      << " classes\n";
  out << "Split (stratified, seed " << split_opts.seed << "): " << train.rows << " training rows, " << test.rows << " test rows\n";
  if (standardize) out << "Standardized every feature with the training rows' mean and standard deviation\n";
  std::snprintf(line, sizeof line, "Kernel %s, C = %g", to_string(options.kernel.type).c_str(), options.C);
  out << line;
  if (options.kernel.type != KernelType::linear) {
    std::snprintf(line, sizeof line, ", gamma = %.4g%s", options.kernel.gamma, gamma_given ? "" : " (scale: 1 / (features x variance))");
    out << line;
  }
  if (options.kernel.type == KernelType::poly) out << ", degree " << options.kernel.degree << ", coef0 " << options.kernel.coef0;
  out << "\n" << (machines.size() == 1 ? "One binary machine" : std::to_string(machines.size()) + " one-vs-rest machines") << " trained by SMO:\n";
  for (size_t m = 0; m < machines.size(); ++m) {
    const BinarySvm& svm = machines[m];
    int64_t bounded = 0;
    for (double a : svm.alpha()) bounded += a >= options.C;
    std::snprintf(line, sizeof line, "  %s: %zu support vectors (%lld at C), intercept %.6g, %lld SMO steps%s\n", machine_name(m).c_str(),
                  svm.support().size(), static_cast<long long>(bounded), svm.intercept(), static_cast<long long>(svm.n_iter()),
                  svm.converged() ? "" : " (stopped at --max-iter, not converged)");
    out << line;
    if (options.kernel.type == KernelType::linear) {
      const auto w = svm.coef();
      double norm = 0;
      for (double v : w) norm += v * v;
      std::snprintf(line, sizeof line, "    margin width 2/|w| = %.4g\n", 2 / std::sqrt(norm));
      out << line;
    }
  }
  out << "Training accuracy: " << percent(train_acc) << "\n";
  out << "Test accuracy: " << percent(test_acc) << "\n";
  if (grid) {
    out << folds << "-fold cross-validated accuracy on the training rows (rows C, columns gamma):\n        ";
    for (double g : grid_gamma) {
      std::snprintf(line, sizeof line, "%9.3g", g);
      out << line;
    }
    out << "\n";
    for (size_t a = 0; a < grid_C.size(); ++a) {
      std::snprintf(line, sizeof line, "  %6.3g", grid_C[a]);
      out << line;
      for (size_t g = 0; g < grid_gamma.size(); ++g) {
        std::snprintf(line, sizeof line, "%8.2f%%", 100 * search.mean_accuracy[a * grid_gamma.size() + g]);
        out << line;
      }
      out << "\n";
    }
    std::snprintf(line, sizeof line, "Best: C = %g, gamma = %g (%.2f%%)\n", grid_C[search.best_C], grid_gamma[search.best_gamma],
                  100 * search.mean_accuracy[search.best_C * grid_gamma.size() + search.best_gamma]);
    out << line;
  }
  return 0;
}

}  // namespace

Command svm_command() {
  return {"svm",
          "mlplay svm FILE.csv --target COLUMN [--kernel linear|rbf|poly] [--C C] [--gamma G] [--degree D] [--coef0 R] [--standardize] "
          "[--test-fraction F] [--seed S] [--features a,b] [--drop c] [--missing error|drop|fill] [--grid] [--grid-C 0.1,1,10] "
          "[--grid-gamma 0.1,1] [--folds K] [--json]",
          "support vector machine trained by SMO (one-vs-rest for 3+ classes): support vectors, intercepts, training and test "
          "accuracy; --grid adds a k-fold cross-validated search over C and gamma. gamma defaults to scikit-learn's 'scale'.",
          run_svm};
}

}  // namespace mlplay::cli
