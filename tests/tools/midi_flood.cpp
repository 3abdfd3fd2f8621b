// A misbehaving kit for tests: a JACK client that floods a MIDI port with note-ons at a fixed
// rate, spread over the frames of each period and cycling over a set of notes, together with
// MIDI clock (24 a beat at 120 BPM) and active sensing (every 300 ms), as some modules send.
// It counts what it sent and prints the counts when it ends.
//
// usage: midi_flood --play-to PORT --rate NOTES_PER_SECOND --seconds S --notes 36,38,42
//                   [--name CLIENT] [--wait-seconds S] [--sent FILE] [--missed FILE]
//                   [--listen PORT]
// --wait-seconds: connect at once but start sending only after this long (the count-in).
// --sent FILE: every note-on it sent, a line "frame note" each, at the frame where its cycle
// really began plus its place in the period (see cycle_times.hpp).
// --missed FILE: the first frame of each cycle the server ran without the flood. Its MIDI output
// then still holds the cycle before's events, which a client that reads it reads again.
// --listen PORT: also take that audio port in (and nothing more), so that the server runs the
// flood after the client that plays it, as it runs a drummer who hears the click: a client
// that runs late then finds the flood's events of its cycle still there.
// Prints "note_ons N clock M active_sensing K xruns X" on standard output (X: the xruns the
// server told of while it ran).
#include <jack/jack.h>
#include <jack/midiport.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cycle_times.hpp"
#include "note_list.hpp"

namespace {

struct Settings {
  std::string play_to;
  std::string name = "flood";
  double rate = 5000.0;
  double seconds = 10.0;
  double wait_seconds = 0.0;
  std::vector<int> notes = {38};
  std::string sent;    // where to write each note-on sent
  std::string listen;  // an audio port to follow
  std::string missed;  // where to write the cycles it missed
};

// A note-on sent: in which cycle, where in its period.
struct Sent {
  std::size_t cycle;
  jack_nframes_t at;
  int note;
};

constexpr std::size_t kMaxSent = 1 << 20;
constexpr std::size_t kMaxCycles = 1 << 21;

constexpr double kClockPerSecond = 24.0 * 120.0 / 60.0;
constexpr double kSensingPerSecond = 1.0 / 0.3;

std::atomic<bool> stop{false};

class Flood {
 public:
  explicit Flood(Settings s) : s_(std::move(s)), cycles_(kMaxCycles) { sent_.reserve(kMaxSent); }

