#pragma once

#include <string>
#include <vector>

#include "support/synthetic_drummer.hpp"

namespace pocket::test {

struct SeedPerformance {
  std::string name;
  std::string description;
  DrummerSpec spec;
};

// The example performances in seeds/, each from a fixed random seed.
std::vector<SeedPerformance> seed_performances();

}  // namespace pocket::test
