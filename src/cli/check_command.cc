#include "cli/commands.h"

namespace gongkai::cli {

void AddCheckCommand(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