  bool open() {
    client_ = jack_client_open(s_.name.c_str(), JackNoStartServer, nullptr);
    if (client_ == nullptr) return false;
    rate_ = jack_get_sample_rate(client_);
    out_ = jack_port_register(client_, "midi_out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    if (!s_.listen.empty())
      in_ = jack_port_register(client_, "audio_in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    jack_set_process_callback(
        client_, [](jack_nframes_t n, void* self) { return static_cast<Flood*>(self)->process(n); },
        this);
    // The server's xruns: in a cycle its reader misses, a MIDI event is gone before it is read.
    jack_set_xrun_callback(
        client_,
        [](void* self) {
          static_cast<Flood*>(self)->xruns_.fetch_add(1);
          return 0;
        },
        this);
    return out_ != nullptr && jack_activate(client_) == 0;
  }

  void connect_when_ready() {
    bool following = in_ == nullptr, playing = false;
    while (!stop.load() && !(following && playing)) {
      if (!following)
        following = jack_connect(client_, s_.listen.c_str(), jack_port_name(in_)) == 0;
      if (!playing) playing = jack_connect(client_, jack_port_name(out_), s_.play_to.c_str()) == 0;
      if (!(following && playing)) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    connected_at_.store(jack_frame_time(client_));
    connected_.store(true);
  }

  bool done() const { return finished_.load(); }

  void close_and_report() {
    jack_deactivate(client_);
    jack_client_close(client_);
    const std::vector<jack_nframes_t> began = cycles_.began();
    if (!s_.missed.empty()) {
      std::FILE* f = std::fopen(s_.missed.c_str(), "w");
      for (const jack_nframes_t frame : cycles_.missed(began))
        if (f != nullptr) std::fprintf(f, "%ld\n", static_cast<long>(frame));
      if (f != nullptr) std::fclose(f);
    }
    if (!s_.sent.empty()) {
      std::FILE* f = std::fopen(s_.sent.c_str(), "w");
      for (std::size_t i = 0; f != nullptr && i < sent_count_.load(); ++i)
        std::fprintf(f, "%ld %d\n", static_cast<long>(began.at(sent_[i].cycle) + sent_[i].at),
                     sent_[i].note);
      if (f != nullptr) std::fclose(f);
    }
    std::printf("note_ons %ld clock %ld active_sensing %ld xruns %ld\n", note_ons_.load(),
                clock_.load(), sensing_.load(), xruns_.load());
  }

 private:
  // Events of a kind due in this period, from a running total at `per_second`.
  static long due(double elapsed_seconds, double per_second, long sent) {
    return static_cast<long>(elapsed_seconds * per_second) - sent;
  }

  int process(jack_nframes_t frames) {
    void* midi = jack_port_get_buffer(out_, frames);
    jack_midi_clear_buffer(midi);
    const jack_nframes_t now = jack_last_frame_time(client_);
    const std::size_t cycle = cycles_.record(now, frames);
    if (!connected_.load() || finished_.load()) return 0;
    // Signed: the frame estimate taken at connection may be ahead of this cycle's start.
    const double elapsed =
        static_cast<double>(static_cast<std::int32_t>(now - connected_at_.load())) / rate_ -
        s_.wait_seconds;
    if (elapsed < 0.0) return 0;
    if (elapsed >= s_.seconds) {
      finished_.store(true);
      return 0;
    }
    const double end = elapsed + static_cast<double>(frames) / rate_;
    const long notes = due(end, s_.rate, note_ons_.load());
    for (long i = 0; i < notes; ++i) {
      const auto at = static_cast<jack_nframes_t>(i * frames / notes);
      const int note = s_.notes[static_cast<std::size_t>(next_note_++ % s_.notes.size())];
      const unsigned char on[3] = {0x99, static_cast<unsigned char>(note), 100};
      if (jack_midi_event_write(midi, at, on, 3) != 0) continue;
      note_ons_.fetch_add(1);
      const std::size_t n = sent_count_.load(std::memory_order_relaxed);
      if (n < kMaxSent) {
        sent_.push_back({cycle, at, note});  // capacity reserved
        sent_count_.store(n + 1, std::memory_order_release);
      }
    }
    const unsigned char clock = 0xf8, sensing = 0xfe;
    for (long i = due(end, kClockPerSecond, clock_.load()); i > 0; --i) {
      if (jack_midi_event_write(midi, frames - 1, &clock, 1) == 0) clock_.fetch_add(1);
    }
    for (long i = due(end, kSensingPerSecond, sensing_.load()); i > 0; --i) {
      if (jack_midi_event_write(midi, frames - 1, &sensing, 1) == 0) sensing_.fetch_add(1);
    }
    return 0;
  }

  Settings s_;
  jack_client_t* client_ = nullptr;
  jack_port_t* out_ = nullptr;
  jack_port_t* in_ = nullptr;
  double rate_ = 48000.0;
  std::atomic<bool> connected_{false};
  std::atomic<jack_nframes_t> connected_at_{0};
  std::atomic<bool> finished_{false};
  std::atomic<long> note_ons_{0}, clock_{0}, sensing_{0}, xruns_{0};
  long next_note_ = 0;
  CycleTimes cycles_;
  std::vector<Sent> sent_;
  std::atomic<std::size_t> sent_count_{0};
};

}  // namespace

int main(int argc, char** argv) {
  Settings s;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const char* value = argv[i + 1];
    if (key == "--play-to")
      s.play_to = value;
    else if (key == "--name")
      s.name = value;
    else if (key == "--rate")
      s.rate = std::atof(value);
    else if (key == "--seconds")
      s.seconds = std::atof(value);
    else if (key == "--wait-seconds")
      s.wait_seconds = std::atof(value);
    else if (key == "--notes")
      s.notes = parse_notes(value);
    else if (key == "--sent")
      s.sent = value;
    else if (key == "--listen")
      s.listen = value;
    else if (key == "--missed")
      s.missed = value;
  }
  if (s.play_to.empty() || s.notes.empty()) {
    std::fprintf(stderr, "usage: midi_flood --play-to PORT --rate N --seconds S --notes 36,38\n");
    return 2;
  }
  std::signal(SIGTERM, [](int) { stop.store(true); });
  Flood flood(s);
  if (!flood.open()) {
    std::fprintf(stderr, "midi_flood: cannot open a JACK client\n");
    return 1;
  }
  flood.connect_when_ready();
  while (!stop.load() && !flood.done()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  flood.close_and_report();
  return 0;
}
