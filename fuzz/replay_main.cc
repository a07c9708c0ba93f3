// Replays inputs through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so the seed
// corpus runs under gcc's ASan+UBSan in the test tree (ctest) and CI need not build the whole
// parser stack a third time with clang. A crash aborts through the sanitizers; an input slower
// than the limit libFuzzer is given (-timeout=10) fails by name.
//   <target>_replay PATH...   (a directory is read recursively, in name order)
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr std::chrono::seconds kInputTimeLimit{10};

std::vector<std::filesystem::path> InputsUnder(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> inputs;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
  } else {
    inputs.push_back(path);
  }
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  int replayed = 0;
  int too_slow = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::filesystem::exists(argv[i])) {
      std::cerr << argv[i] << ": no such seed file or directory\n";
      return 2;
    }
    for (const auto& input : InputsUnder(argv[i])) {
      std::ifstream file(input, std::ios::binary);
      std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
      if (!file.good() && !file.eof()) {
        std::cerr << input.string() << ": cannot be read\n";
        return 2;
      }
      auto started = std::chrono::steady_clock::now();
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      auto took = std::chrono::steady_clock::now() - started;
      if (took > kInputTimeLimit) {
        std::cerr << input.string() << ": took "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                  << " ms, over the " << kInputTimeLimit.count() << " s limit\n";
        ++too_slow;
      }
      ++replayed;
    }
  }
  std::cout << "replayed " << replayed << " inputs, " << too_slow << " too slow\n";
  return too_slow == 0 ? 0 : 1;
}
