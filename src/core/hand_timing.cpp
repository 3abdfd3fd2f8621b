#include "hand_timing.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pocket {

namespace {

const HandStats* find_hand(std::span<const HandStats> hands, Hand hand) {
  for (const HandStats& h : hands)
    if (h.hand == hand) return &h;
  return nullptr;
}

// Twice the standard error of the difference of two means.
double two_standard_errors(double sd_a, std::int64_t n_a, double sd_b, std::int64_t n_b) {
  return 2.0 *
         std::sqrt(sd_a * sd_a / static_cast<double>(n_a) + sd_b * sd_b / static_cast<double>(n_b));
}

std::string timing_words(const HandComparison& c) {
  const bool left_later = c.left_later_ms > 0.0;
  return fmt::format("the {} hand sits {:.1f} ms behind the {}", left_later ? "left" : "right",
                     std::abs(c.left_later_ms), left_later ? "right" : "left");
}

}  // namespace

VelocityStats velocity_stats(std::span<const int> velocities) {
  VelocityStats s;
  s.strokes = static_cast<std::int64_t>(velocities.size());
  if (velocities.empty()) return s;
  for (const int v : velocities) s.mean += v;
  s.mean /= static_cast<double>(velocities.size());
  if (velocities.size() < 2) return s;
  double squares = 0.0;
  for (const int v : velocities) squares += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(squares / static_cast<double>(velocities.size() - 1));
  return s;
}

std::optional<HandComparison> compare_hands(std::span<const HandStats> hands,
                                            double measuring_error_ms) {
  const HandStats* right = find_hand(hands, Hand::right);
  const HandStats* left = find_hand(hands, Hand::left);
  if (right == nullptr || left == nullptr || right->timing.hits < 2 || left->timing.hits < 2)
    return std::nullopt;
  HandComparison c;
  c.left_later_ms = left->timing.mean_offset_ms - right->timing.mean_offset_ms;
  c.timing_differs = std::abs(c.left_later_ms) > measuring_error_ms &&
                     std::abs(c.left_later_ms) >
                         two_standard_errors(left->timing.sd_offset_ms, left->timing.hits,
                                             right->timing.sd_offset_ms, right->timing.hits);
  const VelocityStats& lv = left->velocity;
  const VelocityStats& rv = right->velocity;
  const double louder_by = rv.mean - lv.mean;
  c.left_softer = rv.mean > 0.0 ? louder_by / rv.mean : 0.0;
  c.loudness_differs =
      std::abs(louder_by) > 1.0 &&
      std::abs(louder_by) > two_standard_errors(lv.sd, lv.strokes, rv.sd, rv.strokes);
  const bool left_softer = louder_by > 0.0;
  const double softer_share = left_softer ? c.left_softer : (lv.mean - rv.mean) / lv.mean;
  const std::string softer = fmt::format("plays {:.0f} % softer", 100.0 * softer_share);
  if (c.timing_differs && c.loudness_differs) {
    const bool same_hand = (c.left_later_ms > 0.0) == left_softer;
    c.sentence = same_hand ? fmt::format("{} and {}", timing_words(c), softer)
                           : fmt::format("{}, and the {} hand {}", timing_words(c),
                                         left_softer ? "left" : "right", softer);
  } else if (c.timing_differs) {
    c.sentence = timing_words(c) + ", as loud";
  } else if (c.loudness_differs) {
    c.sentence =
        fmt::format("the {} hand {} than the {}, in time with it", left_softer ? "left" : "right",
                    softer, left_softer ? "right" : "left");
  } else {
    c.sentence = fmt::format("the hands match: within {:.1f} ms and {:.0f} % of each other",
                             std::abs(c.left_later_ms), 100.0 * std::abs(c.left_softer));
  }
  return c;
}

}  // namespace pocket
