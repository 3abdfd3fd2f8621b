#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace pocket::app {

// Parses a command's options. Prints the help with an example and returns false when it was
// asked for; throws boost's errors (reported as usage errors) otherwise.
bool parse_command_line(const std::vector<std::string>& args,
                        const boost::program_options::options_description& options,
                        const boost::program_options::positional_options_description& positional,
                        boost::program_options::variables_map& vm, std::string_view example);

}  // namespace pocket::app
