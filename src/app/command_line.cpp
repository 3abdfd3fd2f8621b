#include "command_line.hpp"

#include <iostream>

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

}  // namespace pocket::app
