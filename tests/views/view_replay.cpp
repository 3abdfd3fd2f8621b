// Shows the full-screen view with the events of a made-up ladder session, for the view's
// render test (screen_view_test.cpp): strokes on two pads over two closed bars, a step under
// way, a gap bar, audio underflows and the kit's port gone (or, given "song", a song that
// skipped twice instead). It ends on q, giving the terminal back, and keeps redrawing until
// then, so that a new window size shows.
#include <chrono>
#include <string>
#include <thread>
#include <tuple>

#include "views/full_screen.hpp"
#include "views/screen_view.hpp"

using namespace pocket;
using namespace pocket;

int main(int argc, char** argv) {
  const bool song = argc > 1 && std::string(argv[1]) == "song";
  FullScreen screen;
  ScreenView view(screen);
  const std::vector<std::string> pads = {"kick", "snare"};
  view.started({"replay",
                "JACK (pocket's own client) / system:playback_1",
                "TD-17:midi_out",
                5.3,
                0.02,
                128,
                48000.0,
                {"your consolidated tempo on replay is 100 BPM: today's ladder goes no higher "
                 "than 105 BPM"}});

  StepProgress step{0, 100.0, 2, 4, {}, PassRule{}};
  double seconds = 0.0;
  const auto stroke = [&](int pad, double offset_ms, int velocity = 90) {
    ScoredStroke s;
    s.stroke = {seconds += 0.6, pad, velocity};
    s.offset_ms = offset_ms;
    s.matched = true;
    view.stroke_scored(s, pads.at(static_cast<std::size_t>(pad)));
    return s;
  };
  for (std::int64_t bar = 0; bar < 2; ++bar) {
    BarClosed closed;
    closed.bar.bar = bar;
    closed.bpm = 100.0;
    closed.pad_names = &pads;
    // The kick loud then soft, the snare even.
    for (const auto& [pad, offset_ms, velocity] :
         {std::tuple{0, 4.0, 100}, {1, -12.0, 90}, {0, 6.0, 80}, {1, -8.0, 90}}) {
      closed.strokes.push_back(stroke(pad, offset_ms, velocity));
      closed.bar.tally.add_hit(offset_ms);
      step.tally.add_hit(offset_ms);
    }
    view.bar_closed(closed);
  }
  stroke(1, -31.0);  // the latest, in a bar still open

  SessionState state;
  state.seconds = 75.4;
  state.bpm = 100.0;
  state.bar = 2;
  state.beat = 1;
  state.click = ClickState::gap;
  state.step = step;
  state.underflows = song ? 0 : 3;
  state.midi_connected = song;
  state.song_skips = song ? 2 : 0;
  for (SessionKey key = SessionKey::none; key != SessionKey::quit; key = screen.poll()) {
    view.state_changed(state);
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  screen.close();
}
