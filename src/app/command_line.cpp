#include "command_line.hpp"

#include <iostream>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/practice_history.hpp"

namespace po = boost::program_options;

namespace pocket::app {

bool parse_command_line(const std::vector<std::string>& args,
                        const po::options_description& options,
                        const po::positional_options_description& positional, po::variables_map& vm,
                        std::string_view example) {
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << options << "\nexample: " << example << "\n";
    return false;
  }
  po::notify(vm);
  return true;
}

std::chrono::sys_days today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

std::chrono::sys_days today_or(const std::string& option) {
  if (option.empty()) return today();
  const auto date = parse_date(option);
  if (!date) throw UsageError(fmt::format("--today '{}': use a date like 2026-12-01", option));
  return *date;
}

}  // namespace pocket::app
