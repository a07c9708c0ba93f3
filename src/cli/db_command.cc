#include "cli/commands.h"

namespace gongkai::cli {

void AddDbCommands(CLI::App& /*app*/, GlobalOptions& /*global*/) {}

}  // namespace gongkai::cli
