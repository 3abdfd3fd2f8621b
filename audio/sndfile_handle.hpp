#pragma once

#include <memory>

#include <sndfile.h>

namespace pocket {

// An open libsndfile file, closed when it goes out of scope.
struct SndFileCloser {
  void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndFileHandle = std::unique_ptr<SNDFILE, SndFileCloser>;

}  // namespace pocket
