#pragma once

#include <chrono>
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

// Today, from the system clock, in UTC like the history's dates.
std::chrono::sys_days today();
// The date a --today option gives, or today when it is empty. Throws UsageError for a bad date.
std::chrono::sys_days today_or(const std::string& option);

}  // namespace pocket::app
