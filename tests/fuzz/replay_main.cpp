// Runs a fuzz target's entry point on every file of the folders (or files) given, so that the
// seed corpus and every input that ever crashed are checked by the ordinary test suite.
// A folder that is missing or empty is an error: the test must visit what it claims to.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  std::printf("%s (%zu bytes)\n", file.c_str(), bytes.size());
  std::fflush(stdout);  // so that a crash names the input it was on
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path = argv[i];
    std::size_t count = 0;
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (!entry.is_regular_file()) continue;
        run(entry.path());
        ++count;
      }
    } else if (std::filesystem::is_regular_file(path)) {
      run(path);
      count = 1;
    }
    if (count == 0) {
      std::fprintf(stderr, "replay: %s holds no inputs\n", path.c_str());
      return 1;
    }
    total += count;
  }
  std::printf("replayed %zu inputs\n", total);
  return 0;
}
