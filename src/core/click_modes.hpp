#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "analysis.hpp"
#include "drill.hpp"

namespace pocket {

// What a click mode asks of the click at bar lines. The click moves a request that comes too
// late for its bar line to the next one.
struct SilenceRequest {
  static constexpr std::int64_t kUntilTold = std::numeric_limits<std::int64_t>::max();
  enum class Kind { silence, end_silence } kind = Kind::silence;
  std::int64_t from_bar = 0;         // silence: the first silent bar; end: the first heard one
  std::int64_t to_bar = kUntilTold;  // silence: the first heard bar after it
};

// Silent while tight, decided bar by bar from the closed bars. Clock-free. [session thread]
class SilentWhileTightMode {
 public:
  explicit SilentWhileTightMode(SilentWhileTight config) : config_(config) {}

  // A drill bar closed (bars in order): asks for the click to drop out after enough tight
  // bars, and to come back after a bar that leaves the window.
  std::optional<SilenceRequest> bar_closed(const BarTally& bar);

 private:
  SilentWhileTight config_;
  int tight_bars_ = 0;
  bool silent_ = false;  // the click was asked to drop out and not yet to come back
};

// One gap of the quiet count.
struct QuietGap {
  std::int64_t first_bar = 0;
  int bars = 0;
  bool held = false;  // within the window
  Tally tally;
};

// Quiet count, decided from the closed bars: each gap's length follows how the last one went.
// Clock-free. [session thread]
class QuietCountMode {
 public:
  explicit QuietCountMode(QuietCount config);

  // The first gap, to hand to the click before it starts.
  SilenceRequest first_gap() const { return planned_; }
  // A drill bar closed (bars in order); `silenced`: its clicks were left out. Asks for the
  // next gap when one ends.
  std::optional<SilenceRequest> bar_closed(const BarTally& bar, bool silenced);
  const std::vector<QuietGap>& gaps() const { return gaps_; }

 private:
  QuietCount config_;
  int gap_bars_;
  SilenceRequest planned_;
  Tally tally_;  // of the gap under way
  std::vector<QuietGap> gaps_;
};

}  // namespace pocket
