#include "commands.h"

#include <exception>

#include "args.h"

namespace mlplay::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {pi_command(), bench_command(), transform_command(), physics_command(), derive_command(), warp_command(), optimize_command(), fit_command(), recommend_command(), abtest_command(), info_command(), train_command(), eval_command(), dist_command(), pca_command(), kmeans_command(), dbscan_command(), hclust_command(), gmm_command(), ga_command(), hmm_command(), spam_command(), sample_command(), linreg_command(), logreg_command(), knn_command(), gnb_command(), svm_command(), tree_command(), forest_command(), boost_command(), cv_command()};
  return table;
}

namespace {
void print_help(std::ostream& out) {
  out << "mlplay — machine learning from first principles (native CLI)\n\nCommands:\n";
  for (const auto& command : commands()) out << "  " << command.usage << "\n      " << command.summary << "\n";
  out << "\nEvery command that reports results prints JSON with --json. `mlplay COMMAND --help` for one.\n";
}
}  // namespace

int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
    print_help(argv.empty() ? err : out);
    return argv.empty() ? 2 : 0;
  }
  for (const auto& command : commands()) {
    if (command.name != argv[0]) continue;
    const std::vector<std::string> tokens(argv.begin() + 1, argv.end());
    for (const auto& token : tokens) {
      if (token == "--help" || token == "-h") {
        out << "usage: " << command.usage << "\n" << command.summary << "\n";
        return 0;
      }
    }
    try {
      return command.run(tokens, out);
    } catch (const UsageError& e) {
      err << "error: " << e.what() << "\nusage: " << command.usage << "\n";
      return 2;
    } catch (const std::exception& e) {
      err << "error: " << command.name << ": " << e.what() << "\n";
      return 1;
    }
  }
  err << "error: unknown command '" << argv[0] << "'\n";
  print_help(err);
  return 2;
}

}  // namespace mlplay::cli
