#pragma once

#include <string>
#include <vector>

// Made-up histories of one drill, each with the goal set on it and the exact sentence its
// projection must give on 2027-01-10. Core's unit tests project them as they are; the app's
// tests store them through the history's API and ask `pocket goal`.
namespace pocket::test {

inline constexpr const char* kMadeUpToday = "2027-01-10";

struct MadeUpSession {
  int days_before_today = 0;
  double bpm = 0.0;  // the tempo the session held
};

struct MadeUpHistory {
  std::string kind;
  std::vector<MadeUpSession> sessions;  // oldest first
  double goal_bpm = 130.0;
  std::string consolidated;  // as `pocket goal` shows it
  std::string sentence;      // the projection's message
};

// Nine weekly sessions over the eight weeks up to today.
inline std::vector<MadeUpSession> weekly(const std::vector<double>& bpm) {
  std::vector<MadeUpSession> out;
  for (std::size_t i = 0; i < bpm.size(); ++i)
    out.push_back({static_cast<int>(7 * (bpm.size() - 1 - i)), bpm[i]});
  return out;
}

inline std::vector<MadeUpSession> daily(int days, double bpm) {
  std::vector<MadeUpSession> out;
  for (int d = days - 1; d >= 0; --d) out.push_back({d, bpm});
  return out;
}

inline std::vector<MadeUpHistory> made_up_histories() {
  return {
      {"flat, without scatter", daily(90, 108.2), 130.0, "108.2 BPM",
       "Your held tempo has stayed near 108.2 BPM for 12 weeks: at this rate there is no date. A "
       "session that holds more than 108.2 BPM starts a rise; the next may climb as far as "
       "113.6 BPM."},
      {"flat, with scatter", weekly({106, 110, 107, 109, 108, 109, 107, 110, 106}), 130.0,
       "110 BPM",
       "Your held tempo has stayed near 108 BPM, give or take 1.7 BPM, for 8 weeks: at this rate "
       "there is no date. A session that holds more than 110 BPM starts a rise; the next may "
       "climb as far as 115.5 BPM."},
      {"falling", weekly({120, 118.8, 117.6, 116.4, 115.2, 114, 112.8, 111.6, 110.4}), 130.0,
       "115.2 BPM",
       "Your held tempo has come down about 1.2 BPM a week over the last 8 weeks: at this rate "
       "there is no date. Sessions at a tempo where your timing holds, and days of rest, are "
       "what turn it round."},
      // 0.6 BPM a week, with sessions 3 BPM either side of the line.
      {"rising slowly, with much scatter",
       weekly({104.6, 99.2, 99.8, 106.4, 104, 107.6, 102.2, 102.8, 109.4}), 130.0, "109.4 BPM",
       "Your held tempo may be rising, about +0.6 BPM a week over the last 8 weeks, but your "
       "sessions land about 3.2 BPM either side of that trend, enough to hide it: no date yet. "
       "More sessions will tell."},
      {"rising steadily",
       {{35, 140.0}, {28, 141.5}, {21, 143.0}, {14, 144.5}, {7, 146.0}, {0, 147.5}},
       160.0,
       "147.5 BPM",
       "Your held tempo is rising about 1.5 BPM a week over the last 8 weeks: at that rate you "
       "would reach 160 BPM around 2027-03-10."},
      {"rising too slowly to give a date within two years",
       weekly({100, 100.1, 100.2, 100.3, 100.4, 100.5, 100.6, 100.7, 100.8}), 130.0, "100.8 BPM",
       "Your held tempo is rising about 0.1 BPM a week over the last 8 weeks: at that rate 130 "
       "BPM is more than two years away, so there is no date. Two years at that rate reach about "
       "111.2 BPM; a goal on the way there would give one."},
      {"a single week",
       {{6, 100}, {5, 101}, {4, 102}, {3, 103}, {2, 104}, {1, 105}, {0, 106}},
       130.0,
       "106 BPM",
       "7 sessions in the last 8 weeks held a tempo, all within 6 days: too little to tell a "
       "rate. A rate shows from 3 sessions over 2 weeks."},
  };
}

// Eight weeks that rose 1.1 BPM a week, then twelve weeks level at 107.7 BPM.
inline std::vector<MadeUpSession> rose_then_levelled() {
  std::vector<MadeUpSession> out;
  for (int week = 0; week < 8; ++week) out.push_back({133 - 7 * week, 100.0 + 1.1 * week});
  for (int day = 77; day >= 0; day -= 7) out.push_back({day, 107.7});
  return out;
}

}  // namespace pocket::test
