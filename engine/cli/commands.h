#pragma once
// The CLI's command table. Each command lives in its own file (pi_command.cpp, …) and is listed in
// commands.cpp; run_cli dispatches to it. Tests call run_cli directly.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace mlplay::cli {

struct Command {
  std::string name;
  std::string usage;    // one line: "mlplay pi --samples N [--threads T] [--seed S] [--json]"
  std::string summary;  // one line for `mlplay --help`
  std::function<int(const std::vector<std::string>& tokens, std::ostream& out)> run;
};

const std::vector<Command>& commands();

/// Runs `mlplay <argv…>` (argv excludes the program name). Results go to `out`, messages to `err`.
/// Returns the exit status: 0 success, 1 failure, 2 bad usage.
int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

Command pi_command();
Command bench_command();
Command derive_command();
Command transform_command();
Command physics_command();
Command fit_command();
Command warp_command();
Command optimize_command();
Command pca_command();
Command kmeans_command();
Command dbscan_command();
Command hclust_command();
Command gmm_command();
Command recommend_command();
Command abtest_command();
Command info_command();
Command train_command();
Command eval_command();
Command dist_command();
Command sample_command();
/// `mlplay train gpt …` and `mlplay eval gpt …`, dispatched from the train and eval commands.
int run_gpt_train(const std::vector<std::string>& tokens, std::ostream& out);
int run_gpt_eval(const std::vector<std::string>& tokens, std::ostream& out);
Command spam_command();
Command ga_command();
Command hmm_command();
Command tree_command();
Command forest_command();
Command boost_command();
Command knn_command();
Command gnb_command();
Command svm_command();
Command linreg_command();
Command logreg_command();
Command cv_command();

}  // namespace mlplay::cli
