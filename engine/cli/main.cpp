// mlplay: the native command-line tool. See `mlplay --help`.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return mlplay::cli::run_cli(args, std::cout, std::cerr);
}
