// The kit's port watched in a live session: once a second, each outage kept with its length.
#include <catch2/catch.hpp>

#include "live/port_watch.hpp"

using namespace pocket;
using namespace std::chrono_literals;
using Change = KitInput::PortChange;

TEST_CASE("the kit's port is looked at once a second", "[live][midi]") {
  const PortWatch::Clock::time_point start{};
  PortWatch watch(start);
  CHECK_FALSE(watch.due(start + 500ms));
  CHECK(watch.due(start + 1000ms));
  CHECK_FALSE(watch.due(start + 1900ms));
  CHECK(watch.due(start + 2000ms));
}

TEST_CASE("each outage of the kit's port is kept with its length, and each return counted",
          "[live][midi]") {
  PortWatch watch(PortWatch::Clock::time_point{});
  const MidiPortChange lost = watch.changed(Change::lost, "kit", 10.0);
  CHECK_FALSE(lost.connected);
  CHECK(lost.port == "kit");
  CHECK(lost.at_seconds == 10.0);
  CHECK(lost.outage_seconds == 0.0);
  const MidiPortChange back = watch.changed(Change::back, "kit", 14.5);
  CHECK(back.connected);
  CHECK(back.outage_seconds == 4.5);
  watch.changed(Change::lost, "kit", 30.0);  // away to the end

  LiveResult result;
  watch.finish(42.0, result);
  REQUIRE(result.midi_outages.size() == 2);
  CHECK(result.midi_outages[0].start_seconds == 10.0);
  CHECK(result.midi_outages[0].seconds == 4.5);
  CHECK(result.midi_outages[1].start_seconds == 30.0);
  CHECK(result.midi_outages[1].seconds == 12.0);
  CHECK(result.midi_reconnects == 1);
}
