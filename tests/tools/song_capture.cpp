// song_capture: a JACK client that records what pocket plays on both of its outputs, as a
// stereo float WAV, each cycle's frames placed at the server's frame time of that cycle (from
// its first cycle on), so that a cycle this client was not run for is silence of its own length
// rather than a shift of all that follows. It connects to pocket:out_0 and pocket:out_1 once
// they exist and records until SIGTERM or --seconds.
//
// usage: song_capture --out FILE.wav [--seconds N] [--from CLIENT]
#include <jack/jack.h>
#include <sndfile.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

std::atomic<bool> stop{false};

struct Capture {
  jack_client_t* client = nullptr;
  jack_port_t* in[2] = {nullptr, nullptr};
  std::vector<float> frames;  // interleaved stereo, preallocated
  std::size_t capacity = 0;   // frames
  bool started = false;
  jack_nframes_t first = 0;
  std::atomic<std::size_t> end{0};  // one past the last frame written

  int process(jack_nframes_t n) {
    const jack_nframes_t now = jack_last_frame_time(client);
    const auto* left = static_cast<const float*>(jack_port_get_buffer(in[0], n));
    const auto* right = static_cast<const float*>(jack_port_get_buffer(in[1], n));
    if (!started) {
      started = true;
      first = now;
    }
    const std::size_t at = static_cast<jack_nframes_t>(now - first);
    if (at + n > capacity) return 0;
    for (jack_nframes_t i = 0; i < n; ++i) {
      frames[2 * (at + i)] = left[i];
      frames[2 * (at + i) + 1] = right[i];
    }
    end.store(at + n, std::memory_order_release);
    return 0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string out, from = "pocket";
  double seconds = 600.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--out")
      out = argv[i + 1];
    else if (key == "--seconds")
      seconds = std::stod(argv[i + 1]);
    else if (key == "--from")
      from = argv[i + 1];
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: song_capture --out FILE.wav [--seconds N] [--from CLIENT]\n");
    return 2;
  }
  std::signal(SIGTERM, [](int) { stop.store(true); });
  Capture c;
  jack_status_t status{};
  c.client = jack_client_open("song_capture", JackNoStartServer, &status);
  if (c.client == nullptr) {
    std::fprintf(stderr, "song_capture: no JACK server\n");
    return 1;
  }
  const double rate = jack_get_sample_rate(c.client);
  c.capacity = static_cast<std::size_t>(seconds * rate);
  c.frames.assign(2 * c.capacity, 0.0f);
  c.in[0] = jack_port_register(c.client, "in_0", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  c.in[1] = jack_port_register(c.client, "in_1", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  jack_set_process_callback(
      c.client,
      [](jack_nframes_t n, void* self) { return static_cast<Capture*>(self)->process(n); }, &c);
  if (jack_activate(c.client) != 0) return 1;
  bool connected[2] = {false, false};
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!stop.load() && std::chrono::steady_clock::now() < until) {
    for (int p = 0; p < 2; ++p) {
      const std::string port = from + ":out_" + std::to_string(p);
      if (!connected[p])
        connected[p] = jack_connect(c.client, port.c_str(), jack_port_name(c.in[p])) == 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  jack_deactivate(c.client);
  jack_client_close(c.client);
  SF_INFO info{};
  info.samplerate = static_cast<int>(rate);
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* file = sf_open(out.c_str(), SFM_WRITE, &info);
  if (file == nullptr) return 1;
  const auto frames = static_cast<sf_count_t>(c.end.load());
  const bool written = sf_writef_float(file, c.frames.data(), frames) == frames;
  sf_close(file);
  return written ? 0 : 1;
}
